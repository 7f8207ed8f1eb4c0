"""Returned mail: a card that came back marks the address it went to as doubtful.

`studio history --returned MAILING CONTACT [--reason R]` records it; while the contact's
address is still the one the card went to, the next mailing leaves them out under "check
address". Correcting the address ends the doubt by itself; `--address-ok CONTACT` says the
address was right after all.
"""

from __future__ import annotations

import datetime as dt

from studio.errors import StudioError, UsageError
from studio.model import Contact
from studio.services.address_doubts import address_key
from studio.services.contact_ref import find_contact
from studio.services.mailings import find_mailing
from studio.services.session import Store
from studio.store.returns import ReturnedCard

RETURN_REASONS = ("moved", "unknown", "refused", "incomplete", "other")


def record_returned(store: Store, mailing_ref: str, contact_ref: str, reason: str,
                    when: dt.date) -> tuple[ReturnedCard, Contact]:
    """Record that ``contact_ref``'s card of mailing ``mailing_ref`` came back on ``when``."""
    if reason not in RETURN_REASONS:
        raise UsageError(f"--reason must be one of {', '.join(RETURN_REASONS)}, not {reason!r}")
    mailing = find_mailing(store, mailing_ref)
    contact = find_contact(store, contact_ref)
    assert mailing.id is not None and contact.id is not None
    if all(item.contact_id != contact.id for item in mailing.items):
        raise StudioError(f"{contact.name} got no card in mailing {mailing.id}; "
                          f"see `studio history` for who did")
    card = ReturnedCard(mailing.id, contact.id, reason, address_key(contact.preferred_address()), when)
    with store.transaction():
        store.returns.add(card)
    return card, contact


def clear_returns(store: Store, contact_ref: str, when: dt.date) -> tuple[Contact, int]:
    """The contact's address is right after all: mail them again. How many returns it cleared."""
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    with store.transaction():
        return contact, store.returns.clear(contact.id, when)


def returned_in(store: Store, mailing_id: int) -> dict[int, ReturnedCard]:
    """The cards of a mailing that came back, by contact id."""
    return store.returns.for_mailing(mailing_id)
