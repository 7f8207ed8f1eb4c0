"""Dates as typed in sheets, with the locale deciding day/month order."""

from __future__ import annotations

import pytest

from studio.model import PartialDate
from studio.sources.typed_dates import day_first, parse_typed_date


@pytest.mark.parametrize(
    ("text", "locale", "expected", "ambiguous"),
    [
        ("1980-03-04", "en_US", PartialDate(3, 4, 1980), False),
        ("03/04/1980", "en_US", PartialDate(3, 4, 1980), True),
        ("03/04/1980", "en_GB", PartialDate(4, 3, 1980), True),
        ("03/04/1980", "de_DE", PartialDate(4, 3, 1980), True),
        ("13/04/80", "en_US", PartialDate(4, 13, 1980), False),
        ("04.03.1980", "en_US", PartialDate(3, 4, 1980), False),
        ("March 4", "en_US", PartialDate(3, 4), False),
        ("4 March 1980", "en_GB", PartialDate(3, 4, 1980), False),
        ("4. März 1980", "de_DE", PartialDate(3, 4, 1980), False),
        ("4 mars", "fr_FR", PartialDate(3, 4), False),
        ("--12-24", "en_US", PartialDate(12, 24), False),
        ("5/5", "en_US", PartialDate(5, 5), False),
    ],
)
def test_typed_dates(text: str, locale: str, expected: PartialDate, ambiguous: bool) -> None:
    typed = parse_typed_date(text, locale)
    assert (typed.date, typed.ambiguous) == (expected, ambiguous)


@pytest.mark.parametrize("text", ["2/30/1980", "soon", "31.02.1970", "13/13/2000"])
def test_unreadable_dates_say_so(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_typed_date(text, "en_US")


def test_locales_decide_the_order() -> None:
    assert not day_first("en_US") and day_first("en_GB") and day_first("de_DE") and day_first("fr_FR")
