"""Sheet rows to contacts: each row through its column map, each problem as ``FILE:ROW``.

A row that yields no name, e-mail or phone is skipped with a problem; a cell that cannot be
read (an unreadable date) is reported and left out while the rest of the row is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from studio.contacts.labels import (
    STANDARD_TYPES,
    clean_label,
    grammatical_gender,
    is_anniversary_label,
    is_child_label,
    is_customer_since_label,
    is_spouse_label,
)
from studio.contacts.names import split_display_name
from studio.contacts.reader import ParsedCard, Problem, VCardFile
from studio.model import Address, Contact, Email, LabelledDate, PartialDate, Phone, Relative
from studio.sources.columns import Target
from studio.sources.tables import Table
from studio.sources.typed_dates import parse_typed_date

# Google writes several values in one cell (and system groups as "* myContacts").
_MULTI = " ::: "
_TAG_SEPARATORS = (_MULTI, ";", ",")
_DATE_FIELDS = {"birthday": "birthday", "anniversary": "anniversary", "customer_since": "customer since"}
_LABEL_OF_PHONE = {"mobile": "cell", "home_phone": "home", "work_phone": "work"}
# Outlook writes "no date" as a zero date.
_NO_DATE = {"0/0/00", "0/0/0000", "0.0.00", "0.0.0000", "00.00.0000", "0000-00-00"}


def contacts_from_table(table: Table, targets: dict[int, Target], locale: str) -> VCardFile:
    """Every row of ``table`` read through ``targets`` (column index → target)."""
    result = VCardFile(table.source)
    for number, cells in table.rows:
        problems: list[str] = []
        contact = _contact(cells, targets, locale, problems)
        result.problems.extend(Problem(table.source, number, p) for p in problems)
        if len(cells) > len(table.headers) and any(c.strip() for c in cells[len(table.headers) :]):
            result.problems.append(
                Problem(
                    table.source,
                    number,
                    f"{len(cells)} cells but only "
                    f"{len(table.headers)} columns; the extra cells were left out",
                )
            )
        if _is_empty(contact):
            result.problems.append(
                Problem(table.source, number, "no name, e-mail or phone in this row; it was skipped")
            )
            result.skipped += 1
            continue
        result.cards.append(ParsedCard(contact, number))
    return result


def _contact(cells: list[str], targets: dict[int, Target], locale: str, problems: list[str]) -> Contact:
    contact = Contact()
    groups: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    birth_parts: dict[str, str] = {}
    for index, target in sorted(targets.items()):
        text = cells[index].strip() if index < len(cells) else ""
        if not text or target.field == "ignore" or text in _NO_DATE:
            continue
        if target.field == "phone" and target.part in _LABEL_OF_PHONE:
            groups[("phone", target.group)].update(value=text, label=_LABEL_OF_PHONE[target.part])
        elif target.field in {"email", "phone", "address", "event", "relation", "child"}:
            groups[(target.field, target.group)][target.part] = text
        elif target.field == "child_birthday":
            groups[("child", target.group)]["birthday"] = text
        elif target.field == "children":
            for name in _values(text.replace(";", ",").replace(",", _MULTI)):
                _add_child(contact, name, None)
        elif target.field == "gram_gender":
            _set_gender(contact, text, problems)
        elif target.field in {"birth_year", "birth_month", "birth_day"}:
            birth_parts[target.field] = text
        elif target.field in _DATE_FIELDS:
            _set_date(contact, target.field, text, locale, problems)
        elif target.field == "name":
            contact.display_name = text
        elif target.field == "tags":
            contact.tags.extend(t for t in _tags(text) if t not in contact.tags)
        elif target.field == "notes":
            contact.notes = text
        else:
            setattr(contact, target.field, text)
    for (field, _), parts in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1])):
        _add_group(contact, field, parts, locale, problems)
    if birth_parts:
        _set_split_birthday(contact, birth_parts, problems)
    _fill_names(contact)
    return contact


def _add_group(contact: Contact, field: str, parts: dict[str, str], locale: str, problems: list[str]) -> None:
    label = _label(parts.get("label", ""))
    if field == "email":
        for value in _values(parts.get("value", "")):
            contact.emails.append(Email(value, label))
    elif field == "phone":
        for value in _values(parts.get("value", "")):
            contact.phones.append(Phone(value, label))
    elif field == "address":
        _add_address(contact, parts, label)
    elif field == "event" and parts.get("value"):
        _add_event(contact, parts["value"], label, locale, problems)
    elif field == "relation" and parts.get("value") and (is_spouse_label(label) or not label):
        contact.spouse = contact.spouse or parts["value"]
    elif field == "relation" and parts.get("value") and is_child_label(label):
        _add_child(contact, parts["value"], None)
    elif field == "child" and parts.get("value"):
        birthday = None
        if parts.get("birthday"):
            try:
                birthday = parse_typed_date(parts["birthday"], locale).date
            except ValueError as exc:
                problems.append(f"{parts['value']}'s birthday: {exc}; left out")
        _add_child(contact, parts["value"], birthday)


def _add_child(contact: Contact, name: str, birthday: PartialDate | None) -> None:
    name = name.strip()
    if name and all(c.name.casefold() != name.casefold() for c in contact.children):
        contact.children.append(Relative(name, birthday))


def _set_gender(contact: Contact, text: str, problems: list[str]) -> None:
    gender = grammatical_gender(text)
    if gender is None:
        problems.append(f"gender {text!r} is not one Card Studio knows (female, male …); left out")
    else:
        contact.gram_gender = gender


def _add_address(contact: Contact, parts: dict[str, str], label: str) -> None:
    first = parts.get("street") or parts.get("street_alt", "")
    street_lines = [first, parts.get("street2", ""), parts.get("pobox", "")]
    street = "\n".join(line for line in street_lines if line)
    address = Address(
        street=street,
        city=parts.get("city", ""),
        region=parts.get("region", ""),
        postal_code=parts.get("postal_code", ""),
        country=parts.get("country", ""),
        label=label,
    )
    if address.is_empty() and parts.get("formatted"):
        address = Address(street=parts["formatted"], label=label)
    if not address.is_empty():
        contact.addresses.append(address)


def _add_event(contact: Contact, value: str, label: str, locale: str, problems: list[str]) -> None:
    try:
        typed = parse_typed_date(value, locale)
    except ValueError as exc:
        problems.append(f"{label or 'event'}: {exc}; left out")
        return
    if is_anniversary_label(label) and contact.anniversary is None:
        contact.anniversary = typed.date
    elif is_customer_since_label(label) and contact.customer_since is None:
        contact.customer_since = typed.date
    else:
        contact.dates.append(LabelledDate(label or "other", typed.date))


def _set_date(contact: Contact, field: str, text: str, locale: str, problems: list[str]) -> None:
    try:
        typed = parse_typed_date(text, locale)
    except ValueError as exc:
        problems.append(f"{_DATE_FIELDS[field]}: {exc}; left out")
        return
    if typed.ambiguous:
        problems.append(
            f"{_DATE_FIELDS[field]} {text!r} could be day/month or month/day; read as "
            f"{_month_name(typed.date)} {typed.date.day} (your language setting decides)"
        )
    setattr(contact, field, typed.date)


def _set_split_birthday(contact: Contact, parts: dict[str, str], problems: list[str]) -> None:
    try:
        month, day = int(parts.get("birth_month", "")), int(parts.get("birth_day", ""))
        year = int(parts["birth_year"]) if parts.get("birth_year") else None
        contact.birthday = PartialDate(month, day, year)
    except (ValueError, KeyError):
        shown = "-".join(parts.get(k, "?") for k in ("birth_year", "birth_month", "birth_day"))
        problems.append(f"birthday {shown!r} (year-month-day columns) is not a valid date; left out")


def _fill_names(contact: Contact) -> None:
    if contact.display_name and not (contact.given_name or contact.family_name):
        parts = split_display_name(contact.display_name)
        contact.prefix = contact.prefix or parts.prefix
        contact.given_name, contact.additional_names = parts.given, parts.additional
        contact.family_name, contact.suffix = parts.family, contact.suffix or parts.suffix
    if not contact.display_name:
        words = (
            contact.prefix,
            contact.given_name,
            contact.additional_names,
            contact.family_name,
            contact.suffix,
        )
        contact.display_name = " ".join(w for w in words if w) or contact.organization


def _label(text: str) -> str:
    """A sheet's label as the vCard reader keeps it: standard words lower-case ("Mobile" is
    "cell"), custom labels as written; Google marks the primary one with "* "."""
    label = clean_label(text.lstrip("* "))
    words = ["cell" if w == "mobile" else w for w in label.lower().split()]
    return " ".join(words) if words and all(w in STANDARD_TYPES for w in words) else label


def _values(text: str) -> Iterator[str]:
    return (v.strip() for v in text.split(_MULTI) if v.strip())


def _tags(text: str) -> list[str]:
    for separator in _TAG_SEPARATORS:
        if separator in text:
            pieces = text.split(separator)
            break
    else:
        pieces = [text]
    # "* myContacts" and "* starred" are Google's own groups, not the user's.
    return [p.strip() for p in pieces if p.strip() and not p.strip().startswith("*")]


def _is_empty(contact: Contact) -> bool:
    return not (contact.display_name.strip() or contact.emails or contact.phones)


def _month_name(date: PartialDate) -> str:
    return [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][date.month - 1]
