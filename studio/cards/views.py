"""What a card template sees: read-only views of the contact, occasion and sender.

Every field a template may name exists on its view. A field the contact lacks is a
`Missing` value: it prints nothing, is false in ``{% if %}``, lets chained lookups
through (``contact.birthday.age``) and is replaced by Jinja's ``default`` filter, so
no card ever prints "None". A name no view has (``contact.shoe_size``) is an error
instead, reported with the template's file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from jinja2 import ChainableUndefined

from studio.errors import StudioError
from studio.model import Address, Contact, Feb29Rule, Occasion, PartialDate, Sender
from studio.postal import format_address, recipient_name_lines


class Missing(ChainableUndefined):
    """A field the contact (or sender, or occasion) does not have."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Missing"


def _text(value: str | None, name: str) -> Any:
    value = (value or "").strip()
    return value if value else Missing(name=name)


@dataclass(frozen=True)
class DateView:
    """A date of the contact's (birthday, customer since, anniversary).

    ``next`` is the day it recurs on or after today; ``years`` (``age`` for a birthday)
    is the count reached on that day: "turns 40", "two years with us". ``year``,
    ``years``, ``age`` and ``original`` are Missing when the year is unknown.
    """

    _label: ClassVar[str] = "date"
    month: int
    day: int
    year: Any
    next: dt.date
    years: Any
    age: Any
    original: Any

    @classmethod
    def of(cls, value: PartialDate, today: dt.date, feb29: Feb29Rule, name: str) -> DateView:
        upcoming = value.in_year(today.year, feb29)
        if upcoming < today:
            upcoming = value.in_year(today.year + 1, feb29)
        count = value.years_on(upcoming)
        known = count is not None and count >= 0
        return cls(month=value.month, day=value.day,
                   year=value.year if value.year is not None else Missing(name=f"{name}.year"),
                   next=upcoming,
                   years=count if known else Missing(name=f"{name}.years"),
                   age=count if known else Missing(name=f"{name}.age"),
                   original=dt.date(value.year, value.month, value.day) if value.year is not None
                   else Missing(name=f"{name}.original"))


@dataclass(frozen=True)
class AddressView:
    """The contact's mailing address; ``lines`` as the destination country prints it."""

    _label: ClassVar[str] = "contact.address"
    street: Any
    city: Any
    region: Any
    postal_code: Any
    country: Any
    lines: tuple[str, ...]
    block: tuple[str, ...]  # recipient name lines followed by ``lines``

    @classmethod
    def of(cls, contact: Contact, address: Address, home_country: str, language: str) -> AddressView:
        names = recipient_name_lines(contact)
        try:
            block = format_address(names, address, home_country=home_country, language=language)
            lines = block[len([n for n in names if n.strip()]):]
        except StudioError:
            # A country we cannot recognise: print it as the contact wrote it.
            lines = [part for part in (*address.street.splitlines(),
                                       " ".join(p for p in (address.postal_code, address.city) if p),
                                       address.region, address.country) if part.strip()]
            block = [*(n for n in names if n.strip()), *lines]
        return cls(street=_text(address.street, "contact.address.street"),
                   city=_text(address.city, "contact.address.city"),
                   region=_text(address.region, "contact.address.region"),
                   postal_code=_text(address.postal_code, "contact.address.postal_code"),
                   country=_text(address.country, "contact.address.country"),
                   lines=tuple(lines), block=tuple(block))


