"""Follow-up sequences over a real store, with fixed dates: steps due on their day, stopped by
a new order or a removed tag, enrolment from an imported order, bad TOML named by line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from studio.model import Address, Contact, Email, PartialDate
from studio.paths import AppPaths
from studio.services.occasions import log_event, today_report
from studio.services.orders import import_orders
from studio.services.sequences import complete_step, due_steps, enroll, sequence_listing
from studio.store import Store
from studio.store.history import Event
from studio.touches.due_steps import card_batches, cards_headline
from studio.touches.sequences import SequenceError, load_book, parse_sequence

D = dt.date
EXPORT = Path(__file__).parent.parent / "orders" / "fixtures" / "back-office-orders.csv"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", db_path=tmp_path / "test.sqlite3", home_chosen=True)


def _customer(store: Store, name: str, *tags: str) -> int:
    given, family = name.split()
    with store.transaction():
        home = Address(street="1 Main St", city="Springfield", region="IL", postal_code="62701", country="US")
        return store.contacts.add(Contact(given_name=given, family_name=family, tags=list(tags),
                                          emails=[Email(f"{given.lower()}@example.com")], addresses=[home]))


def _steps(store: Store, today: dt.date, paths: AppPaths | None = None) -> list[tuple[str, str, str, str]]:
    return [(s.contact_name, s.sequence, s.label, s.due.isoformat()) for s in due_steps(store, today, paths)]


def test_a_first_order_starts_new_customer_and_its_steps_come_due_on_their_days(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    log_event(store, str(anna), "order", D(2026, 3, 1), today=D(2026, 3, 1))
    # preparation_days is 1: the day-2 thank-you (post by 3 March) is due on 2 March.
    assert _steps(store, D(2026, 3, 1)) == []
    assert _steps(store, D(2026, 3, 2)) == [("Anna Berg", "New customer", "thank-you card", "2026-03-02")]
    step = due_steps(store, D(2026, 3, 2), None)[0]
    assert (step.kind, step.template, step.mail_by) == ("card", "thank-you-order", D(2026, 3, 3))
    complete_step(store, step.enrolment_id, step.step, D(2026, 3, 2))
    assert _steps(store, D(2026, 3, 14)) == []
    assert _steps(store, D(2026, 3, 15)) == [("Anna Berg", "New customer", "call: how do you like it?",
                                              "2026-03-15")]


def test_a_new_order_stops_new_customer_and_starts_the_reorder_card(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    log_event(store, str(anna), "order", D(2026, 3, 1), today=D(2026, 3, 1))
    log_event(store, str(anna), "order", D(2026, 3, 29), today=D(2026, 3, 29))
    # The day-45 check-in (15 April) would be due; the second order stopped the sequence.
    # The reorder card: every 28 days, so next around 26 April; posted 7 days before, due a day earlier.
    assert _steps(store, D(2026, 4, 18)) == [("Anna Berg", "Reorder", "reorder reminder card", "2026-04-18")]
    line = [e for e in sequence_listing(store, None).enrolments if e.enrolment.sequence == "new-customer"][0]
    assert (line.status, line.why) == ("stopped", "ordered again 2026-03-29")


def test_a_step_left_a_month_lapses(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    enroll(store, str(anna), "new customer", D(2026, 3, 1), None)
    assert [s[2] for s in _steps(store, D(2026, 4, 1))] == ["thank-you card", "call: how do you like it?"]
    assert [s[2] for s in _steps(store, D(2026, 4, 2))] == ["call: how do you like it?"]  # due 2 March
    line = sequence_listing(store, None, today=D(2026, 5, 20)).enrolments[0]
    assert (line.status, line.why) == ("finished", "every step done, skipped or lapsed")


def test_an_order_recorded_any_other_way_stops_it_too(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    log_event(store, str(anna), "order", D(2026, 3, 1), today=D(2026, 3, 1))
    with store.transaction():  # an order that enrols nobody (not through the services)
        store.history.add_event(Event(anna, "order", D(2026, 3, 10)))
    assert [s for s in _steps(store, D(2026, 3, 15)) if s[1] == "New customer"] == []


def test_an_imported_order_enrols_the_new_customers(store: Store) -> None:
    report = import_orders(store, EXPORT, today=D(2026, 12, 4))
    assert report.enrolled >= 1
    steps = _steps(store, D(2026, 12, 5))
    # Hannah's first order (3 Dec, two lines) and Priya's (2 Dec): thank-yous due the day before posting.
    assert ("Hannah Lee", "New customer", "thank-you card", "2026-12-04") in steps
    assert ("Priya Raman", "New customer", "thank-you card", "2026-12-03") in steps
    # Robert ordered on 2 Nov and 30 Nov: no first order in this export, and his reorder card is
    # 7 days before 28 Dec.
    assert not [s for s in steps if s[0] == "Robert Johnson"]
    reorder = ("Robert Johnson", "Reorder", "reorder reminder card", "2026-12-20")
    assert reorder in _steps(store, D(2026, 12, 20))
    again = import_orders(store, EXPORT, today=D(2026, 12, 5))
    assert again.enrolled == 0


def test_an_old_order_imported_today_does_not_flood_today(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    log_event(store, str(anna), "order", D(2025, 6, 1), today=D(2026, 3, 1))
    assert _steps(store, D(2026, 3, 1)) == []
    assert sequence_listing(store, None).enrolments == []


def test_untagging_stops_a_sequence_that_asks_for_the_tag(store: Store, paths: AppPaths) -> None:
    folder = paths.data_dir / "sequences"
    folder.mkdir(parents=True)
    (folder / "welcome-vip.toml").write_text(
        'name = "Welcome VIP"\n[trigger]\non = "tag"\ntag = "vip"\n[stop]\nuntagged = "vip"\n'
        '[[steps]]\nafter_days = 3\nkind = "call"\nlabel = "welcome call"\n', encoding="utf-8")
    today = dt.date.today()  # a new contact is one added lately: the store dates it by its clock
    bea = _customer(store, "Bea Vogel", "vip")
    assert _steps(store, today + dt.timedelta(days=3), paths) == [
        ("Bea Vogel", "Welcome VIP", "welcome call", (today + dt.timedelta(days=3)).isoformat())]
    with store.transaction():
        store.contacts.set_tags(bea, ["customer"])
    assert _steps(store, today + dt.timedelta(days=3), paths) == []
    line = sequence_listing(store, paths).enrolments[0]
    assert (line.status, line.why) == ("stopped", "no longer tagged vip")


def test_a_birthday_sequence_enrols_the_birthdays_coming_up(store: Store, paths: AppPaths) -> None:
    folder = paths.data_dir / "sequences"
    folder.mkdir(parents=True)
    (folder / "birthday.toml").write_text(
        'name = "Birthday"\n[trigger]\non = "birthday"\n'
        '[[steps]]\nbefore_days = 5\nkind = "card"\ntemplate = "birthday-balloons"\nlabel = "birthday card"\n'
        '[[steps]]\nafter_days = 0\nkind = "call"\nlabel = "birthday call"\n', encoding="utf-8")
    with store.transaction():
        store.contacts.add(Contact(given_name="Cleo", family_name="Park", birthday=PartialDate(3, 20, 1990)))
    assert _steps(store, D(2026, 3, 13), paths) == []
    assert _steps(store, D(2026, 3, 14), paths) == [("Cleo Park", "Birthday", "birthday card", "2026-03-14")]
    assert [s[2] for s in _steps(store, D(2026, 3, 20), paths)] == ["birthday card", "birthday call"]
    assert [e.anchor for e in store.sequences.enrolments()] == [D(2026, 3, 20)]  # enrolled once


def test_a_call_step_done_is_a_call_touch_and_a_manual_enrolment_counts_from_today(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    enroll(store, str(anna), "new customer", D(2026, 5, 1), None)
    call = [s for s in due_steps(store, D(2026, 5, 15), None) if s.kind == "call"][0]
    assert call.due == D(2026, 5, 15)
    event_id = complete_step(store, call.enrolment_id, call.step, D(2026, 5, 15))
    calls = store.history.events(contact_id=anna, kinds=["call"])
    assert [(e.id, e.date, e.note) for e in calls] == [(event_id, D(2026, 5, 15),
                                                        "New customer: call: how do you like it?")]


def test_due_cards_are_counted_for_one_mailing_per_template(store: Store) -> None:
    for n in range(3):
        log_event(store, str(_customer(store, f"New{n} Family", "customer")), "order", D(2026, 1, 1),
                  today=D(2026, 1, 1))
    for n in range(2):  # enrolled 45 days ago, and no order since
        old = _customer(store, f"Old{n} Family", "customer")
        enroll(store, str(old), "new customer", D(2025, 11, 20), None)
    for step in due_steps(store, D(2025, 12, 5), None):  # their thank-you and call are behind them
        complete_step(store, step.enrolment_id, step.step, D(2025, 12, 5), skip=True)
    batches = card_batches(due_steps(store, D(2026, 1, 3), None))
    assert cards_headline(batches) == "3 thank-you cards and 2 check-in cards are due"
    assert [(b.template, len(b.contact_ids)) for b in batches] == [("thank-you-order", 3),
                                                                   ("thinking-of-you", 2)]


def test_the_today_report_carries_the_steps_and_lists_a_thank_you_once(store: Store) -> None:
    anna = _customer(store, "Anna Berg", "customer")
    log_event(store, str(anna), "order", D(2026, 3, 1), today=D(2026, 3, 1))
    for day in (D(2026, 3, 2), D(2026, 3, 3)):  # the order's thank-you, coming up then to post
        assert today_report(store, day).steps == []
    assert [i.occasion.key for i in today_report(store, D(2026, 3, 3)).due] == ["thank-you"]
    assert [s.label for s in today_report(store, D(2026, 3, 15)).steps] == ["call: how do you like it?"]


def test_the_bundled_sequences_load() -> None:
    book = load_book()
    assert [s.id for s in book] == ["new-customer", "reorder"]
    new = book.find("New customer")
    assert [(s.days, s.kind, s.template) for s in new.steps] == [
        (2, "card", "thank-you-order"), (14, "call", ""), (45, "card", "thinking-of-you")]
    assert [(s.days, s.kind) for s in book.find("reorder").steps] == [(-7, "card")]


@pytest.mark.parametrize(("text", "line", "words"), [
    ('name = "x"\n[trigger]\non = "first-order"\n[[steps]]\nafter_days = 2\nkind = "postcard"\n', 6,
     "'postcard' is not a step"),
    ('name = "x"\n[trigger]\non = "first-order"\n[[steps]]\nafter_days = 2\nkind = "call"\n'
     '[[steps]]\nafter_days = 9\nkind = "card"\n', 9, "name its template"),
    ('[trigger]\non = "whenever"\n[[steps]]\nafter_days = 2\nkind = "call"\n', 2, "is not a trigger"),
    ('[trigger]\non = "order"\n[[steps]]\nafter_days = "soon"\nkind = "call"\n', 4, "a number of days"),
    ('[trigger]\non = "order"\n[[steps]]\nkind = "call"\n', 3, "needs after_days"),
    ('[trigger\non = "order"\n', 1, "not valid TOML"),
])
def test_a_bad_sequence_file_is_named_with_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "mine.toml"
    with pytest.raises(SequenceError) as caught:
        parse_sequence(text, path)
    message = str(caught.value)
    assert str(path) in message and f"line {line}" in message and words in message


def test_a_contact_restored_from_the_bin_gets_its_sequences_and_steps_back(store: Store) -> None:
    from studio.services.addressbook import delete_contacts
    from studio.services.bin import restore

    anna = _customer(store, "Anna Berg", "customer")
    enroll(store, str(anna), "new customer", D(2026, 5, 1), None)
    call = [s for s in due_steps(store, D(2026, 5, 15), None) if s.kind == "call"][0]
    event_id = complete_step(store, call.enrolment_id, call.step, D(2026, 5, 15))
    store.sequences.stop(anna, "new-customer", D(2026, 5, 20))
    before = store.sequences.enrolments(contact_id=anna)[0]

    delete_contacts(store, [anna])
    assert store.sequences.enrolments(contact_id=anna) == []
    [binned] = store.bin.all()
    assert [e.sequence for e in binned.enrolments] == ["new-customer"]  # kept across a reopen of the bin
    [back] = restore(store, [binned.id])

    [after] = store.sequences.enrolments(contact_id=back.id)
    assert (after.sequence, after.started, after.anchor, after.trigger, after.stopped_on, after.steps) == \
        (before.sequence, before.started, before.anchor, before.trigger, before.stopped_on, before.steps)
    [touch] = store.history.events(contact_id=back.id, kinds=["call"])
    step_event = store.connection.execute("SELECT event_id FROM sequence_steps WHERE enrolment_id = ?",
                                     (after.id,)).fetchone()[0]
    assert event_id is not None and step_event == touch.id  # the step names the restored touch
    assert store.sequences.forget_step(after.id, call.step) == touch.id
