"""vCard date values to `PartialDate` (month and day always, year when known).

Accepted forms, as found in real exports:
``1978-12-29`` and ``19781229`` (RFC 2426 / ISO 8601), with an optional time part
(``20090808T1430-0500``: the calendar date written is kept, the time ignored);
``--0203`` and ``--02-03`` (RFC 6350 4.3.1: year unknown); ``29.12.1978`` (German
Outlook); Apple's placeholder years: ``BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-07`` and any
year 1604 (Apple's "no year"), and year 0000, mean the year is unknown.
Anything else — ``19723101`` (no month 31), ``circa 1800`` — raises ValueError with a
sentence fit for the user.
"""

from __future__ import annotations

import re

from studio.model import PartialDate

_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})(?:T.*)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_APPLE_NO_YEAR = 1604


def parse_vcard_date(value: str, omit_year: str = "") -> PartialDate:
    """Parse one date value; ``omit_year`` is the X-APPLE-OMIT-YEAR parameter, if any."""
    text = value.strip()
    try:
        if match := _ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
            if year == 0 or year == _APPLE_NO_YEAR or (omit_year.strip() and str(year) == omit_year.strip()):
                return PartialDate(month, day)
            return PartialDate(month, day, year)
        if match := _NO_YEAR.match(text):
            return PartialDate(int(match.group(1)), int(match.group(2)))
        if match := _DOTTED.match(text):
            return PartialDate(int(match.group(2)), int(match.group(1)), int(match.group(3)))
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date") from None
    raise ValueError(f"{text[:40]!r} is not a date")
