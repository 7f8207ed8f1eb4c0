"""Dates as people type them in a sheet: ISO, ``03/04/1980``, ``04.03.1980``, ``March 4``.

``03/04`` is the 4th of March in the US and the 3rd of April in Germany: the user's locale
decides, and such a date comes back flagged ambiguous so the import can say which row it
read which way. Month names may be English or in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_date_format
from dateutil import parser as date_parser

from studio.contacts.dates import parse_vcard_date
from studio.model import PartialDate

_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?\.?$")
_ENGLISH_MONTHS = [
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
]
# Two defaults far apart: a field dateutil fills from the default was not in the text.
_DEFAULTS = (date_parser.parse("1904-01-01"), date_parser.parse("1908-01-01"))


@dataclass(frozen=True)
class TypedDate:
    date: PartialDate
    ambiguous: bool = False  # day and month could be swapped; the locale chose


def parse_typed_date(text: str, locale: str = "en_US") -> TypedDate:
    """Read one date cell; raises ValueError with a sentence for the user."""
    value = " ".join(text.split())
    if not value:
        raise ValueError("the date is empty")
    try:
        return TypedDate(parse_vcard_date(value))
    except ValueError:
        pass
    if match := _NUMERIC.match(value):
        return _numeric(match, day_first(locale), value)
    return _worded(_english_months(value, locale), value)


@lru_cache(maxsize=32)
def day_first(locale: str) -> bool:
    """True where the locale writes the day before the month (en_GB, de, fr …)."""
    try:
        pattern = get_date_format("short", locale=Locale.parse(locale)).pattern
    except (UnknownLocaleError, ValueError):
        return False
    return pattern.lower().find("d") < pattern.find("M")


def _numeric(match: re.Match[str], dayfirst: bool, value: str) -> TypedDate:
    first, second, year_text = match.group(1), match.group(2), match.group(3)
    if len(first) == 4:  # 1980/03/04: year first is always year-month-day
        return TypedDate(_checked(int(second), int(year_text or 0), int(first), value))
    a, b = int(first), int(second)
    year = _full_year(year_text) if year_text else None
    if "." in value:  # 04.03.1980 is day-first everywhere it is written
        return TypedDate(_checked(b, a, year, value))
    if a > 12 or b > 12:
        day, month = (a, b) if a > 12 else (b, a)
        return TypedDate(_checked(month, day, year, value))
    day, month = (a, b) if dayfirst else (b, a)
    return TypedDate(_checked(month, day, year, value), ambiguous=a != b)


def _worded(value: str, original: str) -> TypedDate:
    try:
        first = date_parser.parse(value, default=_DEFAULTS[0], fuzzy=False)
        second = date_parser.parse(value, default=_DEFAULTS[1], fuzzy=False)
    except (ValueError, OverflowError):
        raise ValueError(
            f"{original[:40]!r} is not a date Card Studio can read (write it like 1980-03-04 or March 4)"
        ) from None
    year = first.year if first.year == second.year else None
    return TypedDate(_checked(first.month, first.day, year, original))


def _english_months(value: str, locale: str) -> str:
    try:
        names = Locale.parse(locale).months
    except (UnknownLocaleError, ValueError):
        return value
    out = value
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in sorted(names[context][width].items(), key=lambda kv: -len(kv[1])):
                pattern = re.compile(rf"\b{re.escape(name.rstrip('.'))}\.?(?=\W|$)", re.IGNORECASE)
                out = pattern.sub(_ENGLISH_MONTHS[number - 1], out)
    return out.replace(". ", " ")


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # a typed '80 is 1980, a '12 is 2012: nobody types a future birthday
        year += 1900 if year > 30 else 2000
    return year


def _checked(month: int, day: int, year: int | None, value: str) -> PartialDate:
    try:
        return PartialDate(month, day, year or None)
    except ValueError:
        raise ValueError(f"{value[:40]!r} is not a valid date") from None
