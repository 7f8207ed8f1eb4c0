"""Countries: free text as phones export it ("USA", "Deutschland", "UK") to ISO 3166 codes,
and codes back to names in the sender's language for the country line.

Names come from CLDR through babel (every territory's name in several languages) plus
ISO alpha-3 codes and the colloquial aliases people type; nothing is hand-translated.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from babel import Locale, UnknownLocaleError
from babel.core import get_global

# Languages whose CLDR territory names are accepted as input. Chosen for the exports
# we meet: English, the big European languages, and the scripts of the largest
# non-Latin address books.
_NAME_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl",
                   "cs", "hu", "ro", "tr", "ru", "uk", "el", "he", "ar", "ja", "zh",
                   "zh_Hant", "ko", "vi", "id")

# What people write that CLDR does not list as a name. Keys are compared after
# `_key()` (case, accents, dots and spaces do not matter).
_ALIASES = {
    "usa": "US", "us": "US", "u s a": "US", "america": "US", "united states of america": "US",
    "the united states": "US", "estados unidos de america": "US", "vereinigte staaten von amerika": "US",
    "etats unis d amerique": "US",
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "united kingdom of great britain and northern ireland": "GB",
    "grossbritannien": "GB", "angleterre": "GB", "inglaterra": "GB", "england uk": "GB",
    "holland": "NL", "the netherlands": "NL", "nederland": "NL",
    "brd": "DE", "federal republic of germany": "DE", "bundesrepublik deutschland": "DE",
    "south korea": "KR", "republic of korea": "KR", "korea": "KR", "korea republic of": "KR",
    "korea south": "KR", "north korea": "KP",
    "russian federation": "RU", "czech republic": "CZ", "czech": "CZ", "slovak republic": "SK",
    "prc": "CN", "peoples republic of china": "CN", "mainland china": "CN", "p r china": "CN",
    "republic of china": "TW", "roc": "TW", "hong kong sar": "HK", "hong kong sar china": "HK",
    "macau sar": "MO", "uae": "AE", "emirates": "AE", "turkey": "TR", "turkiye": "TR",
    "ivory coast": "CI", "cote divoire": "CI", "vatican": "VA", "holy see": "VA",
    "burma": "MM", "swaziland": "SZ", "macedonia": "MK", "cape verde": "CV",
    "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "osterreich": "AT",
    "espana": "ES", "nippon": "JP", "nihon": "JP", "bharat": "IN",
    "republic of ireland": "IE", "eire": "IE", "ireland republic": "IE",
    "viet nam": "VN", "lao pdr": "LA", "laos": "LA", "syria": "SY", "iran": "IR",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
    "russia": "RU", "brasil": "BR", "mexico": "MX", "deutschland": "DE",
    "hong kong": "HK", "hongkong": "HK", "macau": "MO", "macao": "MO", "palestine": "PS",
    "香港": "HK", "澳門": "MO", "澳门": "MO",
}

_APOSTROPHES = re.compile(r"['’`]")
_PUNCTUATION = re.compile(r"[\s.,()\-_/]+")


def _key(text: str) -> str:
    """Case-folded, accents and apostrophes removed, punctuation collapsed: 'U.S.A.' -> 'u s a'."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.casefold()))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _PUNCTUATION.sub(" ", plain).strip()


def _codes() -> set[str]:
    not_countries = {"ZZ", "EU", "EZ", "UN", "QO"}  # unknown region, EU, eurozone, UN, outlying Oceania
    return {code for code in Locale("en").territories
            if len(code) == 2 and code.isalpha() and code not in not_countries}


@functools.cache
def _common_index() -> dict[str, str]:
    """Codes, alpha-3 codes, aliases and English names: what most exports write."""
    codes = _codes()
    index: dict[str, str] = {}
    english = Locale("en").territories
    for code in codes:
        index[_key(english[code])] = code
    for alias, targets in get_global("territory_aliases").items():
        # Alpha-3 codes (USA, DEU) and retired codes that became exactly one country.
        if alias.isalpha() and len(targets) == 1 and targets[0] in codes:
            index.setdefault(_key(alias), targets[0])
    for code in codes:
        index[_key(code)] = code
    index.update({_key(alias): code for alias, code in _ALIASES.items()})
    return index


@functools.cache
def _name_index() -> dict[str, str]:
    """Every known spelling (after `_key`) to its ISO 3166 alpha-2 code: the common ones,
    then the names in every language of `_NAME_LANGUAGES` (loaded only when needed)."""
    index: dict[str, str] = {}
    codes = _codes()
    for language in _NAME_LANGUAGES:
        try:
            names = Locale.parse(language).territories
        except (UnknownLocaleError, ValueError):  # a trimmed babel install: use what is there
            continue
        for code in codes:
            name = names.get(code)
            if name:
                index.setdefault(_key(name), code)
    index.update(_common_index())
    return index


@functools.lru_cache(maxsize=1024)
def resolve_country(text: str, default: str | None = None) -> str | None:
    """The ISO 3166 alpha-2 code for a country as a person or an export wrote it.

    Accepts codes ("de", "DEU"), names in the languages of `_NAME_LANGUAGES`
    ("Deutschland", "Allemagne", "ドイツ") and common aliases ("USA", "UK", "Holland").
    An empty ``text`` gives ``default`` (the user's home country); text that names no
    country gives None.
    """
    cleaned = text.strip()
    if not cleaned:
        return default.upper() if default else None
    key = _key(cleaned)
    return _common_index().get(key) or _name_index().get(key)


@functools.lru_cache(maxsize=1024)
def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` (CLDR), e.g. ("DE", "fr") -> "Allemagne".

    Falls back to English for a language babel does not know, then to the code itself.
    """
    for candidate in (language, language.split("_")[0].split("-")[0], "en"):
        try:
            name = Locale.parse(candidate.replace("-", "_")).territories.get(code.upper())
        except (UnknownLocaleError, ValueError):
            continue
        if name:
            return name
    return code.upper()


def country_choices(language: str) -> list[tuple[str, str]]:
    """Every country as (code, name in ``language``), sorted as a reader of it expects
    (case and accents do not change the order: "Österreich" sits beside "Oman")."""
    pairs = [(code, country_name(code, language)) for code in _codes()]
    return sorted(pairs, key=lambda pair: _key(pair[1]))
