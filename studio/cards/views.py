"""What a card template sees: read-only views of the contact, occasion and sender.

Every field a template may name exists on its view. A field the contact lacks is a
`Missing` value: it prints nothing, is false in ``{% if %}``, lets chained lookups
through (``contact.birthday.age``) and is replaced by Jinja's ``default`` filter, so
no card ever prints "None". A name no view has (``contact.shoe_size``) is an error
instead, reported with the template's file and line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from babel.lists import format_list
from jinja2 import ChainableUndefined
from markupsafe import Markup, escape

from studio.cards.localized import date_text, locale_for
from studio.errors import StudioError
from studio.model import Address, Contact, Feb29Rule, Occasion, PartialDate, Sender
from studio.postal import format_address, recipient_name_lines


class Missing(ChainableUndefined):
    """A field the contact (or sender, or occasion) does not have."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Missing"


class Lines(tuple):
    """Printed lines (an address): ``{{ lines }}`` prints them one under the other.

    Still a tuple for ``for``, ``join`` and ``br``; as text (``string``, ``~``) the
    lines are joined by newlines.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return "\n".join(str(line) for line in self)

    def __html__(self) -> Markup:
        return Markup("<br/>").join(escape(str(line)) for line in self if str(line).strip())


class Tags(tuple):
    """The contact's tags: ``{{ contact.tags }}`` prints "customer, vip"; still a tuple."""

    __slots__ = ()

    def __str__(self) -> str:
        return ", ".join(str(tag) for tag in self)

    def __html__(self) -> Markup:
        return escape(str(self))


def _text(value: str | None, name: str) -> Any:
    value = (value or "").strip()
    return value if value else Missing(name=name)


def _texts(owner: str, values: dict[str, str | None]) -> dict[str, Any]:
    """`_text` for each field of a view: ``{"city": "Lyon"}`` -> ``city`` (``owner.city`` when missing)."""
    return {name: _text(value, f"{owner}.{name}") for name, value in values.items()}


def _known(value: Any, name: str) -> Any:
    """``value``, or Missing when it is None (an unknown year, age or id)."""
    return value if value is not None else Missing(name=name)


def _address_lines(names: list[str], address: Address, home_country: str, language: str) -> list[str]:
    """``names`` then ``address`` as the destination country prints them; an address in a
    country we cannot recognise is printed as it was written."""
    try:
        return format_address(names, address, home_country=home_country, language=language)
    except StudioError:
        return [line for line in (*names, *address.street.splitlines(),
                                  " ".join(p for p in (address.postal_code, address.city) if p),
                                  address.region, address.country) if line.strip()]


@dataclass(frozen=True)
class DateView:
    """A date of the contact's (birthday, customer since, anniversary).

    ``next`` is the day it recurs on or after today; ``years`` (``age`` for a birthday)
    is the count reached on that day: "turns 40", "two years with us". ``year``,
    ``years``, ``age`` and ``original`` are Missing when the year is unknown.

    Printed (``{{ contact.birthday }}``) or through the ``date`` filter it is the date a
    card means by it (`shown_date`): a celebration (birthday, anniversary) is the coming
    one, a milestone (customer since) the day it happened.
    """

    _label: ClassVar[str] = "date"
    month: int
    day: int
    year: Any
    next: dt.date
    years: Any
    age: Any
    original: Any
    # Not template fields (names starting with "_" are out of a template's reach).
    _milestone: bool = field(default=False, repr=False)
    _language: str = field(default="en", repr=False)

    @classmethod
    def of(cls, value: PartialDate, today: dt.date, feb29: Feb29Rule, name: str, *,
           milestone: bool = False, language: str = "en") -> DateView:
        upcoming = value.in_year(today.year, feb29)
        if upcoming < today:
            upcoming = value.in_year(today.year + 1, feb29)
        count = value.years_on(upcoming)
        if count is not None and count < 0:
            count = None
        original = dt.date(value.year, value.month, value.day) if value.year is not None else None
        return cls(month=value.month, day=value.day, year=_known(value.year, f"{name}.year"), next=upcoming,
                   years=_known(count, f"{name}.years"), age=_known(count, f"{name}.age"),
                   original=_known(original, f"{name}.original"), _milestone=milestone, _language=language)

    def __str__(self) -> str:
        shown = shown_date(self)
        return "" if isinstance(shown, Missing) else date_text(shown, "long", self._language)

    def __html__(self) -> Markup:
        return escape(str(self))


# Dates of the contact's that mark when something happened, not a day celebrated each year.
MILESTONES = ("customer_since",)


def shown_date(view: DateView) -> Any:
    """The day a template means by a contact's date: the coming birthday or anniversary
    ("your birthday on June 3, 2027"), but the day a milestone happened ("a customer since
    January 10, 2023"; Missing when its year is unknown)."""
    return view.original if view._milestone else view.next


