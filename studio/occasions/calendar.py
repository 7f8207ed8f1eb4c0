"""Holidays and observances by country: the catalogue (data) and the dates it yields.

The catalogue is `holidays.toml` next to this module (its header documents the rule
fields). Public holidays come from the `holidays` library's calendar of the contact's own
country, so Thanksgiving is the fourth Thursday of November for a customer in Ohio and the
second Monday of October for one in Montréal. Observances that are no public holiday
(Mother's Day, Valentine's Day, Hanukkah …) are rules in the same file.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import holidays as holidays_lib
from dateutil import easter as _easter

from studio.errors import StudioError

CATALOGUE_PATH = Path(__file__).with_name("holidays.toml")
_WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_EASTER_METHODS = {"western": _easter.EASTER_WESTERN, "orthodox": _easter.EASTER_ORTHODOX}
_SUFFIXES_TO_IGNORE = (" (estimated)",)  # the library marks lunar dates it computed, not decreed


@dataclass(frozen=True)
class DateRule:
    """One way to find a holiday's date in a year, for the countries it applies to."""

    countries: tuple[str, ...] = ("*",)
    holiday: tuple[str, ...] = ()  # names in the `holidays` library (English)
    calendar: str = ""  # whose calendar `holiday` is looked up in; "" = the contact's country
    categories: tuple[str, ...] = ("public",)
    fixed: tuple[int, int] | None = None  # (month, day)
    month: int = 0
    weekday: int = 0
    nth: int = 0
    unless_easter: int | None = None
    easter: int | None = None
    easter_method: str = "western"

    def applies_to(self, country: str) -> bool:
        return "*" in self.countries or country in self.countries


@dataclass(frozen=True)
class HolidayDefinition:
    """A holiday a user may choose to send cards for (`Settings.holidays` names its key)."""

    key: str
    name: str
    observed_in: tuple[str, ...]  # ("public",) or country codes, "*" for everyone
    rules: tuple[DateRule, ...]
    instead_of: tuple[str, ...] = ()  # holidays a contact tagged with this key gets no card for

    @property
    def is_public(self) -> bool:
        return self.observed_in == ("public",)


@dataclass(frozen=True)
class HolidayCatalogue:
    definitions: dict[str, HolidayDefinition] = field(default_factory=dict)

    def get(self, key: str) -> HolidayDefinition:
        """The definition for ``key``; raises `StudioError` listing the known keys."""
        try:
            return self.definitions[key]
        except KeyError:
            raise StudioError(f"{key!r} is not a holiday Card Studio knows; choose one of: "
                              f"{', '.join(sorted(self.definitions))}") from None

    def __contains__(self, key: object) -> bool:
        return key in self.definitions

    def keys(self) -> list[str]:
        return list(self.definitions)

    def tagged(self, tags: Iterable[str]) -> list[str]:
        """The holiday keys ``tags`` name (a contact tagged ``hanukkah`` keeps Hanukkah)."""
        named = (t.strip().casefold() for t in tags)
        return list(dict.fromkeys(t for t in named if t in self.definitions))

    def kept_instead(self, key: str, tags: Iterable[str]) -> HolidayDefinition | None:
        """The holiday a contact with ``tags`` keeps instead of ``key``, if a tag names one
        whose ``instead_of`` lists ``key`` (Hanukkah instead of Christmas); None when the
        contact is tagged with ``key`` too (a family that keeps both)."""
        tagged = self.tagged(tags)
        if key in tagged:
            return None
        return next((self.definitions[t] for t in tagged if key in self.definitions[t].instead_of), None)


