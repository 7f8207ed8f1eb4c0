"""The Jinja filters cards need, aware of the card's language.

Each filter reads the language from the ``language`` variable of the card context
(a BCP 47 / CLDR code such as "en", "de", "fr_CA"). Missing values (`Missing`) pass
through untouched so a template's ``default(...)`` still applies after a filter.
Dates and plurals come from babel (CLDR); spelled-out numbers from num2words.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from babel.units import format_unit
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape, soft_str
from num2words import num2words

from studio.cards.localized import date_text, locale_for
from studio.cards.views import ContactView, DateView, Missing, shown_date

# Ordinal marks by language and CLDR ordinal plural category (babel's Locale.ordinal_form).
_ORDINAL_SUFFIX: dict[str, dict[str, str]] = {
    "en": {"one": "st", "two": "nd", "few": "rd", "other": "th"},
    "fr": {"one": "er", "other": "e"},
    "sv": {"one": ":a", "other": ":e"},
    "nl": {"other": "e"},
    "es": {"other": ".º"},
    "pt": {"other": "º"},
    "it": {"other": "º"},
    "ru": {"other": "-й"},
    "uk": {"other": "-й"},
}
# Languages that write an ordinal as the number and a full stop: "31."
_ORDINAL_DOT = {"de", "da", "nb", "nn", "no", "fi", "cs", "sk", "pl", "hu", "tr", "is", "et", "hr",
                "sl", "sr", "lv", "lt", "bs", "fo"}
_ORDINAL_PREFIX = {"zh": "第", "ja": "第"}
_FRIEND = {"en": "friend", "de": "Freund", "fr": "ami", "es": "amigo", "it": "amico",
           "pt": "amigo", "nl": "vriend", "sv": "vän", "da": "ven", "nb": "venn"}


def _language(ctx: Context) -> str:
    value = ctx.get("language")
    return value if isinstance(value, str) and value else "en"


def _number(value: Any, filter_name: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"the {filter_name} filter needs a whole number, not {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ValueError(f"the {filter_name} filter needs a whole number, not {value!r}")


def ordinal_text(number: int, language: str) -> str:
    """``31`` → "31st" (en), "31." (de), "1er" (fr), "31.º" (es); the plain number otherwise."""
    base = locale_for(language).language
    if base in _ORDINAL_DOT:
        return f"{number}."
    if base in _ORDINAL_PREFIX:
        return f"{_ORDINAL_PREFIX[base]}{number}"
    suffixes = _ORDINAL_SUFFIX.get(base)
    if suffixes is None:
        return str(number)
    category = locale_for(language).ordinal_form(number)
    return f"{number}{suffixes.get(category, suffixes['other'])}"


@pass_context
def ordinal(ctx: Context, value: Any) -> Any:
    if isinstance(value, Missing):
        return value
    return ordinal_text(_number(value, "ordinal"), _language(ctx))


def friendly_name(value: Any, fallback: str) -> str:
    """Nickname, else given name, else the full name, else ``fallback``."""
    if isinstance(value, ContactView):
        for candidate in (value.nickname, value.given_name, value.full_name):
            if not isinstance(candidate, Missing) and str(candidate).strip():
                return str(candidate).strip()
        return fallback
    if isinstance(value, Missing) or value is None or not str(value).strip():
        return fallback
    return str(value).strip()


@pass_context
def friendly(ctx: Context, value: Any, fallback: str | None = None) -> str:
    if fallback is None:
        fallback = _FRIEND.get(locale_for(_language(ctx)).language, "friend")
    return friendly_name(value, fallback)


def possessive_text(name: str, language: str) -> str:
    """"Anna" → "Anna’s", "James" → "James’" (en); "Anna" → "Annas", "Hans" → "Hans’" (de)."""
    name = name.strip()
    if not name:
        return name
    if locale_for(language).language == "de":
        return f"{name}’" if name.lower().endswith(("s", "ß", "x", "z", "ce")) else f"{name}s"
    return f"{name}’" if name.lower().endswith("s") else f"{name}’s"


@pass_context
def possessive(ctx: Context, value: Any) -> Any:
    if isinstance(value, Missing):
        return value
    language = _language(ctx)
    name = friendly_name(value, "") if isinstance(value, ContactView) else str(value)
    return possessive_text(name, language) if name.strip() else Missing(name="possessive")


def household_names(contact: ContactView, *, full: bool = False, fallback: str = "friend") -> str:
    """"Zoë & Henrik" — the contact's friendly name and the spouse's first name.

    With ``full`` the family name is added where the contact's full name has it: after
    the given names ("Zoë & Henrik Ångström-Núñez", taken from the spouse's own name when
    it has one), or before them when the full name is written family name first, as
    Chinese, Japanese, Korean and Hungarian names are ("王小明", "山田 太郎 & 花子").
    """
    own = friendly_name(contact, fallback)
    spouse = "" if isinstance(contact.spouse, Missing) else str(contact.spouse).strip()
    family = "" if isinstance(contact.family_name, Missing) else str(contact.family_name).strip()
    first_sep = _family_first(contact, family)
    if first_sep is not None:
        if spouse.startswith(family) and spouse != family:
            spouse = spouse[len(family):].strip()  # the spouse's given name, written after the family's
        names = f"{own} & {spouse}" if spouse else own
        if not full or own == contact.full_name:
            return names
        return f"{family}{first_sep}{names}"
    if not spouse:
        return f"{own} {family}".strip() if full and family and own != contact.full_name else own
    spouse_first, _, spouse_rest = spouse.partition(" ")
    text = f"{own} & {spouse_first}"
    if full:
        family_part = spouse_rest.strip() or family
        text = f"{text} {family_part}".strip()
    return text


def _family_first(contact: ContactView, family: str) -> str | None:
    """When the contact's full name is written family name first ("王小明", "山田 太郎"), what
    stands between the family and given names ("" or " "); None for given-name-first."""
    full_name = "" if isinstance(contact.full_name, Missing) else str(contact.full_name).strip()
    if not family or not full_name.startswith(family) or len(full_name) == len(family):
        return None
    rest = full_name[len(family):]
    given = "" if isinstance(contact.given_name, Missing) else str(contact.given_name).strip()
    if given and not rest.strip().startswith(given):
        return None  # "Park Avenue Florists" is not family-name-first for the family "Park"
    return " " if rest[0].isspace() else ""


@pass_context
def household(ctx: Context, value: Any, full: bool = False) -> str:
    fallback = _FRIEND.get(locale_for(_language(ctx)).language, "friend")
    if not isinstance(value, ContactView):
        return friendly_name(value, fallback)
    return household_names(value, full=full, fallback=fallback)


# How a letter greets someone, by language: (feminine, masculine, anyone else).
_GREETINGS: dict[str, tuple[str, str, str]] = {
    "en": ("Dear", "Dear", "Dear"),
    "de": ("Liebe", "Lieber", "Hallo"),
    "fr": ("Chère", "Cher", "Bonjour"),
    "es": ("Querida", "Querido", "Hola"),
    "it": ("Cara", "Caro", "Ciao"),
    "pt": ("Querida", "Querido", "Olá"),
    "nl": ("Lieve", "Lieve", "Beste"),
    "sv": ("Kära", "Kära", "Hej"),
    "da": ("Kære", "Kære", "Hej"),
    "nb": ("Kjære", "Kjære", "Hei"),
    "pl": ("Droga", "Drogi", "Witaj"),
    "cs": ("Milá", "Milý", "Ahoj"),
}
# Pronouns that say which greeting a language uses, when no grammatical gender is stored.
_FEMININE_PRONOUNS = {"she", "her", "sie", "ihr", "elle", "ella", "lei", "ela", "zij", "hon", "hun", "ona"}
_MASCULINE_PRONOUNS = {"he", "him", "er", "ihm", "il", "lui", "él", "ele", "hij", "han", "on"}


def gender_of(contact: ContactView) -> str:
    """"feminine", "masculine" or "": the stored grammatical gender, else what the pronouns
    say ("she/her"); nothing is guessed from the name."""
    gender = "" if isinstance(contact.gram_gender, Missing) else str(contact.gram_gender)
    if gender:
        return gender
    pronouns = "" if isinstance(contact.pronouns, Missing) else str(contact.pronouns).casefold()
    words = {w.strip() for w in pronouns.replace(",", "/").replace(" ", "/").split("/") if w.strip()}
    if words and words <= _FEMININE_PRONOUNS:
        return "feminine"
    if words and words <= _MASCULINE_PRONOUNS:
        return "masculine"
    return ""


def greeting_text(contact: Any, language: str, fallback: str) -> str:
    """"Liebe Anna", "Lieber Jonas", "Hallo Kim" (de); "Dear Anna" (en): the greeting the
    language gives the person's grammatical gender, then the friendly name."""
    base = locale_for(language).language
    feminine, masculine, anyone = _GREETINGS.get(base, _GREETINGS["en"])
    gender = gender_of(contact) if isinstance(contact, ContactView) else ""
    word = {"feminine": feminine, "masculine": masculine}.get(gender, anyone)
    return f"{word} {friendly_name(contact, fallback)}"


