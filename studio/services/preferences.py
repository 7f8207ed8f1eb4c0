"""Reading, changing and checking the user's settings by name, e.g. ``sender.address.city``.

The desktop app edits `Settings` through its forms and saves them with `save_settings`;
scripts and the command line change them with `update_settings`: one dotted name, one text
value, converted to the field's type. Both check every changed value before anything is
saved (`setting_problems`) and raise `InvalidSettings`, which names each setting at fault
with a sentence a person can act on, so a value that would only fail later (a mailer ID
the barcode cannot use, a holiday nobody knows, mail posted after the day) never gets in.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from babel import Locale, UnknownLocaleError

from studio.cards.offer import MAX_DAYS as OFFER_MAX_DAYS  # noqa: F401 - offered to the settings view
from studio.cards.offer import days_problem, text_setting_problem, url_setting_problem
from studio.errors import StudioError, UsageError
from studio.model import DUPLEX_MODES, STACKINGS
from studio.occasions.calendar import load_catalogue
from studio.paths import AppPaths
from studio.personal.signature import signature_problem
from studio.postal.countries import country_choices, resolve_country
from studio.postal.imb import SERVICE_TYPES as MAIL_SERVICE_TYPES  # noqa: F401 - offered to the settings view
from studio.postal.imb import mailer_id_problem, service_type_problem
from studio.services.handwriting import handwriting_problem
from studio.services.mail_pieces import CALIBRATION_LIMITS
from studio.services.photos import sender_photo_problem
from studio.services.stock import load_catalog
from studio.settings import APPEARANCES, Settings
from studio.store import Store

_PAPERS = ("letter", "a4")
# Parts of the shared Address type that mean nothing for the sender's return address.
_HIDDEN = {"sender.address.label", "sender.address.preferred"}


class InvalidSettings(UsageError):
    """Settings values Card Studio cannot use.

    ``problems`` pairs each dotted setting name with why its value is wrong, for showing
    beside the field; the message says them all, one a line.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        lines = [f"{name}: {why}" for name, why in self.problems]
        super().__init__(lines[0] if len(lines) == 1 else
                         "these settings cannot be used:\n" + "\n".join(f"  {line}" for line in lines))


def setting_label(name: str) -> str:
    """A dotted setting name as a person reads it: "sender.address.country" -> "Sender address country"."""
    words = name.replace(".", " ").replace("_", " ").split()
    return " ".join(words).capitalize() if words else name


def setting_names(settings: Settings | None = None) -> list[str]:
    """Every settable dotted name, in the order the dataclasses declare them."""
    return [name for name, _ in _leaves(settings or Settings(), "")]


def _leaves(obj: Any, prefix: str) -> list[tuple[str, Any]]:
    found = []
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        name = f"{prefix}{field.name}"
        if dataclasses.is_dataclass(value):
            found += _leaves(value, f"{name}.")
        elif name not in _HIDDEN:
            found.append((name, value))
    return found


def flat_settings(settings: Settings) -> dict[str, Any]:
    """The settings as {dotted name: plain value} (enums as their values)."""
    return {name: value.value if isinstance(value, Enum) else value
            for name, value in _leaves(settings, "")}


# --- checking values ----------------------------------------------------------------------

def _country(text: str) -> str | None:
    if text.strip() and resolve_country(text) is None:
        return (f"{text.strip()!r} is not a country Card Studio recognises "
                "(write its name, e.g. Germany, or its code, DE)")
    return None


def _country_code(code: str) -> str | None:
    if len(code.strip()) != 2:
        return (f"{code.strip()!r} is not a country Card Studio knows "
                "(type its name, e.g. Germany, or its two-letter code, DE)")
    known = resolve_country(code) if len(code) == 2 and code.isalpha() else None
    if known == code.upper():
        return None
    hint = f"{known} is the code for {code!r}" if known else "use a two-letter ISO code such as US, GB or DE"
    return f"{code!r} is not a country code ({hint})"