def load_catalogue(path: Path = CATALOGUE_PATH) -> HolidayCatalogue:
    """Read a holiday catalogue file; raises `StudioError` naming the entry at fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StudioError(f"cannot read the holiday catalogue {path}: {exc}") from exc
    definitions = {}
    for key, entry in data.items():
        try:
            definitions[key] = _definition(key, entry)
        except (KeyError, TypeError, ValueError) as exc:
            raise StudioError(f"{path}: the entry [{key}] is not valid ({exc})") from exc
    return HolidayCatalogue(definitions)


def _definition(key: str, entry: dict[str, Any]) -> HolidayDefinition:
    observed = entry.get("observed_in", ["*"])
    observed_in = ("public",) if observed == "public" else tuple(str(c).upper() for c in observed)
    rules = tuple(_rule(r) for r in entry["rules"])
    if not rules:
        raise ValueError("it has no rules")
    instead_of = tuple(str(k) for k in entry.get("instead_of", []))
    return HolidayDefinition(key=key, name=str(entry["name"]), observed_in=observed_in, rules=rules,
                             instead_of=instead_of)


def _rule(raw: dict[str, Any]) -> DateRule:
    countries = tuple(str(c).upper() for c in raw.get("countries", ["*"]))
    fixed = None
    if "fixed" in raw:
        month, day = (int(p) for p in str(raw["fixed"]).split("-"))
        dt.date(2000, month, day)  # validates
        fixed = (month, day)
    rule = DateRule(
        countries=countries, holiday=tuple(raw.get("holiday", ())),
        calendar=str(raw.get("calendar", "")).upper(),
        categories=tuple(raw.get("categories", ("public",))), fixed=fixed,
        month=int(raw.get("month", 0)), weekday=_WEEKDAYS[raw["weekday"]] if "weekday" in raw else 0,
        nth=int(raw.get("nth", 0)), unless_easter=raw.get("unless_easter"), easter=raw.get("easter"),
        easter_method=str(raw.get("easter_method", "western")))
    kinds = sum((bool(rule.holiday), rule.fixed is not None, bool(rule.month), rule.easter is not None))
    if kinds != 1:
        raise ValueError("each rule needs exactly one of holiday, fixed, month/weekday/nth or easter")
    if rule.month and not (1 <= rule.month <= 12 and rule.nth in (-1, 1, 2, 3, 4, 5)):
        raise ValueError(f"month {rule.month}, nth {rule.nth} is not a weekday rule")
    if rule.easter_method not in _EASTER_METHODS:
        raise ValueError(f"easter_method {rule.easter_method!r} is neither western nor orthodox")
    return rule


class HolidayCalendar:
    """Dates of catalogue holidays by country and year, computed once per call site.

    Holds a cache of the `holidays` library's calendars; make one per listing (it is not
    global state and not thread-safe).
    """

    def __init__(self, catalogue: HolidayCatalogue) -> None:
        self.catalogue = catalogue
        self._public: dict[tuple[str, int, tuple[str, ...], bool], dict[dt.date, list[str]]] = {}
        self._dates: dict[tuple[str, str, int], list[dt.date]] = {}
        # Whether a country keeps a holiday, asked once per contact and year of a listing.
        self._kept: dict[tuple[str, str, int], bool] = {}

    def observes(self, key: str, country: str, year: int, tags: Iterable[str] = ()) -> bool:
        """Whether someone in ``country`` with ``tags`` celebrates holiday ``key`` in ``year``.

        A public holiday counts where the library's calendar of that country lists it; an
        observance where its ``observed_in`` names the country (or "*"); a tag equal to the
        key always counts (the customer who keeps Hanukkah in Chicago).
        """
        if any(t.strip().casefold() == key for t in tags):
            return True
        cache_key = (key, country, year)
        if cache_key not in self._kept:
            self._kept[cache_key] = self._country_keeps(self.catalogue.get(key), country, year)
        return self._kept[cache_key]

    def _country_keeps(self, definition: HolidayDefinition, country: str, year: int) -> bool:
        if definition.is_public:
            return any(self._named_dates(rule.holiday, country, year, rule.categories)
                       for rule in definition.rules
                       if rule.holiday and not rule.calendar and rule.applies_to(country))
        return "*" in definition.observed_in or country in definition.observed_in

    def dates(self, key: str, country: str, year: int) -> list[dt.date]:
        """The day(s) of holiday ``key`` in ``year`` for someone in ``country`` (usually one).

        Empty when no rule applies or the holiday does not fall in that year.
        """
        cache_key = (key, country, year)
        if cache_key not in self._dates:
            self._dates[cache_key] = self._compute(self.catalogue.get(key), country, year)
        return self._dates[cache_key]

    def _compute(self, definition: HolidayDefinition, country: str, year: int) -> list[dt.date]:
        for rule in definition.rules:
            if not rule.applies_to(country):
                continue
            found = self._apply(rule, country, year)
            if found:
                return found
        return []

    def _apply(self, rule: DateRule, country: str, year: int) -> list[dt.date]:
        if rule.fixed is not None:
            return [dt.date(year, *rule.fixed)]
        if rule.easter is not None:
            sunday = _easter.easter(year, _EASTER_METHODS[rule.easter_method])
            return [sunday + dt.timedelta(days=rule.easter)]
        if rule.month:
            day = nth_weekday(year, rule.month, rule.weekday, rule.nth)
            moved = rule.unless_easter is not None
            if moved and day == _easter.easter(year) + dt.timedelta(days=rule.unless_easter or 0):
                day += dt.timedelta(days=7)
            return [day]
        return self._named_dates(rule.holiday, rule.calendar or country, year, rule.categories)

    def _named_dates(self, names: tuple[str, ...], country: str, year: int,
                     categories: tuple[str, ...]) -> list[dt.date]:
        """First days of the holiday called one of ``names`` starting in ``year``.

        The national calendar is asked first, then the union of the subdivisions': Canada's
        Thanksgiving is a holiday of the provinces, not of the federal calendar. Names are
        only matched against the holiday's own names, so the union adds no stray holidays.
        """
        found = self._first_days(names, country, year, categories, subdivisions=False)
        return found or self._first_days(names, country, year, categories, subdivisions=True)

    def _first_days(self, names: tuple[str, ...], country: str, year: int,
                    categories: tuple[str, ...], subdivisions: bool) -> list[dt.date]:
        wanted = set(names)
        this_year = self._calendar(country, year, categories, subdivisions)
        last_year = self._calendar(country, year - 1, categories, subdivisions)

        def is_it(day: dt.date) -> bool:
            source = this_year if day.year == year else last_year
            return bool(wanted.intersection(source.get(day, ())))

        return [day for day in sorted(this_year) if is_it(day) and not is_it(day - dt.timedelta(days=1))]

    def _calendar(self, country: str, year: int, categories: tuple[str, ...],
                  subdivisions: bool) -> dict[dt.date, list[str]]:
        """Holiday names (English where the library has them) by date in ``country``."""
        key = (country, year, categories, subdivisions)
        if key in self._public:
            return self._public[key]
        names: dict[dt.date, list[str]] = {}
        try:
            national = holidays_lib.country_holidays(country, years=year)
        except NotImplementedError:  # a country the library does not cover
            self._public[key] = names
            return names
        language = "en_US" if "en_US" in national.supported_languages else None
        wanted = tuple(c for c in categories if c in national.supported_categories) or ("public",)
        for subdiv in (national.subdivisions if subdivisions else (None,)):
            calendar = holidays_lib.country_holidays(country, subdiv=subdiv, years=year,
                                                     language=language, categories=wanted)
            for day, label in calendar.items():
                for name in label.split("; "):  # the library joins two holidays on one day with "; "
                    for suffix in _SUFFIXES_TO_IGNORE:
                        name = name.removesuffix(suffix)
                    if name not in names.setdefault(day, []):
                        names[day].append(name)
        self._public[key] = names
        return names


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` (Monday = 0) of the month; ``nth`` = -1 for the last one."""
    days_in_month = _calendar.monthrange(year, month)[1]
    if nth == -1:
        last = dt.date(year, month, days_in_month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    if day.month != month:
        raise ValueError(f"{year}-{month:02d} has no weekday #{nth} {weekday}")
    return day