@pass_context
def dear(ctx: Context, value: Any) -> str:
    """``{{ contact|dear }},`` → "Dear Zoë," / "Liebe Zoë," / "Lieber Jonas," / "Hallo Kim,"."""
    fallback = _FRIEND.get(locale_for(_language(ctx)).language, "friend")
    return greeting_text(value, _language(ctx), fallback)


@pass_context
def date(ctx: Context, value: Any, format: str = "long") -> Any:  # noqa: A002 - the filter's name
    """A localized date: "December 25, 2026" (en), "25. Dezember 2026" (de).

    ``format`` is "short", "medium", "long", "full", "day-month" ("December 25"),
    "month-year", "weekday", or a CLDR pattern such as "d MMMM". A contact's date is the
    one `shown_date` picks: the coming birthday or anniversary, the day they became a
    customer.
    """
    if isinstance(value, Missing):
        return value
    if isinstance(value, DateView):
        value = shown_date(value)
        if isinstance(value, Missing):
            return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ValueError(f"the date filter needs a date, not {value!r}")
    return date_text(value, format, _language(ctx))


def spelled(number: int, language: str) -> str:
    """``2`` → "two" (en), "zwei" (de); digits where num2words lacks the language."""
    try:
        return num2words(number, lang=locale_for(language).language)
    except (NotImplementedError, OverflowError, KeyError):
        return str(number)


