"""Occasion keys: which ones exist, and what "the same occasion" means for never mailing twice.

A key is what `studio mailing --occasion` takes and what the history records:

- a contact's own yearly dates: ``birthday``, ``anniversary``, ``customer-anniversary``,
  and ``date:LABEL`` for any other labelled date ("date:joined-the-team");
- ``thank-you`` for a recorded order or referral;
- a holiday of the catalogue (``christmas``, ``thanksgiving`` …, `studio.occasions.calendar`);
- cards for no date: ``welcome``, ``thinking-of-you``, ``congratulations``, ``get-well``,
  ``sympathy``; and whatever occasions a card template names.

How often one contact may get a card for the same occasion (`occasion_instance`):
yearly occasions once a year, a thank-you once per order, a welcome once ever. The other
cards without a date may be sent again; one within `REPEAT_WARNING_DAYS` of the last is
worth a warning, not a refusal.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable

from studio.errors import UsageError

PERSONAL_KEYS = ("birthday", "anniversary", "customer-anniversary")
GENERAL_KEYS = ("welcome", "thinking-of-you", "congratulations", "get-well", "sympathy")
ONCE_EVER = frozenset({"welcome"})  # a contact is welcomed once
REPEAT_WARNING_DAYS = 30  # a repeatable card again within this many days earns a warning


def label_key(label: str) -> str:
    """The occasion key of a labelled date: "Joined the team" -> "date:joined-the-team"."""
    slug = re.sub(r"[^\w]+", "-", label.strip().casefold()).strip("-")
    return f"date:{slug or 'date'}"


def occasion_instance(key: str, date: dt.date) -> str:
    """What "the same occasion" means for never mailing twice: contact + this string.

    Yearly occasions are one per year ("christmas/2026", "birthday/2027"); a thank-you is
    one per order, so it is identified by the order's date ("thank-you/2026-03-04"); a
    welcome is once ever ("welcome"). Cards for no date may repeat: their instance is the
    day they were made for, and `is_repeatable` says not to refuse a second one.
    """
    if key in ONCE_EVER:
        return key
    if key == "thank-you":
        return f"{key}/{date.isoformat()}"
    return f"{key}/{date.year}"


def is_repeatable(key: str, dated: bool) -> bool:
    """Whether a second card for ``key`` to the same contact is fine (with a warning when
    recent): cards for no date (``dated`` False) except those sent once ever."""
    return not dated and key not in ONCE_EVER


def normal_key(key: str) -> str:
    """``key`` as Card Studio spells it: lower case; a labelled date as `label_key` makes it
    ("date:Joined the team" -> "date:joined-the-team")."""
    text = key.strip()
    if text.casefold().startswith("date:"):
        label = text[len("date:"):]
        if not label.strip():
            raise UsageError("a labelled date needs its label after 'date:', e.g. date:joined-the-team")
        return label_key(label)
    return text.casefold()


def known_keys(holiday_keys: Iterable[str], also: Iterable[str] = ()) -> list[str]:
    """Every occasion key Card Studio knows (besides ``date:LABEL``), sorted: the personal
    ones, thank-you, ``holiday_keys`` (the catalogue's), the cards for no date and ``also``
    (the occasions a template names)."""
    return sorted({*PERSONAL_KEYS, "thank-you", *holiday_keys, *GENERAL_KEYS, *also})


def check_occasion_key(key: str, holiday_keys: Iterable[str], also: Iterable[str] = ()) -> str:
    """``key`` in its normal spelling (`normal_key`) if Card Studio knows it.

    Raises `UsageError` for an unknown key, suggesting the closest known one ("xmas" ->
    "did you mean christmas?") and listing them all.
    """
    normal = normal_key(key)
    if normal.startswith("date:"):
        return normal
    known = known_keys(holiday_keys, (k.casefold() for k in also))
    if normal in known:
        return normal
    # A close spelling first; short words such as "xmas" only come near at a lower cutoff.
    close = (difflib.get_close_matches(normal, known, n=1, cutoff=0.6)
             or difflib.get_close_matches(normal, known, n=1, cutoff=0.45))
    hint = f"; did you mean {close[0]}?" if close else "."
    raise UsageError(f"{key.strip()!r} is not an occasion Card Studio knows{hint} Known occasions: "
                     f"{', '.join(known)}, or date:LABEL for a contact's labelled date")
