"""sample.toml: the made-up contact a template is previewed and tested with.

    today = 2026-12-01          # optional; a TOML date or "YYYY-MM-DD"
    language = "en"             # optional
    message = "..."             # optional: as if the user had typed it
    [contact]                   # given_name, family_name, nickname, display_name, prefix,
    given_name = "Zoë"          #   organization, title, spouse, gram_gender, pronouns, email,
                                #   phone, tags, children (names: ["Mia", "Jonas"]),
    birthday = "1986-12-14"     #   birthday / anniversary / customer_since ("YYYY-MM-DD" or "--MM-DD")
    photo = "sample-photo.jpg"  #   a picture in the template's folder, as their vCard PHOTO
    [contact.address]           # street, city, region, postal_code, country
    [sender]                    # name, company, signature_line, phone, email, photo (a file in
                                #   the folder: previews show it until the user sets their own)
    [sender.address]            # the return address: street, city, region, postal_code, country
    [occasion]                  # optional: kind, name, date, years; else the template's
                                #   first occasion, dated as `studio render` would
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from studio.cards.context import CardContext
from studio.cards.errors import TemplateError, located
from studio.cards.manifest import TableReader
from studio.cards.occasion import occasion_for
from studio.cards.spec import CardTemplate
from studio.cards.tomllines import KeyLines, read_toml
from studio.cards.validate import check_artwork, safe_file
from studio.model import (
    GRAMMATICAL_GENDERS,
    Address,
    Contact,
    Email,
    Occasion,
    PartialDate,
    Phone,
    Relative,
    Sender,
)

SAMPLE_FILE = "sample.toml"
DEFAULT_TODAY = dt.date(2026, 12, 1)
_CONTACT_TEXTS = ("given_name", "family_name", "nickname", "display_name", "prefix", "suffix",
                  "additional_names", "organization", "title", "spouse", "gram_gender", "pronouns",
                  "email", "phone")
_CONTACT_DATES = ("birthday", "anniversary", "customer_since")
_ADDRESS_KEYS = ("street", "city", "region", "postal_code", "country")
_SENDER_KEYS = ("name", "company", "signature_line", "phone", "email")

DEFAULT_SAMPLE: dict[str, Any] = {
    "today": DEFAULT_TODAY,
    "contact": {"given_name": "Zoë", "family_name": "Ångström-Núñez", "spouse": "Henrik",
                "gram_gender": "feminine", "children": ["Mia", "Jonas"],
                "birthday": "1986-12-14", "customer_since": "2024-12-10",
                "address": {"street": "1428 Elm Street", "city": "Springfield", "region": "IL",
                            "postal_code": "62704", "country": "USA"}},
    "sender": {"name": "Maya Lindqvist", "signature_line": "Warmly, Maya",
               "company": "Lindqvist Wellness", "phone": "(555) 201-4477"},
}


def load_sample(template: CardTemplate) -> CardContext:
    """The sample context of ``template`` (its sample.toml, else a built-in one)."""
    path = template.folder / SAMPLE_FILE if template.folder else None
    if path is None or not path.is_file():
        return sample_context(DEFAULT_SAMPLE, None, Path(SAMPLE_FILE), template)
    data, lines = read_toml(path)
    return sample_context(data, lines, path, template)


def _date(value: Any, report: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        report(f"{value!r} is not a date (write 2026-12-01)")
        return None


def _photo(template: CardTemplate, relative: str, report: Any) -> Path | None:
    """The sample's photo file in the template's folder, None when none is named (or reported)."""
    if not relative:
        return None
    try:
        path = safe_file(template.folder or Path("."), relative)
    except ValueError as exc:
        report(str(exc))
        return None
    why = check_artwork(path)
    if why:
        report(why)
        return None
    return path


def sample_context(data: dict[str, Any], lines: KeyLines | None, path: Path,
                   template: CardTemplate) -> CardContext:
    """Build the sample `CardContext`; raises `TemplateError` listing every mistake."""
    problems: list[str] = []

    def report(where: tuple[str | int, ...], message: str) -> None:
        problems.append(located(path, lines.line(*where) if lines else 1, message))

    top = TableReader(data, (), report, ("today", "language", "message", "contact", "sender", "occasion"))
    today = DEFAULT_TODAY
    if "today" in data:
        today = _date(data["today"], lambda m: report(("today",), m)) or DEFAULT_TODAY
    contact_table = data.get("contact", {}) if isinstance(data.get("contact", {}), dict) else {}
    person = TableReader(contact_table, ("contact",), report,
                         (*_CONTACT_TEXTS, *_CONTACT_DATES, "tags", "children", "address", "photo"))
    contact = Contact(**{k: person.text(k) for k in _CONTACT_TEXTS if k not in ("email", "phone")})
    contact.tags = person.texts("tags")
    contact.children = [Relative(name) for name in person.texts("children")]
    if contact.gram_gender and contact.gram_gender not in GRAMMATICAL_GENDERS:
        report(("contact", "gram_gender"), f"gram_gender {contact.gram_gender!r} is not one of "
                                           f"{', '.join(GRAMMATICAL_GENDERS)}")
    if person.text("email"):
        contact.emails = [Email(person.text("email"))]
    if person.text("phone"):
        contact.phones = [Phone(person.text("phone"))]
    for key in _CONTACT_DATES:
        if key in contact_table:
            raw = contact_table[key]
            try:
                value = (PartialDate.from_date(raw) if isinstance(raw, dt.date)
                         else PartialDate.parse(str(raw)))
            except ValueError as exc:
                report(("contact", key), f"{key}: {exc}")
                continue
            setattr(contact, key, value)
    photo = _photo(template, person.text("photo"), lambda m: report(("contact", "photo"), m))
    if photo is not None:
        contact.photo = photo.read_bytes()
        contact.photo_type = "image/png" if photo.suffix.lower() == ".png" else "image/jpeg"
    address_table = contact_table.get("address")
    if isinstance(address_table, dict):
        where = TableReader(address_table, ("contact", "address"), report, _ADDRESS_KEYS)
        contact.addresses = [Address(**{k: where.text(k) for k in _ADDRESS_KEYS})]
    sender_table = data.get("sender", {}) if isinstance(data.get("sender", {}), dict) else {}
    signer = TableReader(sender_table, ("sender",), report, (*_SENDER_KEYS, "address", "photo"))
    sender = Sender(**{k: signer.text(k) for k in _SENDER_KEYS})
    own = _photo(template, signer.text("photo"), lambda m: report(("sender", "photo"), m))
    sender.photo = str(own) if own is not None else ""
    if isinstance(sender_table.get("address"), dict):
        where = TableReader(sender_table["address"], ("sender", "address"), report, _ADDRESS_KEYS)
        sender.address = Address(**{k: where.text(k) for k in _ADDRESS_KEYS})
    kind = template.occasions[0] if template.occasions else "any"
    occasion = occasion_for(kind, contact, today)
    occasion_table = data.get("occasion")
    if isinstance(occasion_table, dict):
        said = TableReader(occasion_table, ("occasion",), report, ("kind", "name", "date", "years"))
        kind = said.text("kind", kind)
        occasion = occasion_for(kind, contact, today)
        day = _date(occasion_table["date"], lambda m: report(("occasion", "date"), m)) \
            if "date" in occasion_table else None
        years = said.number("years", -1)
        occasion = Occasion(kind=kind, name=said.text("name", occasion.name), date=day or occasion.date,
                            mail_by=day or occasion.mail_by,
                            years=int(years) if years >= 0 else occasion.years,
                            key=kind, contact_name=contact.name)
    message = top.text("message") or None
    language = top.text("language", "en")
    if problems:
        raise TemplateError(problems, template=template.id)
    return CardContext(contact=contact, occasion=occasion, sender=sender, today=today,
                       language=language, message=message)
