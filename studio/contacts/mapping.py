"""The properties of one vCard to a `Contact` (RFC 2426, RFC 6350 and what phones write).

What goes where, and the choices made:
- FN → display_name; N → the name parts. In 3.0/4.0 a comma inside an N component
  separates list items: additional names and prefixes are joined with " ", suffixes
  with ", " (``ing. jr,M.Sc.`` → ``ing. jr, M.Sc.``). Text is kept exactly as decoded
  (a trailing ``=20`` stays a trailing space); only addresses, e-mails, phones and
  units of ORG are trimmed.
- ORG → organization: its non-empty units joined with ", " ("Major League Co., Macosx
  server group"), so the department is not lost. The first ORG wins.
- EMAIL/TEL/ADR keep their label (Apple's ``itemN.X-ABLabel``, else the TYPE words) and
  the preferred flag (TYPE=pref, 2.1 bare PREF, 4.0 PREF=1 … the lowest wins); the most
  preferred is put first and is the only one flagged. Empty values are dropped.
- ADR: street, then extended address, then PO box become the lines of Address.street
  (Gmail puts the whole address in the extended part). An all-empty ADR gives nothing.
  A LABEL becomes an address only when the card has no ADR at all.
- BDAY → birthday; ANNIVERSARY, X-ANNIVERSARY, X-MS-ANNIVERSARY, X-EVOLUTION-ANNIVERSARY
  and X-ABDATE labelled Anniversary → anniversary; X-ABDATE labelled "Customer since" →
  customer_since; other X-ABDATEs → dates. Android's X-ANDROID-CUSTOM contact_event
  rows map by Android's event type (1 anniversary, 3 birthday, 0 custom label, 2 other).
- Spouse: X-ABRELATEDNAMES / RELATED / Android relation labelled spouse or partner,
  X-SPOUSE, X-EVOLUTION-SPOUSE, X-MS-SPOUSE. Children: the same relations labelled child,
  son or daughter (Android relation type 3), X-CHILDREN (KAddressBook, comma separated).
  Other relations have no place in the model.
- GRAMGENDER and PRONOUNS (RFC 9554): how to address the person; an unknown gender word
  is reported and left out.
- CATEGORIES → tags; NICKNAME, TITLE, NOTE (several NOTEs joined by a line break), UID,
  PHOTO (see `studio.contacts.photo`).
A field that cannot be read (a date that is no date, a photo that is no image) is left out
and reported; the rest of the card is kept. Group cards (KIND:group, Apple's
X-ADDRESSBOOKSERVER-KIND:group) and cards with nothing identifying a person are refused.
"""

from __future__ import annotations

from collections.abc import Callable

from studio.contacts.content import Property
from studio.contacts.dates import parse_vcard_date
from studio.contacts.labels import (
    clean_label,
    is_anniversary_label,
    is_child_label,
    is_customer_since_label,
    is_spouse_label,
    label_from_types,
)
from studio.contacts.photo import PhotoError, decode_photo
from studio.contacts.text import split_escaped, unescape
from studio.model import (
    GRAMMATICAL_GENDERS,
    Address,
    Contact,
    Email,
    LabelledDate,
    PartialDate,
    Phone,
    Relative,
)

Warn = Callable[[int, str], None]

_ANNIVERSARY_PROPS = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY",
                      "X-KADDRESSBOOK-X-ANNIVERSARY"}
_SPOUSE_PROPS = {"X-SPOUSE", "X-EVOLUTION-SPOUSE", "X-MS-SPOUSE", "X-KADDRESSBOOK-X-SPOUSENAME"}
_ANDROID_EVENT = "vnd.android.cursor.item/contact_event"
_ANDROID_RELATION = "vnd.android.cursor.item/relation"
_ANDROID_NICKNAME = "vnd.android.cursor.item/nickname"
_ANDROID_SPOUSE_TYPES = {"4", "10", "14"}  # domestic partner, partner, spouse
_ANDROID_CHILD_TYPE = "3"


class NotAPerson(ValueError):
    """The card describes no person (a group, or nothing that identifies anyone)."""


