"""The warnings a mailing's written messages get before anything is printed."""

from __future__ import annotations

from collections.abc import Mapping

from studio.messages.checks import repeated_message_warnings, shared_message_warnings
from studio.model import Contact
from studio.store import Store


def message_warnings(store: Store, names: Mapping[int, str], messages: Mapping[int, str],
                     default: str | None = None) -> list[str]:
    """What to look at before printing cards for ``names`` (contact id: name, the recipients),
    with ``messages`` written for some of them and ``default`` for the rest: a written
    message nobody on the list receives, two recipients with the same words, a message
    that repeats the one on the last card that person got."""
    warnings = [f"{_name(store, contact_id)} has a message on the sheet but is not among the recipients"
                for contact_id in messages if contact_id not in names]
    warnings += shared_message_warnings({i: text for i, text in messages.items() if i in names}, names)
    given = {i: text for i in names if (text := messages.get(i, default))}
    last = {contact_id: item.message for contact_id, (_mailing, item)
            in store.history.last_cards(given).items() if item.message}
    warnings += repeated_message_warnings(given, last, names)
    return warnings


def _name(store: Store, contact_id: int) -> str:
    contact: Contact | None = store.contacts.get(contact_id)
    return contact.name if contact is not None and contact.name else f"Contact #{contact_id}"