@dataclass(frozen=True)
class AddressView:
    """The contact's mailing address; ``lines`` as the destination country prints it.

    ``{{ contact.address }}`` prints ``lines``, one under the other.
    """

    _label: ClassVar[str] = "contact.address"
    street: Any
    city: Any
    region: Any
    postal_code: Any
    country: Any
    lines: Lines
    block: Lines  # recipient name lines followed by ``lines``

    @classmethod
    def of(cls, contact: Contact, address: Address, home_country: str, language: str) -> AddressView:
        names = recipient_name_lines(contact)
        block = _address_lines(names, address, home_country, language)
        lines = block[len([n for n in names if n.strip()]):]
        return cls(**_texts(cls._label, {"street": address.street, "city": address.city,
                                         "region": address.region, "postal_code": address.postal_code,
                                         "country": address.country}),
                   lines=Lines(lines), block=Lines(block))

    def __str__(self) -> str:
        return str(self.lines)

    def __html__(self) -> Markup:
        return self.lines.__html__()


class Children(tuple):
    """The household's children: ``{{ contact.children }}`` prints their first names as the
    card's language lists them ("Mia, Jonas and Lea", "Mia, Jonas und Lea"); still a tuple."""

    _language: str

    def __new__(cls, children: Iterable[ChildView], language: str = "en") -> Children:
        made = super().__new__(cls, children)
        made._language = language
        return made

    def __str__(self) -> str:
        names = [str(child.first_name) for child in self]
        return format_list(names, locale=locale_for(self._language)) if names else ""

    def __html__(self) -> Markup:
        return escape(str(self))


@dataclass(frozen=True)
class ChildView:
    """One child of the contact's household: ``name``, ``first_name``, ``birthday`` (a date)."""

    _label: ClassVar[str] = "child"
    name: Any
    first_name: Any
    birthday: Any

    def __str__(self) -> str:
        return str(self.first_name)


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
    children: Children
    gram_gender: Any
    pronouns: Any
    tags: Tags

    @classmethod
    def of(cls, contact: Contact, *, today: dt.date, feb29: Feb29Rule = Feb29Rule.FEB_28,
           home_country: str = "US", language: str = "en") -> ContactView:
        built = " ".join(p.strip() for p in (contact.given_name, contact.additional_names,
                                             contact.family_name) if p.strip())
        full = contact.display_name.strip() or built or contact.organization.strip()
        address = contact.preferred_address()

        def date_view(value: PartialDate | None, name: str) -> Any:
            if not value:
                return Missing(name=name)
            return DateView.of(value, today, feb29, name, milestone=name.split(".")[-1] in MILESTONES,
                               language=language)

        return cls(
            id=_known(contact.id, "contact.id"),
            **_texts(cls._label, {
                "first_name": contact.given_name, "given_name": contact.given_name,
                "family_name": contact.family_name, "additional_names": contact.additional_names,
                "prefix": contact.prefix, "suffix": contact.suffix,
                "full_name": full, "display_name": full, "name": full,
                "nickname": contact.nickname, "organization": contact.organization, "title": contact.title,
                "email": _preferred(contact.emails), "phone": _preferred(contact.phones),
                "spouse": contact.spouse, "gram_gender": contact.gram_gender,
                "pronouns": contact.pronouns}),
            children=Children((ChildView(name=child.name, first_name=child.name.split()[0],
                                         birthday=date_view(child.birthday, "child.birthday"))
                               for child in contact.children if child.name.strip()), language),
            address=AddressView.of(contact, address, home_country, language) if address
            else Missing(name="contact.address"),
            birthday=date_view(contact.birthday, "contact.birthday"),
            anniversary=date_view(contact.anniversary, "contact.anniversary"),
            customer_since=date_view(contact.customer_since, "contact.customer_since"),
            tags=Tags(contact.tags))


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
                   years=_known(occasion.years, "occasion.years"))


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
    ref: Any  # the sender's referral code (Settings: sender.ref), for the offer's link

    @classmethod
    def of(cls, sender: Sender, home_country: str = "US", language: str = "en",
           destination: str | None = None) -> SenderView:
        """``destination`` (an ISO code; ``home_country`` when None) is where the card goes:
        mailed abroad, the return address ends with the sender's country, so a card sent
        back from the recipient's country finds its way home."""
        address: Any = Missing(name="sender.address")
        if not sender.address.is_empty():
            own = dataclasses.replace(sender.address, country=sender.address.country or home_country)
            address = Lines(_address_lines([], own, destination or home_country, language))
        return cls(**_texts(cls._label, {"name": sender.name, "company": sender.company,
                                         "signature_line": sender.signature_line,
                                         "signature": sender.signature_line or sender.name,
                                         "phone": sender.phone, "email": sender.email,
                                         "ref": sender.ref}),
                   address=address)
