"""Customers not thanked lately."""

from __future__ import annotations

import datetime as dt

from studio.model import Contact, PartialDate
from studio.occasions import not_thanked_lately

D = dt.date


def test_customers_without_a_sent_card_in_the_period_most_neglected_first() -> None:
    contacts = [
        Contact(id=1, display_name="Recent", tags=["customer"]),
        Contact(id=2, display_name="Long ago", tags=["Customer"]),
        Contact(id=3, display_name="Never", tags=["customer"]),
        Contact(id=4, display_name="New customer", tags=["customer"], customer_since=PartialDate(5, 1, 2026)),
        Contact(id=5, display_name="Old customer", tags=["customer"], customer_since=PartialDate(1, 2, 2020)),
        Contact(id=6, display_name="Prospect", tags=["prospect"]),
        Contact(id=7, display_name="Exactly 90", tags=["customer"]),
    ]
    last_sent = {1: D(2026, 5, 1), 2: D(2025, 12, 20), 7: D(2026, 3, 2)}
    found = not_thanked_lately(contacts, last_sent, D(2026, 5, 31), 90)
    assert [(n.contact_name, n.last_card, n.days) for n in found] == [
        ("Never", None, None),
        ("Old customer", None, 2341),
        ("Long ago", D(2025, 12, 20), 162),
    ]


def test_everyone_counts_when_nobody_is_tagged_customer() -> None:
    contacts = [Contact(id=1, display_name="A"), Contact(id=2, display_name="B", tags=["team"])]
    found = not_thanked_lately(contacts, {2: D(2026, 5, 30)}, D(2026, 5, 31), 90)
    assert [n.contact_id for n in found] == [1]