class _CardReader:
    """Reads the properties of one card; one instance per card."""

    def __init__(self, props: list[Property], fallback: str, warn: Warn) -> None:
        self.props = props
        self.fallback = fallback
        self.warn = warn
        self.v21 = False
        self.labels: dict[str, str] = {}
        self.pref_ranks: dict[int, int] = {}  # id(item) -> PREF rank: see _preferred_first
        self.contact = Contact()
        self.notes: list[str] = []
        self.postal_labels: list[Property] = []
        self.is_group = False

    # -- helpers -------------------------------------------------------------------------
    def text(self, prop: Property) -> str:
        return unescape(prop.text(self.fallback), v21=self.v21)

    def components(self, prop: Property, count: int) -> list[str]:
        parts = split_escaped(prop.text(self.fallback), ";", v21=self.v21)
        if len(parts) < count:
            parts += [""] * (count - len(parts))
        return parts

    def items(self, component: str) -> list[str]:
        """A list component (3.0+: comma separated), unescaped, empties dropped."""
        if self.v21:
            return [unescape(component, v21=True)] if component.strip() else []
        return [unescape(p) for p in split_escaped(component, ",") if p.strip()]

    def label(self, prop: Property) -> str:
        if prop.group and self.labels.get(prop.group):  # Google writes empty X-ABLabels
            return self.labels[prop.group]
        return label_from_types(prop.types())

    def ranked(self, item: Email | Phone | Address, prop: Property) -> Email | Phone | Address:
        """``item`` flagged preferred when the card says so; its rank (TYPE=pref and 2.1's
        bare PREF count as 1, vCard 4.0's PREF=n as n) is kept to put the most preferred first."""
        rank = _NOT_PREFERRED
        if "pref" in prop.types() or ("PREF" in prop.params and prop.param("PREF") == ""):
            rank = 1
        elif prop.param("PREF").strip().isdigit():
            rank = int(prop.param("PREF").strip())
        item.preferred = rank < _NOT_PREFERRED
        self.pref_ranks[id(item)] = rank
        return item

    def date(self, prop: Property, what: str) -> PartialDate | None:
        value = self.text(prop)
        if not value.strip():
            return None
        try:
            return parse_vcard_date(value, prop.param("X-APPLE-OMIT-YEAR"))
        except ValueError as exc:
            self.warn(prop.line, f"the {what} {exc}; it was left out")
            return None

    # -- the card ------------------------------------------------------------------------
    def read(self) -> Contact:
        for prop in self.props:
            if prop.name == "VERSION":
                self.v21 = prop.raw.strip().startswith(b"2")
            elif prop.name == "X-ABLABEL" and prop.group:
                self.labels[prop.group] = clean_label(self.text(prop))
        for prop in self.props:
            handler = _HANDLERS.get(prop.name)
            if handler is not None:
                handler(self, prop)
        contact = self.contact
        _preferred_first(contact, self.pref_ranks)
        if self.notes:
            contact.notes = "\n".join(self.notes)
        if not contact.addresses:
            for prop in self.postal_labels:
                self.add_label_address(prop)
        if self.is_group:
            raise NotAPerson(f"it is a contact group ({contact.name or 'no name'}), not a person")
        if not _identifies_someone(contact):
            raise NotAPerson("it has no name, organisation, e-mail or phone number")
        return contact

    def on_fn(self, prop: Property) -> None:
        if not self.contact.display_name.strip():
            self.contact.display_name = self.text(prop)

    def on_n(self, prop: Property) -> None:
        c = self.contact
        if any((c.family_name, c.given_name, c.additional_names, c.prefix, c.suffix)):
            return  # a second N (ALTID, another language): the first one is the name
        family, given, additional, prefix, suffix = self.components(prop, 5)[:5]
        c.family_name = ", ".join(self.items(family))
        c.given_name = ", ".join(self.items(given))
        c.additional_names = " ".join(self.items(additional))
        c.prefix = " ".join(self.items(prefix))
        c.suffix = ", ".join(self.items(suffix))

    def on_nickname(self, prop: Property) -> None:
        if not self.contact.nickname:
            self.contact.nickname = ", ".join(n.strip() for n in self.items(prop.text(self.fallback)))

    def on_org(self, prop: Property) -> None:
        if not self.contact.organization:
            units = (unescape(u, v21=self.v21).strip() for u in split_escaped(
                prop.text(self.fallback), ";", v21=self.v21))
            self.contact.organization = ", ".join(u for u in units if u)

    def on_title(self, prop: Property) -> None:
        if not self.contact.title:
            self.contact.title = self.text(prop)

    def on_note(self, prop: Property) -> None:
        note = self.text(prop)
        if note.strip():
            self.notes.append(note)

    def on_uid(self, prop: Property) -> None:
        if not self.contact.uid:
            self.contact.uid = self.text(prop).strip()

    def on_email(self, prop: Property) -> None:
        value = self.text(prop).strip()
        if "<" in value and value.endswith(">"):  # "Omega" <omega@example.com>
            value = value[value.rindex("<") + 1:-1].strip()
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if value:
            self.contact.emails.append(self.ranked(Email(value, self.label(prop)), prop))

    def on_tel(self, prop: Property) -> None:
        value = self.text(prop).strip()
        if value.lower().startswith("tel:"):
            value = value[4:]
            number, _, ext = value.partition(";ext=")
            value = f"{number} ext. {ext}" if ext else number
        if value:
            self.contact.phones.append(self.ranked(Phone(value, self.label(prop)), prop))

    def on_adr(self, prop: Property) -> None:
        parts = [unescape(p, v21=self.v21).strip() for p in self.components(prop, 7)[:7]]
        pobox, extended, street, city, region, code, country = parts
        if pobox.isdigit():
            pobox = f"PO Box {pobox}"
        lines = "\n".join(p for p in (street, extended, pobox) if p)
        label = self.label(prop) or ("postal" if "postal" in prop.types() else "")
        address = self.ranked(Address(street=lines, city=city, region=region, postal_code=code,
                                      country=country, label=label), prop)
        if not address.is_empty():
            self.contact.addresses.append(address)

    def on_label(self, prop: Property) -> None:
        self.postal_labels.append(prop)

    def add_label_address(self, prop: Property) -> None:
        text = "\n".join(line.strip() for line in self.text(prop).splitlines() if line.strip())
        if text:
            self.contact.addresses.append(self.ranked(Address(street=text, label=self.label(prop)), prop))

    def on_bday(self, prop: Property) -> None:
        if self.contact.birthday is None:
            self.contact.birthday = self.date(prop, "birthday")

    def on_anniversary(self, prop: Property) -> None:
        if (date := self.date(prop, "anniversary")) is not None:
            self.set_anniversary(date)

    def set_anniversary(self, date: PartialDate) -> None:
        if self.contact.anniversary is None:
            self.contact.anniversary = date
        elif self.contact.anniversary != date and not any(
                d.label == "Anniversary" and d.date == date for d in self.contact.dates):
            self.contact.dates.append(LabelledDate("Anniversary", date))

    def add_date(self, label: str, date: PartialDate) -> None:
        if is_customer_since_label(label) and self.contact.customer_since is None:
            self.contact.customer_since = date
        elif is_anniversary_label(label):
            self.set_anniversary(date)
        elif not any(d.label == label and d.date == date for d in self.contact.dates):
            self.contact.dates.append(LabelledDate(label, date))

    def on_abdate(self, prop: Property) -> None:
        label = self.labels.get(prop.group, "") if prop.group else ""
        if (date := self.date(prop, f"date {label!r}" if label else "date")) is not None:
            self.add_date(label or "Other", date)

    def on_related_name(self, prop: Property) -> None:
        label = self.labels.get(prop.group, "") if prop.group else ""
        label = label or " ".join(prop.types())
        if any(is_spouse_label(part) for part in (label, *prop.types())):
            self.set_spouse(self.text(prop))
        elif any(is_child_label(part) for part in (label, *prop.types())):
            self.add_child(self.text(prop), self.child_birthday(prop))

    def on_related(self, prop: Property) -> None:
        value = self.text(prop).strip()
        uri = prop.param("VALUE").lower() != "text" and (":" in value and " " not in value)
        if not uri:
            self.on_related_name(prop)

    def on_spouse(self, prop: Property) -> None:
        self.set_spouse(self.text(prop))

    def set_spouse(self, name: str) -> None:
        if name.strip() and not self.contact.spouse:
            self.contact.spouse = name.strip()

    def add_child(self, name: str, birthday: PartialDate | None = None) -> None:
        name = name.strip()
        if name and all(c.name.casefold() != name.casefold() for c in self.contact.children):
            self.contact.children.append(Relative(name, birthday))

    def child_birthday(self, prop: Property) -> PartialDate | None:
        """Card Studio's own X-BIRTHDAY parameter on a child's relation (see `export`)."""
        value = prop.param("X-BIRTHDAY").strip()
        if not value:
            return None
        try:
            return parse_vcard_date(value)
        except ValueError as exc:
            self.warn(prop.line, f"the child's birthday {exc}; it was left out")
            return None

    def on_children(self, prop: Property) -> None:
        for name in split_escaped(prop.text(self.fallback), ","):
            self.add_child(unescape(name, v21=self.v21))

    def on_gram_gender(self, prop: Property) -> None:
        value = self.text(prop).strip().lower()
        if value in GRAMMATICAL_GENDERS:
            self.contact.gram_gender = self.contact.gram_gender or value
        elif value:
            self.warn(prop.line, f"the grammatical gender {value!r} is not one of "
                                 f"{', '.join(GRAMMATICAL_GENDERS)}; it was left out")

    def on_pronouns(self, prop: Property) -> None:
        if not self.contact.pronouns:
            self.contact.pronouns = self.text(prop).strip()

    def on_categories(self, prop: Property) -> None:
        text = prop.text(self.fallback)
        names = split_escaped(text.replace(";", ","), ",", v21=True) if self.v21 else split_escaped(text, ",")
        for name in names:
            tag = unescape(name, v21=self.v21).strip()
            if tag and tag.casefold() not in (t.casefold() for t in self.contact.tags):
                self.contact.tags.append(tag)

    def on_photo(self, prop: Property) -> None:
        if self.contact.photo is not None:
            return
        try:
            found = decode_photo(prop.payload(), prop.encoding, prop.param("VALUE"))
        except PhotoError as exc:
            self.warn(prop.line, f"{exc}; the photo was left out")
            return
        if found is not None:
            self.contact.photo, self.contact.photo_type = found

    def on_kind(self, prop: Property) -> None:
        if self.text(prop).strip().lower() == "group":
            self.is_group = True

    def on_android_custom(self, prop: Property) -> None:
        fields = [unescape(f, v21=True) for f in split_escaped(prop.text(self.fallback), ";", v21=True)]
        fields += [""] * (4 - len(fields))
        kind, value, subtype, custom = fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3]
        if kind == _ANDROID_EVENT and value:
            try:
                date = parse_vcard_date(value)
            except ValueError as exc:
                self.warn(prop.line, f"the Android event date {exc}; it was left out")
                return
            if subtype == "1":
                self.set_anniversary(date)
            elif subtype == "3":
                self.contact.birthday = self.contact.birthday or date
            else:
                self.add_date(custom.strip() if subtype == "0" and custom.strip() else "Other", date)
        elif kind == _ANDROID_RELATION and value:
            if subtype in _ANDROID_SPOUSE_TYPES or (subtype == "0" and is_spouse_label(custom)):
                self.set_spouse(value)
            elif subtype == _ANDROID_CHILD_TYPE or (subtype == "0" and is_child_label(custom)):
                self.add_child(value)
        elif kind == _ANDROID_NICKNAME and value and not self.contact.nickname:
            self.contact.nickname = value


