"""Occasions and their mail-by dates, with fixed dates: year ends, leap years, countries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from studio.model import Address, Contact, Feb29Rule, LabelledDate, PartialDate
from studio.occasions import HolidayCalendar, Window, due, load_catalogue, upcoming
from studio.settings import Settings

D = dt.date


@dataclass
class Logged:
    contact_id: int
    kind: str
    date: dt.date


@pytest.fixture
def calendar() -> HolidayCalendar:
    return HolidayCalendar(load_catalogue())


def person(contact_id: int, name: str, country: str = "USA", **fields) -> Contact:
    address = Address(street="1 Main Street", city="Springfield", postal_code="12345", country=country)
    return Contact(id=contact_id, display_name=name, addresses=[address], **fields)


def window(start: dt.date, days: int) -> Window:
    return Window.of_days(start, days)


def only_personal(settings: Settings | None = None) -> Settings:
    settings = settings or Settings()
    settings.holidays = []
    return settings


def test_birthday_without_year_appears_in_its_window_with_years_none(calendar) -> None:
    mary = person(1, "Mary", birthday=PartialDate.parse("--11-30"))
    settings = only_personal()

    found = upcoming([mary], [], settings, window(D(2026, 11, 1), 30), calendar)
    assert [(o.kind, o.date, o.years) for o in found] == [("birthday", D(2026, 11, 30), None)]
    # Domestic: 3 days in the post and a day to prepare.
    assert found[0].mail_by == D(2026, 11, 26)

    assert upcoming([mary], [], settings, window(D(2026, 12, 1), 30), calendar) == []
    assert upcoming([mary], [], settings, window(D(2026, 10, 1), 30), calendar) == []
    # The window is also about posting: a listing of 20-26 November shows the card due 26th.
    assert len(upcoming([mary], [], settings, window(D(2026, 11, 20), 7), calendar)) == 1


def test_leap_day_birthday_falls_on_28_february_in_a_common_year(calendar) -> None:
    priya = person(2, "Priya", birthday=PartialDate(2, 29, 1988))
    settings = only_personal()

    common = upcoming([priya], [], settings, window(D(2027, 2, 1), 28), calendar)
    assert [(o.date, o.years) for o in common] == [(D(2027, 2, 28), 39)]  # 39 on the day, not 38

    leap = upcoming([priya], [], settings, window(D(2028, 2, 1), 29), calendar)
    assert [(o.date, o.years) for o in leap] == [(D(2028, 2, 29), 40)]

    settings.feb29 = Feb29Rule.MAR_1
    march = upcoming([priya], [], settings, window(D(2027, 2, 20), 20), calendar)
    assert [(o.date, o.years) for o in march] == [(D(2027, 3, 1), 39)]


def test_year_end_wraps_into_january_with_the_right_age(calendar) -> None:
    lukas = person(3, "Lukas", birthday=PartialDate(1, 1, 1995))
    claire = person(4, "Claire", birthday=PartialDate(12, 31, 1970))
    settings = only_personal()

    found = upcoming([lukas, claire], [], settings, window(D(2026, 12, 20), 20), calendar)
    assert [(o.contact_name, o.date, o.years) for o in found] == [
        ("Claire", D(2026, 12, 31), 56), ("Lukas", D(2027, 1, 1), 32)]
    # Mail-by crosses the year end backwards too.
    assert found[1].mail_by == D(2026, 12, 28)


def test_us_and_canadian_thanksgiving_on_their_own_dates(calendar) -> None:
    ohio = person(5, "Robert", country="United States")
    montreal = person(6, "Émilie", country="Canada")
    settings = Settings(holidays=["thanksgiving"])

    found = upcoming([ohio, montreal], [], settings, window(D(2026, 9, 1), 120), calendar)
    assert [(o.contact_name, o.name, o.date) for o in found] == [
        ("Émilie", "Thanksgiving", D(2026, 10, 12)), ("Robert", "Thanksgiving", D(2026, 11, 26))]
    # From a US sender Canada is international: 10 days in the post and one to prepare.
    assert found[0].mail_by == D(2026, 10, 1)
    assert found[1].mail_by == D(2026, 11, 22)
    assert {o.years for o in found} == {None}


def test_holidays_follow_the_contacts_country_and_the_users_choice(calendar) -> None:
    tokyo = person(7, "Yuki", country="日本")
    berlin = person(8, "Anna", country="Deutschland")
    skokie = person(9, "Daniel", tags=["customer", "hanukkah"])
    settings = Settings(holidays=["christmas", "hanukkah", "mothers-day"])

    found = upcoming([tokyo, berlin, skokie], [], settings, window(D(2026, 12, 1), 31), calendar)
    pairs = {(o.contact_name, o.key) for o in found}
    # Christmas is no public holiday in Japan; Hanukkah is Daniel's because of his tag, instead
    # of Christmas.
    assert pairs == {("Anna", "christmas"), ("Daniel", "hanukkah")}
    hanukkah = next(o for o in found if o.key == "hanukkah")
    assert hanukkah.date == D(2026, 12, 5)

    may = upcoming([tokyo, berlin, person(10, "James", country="United Kingdom")], [], settings,
                   window(D(2026, 3, 1), 92), calendar)
    mothers = {o.contact_name: o.date for o in may if o.key == "mothers-day"}
    # Mothering Sunday in the UK (Easter − 21), the second Sunday of May elsewhere.
    assert mothers == {"James": D(2026, 3, 15), "Yuki": D(2026, 5, 10), "Anna": D(2026, 5, 10)}


def test_a_tag_naming_a_holiday_puts_the_contact_on_its_list_and_off_the_one_it_replaces(calendar) -> None:
    # Settings send Christmas cards only (the default); nobody switched Hanukkah or Diwali on.
    settings = Settings(holidays=["christmas"])
    cohen = person(9, "Daniel", tags=["customer", "hanukkah"])
    patel = person(10, "Priya", tags=["diwali"])
    both = person(11, "Miriam", tags=["hanukkah", "christmas"])  # a family that keeps both
    plain = person(12, "Anna", tags=["customer"])
    found = upcoming([cohen, patel, both, plain], [], settings, window(D(2026, 10, 1), 92), calendar)
    assert {(o.contact_name, o.key) for o in found} == {
        ("Daniel", "hanukkah"), ("Priya", "diwali"), ("Miriam", "hanukkah"), ("Miriam", "christmas"),
        ("Anna", "christmas")}
    assert calendar.catalogue.kept_instead("christmas", ["Hanukkah "]).name == "Hanukkah"
    assert calendar.catalogue.kept_instead("christmas", ["hanukkah", "christmas"]) is None
    assert calendar.catalogue.kept_instead("new-year", ["hanukkah"]) is None


def test_lunar_new_year_is_for_china_and_whoever_is_tagged(calendar) -> None:
    shanghai = person(11, "王小明", country="中国")
    dublin = person(12, "Margaret", country="Ireland")
    settings = Settings(holidays=["lunar-new-year"])
    found = upcoming([shanghai, dublin], [], settings, window(D(2027, 1, 1), 60), calendar)
    assert [(o.contact_name, o.date) for o in found] == [("王小明", D(2027, 2, 6))]


def test_anniversaries_customer_since_and_labelled_dates(calendar) -> None:
    zoe = person(13, "Zoë", anniversary=PartialDate(6, 19, 2010), customer_since=PartialDate(6, 3, 2021),
                 dates=[LabelledDate("Joined the team", PartialDate(6, 25, 2020))])
    found = upcoming([zoe], [], only_personal(), window(D(2026, 6, 1), 30), calendar)
    assert [(o.kind, o.name, o.years, o.key) for o in found] == [
        ("customer-anniversary", "5 years with us", 5, "customer-anniversary"),
        ("anniversary", "Wedding anniversary", 16, "anniversary"),
        ("date", "Joined the team", 6, "date:joined-the-team"),
    ]


def test_first_year_is_no_anniversary(calendar) -> None:
    newcomer = person(14, "New", customer_since=PartialDate(6, 3, 2026), birthday=PartialDate(6, 4, 2026))
    assert upcoming([newcomer], [], only_personal(), window(D(2026, 6, 1), 30), calendar) == []


def test_transit_days_by_country_override_and_preparation(calendar) -> None:
    tokyo = person(15, "Hiroshi", country="Japan", birthday=PartialDate(9, 9))
    settings = only_personal(Settings(transit_days_by_country={"JP": 6}, preparation_days=2))
    [occasion] = upcoming([tokyo], [], settings, window(D(2026, 9, 1), 30), calendar)
    assert occasion.mail_by == D(2026, 9, 1)  # 9 Sept − 6 − 2


def test_contact_without_address_counts_as_home_country(calendar) -> None:
    kevin = Contact(id=16, display_name="Kevin", birthday=PartialDate(5, 20, 1991))
    [occasion] = upcoming([kevin], [], only_personal(), window(D(2026, 5, 1), 30), calendar)
    assert occasion.mail_by == D(2026, 5, 16)


def test_upcoming_is_sorted_by_mail_by(calendar) -> None:
    home = person(17, "Home", birthday=PartialDate(12, 10))
    abroad = person(18, "Abroad", country="France", birthday=PartialDate(12, 12))
    found = upcoming([home, abroad], [], only_personal(), window(D(2026, 11, 20), 30), calendar)
    # France's card must go first although its birthday is later.
    assert [o.contact_name for o in found] == ["Abroad", "Home"]
    assert found[0].mail_by < found[1].mail_by


def test_recorded_order_is_a_thank_you_due_within_two_days(calendar) -> None:
    olivia = person(19, "Olivia")
    order = Logged(19, "order", D(2026, 12, 30))
    found = upcoming([olivia], [order], only_personal(), window(D(2026, 12, 30), 7), calendar)
    assert [(o.kind, o.name, o.date, o.mail_by) for o in found] == [
        ("thank-you", "Thank you for your order", D(2026, 12, 30), D(2027, 1, 1))]

    assert due([olivia], [order], only_personal(), D(2026, 12, 31), calendar) == []
    assert [o.kind for o in due([olivia], [order], only_personal(), D(2027, 1, 1), calendar)] == ["thank-you"]
    late = due([olivia], [order], only_personal(), D(2027, 1, 5), calendar)
    assert [o.mail_by for o in late] == [D(2027, 1, 1)]
    # Once in a mailing it is no longer due.
    assert due([olivia], [order], only_personal(), D(2027, 1, 5), calendar, mailed=lambda o: True) == []


def test_due_lists_what_must_go_today_or_is_late_but_not_long_missed(calendar) -> None:
    ann = person(20, "Ann", birthday=PartialDate(3, 10))
    settings = only_personal()
    assert due([ann], [], settings, D(2026, 3, 5), calendar) == []  # mail by 6 March
    assert [o.mail_by for o in due([ann], [], settings, D(2026, 3, 6), calendar)] == [D(2026, 3, 6)]
    assert len(due([ann], [], settings, D(2026, 3, 20), calendar)) == 1  # late, still worth a card
    assert due([ann], [], settings, D(2026, 3, 30), calendar) == []  # missed


def test_a_holiday_is_late_until_its_day_and_then_missed(calendar) -> None:
    ann = person(21, "Ann", birthday=PartialDate(12, 28))
    settings = Settings()
    settings.holidays = ["christmas", "new-year"]

    def listed(today: dt.date) -> list[tuple[str, dt.date]]:
        return [(o.key, o.date) for o in due([ann], [], settings, today, calendar)]

    assert listed(D(2026, 12, 25)) == [("christmas", D(2026, 12, 25)),  # late, but still the day
                                       ("birthday", D(2026, 12, 28))]
    assert listed(D(2026, 12, 31)) == [("birthday", D(2026, 12, 28)), ("new-year", D(2027, 1, 1))]
    # 2 January: both holidays are over (missed, not late); a birthday four days ago is still worth a card.
    assert listed(D(2027, 1, 2)) == [("birthday", D(2026, 12, 28))]
    assert listed(D(2027, 1, 12)) == []
