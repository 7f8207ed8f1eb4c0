"""Cards a contact already had: what a mailing plan says about repeats before printing.

A contact already in a mailing of the same occasion (`studio.occasions.occasion_instance`:
the same year, the same order, or a welcome ever) is skipped unless ``--force``; the plan
warns how many. A card that may repeat (thinking of you, congratulations …) is not
refused, but one within `REPEAT_WARNING_DAYS` of the last earns a warning naming who. A
card chosen by hand for a personal occasion far ahead (next year's birthday, this one being
past) is made, with a warning that it counts as that year's card.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studio.occasions.keys import REPEAT_WARNING_DAYS
from studio.store import Store

FAR_AHEAD_DAYS = 60  # a hand-picked personal card for a day further off than this is worth a word
_NAMES_SHOWN = 3


@dataclass(frozen=True)
class CardFor:
    """A card a warning names: whose, the day it is (or was) for, and its mailing if made."""

    contact_name: str
    date: dt.date
    mailing_id: int | None = None


def recent_cards(store: Store, key: str, today: dt.date,
                 days: int = REPEAT_WARNING_DAYS) -> dict[int, tuple[dt.date, int]]:
    """Contact id -> (day, mailing id) of their latest ``key`` card within ``days`` before ``today``."""
    since = today - dt.timedelta(days=days)
    latest: dict[int, tuple[dt.date, int]] = {}
    for contact_id, _, date, mailing_id in store.history.mailed_occasions(key):
        if date is not None and since <= date <= today:
            if contact_id not in latest or latest[contact_id] < (date, mailing_id):
                latest[contact_id] = (date, mailing_id)
    return latest


def already_warning(count: int, occasion_name: str, year: int | None) -> str:
    """The warning for ``count`` contacts skipped because a mailing of the occasion has them."""
    plural = count != 1
    return (f"{count} contact{'s are' if plural else ' is'} already in an earlier mailing of "
            f"{occasion_name}{f' {year}' if year else ''} and {'were' if plural else 'was'} skipped "
            "(--force includes them)")


def _names(cards: Sequence[CardFor], describe: Callable[[CardFor], str]) -> str:
    shown = ", ".join(describe(c) for c in cards[:_NAMES_SHOWN])
    more = len(cards) - _NAMES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def recent_warning(cards: Sequence[CardFor], occasion_name: str, today: dt.date) -> str:
    """The warning for contacts in this mailing who had the same card lately (made anyway)."""
    def describe(card: CardFor) -> str:
        ago = (today - card.date).days
        when = "today" if ago == 0 else f"{ago} day{'s' if ago != 1 else ''} ago"
        return f"{card.contact_name} ({when}, mailing {card.mailing_id})"

    plural = len(cards) != 1
    return (f"{len(cards)} contact{'s' if plural else ''} had a {occasion_name} card in the last "
            f"{REPEAT_WARNING_DAYS} days and {'get' if plural else 'gets'} another: "
            f"{_names(cards, describe)}")


def far_ahead_warning(cards: Sequence[CardFor], occasion_name: str, today: dt.date) -> str:
    """The warning for hand-picked cards for a personal occasion more than `FAR_AHEAD_DAYS` away."""
    def describe(card: CardFor) -> str:
        return f"{card.contact_name} ({card.date.isoformat()})"

    plural = len(cards) != 1
    return (f"{len(cards)} card{'s are' if plural else ' is'} for a {occasion_name.lower()} more than "
            f"{FAR_AHEAD_DAYS} days away and {'count' if plural else 'counts'} as that year's card: "
            f"{_names(cards, describe)} (--year chooses the year)")
