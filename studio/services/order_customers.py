"""Whose order is it: each order of an export matched to a contact, or a new customer made.

The rule (README, "Orders from the back office"), first that finds someone wins:
1. the customer number the back office gives, as noted on a contact by an earlier import;
2. the e-mail address; 3. the phone number, compared in E.164 form (`phones.phone_key`);
4. the name together with the postal address (street and postcode).
An e-mail or phone shared with someone of another name (a household's) is no match
(`identity.names_compatible`). When nobody matches, the customer is added, tagged
``customer``. A matched or added contact gets the order's customer number, so the next
export finds them by it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.contacts.identity import identity_keys, names_compatible
from studio.model import Contact
from studio.orders.rows import OrderRow, customer_contact
from studio.store import Store

# The identity keys tried after the customer number, in order.
_KEY_ORDER = ("email", "phone", "name-address")


@dataclass
class CustomerFinder:
    """Finds the contact of each order within one import (call inside its transaction)."""

    store: Store
    home_country: str = ""
    created: list[tuple[int, str]] = field(default_factory=list)  # (contact id, name) added
    _contacts: dict[int, Contact | None] = field(default_factory=dict)

    def contact_for(self, order: OrderRow) -> tuple[int, str]:
        """(contact id, how it was found: "customer_number", "email", "phone", "name-address"
        or "created") for ``order``."""
        number = order.customer_number.strip()
        found = self.store.contacts.customer_owner(number) if number else None
        how = "customer_number"
        if found is None:
            incoming = customer_contact(order)
            found, how = self._by_keys(incoming)
            if found is None:
                found, how = self._create(incoming), "created"
        if number and how != "customer_number":
            self.store.contacts.add_customer_number(found, number)
        return found, how

    def _by_keys(self, incoming: Contact) -> tuple[int | None, str]:
        keys = identity_keys(incoming, self.home_country)
        for kind in _KEY_ORDER:
            wanted = [(k, v) for k, v in keys if k == kind]
            for candidate in self.store.contacts.find_by_keys(wanted) if wanted else ():
                existing = self._contact(candidate)
                if existing is not None and (kind == "name-address" or names_compatible(existing, incoming)):
                    return candidate, kind
        return None, ""

    def _create(self, incoming: Contact) -> int:
        contact_id = self.store.contacts.add(incoming)
        self._contacts[contact_id] = incoming
        self.created.append((contact_id, incoming.name))
        return contact_id

    def _contact(self, contact_id: int) -> Contact | None:
        if contact_id not in self._contacts:  # one export has many orders of one customer
            self._contacts[contact_id] = self.store.contacts.get(contact_id)
        return self._contacts[contact_id]
