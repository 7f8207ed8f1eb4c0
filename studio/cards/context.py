"""The variables a card template is filled with, and the fields a template requires.

A card's context is ``contact``, ``occasion``, ``sender``, ``today``, ``message``,
``language`` and ``offer`` (see `CONTEXT_NAMES`); nothing else is visible to a template.
``offer`` is filled from the settings by `studio.cards.offer` when the card is filled.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from studio.cards.views import ContactView, Missing, OccasionView, SenderView
from studio.model import Contact, Feb29Rule, Occasion, Offer, Sender
from studio.postal import resolve_country

CONTEXT_NAMES = ("contact", "occasion", "sender", "today", "message", "language", "offer")

# The fields a template may list in ``requires``, and how a user is told one is missing.
REQUIREMENTS: dict[str, str] = {
    "contact.address": "a postal address",
    "contact.birthday": "a birthday",
    "contact.birthday.year": "a birth year (for the age)",
    "contact.customer_since": "a customer-since date",
    "contact.customer_since.year": "the year they became a customer",
    "contact.anniversary": "an anniversary date",
    "contact.anniversary.year": "the year of their anniversary",
    "contact.given_name": "a first name",
    "contact.family_name": "a family name",
    "contact.nickname": "a nickname",
    "contact.spouse": "a spouse or partner",
    "contact.children": "the children's names",
    "contact.gram_gender": "how to address them (female, male …)",
    "contact.organization": "an organization",
    "contact.email": "an e-mail address",
    "contact.phone": "a phone number",
    "sender.name": "your name in Settings",
    "sender.company": "your company in Settings",
    "sender.phone": "your phone number in Settings",
    "sender.email": "your e-mail address in Settings",
    "sender.signature_line": "your signature line in Settings",
    "sender.address": "your return address in Settings",
}


@dataclass(frozen=True)
class CardContext:
    """Everything a card is filled from, before it becomes Jinja variables."""

    contact: Contact
    occasion: Occasion
    sender: Sender
    today: dt.date
    language: str = "en"
    home_country: str = "US"
    feb29: Feb29Rule = Feb29Rule.FEB_28
    message: str | None = None  # what the user typed; None means the template's default
    mailing_photo: str = ""  # the photo chosen for the whole run (`--photo`); "" none
    offer: Offer = field(default_factory=Offer)  # the link and offer line (Settings), "" for none
    posting: dt.date | None = None  # the day the card is posted (the offer runs from it); None: today


def jinja_variables(card: CardContext) -> dict[str, Any]:
    """The template variables for ``card`` (``message`` is added when the card is filled)."""
    return {
        "contact": ContactView.of(card.contact, today=card.today, feb29=card.feb29,
                                  home_country=card.home_country, language=card.language),
        "occasion": OccasionView.of(card.occasion),
        "sender": SenderView.of(card.sender, card.home_country, card.language,
                                destination=_destination(card.contact, card.home_country)),
        "today": card.today,
        "language": card.language,
    }


def _destination(contact: Contact, home_country: str) -> str:
    """The ISO code of the country the card is mailed to (the home country when unknown)."""
    address = contact.preferred_address()
    home = home_country.upper()
    return (resolve_country(address.country, default=home) or home) if address is not None else home


def typed_message(text: str) -> Markup:
    """A message the user typed, as paragraph markup: escaped, line breaks kept.

    A blank line starts a new paragraph; a single newline becomes ``<br/>``.
    """
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return Markup("\n\n").join(
        Markup("<br/>").join(escape(line.strip()) for line in para.split("\n")) for para in paragraphs)


def resolve(variables: dict[str, Any], dotted: str) -> Any:
    """Follow ``a.b.c`` through the views; Missing when any step is missing."""
    head, *rest = dotted.split(".")
    value = variables.get(head, Missing(name=head))
    for part in rest:
        if isinstance(value, Missing):
            return value
        value = getattr(value, part, Missing(name=dotted))
    return value


def missing_requirements(requires: list[str], variables: dict[str, Any]) -> list[str]:
    """The entries of ``requires`` that are missing or empty in ``variables``."""
    lacking = []
    for requirement in requires:
        value = resolve(variables, requirement)
        empty_text = isinstance(value, str) and not value.strip()
        if isinstance(value, Missing) or value is None or empty_text or value == ():  # no children
            lacking.append(requirement)
    return lacking


def describe_missing(requirements: list[str]) -> str:
    """"no birthday, no postal address" — why a contact was skipped, for a person."""
    return "lacks " + ", ".join(REQUIREMENTS.get(r, r) for r in requirements)
