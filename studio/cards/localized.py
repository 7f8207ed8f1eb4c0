"""Dates in the card's language (babel, CLDR), shared by the ``date`` filter and the views."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

from studio.model import PartialDate

# The ``date`` filter's named formats, as CLDR skeletons.
DATE_FORMATS = {"day-month": "MMMMd", "month-year": "yMMMM", "weekday": "EEEE",
                "weekday-day-month": "EEEEMMMMd"}


@functools.lru_cache(maxsize=64)
def locale_for(language: str) -> Locale:
    """The babel locale for a BCP 47 / CLDR code ("en", "de", "fr_CA"); English when unknown."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def date_text(value: dt.date, format: str, language: str) -> str:  # noqa: A002 - the filter's word
    """``value`` written out: "December 25, 2026" (en, "long"), "25. Dezember 2026" (de).

    ``format`` is "short", "medium", "long", "full", one of `DATE_FORMATS`, or a CLDR
    pattern such as "d MMMM".
    """
    locale = locale_for(language)
    if format in DATE_FORMATS:
        return format_skeleton(DATE_FORMATS[format], value, locale=locale)
    return format_date(value, format=format, locale=locale)


def partial_date_text(value: PartialDate, language: str) -> str:
    """A date whose year may be unknown, in words: "March 14, 1984", "March 14" (en)."""
    if value.year is None:  # 2000 is a leap year, so a year-less 29 February is written too
        return date_text(dt.date(2000, value.month, value.day), "day-month", language)
    return date_text(dt.date(value.year, value.month, value.day), "long", language)
