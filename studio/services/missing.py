"""The list that completes itself: who will get no card because a detail is missing, what
is missing, soonest due first, and a message the user can send them to ask for it.

The answers come back as a sheet (a form's CSV export) that `studio import` merges into the
same contacts by e-mail, phone or name.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.cards import CardTemplate, card_context, missing_fields
from studio.cards.context import REQUIREMENTS
from studio.errors import StudioError
from studio.model import Contact, Occasion
from studio.occasions import check_occasion_key
from studio.occasions.upcoming import Window, upcoming
from studio.paths import AppPaths
from studio.postal import address_problem
from studio.services.cards import get_template
from studio.services.occasions import holiday_calendar
from studio.settings import Settings
from studio.store import Store

ADDRESS = "contact.address"
BIRTHDAY = "contact.birthday"

# The questions of the message, per missing detail, in the languages the cards speak.
_ASK = {
    "en": {
        ADDRESS: "your postal address",
        BIRTHDAY: "your birthday (the day and month are enough)",
        "greeting": "Hi {name}!",
        "intro": "I'd love to send you a card now and then. Could you tell me {what}?",
        "thanks": "Thank you!",
        "and": "and",
    },
    "de": {
        ADDRESS: "deine Postadresse",
        BIRTHDAY: "deinen Geburtstag (Tag und Monat genügen)",
        "greeting": "Hallo {name}!",
        "intro": "Ich würde dir gern ab und zu eine Karte schicken. Verrätst du mir {what}?",
        "thanks": "Danke!",
        "and": "und",
    },
}


@dataclass
class MissingDetails:
    """A contact who gets no card until ``missing`` (requirement keys) is filled in."""

    contact: Contact
    missing: list[str]
    occasion: Occasion | None = None  # the soonest card they would miss; None: no date at all
    message: str = ""
    occasions: list[str] = field(default_factory=list)  # every occasion name they would miss
    address_issue: str = ""  # what is wrong with the address they have, e.g. "no street"

    def to_json(self) -> dict[str, Any]:
        o = self.occasion
        return {
            "contact_id": self.contact.id,
            "contact_name": self.contact.name,
            "occasion": o.key if o else None,
            "occasion_name": o.name if o else None,
            "date": o.date.isoformat() if o else None,
            "mail_by": o.mail_by.isoformat() if o else None,
            "missing": self.missing,
            "missing_text": self.text(),
            "email": self.contact.emails[0].value if self.contact.emails else "",
            "phone": self.contact.phones[0].value if self.contact.phones else "",
            "message": self.message,
        }

    def text(self) -> str:
        issue = self.address_issue if self.address_issue and self.address_issue != "no postal address" else ""
        return describe(self.missing) + (f" ({issue})" if issue else "")


def describe(missing: Iterable[str]) -> str:
    return ", ".join(REQUIREMENTS.get(m, m).removeprefix("a ").removeprefix("an ") for m in missing)


def missing_details(
    store: Store,
    today: dt.date,
    *,
    days: int = 60,
    occasion: str | None = None,
    template_id: str | None = None,
    paths: AppPaths | None = None,
) -> list[MissingDetails]:
    """Contacts whose card in the next ``days`` days (or for ``occasion``) cannot be made,
    soonest mail-by date first; then, unless another occasion was asked for, those with no
    birthday at all. ``template_id`` adds that template's required fields to the check."""
    if days < 1:
        raise StudioError(f"--days must be at least 1 (got {days})")
    calendar = holiday_calendar()
    if occasion is not None:
        occasion = check_occasion_key(occasion, calendar.catalogue.keys())
    settings = store.settings.load()
    template = get_template(paths, template_id) if template_id else None
    contacts = {c.id: c for c in store.contacts.iter_all()}
    window = Window.of_days(today, days)
    found: dict[int, MissingDetails] = {}
    for item in upcoming(contacts.values(), store.history.events(), settings, window, calendar):
        if item.contact_id is None or (occasion and item.key != occasion):
            continue
        contact = contacts[item.contact_id]
        lacking = _lacking(contact, item, settings, today, template)
        if not lacking:
            continue
        entry = found.setdefault(
            contact.id,
            MissingDetails(
                contact, [], item, address_issue=address_problem(contact, settings.home_country) or ""
            ),
        )
        entry.missing += [m for m in lacking if m not in entry.missing]
        if item.name not in entry.occasions:
            entry.occasions.append(item.name)
    if occasion in (None, "birthday"):
        for contact in contacts.values():
            if contact.birthday is not None or not (contact.given_name or contact.family_name):
                continue  # a shop or a company has no birthday to ask for
            if contact.id not in found:
                issue = address_problem(contact, settings.home_country) or ""
                found[contact.id] = MissingDetails(
                    contact, [BIRTHDAY] + ([ADDRESS] if issue else []), address_issue=issue
                )
            elif BIRTHDAY not in found[contact.id].missing:
                found[contact.id].missing.append(BIRTHDAY)
    rows = sorted(
        found.values(),
        key=lambda r: (
            r.occasion is None,
            r.occasion.mail_by if r.occasion else dt.date.max,
            r.contact.name.casefold(),
        ),
    )
    for row in rows:
        row.message = request_message(row.contact, row.missing, settings)
    return rows


def _lacking(
    contact: Contact, item: Occasion, settings: Settings, today: dt.date, template: CardTemplate | None
) -> list[str]:
    lacking = [ADDRESS] if address_problem(contact, settings.home_country) else []
    if template is not None:
        card = card_context(contact, settings, today=today, kind=item.key, occasion=item)
        lacking += [m for m in missing_fields(template, card) if m not in lacking]
    return lacking


def request_message(contact: Contact, missing: list[str], settings: Settings) -> str:
    """A short friendly message asking ``contact`` for what is missing, in the user's language."""
    words = _ASK.get((settings.language or "en")[:2].lower(), _ASK["en"])
    asks = [words.get(m) or REQUIREMENTS.get(m, m) for m in missing]
    what = asks[0] if len(asks) == 1 else f"{', '.join(asks[:-1])} {words['and']} {asks[-1]}"
    name = contact.nickname or contact.given_name or contact.name
    lines = [words["greeting"].format(name=name), words["intro"].format(what=what), words["thanks"]]
    if settings.sender.name:
        lines.append(settings.sender.name)
    return "\n".join(lines)


def write_missing_csv(rows: list[MissingDetails], path: Path) -> None:
    """The list as a sheet to work through (or to feed a form or mail merge)."""
    columns = [
        "contact_id",
        "contact_name",
        "email",
        "phone",
        "missing_text",
        "occasion_name",
        "mail_by",
        "message",
    ]
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.DictWriter(out, columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(r.to_json() for r in rows)
    except OSError as exc:
        raise StudioError(f"cannot write {path}: {exc.strerror or exc}") from None
