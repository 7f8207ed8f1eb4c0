"""How plausible a text is as the names and addresses of an address book.

Used to choose the code page of a legacy vCard file that declares none
(`studio.contacts.codepage`). Every single-byte code page decodes nearly every byte, so
the wrong one gives text, not an error: Polish ``Łukasz Dąbrowski`` in Windows-1252 reads
``£ukasz D¹browski``, Czech ``Dvořák`` reads ``Dvoøák``. Statistical detectors
(charset-normalizer) have too little to go on in a few short names, but these readings
give themselves away by what names and streets never contain:

- a symbol inside a word (``£ukasz``, ``Ma³gorzata``, ``¯aneta``): a currency sign, a
  superscript digit, a spacing accent or ``¿`` glued to letters; a combining mark with
  no letter before it;
- letters of two scripts in one word (Latin and Cyrillic ``Sцren``, Latin and Han, a
  Thai vowel sign on a Latin letter);
- a capital after a small letter (``£ódŸ``, ``юММЮ``), or a non-Latin word that starts with
  two capitals before its small letters (``НЯкпт``, which is Greek ``Νίκος`` read as Windows-1251);
- a Latin word whose accented letters no single language writes (``Dvoøák``: ø and á),
  or writes in that place (French œ is followed by u or i: ``Wiœniewski`` is not French;
  Spanish ñ by a vowel: ``Zieliñska`` is not Spanish);
- Hebrew final letters inside a word, Greek final sigma inside a word or ΐ/ΰ starting
  one, Cyrillic й after a consonant, Hangul syllables outside the 2,350 that Korean text keeps to;
- in a cased script, a word of accented letters only that starts in lower case (names
  are capitalised) or is all capitals (each is how the other's bytes read in KOI8-R);
- and how many languages it takes to spell the words of one name or address
  (``Lõrincz Réka`` needs Estonian for ``õ`` and another language for ``é``), and all
  the words of the file: Hungarian read as Windows-1252 needs Estonian and Spanish or
  Icelandic; read as Windows-1250 it is one language.

`implausibility` adds these up: 0 is plausible, lower is better. Only words holding a
non-ASCII character are looked at, so scores compare readings of the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

SYMBOL_IN_WORD = 3.0
MIXED_SCRIPTS = 3.0
CAPITAL_INSIDE_WORD = 2.0
NO_LANGUAGE = 2.0
MISPLACED_LETTER = 2.0
EXTRA_LANGUAGE = 1.0
LANGUAGE_IN_ONE_VALUE = 0.5
UNCAPITALISED = 0.5

# The accented letters of the languages written with the Windows and ISO Latin code pages
# (lower case; ASCII letters belong to every language), and where a language never puts
# one of them.
ALPHABETS: dict[str, frozenset[str]] = {name: frozenset(letters) for name, letters in {
    "German": "äöüß", "French": "àâæçéèêëîïôœùûüÿ", "Spanish": "áéíñóúü",
    "Portuguese": "áâãàçéêíóôõú", "Italian": "àèéìíîòóù", "Catalan": "àçéèíïòóúü",
    "Dutch": "áéíóúèëïöü", "Danish/Norwegian": "æøåéóòô", "Swedish": "åäöé",
    "Finnish": "äöåšž", "Icelandic": "áðéíóúýþæö", "Estonian": "äöõüšž", "Irish": "áéíóú",
    "Albanian": "çë", "Polish": "ąćęłńóśźż", "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž", "Hungarian": "áéíóöőúüű", "Slovene": "čćđšž",
    "Croatian/Serbian/Bosnian": "čćđšž", "Romanian": "ăâîșțşţ", "Turkish": "çğıöşüâîİ",
    "Latvian": "āčēģīķļņšūž", "Lithuanian": "ąčęėįšųūž",
}.items()}
_NEVER: dict[str, re.Pattern[str]] = {
    "French": re.compile(r"œ(?![ui])|æ$"),  # cœur, sœur, œil, Lætitia: not Wiœniewski, Kovaèeviæ
    "Icelandic": re.compile(r"^ð|(?<!^)þ"),  # Þórunn, Guðrún: not Ðarðin, Ayþe
    "Spanish": re.compile(r"ñ(?![aeiouáéíóú])"),  # año, Núñez: not Zieliñska, Poznañ
    "Portuguese": re.compile(r"[ãõ](?![aeoiu]|$)"),  # São, irmã, Camões: not Gyõr
}

_TOKEN = re.compile(r"[^\s;,:/\\\"()<>\[\]{}=+*|!?\-‐‑‒–—]+")
_NEUTRAL = frozenset("·…\xad‘’‚“”„")
_DIRECTION_MARKS = frozenset("\u200e\u200f")  # LRM, RLM: at a word's edge, not inside it
_ORDINALS = frozenset("ºª")  # 1º, 2ª, nº: neutral after a digit or n, else (ªtefan) a symbol
_NEUTRAL_CATEGORIES = frozenset({"Nd", "Pd", "Pi", "Pf", "Ps", "Pe", "Zs"})
# Japanese mixes kanji, hiragana and katakana in a word; half-width katakana and Hangul
# stand alone (what Korean or Thai bytes read as in Shift_JIS mixes them with kanji).
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC"})
# Slavic words never start with ь, ъ or ы, and й follows only a vowel (or ь, ъ, ').
_CYRILLIC_NEVER = re.compile(r"^[ьъы]|(?<=[бвгґджзклмнпрстфхцчшщ])й")
_HEBREW_FINAL = frozenset("ךםןףץ")
_HEBREW_NOT_FINAL = frozenset("כמנפצ")


def words_of(text: str) -> Counter[str]:
    """The words of ``text`` that hold a non-ASCII character, counted.

    Words are split at white space, hyphens (a double-barrelled name may join two
    languages) and the separators of vCard values (``;`` ``,`` ``:`` …); an apostrophe
    or full stop stays inside a word.
    """
    return Counter(token for token in _TOKEN.findall(text) if not token.isascii())


def split_words(text: str) -> list[str]:
    """All the words of ``text`` in order, split as in `words_of`."""
    return _TOKEN.findall(text)


def implausibility(values: Iterable[tuple[str, int]]) -> float:
    """How implausible text ``values`` (each with how often it occurs) are as names and
    addresses: 0 is plausible; lower is better.

    A word's penalties count at each occurrence; so does each language beyond the first
    that one value (a name, an address) needs; the languages the whole text needs count
    once.
    """
    total = 0.0
    needs: Counter[frozenset[str]] = Counter()
    for value, count in values:
        value_needs: Counter[frozenset[str]] = Counter()
        for word, times in words_of(value).items():
            penalty, languages = judge_word(word)
            total += penalty * times * count
            if languages:
                value_needs[languages] += times
        if value_needs:
            needs.update({languages: times * count for languages, times in value_needs.items()})
            if len(value_needs) > 1:
                total += LANGUAGE_IN_ONE_VALUE * count * max(0, _languages_needed(value_needs) - 1)
    return total + EXTRA_LANGUAGE * max(0, _languages_needed(needs) - 1)


@lru_cache(maxsize=16384)
def judge_word(word: str) -> tuple[float, frozenset[str]]:
    """One word's penalty, and the languages (or the one script) that could write it."""
    penalty = 0.0
    scripts: set[str] = set()
    accented: set[str] = set()
    symbols = 0
    previous = ""
    last = len(word) - 1
    for index, char in enumerate(word):
        if char.isascii():
            if char.isalpha():
                scripts.add("LATIN")
            previous = char
            continue
        category = unicodedata.category(char)
        if char in _DIRECTION_MARKS:
            if 0 < index < last:
                symbols += 1
        elif char in _ORDINALS:
            if not (previous.isdigit() or previous in ("n", "N")):
                symbols += 1
        elif category[0] == "L" and char not in _NEUTRAL:
            script = _script(char)
            scripts.add(script)
            if script == "LATIN":
                lower = char.lower()
                accented.add(lower if len(lower) == 1 else char)  # Turkish İ lowers to two
            if char.isupper() and previous.islower():
                penalty += CAPITAL_INSIDE_WORD
        elif category[0] == "M":
            if not previous.isalpha():
                symbols += 1  # an accent or vowel sign on nothing
            elif not unicodedata.name(char, "COMBINING").startswith("COMBINING"):
                scripts.add(_script(char))  # a Thai vowel or Hebrew point belongs to its script
        elif char not in _NEUTRAL and category not in _NEUTRAL_CATEGORIES:
            symbols += 1
        previous = char
    if not scripts:
        return 0.0, frozenset()
    penalty += SYMBOL_IN_WORD * symbols
    if len(scripts) > 1:
        return penalty + MIXED_SCRIPTS, frozenset()
    script = next(iter(scripts))
    if script != "LATIN":
        return penalty + _script_penalty(word, script), frozenset(scripts)
    if not accented:
        return penalty, frozenset()
    lower = word.lower()
    languages = frozenset(name for name, letters in ALPHABETS.items()
                          if accented <= letters and not (name in _NEVER and _NEVER[name].search(lower)))
    return (penalty if languages else penalty + NO_LANGUAGE), languages


