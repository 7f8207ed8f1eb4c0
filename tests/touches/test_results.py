"""The results loop over a real store with fixed dates: the weekly goal and its streak, and
the share of customers who reordered after a card against those who got none."""

from __future__ import annotations

import datetime as dt

from studio.model import Contact
from studio.services.preferences import update_settings
from studio.services.results import results_report
from studio.store import Store
from studio.store.history import Event, Mailing, MailingItem
from studio.touches.results import WeekTally, streak

D = dt.date
TODAY = D(2026, 6, 30)  # a Tuesday


def _customers(store: Store, count: int, prefix: str) -> list[int]:
    with store.transaction():
        return [store.contacts.add(Contact(given_name=f"{prefix}{n}", family_name="Customer",
                                           tags=["customer"])) for n in range(count)]


def _post(store: Store, contact_ids: list[int], day: dt.date) -> None:
    mailing = Mailing("thank-you", day.year, "thank-you-order", created_at=f"{day.isoformat()}T09:00:00",
                      items=[MailingItem(n, cid, f"#{cid}", "thank-you", day, "thank-you-order")
                             for n, cid in enumerate(contact_ids, start=1)])
    with store.transaction():
        store.history.mark_sent(store.history.add_mailing(mailing), day)


def _order(store: Store, contact_id: int, day: dt.date) -> None:
    with store.transaction():
        store.history.add_event(Event(contact_id, "order", day))


def test_shares_of_customers_who_reordered_after_a_card_and_without_one(store: Store) -> None:
    carded = _customers(store, 12, "Card")
    others = _customers(store, 10, "None")
    _post(store, carded, D(2026, 4, 20))
    for cid in carded[:9]:
        _order(store, cid, D(2026, 5, 10))  # 20 days after the card
    _order(store, carded[9], D(2026, 6, 1))  # 42 days after: too late to count
    # Those without a card are asked about the 30 days after the window's middle (16 May).
    for cid in others[:3]:
        _order(store, cid, D(2026, 5, 30))
    _order(store, others[3], D(2026, 4, 1))  # before those days: no
    reorders = results_report(store, TODAY).reorders
    assert reorders.comparable
    card = reorders.with_card
    assert (card.customers, card.reordered, card.share) == (12, 9, 0.75)
    assert (reorders.without_card.customers, reorders.without_card.reordered,
            reorders.without_card.share) == (10, 3, 0.3)
    assert reorders.verdict() == ("75 % of customers who got a card ordered within 30 days (9 of 12), "
                                  "against 30 % of those who got none (3 of 10).")
    assert [c.ordered for c in reorders.cards].count(True) == 9


def test_too_few_customers_are_said_in_words_not_a_percentage(store: Store) -> None:
    carded = _customers(store, 4, "Card")
    _customers(store, 30, "None")
    _post(store, carded, D(2026, 4, 20))
    _order(store, carded[0], D(2026, 5, 1))
    data = results_report(store, TODAY).to_json()["reorders"]
    assert data["comparable"] is False
    assert data["with_card"]["share"] is None and data["without_card"]["share"] is None
    assert data["verdict"].startswith("Too few customers to compare yet: 4 who got a card and 30 who "
                                      "got none")
    assert "%" not in data["verdict"]


def test_a_card_whose_30_days_are_not_over_is_still_waiting(store: Store) -> None:
    carded = _customers(store, 2, "Card")
    _post(store, carded, D(2026, 6, 20))
    _order(store, carded[0], D(2026, 6, 25))
    reorders = results_report(store, TODAY).reorders
    card = reorders.with_card
    assert (card.customers, card.reordered, card.waiting) == (1, 1, 1)


def test_the_weekly_goal_and_the_streak_of_weeks_that_met_it(store: Store) -> None:
    update_settings(store, [("weekly_goal.cards", "2"), ("weekly_goal.calls", "1")])
    people = _customers(store, 2, "P")
    for monday in (D(2026, 6, 8), D(2026, 6, 15), D(2026, 6, 22)):  # three weeks in a row
        _post(store, people, monday)
        with store.transaction():
            store.history.add_event(Event(people[0], "call", monday + dt.timedelta(days=2)))
    _post(store, people, D(2026, 5, 25))  # the week of 1 June had nothing: the streak starts after it
    report = results_report(store, TODAY)
    assert report.streak_weeks == 3
    assert (report.this_week.cards, report.this_week.calls, report.this_week.met) == (0, 0, False)
    assert report.goal_text() == "This week: 0 of 2 cards posted and 0 of 1 calls made (to go)."
    assert [w.met for w in report.weeks[-4:]] == [True, True, True, False]


def test_this_week_joins_the_streak_once_met_and_does_not_break_it_before() -> None:
    def week(n: int, met: bool) -> WeekTally:
        return WeekTally(D(2026, 6, 1) + dt.timedelta(weeks=n), 0, 0, met)

    assert streak([week(0, True), week(1, True), week(2, False)]) == 2
    assert streak([week(0, True), week(1, True), week(2, True)]) == 3
    assert streak([week(0, True), week(1, False), week(2, True)]) == 1
    assert streak([]) == 0
