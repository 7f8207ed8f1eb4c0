"""Keep-in-touch rhythms: how many days may pass between touches, per tag and per contact.

A contact's own rhythm wins; otherwise the shortest of their tags' rhythms (a VIP who is
also a customer is kept at the VIP's pace). Customers (tag ``customer``) have the
"not thanked lately" period as their rhythm unless one is set for the tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from studio.model import Person

CUSTOMER_TAG = "customer"


@dataclass(frozen=True)
class Rhythms:
    tags: Mapping[str, int] = field(default_factory=dict)  # folded tag -> days
    contacts: Mapping[int, int] = field(default_factory=dict)  # contact id -> days
    customer_days: int = 90  # the customers' rhythm when none is set for the tag

    def days_for(self, person: Person) -> int | None:
        """The days ``person`` may go untouched; None when no rhythm covers them."""
        own = self.contacts.get(person.id) if person.id is not None else None
        return own if own is not None else self.days_for_tags(person.tags)

    def days_for_tags(self, tags: Iterable[str]) -> int | None:
        """The shortest rhythm among ``tags``; None when none of them has one."""
        found = [days for tag in tags if (days := self.tag_days(tag)) is not None]
        return min(found, default=None)

    def tag_days(self, tag: str) -> int | None:
        folded = fold_tag(tag)
        if folded in self.tags:
            return self.tags[folded]
        return self.customer_days if folded == CUSTOMER_TAG else None


def fold_tag(tag: str) -> str:
    """Tags compare without case or surrounding spaces ("VIP " is "vip")."""
    return tag.strip().casefold()
