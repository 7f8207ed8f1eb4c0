"""Occasion use cases over a real store filled from the bundled sample contacts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import vobject

from studio.contacts.reader import read_vcard_file
from studio.errors import UsageError
from studio.paths import bundled_dir
from studio.services import occasions as service
from studio.store.history import Mailing, MailingItem

D = dt.date
SAMPLES = bundled_dir("assets") / "samples" / "sample-contacts.vcf"


@pytest.fixture
def sample_store(store):
    parsed = read_vcard_file(SAMPLES)
    assert not parsed.problems
    with store.transaction():
        for card in parsed.cards:
            store.contacts.add(card.contact)
    return store


def contact_id(store, name: str) -> int:
    [found] = [c.id for c in store.contacts.iter_all() if c.name == name]
    return found


def test_sample_contacts_import_with_every_kind_of_date(sample_store) -> None:
    people = {c.name: c for c in sample_store.contacts.iter_all()}
    assert len(people) == 32
    zoe = people["Zoë Ångström-Núñez"]
    assert (str(zoe.birthday), str(zoe.anniversary), str(zoe.customer_since), zoe.spouse) == (
        "1984-03-14", "2010-06-19", "2021-05-03", "Henrik")
    assert str(people["Margaret O'Brien"].birthday) == "--11-30"  # Apple's omitted year
    assert str(people["Priya Raman"].birthday) == "1988-02-29"
    assert [d.label for d in people["Grace Kim"].dates] == ["Joined the team"]
    assert {"王小明", "Анна Смирнова", "田中 由紀"} <= set(people)
    assert sum(1 for c in people.values() if c.preferred_address() is None) == 4


def test_upcoming_late_november_from_the_samples(sample_store) -> None:
    items = service.list_upcoming(sample_store, D(2026, 11, 20), 11)
    seen = {(i.occasion.contact_name, i.occasion.key): i.occasion for i in items}
    margaret = seen[("Margaret O'Brien", "birthday")]
    assert (margaret.date, margaret.years) == (D(2026, 11, 30), None)
    assert margaret.mail_by == D(2026, 11, 19)  # Ireland: international, 10 + 1 days
    assert seen[("Robert Johnson", "anniversary")].years == 28
    assert seen[("Robert Johnson", "thanksgiving")].date == D(2026, 11, 26)
    assert ("Émilie Tremblay", "thanksgiving") not in seen  # Canada's was in October
    mail_by = [i.occasion.mail_by for i in items]
    assert mail_by == sorted(mail_by)
    assert items[0].to_json().keys() >= {"date", "mail_by", "kind", "name", "contact_id", "contact_name",
                                         "years"}


def test_logged_order_is_due_within_two_days_until_mailed(sample_store) -> None:
    logged = service.log_event(sample_store, "olivia", "order", D(2026, 3, 2), "refill pack")
    assert logged.contact.name == "Olivia Davis"
    assert logged.thank_you.mail_by == D(2026, 3, 4)
    assert [e.note for e in sample_store.history.events()] == ["refill pack"]

    def due_names(today: dt.date) -> list[str]:
        return [i.occasion.name for i in service.today_report(sample_store, today).due
                if i.occasion.kind == "thank-you"]

    assert due_names(D(2026, 3, 3)) == []
    assert due_names(D(2026, 3, 4)) == ["Thank you for your order"]
    with sample_store.transaction():
        sample_store.history.add_mailing(Mailing(occasion="thank-you", year=2026, template="thank-you-order",
                                                 items=[MailingItem(1, logged.contact.id, "Olivia Davis",
                                                                    "thank-you", D(2026, 3, 2), "t")]))
    assert due_names(D(2026, 3, 5)) == []


def test_log_needs_one_contact(sample_store) -> None:
    with pytest.raises(UsageError, match="matches .* contacts"):
        service.log_event(sample_store, "an", "order", D(2026, 3, 2))
    with pytest.raises(UsageError, match="no contact"):
        service.log_event(sample_store, "nobody at all", "order", D(2026, 3, 2))
    with pytest.raises(UsageError, match="no contact with id 999"):
        service.log_event(sample_store, "999", "order", D(2026, 3, 2))
    with pytest.raises(UsageError, match="order, referral"):
        service.log_event(sample_store, "olivia", "purchase", D(2026, 3, 2))


def test_not_thanked_lately_counts_only_sent_mailings(sample_store) -> None:
    robert = contact_id(sample_store, "Robert Johnson")
    names = {n.contact_name for n in service.today_report(sample_store, D(2026, 6, 1)).not_thanked}
    assert "Robert Johnson" in names and "Grace Kim" not in names  # only customers
    with sample_store.transaction():
        mailing_id = sample_store.history.add_mailing(Mailing(
            occasion="birthday", year=2026, template="t",
            items=[MailingItem(1, robert, "Robert Johnson", "birthday", D(2026, 8, 22), "t")]))
    report = service.today_report(sample_store, D(2026, 6, 1))
    assert "Robert Johnson" in {n.contact_name for n in report.not_thanked}  # printed, not posted
    assert [m.id for m in report.unposted] == [mailing_id]
    with sample_store.transaction():
        sample_store.history.mark_sent(mailing_id, D(2026, 5, 20))
    report = service.today_report(sample_store, D(2026, 6, 1))
    assert "Robert Johnson" not in {n.contact_name for n in report.not_thanked}
    assert report.unposted == []


def test_ics_export_of_the_samples_parses_back(sample_store, tmp_path: Path) -> None:
    items = service.list_upcoming(sample_store, D(2026, 12, 1), 45)
    path = tmp_path / "cards.ics"
    assert service.export_ics(items, path, dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)) == len(items)
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    summaries = [e.summary.value for e in calendar.vevent_list]
    assert any(s.startswith("Christmas (") for s in summaries)
    assert "Birthday: Claire Dubois (56)" in summaries
    assert all(hasattr(e, "valarm") for e in calendar.vevent_list if e.summary.value.startswith("Mail "))
