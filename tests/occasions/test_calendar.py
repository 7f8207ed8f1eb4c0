"""The holiday catalogue: every entry loads and yields dates; rules match their sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from studio.errors import StudioError
from studio.occasions.calendar import HolidayCalendar, load_catalogue, nth_weekday

D = dt.date


@pytest.fixture
def calendar() -> HolidayCalendar:
    return HolidayCalendar(load_catalogue())


def test_every_catalogue_entry_gives_a_date_every_year_for_its_observers(calendar) -> None:
    for key in calendar.catalogue.keys():
        for year in range(2024, 2036):
            assert calendar.dates(key, "US", year), (key, year)


@pytest.mark.parametrize(("key", "country", "year", "expected"), [
    ("thanksgiving", "US", 2026, D(2026, 11, 26)),
    ("thanksgiving", "CA", 2026, D(2026, 10, 12)),
    ("thanksgiving", "CA", 2027, D(2027, 10, 11)),
    ("christmas", "DE", 2026, D(2026, 12, 25)),
    ("new-year", "JP", 2027, D(2027, 1, 1)),
    ("hanukkah", "US", 2024, D(2024, 12, 26)),  # starts at sundown on the 25th
    ("hanukkah", "US", 2025, D(2025, 12, 15)),
    ("diwali", "IN", 2024, D(2024, 10, 31)),
    ("lunar-new-year", "CN", 2025, D(2025, 1, 29)),
    ("mothers-day", "FR", 2023, D(2023, 6, 4)),  # last Sunday of May was Pentecost
    ("mothers-day", "FR", 2024, D(2024, 5, 26)),
    ("mothers-day", "GB", 2026, D(2026, 3, 15)),
    ("mothers-day", "US", 2026, D(2026, 5, 10)),
    ("fathers-day", "DE", 2026, D(2026, 5, 14)),  # Ascension Day
    ("fathers-day", "US", 2026, D(2026, 6, 21)),
    ("fathers-day", "AU", 2026, D(2026, 9, 6)),
    ("easter", "GR", 2026, D(2026, 4, 12)),  # Orthodox
    ("easter", "US", 2026, D(2026, 4, 5)),
    ("valentines", "NG", 2026, D(2026, 2, 14)),
])
def test_holiday_dates(calendar, key: str, country: str, year: int, expected: dt.date) -> None:
    assert calendar.dates(key, country, year) == [expected]


def test_who_observes_what(calendar) -> None:
    assert calendar.observes("christmas", "NG", 2026)
    assert not calendar.observes("christmas", "JP", 2026)
    assert calendar.observes("christmas", "JP", 2026, tags=["Christmas"])
    assert calendar.observes("thanksgiving", "CA", 2026)
    assert not calendar.observes("thanksgiving", "GB", 2026)
    assert not calendar.observes("diwali", "US", 2026)
    assert calendar.observes("diwali", "US", 2026, tags=["customer", "diwali"])
    assert calendar.observes("valentines", "FR", 2026)


def test_a_country_the_library_does_not_know_still_gets_rule_based_dates(calendar) -> None:
    assert calendar.dates("christmas", "ZZ", 2026) == [D(2026, 12, 25)]
    assert not calendar.observes("christmas", "ZZ", 2026)


def test_unknown_holiday_key_names_the_known_ones(calendar) -> None:
    with pytest.raises(StudioError, match="christmas"):
        calendar.dates("xmas", "US", 2026)


def test_a_broken_catalogue_entry_is_named(tmp_path: Path) -> None:
    path = tmp_path / "holidays.toml"
    path.write_text('[odd]\nname = "Odd"\nrules = [{ fixed = "02-30" }]\n', encoding="utf-8")
    with pytest.raises(StudioError, match=r"\[odd\]"):
        load_catalogue(path)
    path.write_text('[two]\nname = "Two"\nrules = [{ fixed = "02-03", easter = 1 }]\n', encoding="utf-8")
    with pytest.raises(StudioError, match="exactly one"):
        load_catalogue(path)


def test_nth_weekday() -> None:
    assert nth_weekday(2026, 11, 3, 4) == D(2026, 11, 26)  # 4th Thursday
    assert nth_weekday(2026, 5, 6, -1) == D(2026, 5, 31)  # last Sunday
    with pytest.raises(ValueError):
        nth_weekday(2026, 2, 0, 5)