_NOT_PREFERRED = 101  # RFC 6350: PREF is 1 (most preferred) to 100


def _preferred_first(contact: Contact, rank_of: dict[int, int]) -> None:
    """Put the most preferred e-mail, phone and address first and flag only it preferred:
    the store, the cards and exports then all use the one the person marked."""
    for items in (contact.emails, contact.phones, contact.addresses):
        if not any(rank_of.get(id(i), _NOT_PREFERRED) < _NOT_PREFERRED for i in items):
            continue
        items.sort(key=lambda i: rank_of.get(id(i), _NOT_PREFERRED))
        for position, item in enumerate(items):
            item.preferred = position == 0


def _identifies_someone(contact: Contact) -> bool:
    return any(text.strip() for text in (
        contact.display_name, contact.given_name, contact.family_name, contact.additional_names,
        contact.nickname, contact.organization)) or bool(contact.emails or contact.phones)


_HANDLERS: dict[str, Callable[[_CardReader, Property], None]] = {
    "FN": _CardReader.on_fn, "N": _CardReader.on_n, "NICKNAME": _CardReader.on_nickname,
    "ORG": _CardReader.on_org, "TITLE": _CardReader.on_title, "NOTE": _CardReader.on_note,
    "UID": _CardReader.on_uid, "EMAIL": _CardReader.on_email, "TEL": _CardReader.on_tel,
    "ADR": _CardReader.on_adr, "LABEL": _CardReader.on_label, "BDAY": _CardReader.on_bday,
    "X-ABDATE": _CardReader.on_abdate, "X-ABRELATEDNAMES": _CardReader.on_related_name,
    "RELATED": _CardReader.on_related, "CATEGORIES": _CardReader.on_categories,
    "CATEGORY": _CardReader.on_categories, "PHOTO": _CardReader.on_photo, "KIND": _CardReader.on_kind,
    "X-ADDRESSBOOKSERVER-KIND": _CardReader.on_kind, "X-ANDROID-CUSTOM": _CardReader.on_android_custom,
    "GRAMGENDER": _CardReader.on_gram_gender, "PRONOUNS": _CardReader.on_pronouns,
    "X-CHILDREN": _CardReader.on_children, "X-KADDRESSBOOK-X-CHILDREN": _CardReader.on_children,
    **{name: _CardReader.on_anniversary for name in _ANNIVERSARY_PROPS},
    **{name: _CardReader.on_spouse for name in _SPOUSE_PROPS},
}


def card_to_contact(props: list[Property], fallback_encoding: str, warn: Warn) -> Contact:
    """Build the contact of one card from its properties (in file order).

    ``fallback_encoding`` is the file's legacy code page for undeclared 8-bit values;
    ``warn(line, message)`` receives every field left out. Raises NotAPerson when the card
    must be skipped as a whole. Never raises anything else for any property content.
    """
    return _CardReader(props, fallback_encoding, warn).read()