def _language(text: str) -> str | None:
    try:
        Locale.parse(text.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return (f"{text.strip()!r} is not a language code Card Studio knows "
                "(use one such as en, de, fr or pt_BR)")
    return None


# Enough to catch a name or a phone number typed into the e-mail field; the mail program
# the card goes to is the judge of the rest.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _email(text: str) -> str | None:
    if text.strip() and not _EMAIL.match(text.strip()):
        return f"{text.strip()!r} is not an e-mail address (write it as name@example.com)"
    return None


def _phone(text: str) -> str | None:
    # Letters are allowed only for an extension ("ext. 12", "x12").
    letters = re.sub(r"ext|x", "", text.casefold())
    if text.strip() and (sum(ch.isdigit() for ch in text) < 3 or any(ch.isalpha() for ch in letters)):
        return f"{text.strip()!r} is not a phone number (digits, spaces, + - ( ) and an ext. only)"
    return None


def _holidays(keys: list[str]) -> str | None:
    known = load_catalogue().keys()
    unknown = [key for key in keys if key not in known]
    if not unknown:
        return None
    names = ", ".join(repr(key) for key in unknown)
    verb = "is not a holiday" if len(unknown) == 1 else "are not holidays"
    # Short words such as "xmas" only come near at a low cutoff (as `studio mailing --occasion`).
    close = [match for key in unknown for match in difflib.get_close_matches(key, known, n=1, cutoff=0.45)]
    hint = f"did you mean {', '.join(close)}? " if close else ""
    return f"{names} {verb} Card Studio knows ({hint}choose from {', '.join(sorted(known))})"


def _transit_by_country(days: dict[str, int]) -> str | None:
    wrong = [f"{code} is not a country code" for code in days if _country_code(code)]
    wrong += [f"{code}={value} is fewer than 0 days" for code, value in days.items() if value < 0]
    return ", ".join(wrong) + " (use CODE=DAYS, e.g. DE=6)" if wrong else None


def _not_negative(value: int) -> str | None:
    return f"{value} is fewer than 0 days" if value < 0 else None


def _calibration(name: str) -> Callable[[float], str | None]:
    low, high = CALIBRATION_LIMITS[name]

    def check(value: float) -> str | None:
        return None if low <= value <= high else f"{value:g} is outside {low:g} to {high:g}"
    return check


def _catalog_entry(kind: str, paths: AppPaths | None) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        try:
            catalog = load_catalog(paths)
            catalog.envelope(value) if kind == "envelope" else catalog.label(value)
        except StudioError as exc:
            return str(exc)
        return None
    return check


def _one_of(choices: tuple[str, ...], what: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if value in choices else f"{value!r} is not {what}; use {', '.join(choices)}"
    return check


def _checks(paths: AppPaths | None) -> dict[str, Callable[[Any], str | None]]:
    """The check of each setting that has one: value in, a sentence or None out."""
    checks: dict[str, Callable[[Any], str | None]] = {
        "sender.address.country": _country,
        "sender.email": _email,
        "sender.phone": _phone,
        "sender.mailer_id": lambda text: mailer_id_problem(text) if text.strip() else None,
        "sender.imb_service": service_type_problem,
        "sender.signature_image": signature_problem,
        "sender.handwriting_font": handwriting_problem,
        "sender.photo": sender_photo_problem,
        "printer.duplex": _one_of(DUPLEX_MODES, "a way to print two-sided"),
        "printer.stack": _one_of(STACKINGS, "a way a printer stacks its pages"),
        "printer.margin_mm": lambda value: None if 0 <= float(value) <= 20 else
        f"{value:g} mm is not a printer margin; most printers leave 3 to 5 mm (0 for borderless)",
        "home_country": _country_code,
        "language": _language,
        "paper": lambda text: None if text in _PAPERS else f"{text!r} is not a paper size; use letter or a4",
        "envelope_size": _catalog_entry("envelope", paths),
        "label_stock": _catalog_entry("label", paths),
        "holidays": _holidays,
        "transit_days_by_country": _transit_by_country,
        "appearance": lambda text: None if text in APPEARANCES else
        f"{text!r} is not an appearance; use {', '.join(APPEARANCES)}",
        "offer.url": url_setting_problem,
        "offer.text": text_setting_problem,
        "offer.days": days_problem,
    }
    for name in ("transit_days_domestic", "transit_days_international", "preparation_days",
                 "not_thanked_days"):
        checks[name] = _not_negative
    for name in ("weekly_goal.cards", "weekly_goal.calls"):
        checks[name] = lambda value: None if 0 <= value <= 1000 else \
            f"{value} is not a weekly goal; use 0 (none) to 1000"
    for name in CALIBRATION_LIMITS:
        checks[f"calibration.{name}"] = _calibration(name)
    return checks


def setting_problems(settings: Settings, names: Iterable[str] | None = None, *,
                     paths: AppPaths | None = None) -> list[tuple[str, str]]:
    """Each value of ``settings`` Card Studio cannot use, as (dotted name, why).

    Only ``names`` are checked when given (what a user just changed: a value saved by an
    older version is not held against an unrelated change). ``paths`` finds the user's
    own label and envelope stock.
    """
    values = flat_settings(settings)
    wanted = list(values) if names is None else [name for name in values if name in set(names)]
    checks = _checks(paths)
    problems = []
    for name in wanted:
        check = checks.get(name)
        problem = check(values[name]) if check else None
        if problem:
            problems.append((name, problem))
    return problems


def check_settings(settings: Settings, names: Iterable[str] | None = None, *,
                   paths: AppPaths | None = None) -> None:
    """Raise `InvalidSettings` when `setting_problems` finds any."""
    problems = setting_problems(settings, names, paths=paths)
    if problems:
        raise InvalidSettings(problems)


# --- choices for pickers -------------------------------------------------------------------

def countries(language: str) -> list[tuple[str, str]]:
    """Every country as (ISO code, name in ``language``), sorted by the name as read."""
    return country_choices(language)


def languages(language: str) -> list[tuple[str, str]]:
    """The languages cards can be written in, as (code, name in ``language``), by name.

    The codes are babel's locales without a region (``de``, ``pt``) plus ``current`` when
    the saved setting names a regional one; a name babel lacks is shown as its code.
    """
    from babel import localedata

    shown = _ui_locale(language)
    codes = {code for code in localedata.locale_identifiers() if "_" not in code and code != "root"}
    pairs = [(code, (shown.languages.get(code) or code)) for code in codes]
    return sorted(pairs, key=lambda pair: _fold(pair[1]))


def resolve_home_country(text: str) -> str | None:
    """The ISO code of a country as typed ("Germany", "Deutschland", "de"), or None."""
    return resolve_country(text)


def language_name(code: str, language: str) -> str:
    """``code`` ("de_CH") named in ``language`` ("Deutsch (Schweiz)"), or the code itself."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(_ui_locale(language)) or code
    except (UnknownLocaleError, ValueError):
        return code


def resolve_language(text: str, language: str) -> str | None:
    """The locale code for a language as typed: a code ("de", "pt-BR") or a name in
    ``language`` or English ("German", "Deutsch"); None when nothing matches."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not _language(cleaned):
        return str(Locale.parse(cleaned.replace("-", "_")))
    key = _fold(cleaned)
    for shown in (language, "en"):
        for code, name in languages(shown):
            if _fold(name) == key:
                return code
    return None


def _ui_locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- changing values ----------------------------------------------------------------------

def _convert(name: str, kind: Any, text: str) -> Any:
    origin = typing.get_origin(kind)
    try:
        if kind is bool:
            if text.lower() in ("yes", "true", "1", "on"):
                return True
            if text.lower() in ("no", "false", "0", "off"):
                return False
            raise ValueError
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
        if isinstance(kind, type) and issubclass(kind, Enum):
            return kind(text)
        if origin is list:
            return [item.strip() for item in text.split(",") if item.strip()]
        if origin is dict:
            pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
            return {key.strip().upper(): int(value) for key, value in pairs}
    except (ValueError, TypeError):
        if isinstance(kind, type) and issubclass(kind, Enum):
            choices = ", ".join(member.value for member in kind)
            raise UsageError(f"{name} takes one of: {choices}") from None
        if origin is dict:
            raise UsageError(f"{name} takes CODE=DAYS pairs separated by commas, e.g. DE=6,JP=9") from None
        raise UsageError(f"{text!r} is not a valid value for {name}") from None
    return text


def _apply(settings: Settings, name: str, text: str) -> Settings:
    """A copy of ``settings`` with ``name`` set from ``text``, converted but not checked."""
    parts = name.strip().split(".")
    if name not in setting_names(settings):
        raise UsageError(f"there is no setting {name!r}; `studio settings` lists them")
    owners: list[Any] = [settings]
    for part in parts[:-1]:
        owners.append(getattr(owners[-1], part))
    kind = typing.get_type_hints(type(owners[-1]))[parts[-1]]
    value = _convert(name, kind, text.strip())
    if name == "home_country":
        # A name ("Germany", "Deutschland") becomes its code; two letters stay as given so
        # a mix-up such as UK for GB is pointed out, not silently corrected.
        named = resolve_country(value) if len(value.strip()) > 2 else None
        value = named or (value.upper() if len(value.strip()) == 2 else value)
    elif name == "holidays":
        value = [key.casefold() for key in value]
    elif name == "language" and not _language(value):
        value = str(Locale.parse(value.replace("-", "_")))  # "EN" -> "en", "de-CH" -> "de_CH"
    # Rebuild from the leaf up so the caller's object is left untouched.
    for owner, part in zip(reversed(owners), reversed(parts), strict=True):
        value = dataclasses.replace(owner, **{part: value})
    return value


def change_setting(settings: Settings, name: str, text: str, *, paths: AppPaths | None = None) -> Settings:
    """A copy of ``settings`` with the dotted ``name`` set from ``text``.

    Raises UsageError naming the setting for an unknown name or a value of the wrong
    kind, `InvalidSettings` for a value Card Studio cannot use.
    """
    changed = _apply(settings, name, text)
    check_settings(changed, [name], paths=paths)
    return changed


def load_settings(store: Store) -> Settings:
    """The settings as last saved (defaults for anything never set)."""
    return store.settings.load()


def update_settings(store: Store, changes: list[tuple[str, str]], *,
                    paths: AppPaths | None = None) -> Settings:
    """Apply ``(name, text)`` changes to the saved settings, all or none, and save them.

    Raises UsageError for an unknown name or a value of the wrong kind, `InvalidSettings`
    listing every value Card Studio cannot use; nothing is saved then.
    """
    settings = store.settings.load()
    for name, text in changes:
        settings = _apply(settings, name, text)
    check_settings(settings, [name for name, _ in changes], paths=paths)
    with store.transaction():
        store.settings.save(settings)
    return settings


def save_settings(store: Store, settings: Settings, *, paths: AppPaths | None = None) -> Settings:
    """Save ``settings`` edited as a whole (the desktop Settings view).

    Every value that differs from the saved settings is checked first; raises
    `InvalidSettings` (its ``problems`` name the fields) and saves nothing if one is wrong.
    The printer fields (`Settings.printer`, `Settings.calibration`) are kept as stored: they
    are the default printer profile's, which the desktop edits on its own
    (`printer_profiles.save_profile`), so a copy of them made before an edit there cannot
    undo it.
    """
    with store.transaction():
        stored = store.settings.load()
        settings = dataclasses.replace(settings, printer=stored.printer, calibration=stored.calibration)
        before, after = flat_settings(stored), flat_settings(settings)
        changed = [name for name, value in after.items() if before.get(name) != value]
        check_settings(settings, changed, paths=paths)
        store.settings.save(settings)
    return settings