def _script_penalty(word: str, script: str) -> float:
    """Penalties particular to a non-Latin script (the word is of that script alone)."""
    letters = [c for c in word if c.isalpha()]
    penalty = 0.0
    if script == "HEBREW":
        for index, char in enumerate(letters):
            final = index == len(letters) - 1
            if (char in _HEBREW_FINAL and not final) or (char in _HEBREW_NOT_FINAL and final and index):
                penalty += MISPLACED_LETTER
    elif script == "GREEK":  # ς ends a word; ΐ, ΰ follow a vowel (Ταΰγετος)
        penalty += MISPLACED_LETTER * (letters[:-1].count("ς") + (letters[0] in "ΐΰ"))
    elif script == "HANGUL":
        penalty += MISPLACED_LETTER * sum(1 for c in letters if not _common_hangul(c))
    elif script == "CYRILLIC":
        lower = "".join(letters).lower()
        penalty += MISPLACED_LETTER * len(_CYRILLIC_NEVER.findall(lower))
    cased = [c for c in letters if c.isupper() or c.islower()]
    if len(cased) > 2 and cased[0].isupper() and cased[1].isupper() and cased[2].islower():
        penalty += CAPITAL_INSIDE_WORD  # НЯкпт: names are capitalised, not started in capitals
    if cased and cased[0].islower():
        penalty += UNCAPITALISED
    elif len(cased) > 1 and all(c.isupper() for c in cased):
        penalty += UNCAPITALISED
    return penalty


def _common_hangul(char: str) -> bool:
    """Whether a syllable is one of the 2,350 of KS X 1001, which Korean text keeps to
    (Shift_JIS kanji read as Korean give the rare ones: 랹밹)."""
    try:
        return len(char.encode("euc_kr")) == 2  # Python spells the others as 8-byte sequences
    except UnicodeEncodeError:
        return False


def _script(char: str) -> str:
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return "CJK" if first in _EAST_ASIAN else first or "UNKNOWN"


def _languages_needed(needs: Counter[frozenset[str]]) -> int:
    """How many languages spell all the words (a greedy set cover of their language sets)."""
    remaining = dict(needs)
    chosen = 0
    while remaining:
        reach: Counter[str] = Counter()
        for languages, count in remaining.items():
            for language in languages:
                reach[language] += count
        best = reach.most_common(1)[0][0]
        remaining = {languages: count for languages, count in remaining.items() if best not in languages}
        chosen += 1
    return chosen
