"""Which addresses are doubtful: a card sent there came back (`studio.services.returns`)
and the contact's address is still the one it went to."""

from __future__ import annotations

from studio.model import Address
from studio.services.session import Store
from studio.store.returns import ReturnedCard


def address_key(address: Address | None) -> str:
    """The address as one text, spacing and case aside, to tell whether it has changed."""
    if address is None:
        return ""
    parts = (address.street, address.city, address.region, address.postal_code, address.country)
    return "|".join(" ".join(part.split()).casefold() for part in parts)


def doubtful_addresses(store: Store) -> dict[int, ReturnedCard]:
    """Contacts whose card came back and whose address is still the one it went to."""
    doubtful = {}
    for contact_id, card in store.returns.open_returns().items():
        contact = store.contacts.get(contact_id)
        if contact is not None and address_key(contact.preferred_address()) == card.address:
            doubtful[contact_id] = card
    return doubtful


def check_address_reason(card: ReturnedCard) -> str:
    """Why a mailing leaves the contact out, in one sentence with what to do."""
    return (f"check address: the card from mailing {card.mailing_id} came back on "
            f"{card.returned_on.isoformat()} ({card.reason}); correct the address, or run "
            f"`studio history --address-ok {card.contact_id}` if it is right")
