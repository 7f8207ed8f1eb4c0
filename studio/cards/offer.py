"""The call to action: the offer's link (what a QR box prints) and its line, filled per card.

Both come from Settings as Jinja sources (`studio.model.Offer`) and run in the card
sandbox like a template's texts, with the card's variables plus ``offer``:

- ``offer.url``, e.g. ``https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}``:
  every value it prints is URL-encoded (the link's own ``?``, ``&`` and ``=`` stay), and
  what comes out must be an http(s) address short enough for a QR code on a card;
- ``offer.text``, e.g. ``10% off your next order until {{ offer.expires }}``: the offer
  line, which a template shows with ``{{ offer.text }}``;
- ``offer.expires``: the posting day plus ``offer.days``, printed as a date in the card's
  language ("January 6, 2027"), and a date for the ``date`` filter.

A source that does not compile, or a link that is not a web address, raises
`TemplateError` naming the setting, never a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from studio.cards.context import CardContext, jinja_variables
from studio.cards.errors import TemplateError
from studio.cards.localized import date_text
from studio.cards.sandbox import CardText, compile_text, make_environment
from studio.cards.views import Missing
from studio.model import Contact, Occasion, Offer, Sender

URL_SETTING = "offer.url"
TEXT_SETTING = "offer.text"
# Characters: a longer link makes a code of finer squares than a home printer prints crisply
# at the smallest QR box (QR_MIN_SIZE); real shop links with a code or two are well under it.
MAX_URL = 200
MAX_DAYS = 366
# What may stay as typed in a link; anything else (non-ASCII letters) is percent-encoded,
# since a QR code reader expects an ASCII address.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


class Expiry(dt.date):
    """The offer's last day: a date (for the ``date`` filter, comparisons), printed whole as
    the long date in the card's language."""

    language: str

    def __new__(cls, day: dt.date, language: str) -> Expiry:
        value = super().__new__(cls, day.year, day.month, day.day)
        value.language = language
        return value

    def __str__(self) -> str:
        return date_text(self, "long", self.language)

    def __html__(self) -> Markup:
        return escape(str(self))


@dataclass(frozen=True)
class OfferView:
    """What ``offer`` shows a template. ``url`` and ``text`` are Missing when not set."""

    _label: ClassVar[str] = "offer"
    url: Any
    text: Any
    expires: Any
    days: int


def offer_view(card: CardContext, variables: dict[str, Any]) -> OfferView:
    """The card's offer: its link and line filled from ``variables`` (the card's Jinja variables).

    Raises `TemplateError` naming the setting when a source fails or the link is not a
    web address.
    """
    offer = card.offer
    expires = Expiry((card.posting or card.today) + dt.timedelta(days=max(offer.days, 0)), card.language)
    view = OfferView(url=Missing(name="offer.url"), text=Missing(name="offer.text"), expires=expires,
                     days=offer.days)
    scope = {"message": Markup(""), **variables}
    if offer.url.strip():
        url = _fill(URL_SETTING, offer.url, {**scope, "offer": view})
        problem = url_problem(url)
        if problem:
            raise TemplateError([f"setting {URL_SETTING}: {problem}"])
        view = dataclasses.replace(view, url=quote(url, safe=_URL_SAFE))
    if offer.text.strip():
        line = _fill(TEXT_SETTING, offer.text, {**scope, "offer": view})
        view = dataclasses.replace(view, text=Markup(line) if line else Missing(name="offer.text"))
    return view


def url_problem(url: str) -> str | None:
    """Why ``url`` (a filled link) cannot go in a QR code, or None."""
    shown = url if len(url) <= 80 else url[:77] + "…"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return (f"the link came out as {shown!r}, which is not a web address "
                "(it must start with https:// or http:// and a site name)")
    if any(char.isspace() for char in url):
        return f"the link {shown!r} has a space in it (write %20, or leave the space out)"
    if len(url) > MAX_URL:
        return f"the link is {len(url)} characters long; a QR code on a card holds at most {MAX_URL}"
    return None


def url_setting_problem(source: str) -> str | None:
    """Why ``source`` cannot be the ``offer.url`` setting, tried on a made-up card; or None."""
    return _setting_problem(URL_SETTING, source)


def text_setting_problem(source: str) -> str | None:
    """Why ``source`` cannot be the ``offer.text`` setting, tried on a made-up card; or None."""
    return _setting_problem(TEXT_SETTING, source)


def check_offer(offer: Offer) -> None:
    """Raise `TemplateError` naming each setting of ``offer`` that cannot fill a card (one stored
    by an older version or by hand), before a batch starts rather than on its first card."""
    problems = [f"setting {name}: {why}" for name, why in (
        (URL_SETTING, url_setting_problem(offer.url)), (TEXT_SETTING, text_setting_problem(offer.text)),
        ("offer.days", days_problem(offer.days))) if why]
    if problems:
        raise TemplateError(problems)


def days_problem(days: int) -> str | None:
    if 0 <= days <= MAX_DAYS:
        return None
    return f"{days} is not a number of days an offer can run; use 0 to {MAX_DAYS}"


def _setting_problem(setting: str, source: str) -> str | None:
    if not source.strip():
        return None
    example = _example_card(Offer(**{setting.split(".")[1]: source}))
    try:
        offer_view(example, jinja_variables(example))
    except TemplateError as exc:
        # The caller names the setting already: keep only the sentence.
        return "; ".join(re.sub(rf"^setting {re.escape(setting)}(:\d+)?: ", "", p) for p in exc.problems)
    return None


def _example_card(offer: Offer) -> CardContext:
    """A card to try a setting on: any field a setting may name has a value."""
    today = dt.date(2026, 1, 15)
    contact = Contact(id=1, given_name="Ann", family_name="Example")
    occasion = Occasion(kind="thank-you", name="Thank you", date=today, mail_by=today, contact_id=1,
                        key="thank-you")
    sender = Sender(name="Sam Sender", company="Sender Co", ref="ref", email="sam@example.com")
    return CardContext(contact=contact, occasion=occasion, sender=sender, today=today, offer=offer)


def _fill(setting: str, source: str, variables: dict[str, Any]) -> str:
    try:
        text = _compiled(setting, source).render(variables)
    except TemplateError as exc:
        raise TemplateError([f"setting {p}" for p in exc.problems]) from None
    return str(text).strip()


@functools.lru_cache(maxsize=16)
def _compiled(setting: str, source: str) -> CardText:
    """``source`` compiled once (a mailing fills it for every card); the link's values URL-encoded."""
    text, problems = compile_text(make_environment(), source, Path(setting),
                                  output_filter="urlencode" if setting == URL_SETTING else None)
    if text is None:
        raise TemplateError(problems)
    return text