@dataclass(frozen=True)
class ContactView:
    """The person the card is for. Names are as stored; ``full_name`` never falls back to an e-mail."""

    _label: ClassVar[str] = "contact"
    id: Any
    first_name: Any
    given_name: Any
    family_name: Any
    additional_names: Any
    prefix: Any
    suffix: Any
    full_name: Any
    display_name: Any
    name: Any
    nickname: Any
    organization: Any
    title: Any
    email: Any
    phone: Any
    address: Any
    birthday: Any
    anniversary: Any
    customer_since: Any
    spouse: Any
    tags: tuple[str, ...]

    @classmethod
    def of(cls, contact: Contact, *, today: dt.date, feb29: Feb29Rule = Feb29Rule.FEB_28,
           home_country: str = "US", language: str = "en") -> ContactView:
        built = " ".join(p.strip() for p in (contact.given_name, contact.additional_names,
                                             contact.family_name) if p.strip())
        full = contact.display_name.strip() or built or contact.organization.strip()
        address = contact.preferred_address()

        def date_view(value: PartialDate | None, name: str) -> Any:
            return DateView.of(value, today, feb29, name) if value else Missing(name=name)

        return cls(
            id=contact.id if contact.id is not None else Missing(name="contact.id"),
            first_name=_text(contact.given_name, "contact.first_name"),
            given_name=_text(contact.given_name, "contact.given_name"),
            family_name=_text(contact.family_name, "contact.family_name"),
            additional_names=_text(contact.additional_names, "contact.additional_names"),
            prefix=_text(contact.prefix, "contact.prefix"),
            suffix=_text(contact.suffix, "contact.suffix"),
            full_name=_text(full, "contact.full_name"),
            display_name=_text(full, "contact.display_name"),
            name=_text(full, "contact.name"),
            nickname=_text(contact.nickname, "contact.nickname"),
            organization=_text(contact.organization, "contact.organization"),
            title=_text(contact.title, "contact.title"),
            email=_text(_preferred(contact.emails), "contact.email"),
            phone=_text(_preferred(contact.phones), "contact.phone"),
            address=AddressView.of(contact, address, home_country, language) if address
            else Missing(name="contact.address"),
            birthday=date_view(contact.birthday, "contact.birthday"),
            anniversary=date_view(contact.anniversary, "contact.anniversary"),
            customer_since=date_view(contact.customer_since, "contact.customer_since"),
            spouse=_text(contact.spouse, "contact.spouse"),
            tags=tuple(contact.tags))


def _preferred(items: list[Any]) -> str:
    chosen = next((i for i in items if i.preferred), items[0] if items else None)
    return chosen.value if chosen else ""


@dataclass(frozen=True)
class OccasionView:
    """What the card is for: ``kind`` ("birthday"), ``name`` ("Birthday"), ``date``, ``years``."""

    _label: ClassVar[str] = "occasion"
    kind: str
    key: str
    name: Any
    date: dt.date
    years: Any

    @classmethod
    def of(cls, occasion: Occasion) -> OccasionView:
        return cls(kind=occasion.kind, key=occasion.key or occasion.kind,
                   name=_text(occasion.name, "occasion.name"), date=occasion.date,
                   years=occasion.years if occasion.years is not None else Missing(name="occasion.years"))


@dataclass(frozen=True)
class SenderView:
    """Who signs the card. ``signature`` is the signature line, else the sender's name.

    ``address`` is the return address as printed lines (a tuple; Missing when unset).
    """

    _label: ClassVar[str] = "sender"
    name: Any
    company: Any
    signature_line: Any
    signature: Any
    phone: Any
    email: Any
    address: Any

    @classmethod
    def of(cls, sender: Sender, home_country: str = "US", language: str = "en") -> SenderView:
        address: Any = Missing(name="sender.address")
        if not sender.address.is_empty():
            try:
                address = tuple(format_address([], sender.address, home_country=home_country,
                                               language=language))
            except StudioError:
                address = tuple(line for line in (*sender.address.street.splitlines(), sender.address.city,
                                                  sender.address.country) if line.strip())
        return cls(name=_text(sender.name, "sender.name"), company=_text(sender.company, "sender.company"),
                   signature_line=_text(sender.signature_line, "sender.signature_line"),
                   signature=_text(sender.signature_line or sender.name, "sender.signature"),
                   phone=_text(sender.phone, "sender.phone"), email=_text(sender.email, "sender.email"),
                   address=address)