@pass_context
def words(ctx: Context, value: Any) -> Any:
    if isinstance(value, Missing):
        return value
    return spelled(_number(value, "words"), _language(ctx))


def years_text(number: int, language: str, *, spell: bool = False) -> str:
    """``2`` → "2 years" / "2 Jahre" / "2 ans" (CLDR plural rules); spelled: "two years"."""
    locale = locale_for(language)
    text = format_unit(number, "duration-year", length="long", locale=locale)
    if "duration" in text or "year" in text and locale.language != "en":
        text = format_unit(number, "duration-year", length="short", locale=locale)
    if spell:
        text = text.replace(str(number), spelled(number, language), 1)
    return text


@pass_context
def years(ctx: Context, value: Any, words: bool = False) -> Any:  # noqa: A002
    if isinstance(value, Missing):
        return value
    return years_text(_number(value, "years"), _language(ctx), spell=words)


def br(value: Any) -> Any:
    """Lines (a list, or text with newlines) joined by line breaks, each line escaped."""
    if isinstance(value, Missing):
        return value
    lines = value.splitlines() if isinstance(value, str) else list(value)
    return Markup("<br/>").join(escape(str(line)) for line in lines if str(line).strip())


_TONOS = "\u0301"  # NFD of Greek tonos (and of the acute in ΐ, ΰ)


def upper(value: Any) -> Any:
    """Jinja's ``upper``, but Greek capitals drop their accents, as Greek is written in
    capitals: "Γιώργος" -> "ΓΙΩΡΓΟΣ" (not "ΓΙΏΡΓΟΣ"); the diaeresis stays ("ΐ" -> "Ϊ"), and
    an Ι or Υ after an accented vowel takes one, as the accent showed it is no diphthong
    ("τσάι" -> "ΤΣΑΪ").

    Markup stays markup; Missing values pass through (they print nothing).
    """
    if isinstance(value, Missing):
        return value
    text = soft_str(value).upper()
    if text.isascii() or _TONOS not in unicodedata.normalize("NFD", text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    base = ""
    dropped_from = ""  # a vowel whose tonos went: a following Ι or Υ takes a diaeresis instead
    for index, char in enumerate(decomposed):
        if not unicodedata.combining(char):
            base = char
            if dropped_from and char in "ΙΥ" and dropped_from + char not in ("ΙΥ", "ΥΙ") and not (
                    index + 1 < len(decomposed) and unicodedata.combining(decomposed[index + 1])):
                char += "\u0308"  # τσάι -> ΤΣΑΪ: the accent said "not a diphthong"
            dropped_from = ""
        elif char == _TONOS and unicodedata.name(base, "").startswith("GREEK"):
            dropped_from = base if base in "ΑΕΟΥ" else ""
            continue
        kept.append(char)
    result = unicodedata.normalize("NFC", "".join(kept))
    return Markup(result) if isinstance(text, Markup) else result


FILTERS = {
    "upper": upper,
    "friendly": friendly,
    "ordinal": ordinal,
    "possessive": possessive,
    "household": household,
    "dear": dear,
    "date": date,
    "years": years,
    "words": words,
    "br": br,
}
