""""Not thanked lately": customers who have had no card in N days.

Customers leave when they feel forgotten; this is the list of those at risk. A customer is
a contact tagged ``customer`` (or every contact, when nobody carries that tag yet). Only
cards of mailings marked sent count: printed is not posted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from studio.model import Person

CUSTOMER_TAG = "customer"


@dataclass(frozen=True)
class NotThanked:
    """A customer with no card in the period, and since when."""

    contact_id: int
    contact_name: str
    last_card: dt.date | None  # the last mailing marked sent that included them
    customer_since: dt.date | None
    days: int | None  # days since the last card (or since they became a customer); None: never, unknown start


def is_customer(contact: Person) -> bool:
    return any(tag.strip().casefold() == CUSTOMER_TAG for tag in contact.tags)


def not_thanked_lately(contacts: Iterable[Person], last_sent: Mapping[int, dt.date],
                       today: dt.date, days: int) -> list[NotThanked]:
    """Customers without a sent card in the last ``days`` days, most neglected first.

    A customer who never had a card is listed unless they became a customer (a
    ``customer_since`` date with a year) within the period: a new customer is not yet
    forgotten. Those never thanked with no known start come first, then the longest wait.
    """
    everyone = [c for c in contacts if c.id is not None]
    customers = [c for c in everyone if is_customer(c)] or everyone
    found = []
    for contact in customers:
        assert contact.id is not None
        last = last_sent.get(contact.id)
        since = contact.customer_since
        since_date = dt.date(since.year, since.month, since.day) if since and since.year else None
        reference = last or since_date
        waited = (today - reference).days if reference else None
        if waited is not None and waited <= days:
            continue
        found.append(NotThanked(contact_id=contact.id, contact_name=contact.name, last_card=last,
                                customer_since=since_date, days=waited))
    return sorted(found, key=lambda n: (n.days is not None, -(n.days or 0), n.contact_name.casefold()))
