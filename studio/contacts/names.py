"""A person's name from its display form (vCard FN), for cards that have no N.

Many exports write only FN (Nextcloud, Thunderbird, vCard 4 apps), so comparing two
records of one person must read "Dr. Jane Smith", "Smith, Jane" or "Anna" as name parts.
`split_display_name` does that the way address books do:

- honorific prefixes at the start (Dr., Mr, Mrs, Ms, Prof., Herr, Frau, Mme, Sr., …) and
  suffixes at the end (Jr., Sr., II, III, PhD, MD, Esq., …) are set apart; "Sr." is a
  suffix at the end and a prefix (señor) at the start;
- "Family, Given Additional" (one comma, not followed only by suffixes, not after an
  honorific: Gmail's "Mr. John Richter, James Doe Sr." is one name) is read in that order;
- otherwise the first word is the given name, the last the family name (with lower-case
  particles before it: "van Beethoven", "de la Cruz"), the words between are additional;
- a single word is a given name, or a family name after an honorific ("Mrs. Berg").
Text with no letter, or an e-mail address, is no name: every part is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIXES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev",
    "revd", "reverend", "fr", "father", "hon", "capt", "col", "gen", "lt", "maj", "sgt", "herr", "frau",
    "frl", "hr", "fru", "mme", "mlle", "mmes", "sr", "sra", "srta", "don", "doña", "dona", "dott",
    "dottssa", "ing", "dipl-ing", "dr-ing", "mag", "pan", "pani", "mgr", "inż", "drs", "ir",
})
SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "phd", "md", "dds", "dmd", "esq", "mba", "msc", "bsc", "cpa", "jd",
    "llm", "dvm", "rn", "ret", "obe", "mbe", "cbe", "kc", "qc",
})
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
                       "la", "le", "ten", "ter", "zu", "bin", "ibn", "al", "el", "y"})
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True)
class NameParts:
    """The parts of a name, as written (case and accents kept); "" where unknown."""

    prefix: str = ""
    given: str = ""
    additional: str = ""
    family: str = ""
    suffix: str = ""

    def is_empty(self) -> bool:
        return not (self.given or self.family or self.additional)


def honorific(word: str) -> str:
    """A word as compared with the honorific lists: lower case, dots dropped ("Ph.D." → "phd")."""
    return word.casefold().replace(".", "").strip(",")


def split_display_name(text: str) -> NameParts:
    """The name parts of a display name (see the module docstring). Never raises."""
    text = " ".join(text.split())
    if "@" in text or not any(c.isalpha() for c in text):
        return NameParts()
    pieces = [p.strip() for p in text.split(",")]
    suffixes: list[str] = []
    while len(pieces) > 1 and pieces[-1] and all(honorific(w) in SUFFIXES for w in pieces[-1].split()):
        suffixes.insert(0, pieces.pop())
    family_first = len(pieces) == 2 and all(pieces) and honorific(pieces[0].split()[0]) not in PREFIXES
    words = _WORDS.findall(pieces[1] if family_first else " ".join(pieces))
    prefixes: list[str] = []
    while len(words) > 1 and honorific(words[0]) in PREFIXES:
        prefixes.append(words.pop(0))
    if family_first:
        return NameParts(" ".join(prefixes), words[0] if words else "", " ".join(words[1:]), pieces[0],
                         ", ".join(suffixes))
    while len(words) > 1 and honorific(words[-1]) in SUFFIXES:
        suffixes.insert(0, words.pop())
    suffix = ", ".join(suffixes)
    if len(words) == 1:
        if prefixes:  # "Mrs. Berg", "Dr. Okafor"
            return NameParts(" ".join(prefixes), "", "", words[0], suffix)
        return NameParts("", words[0], "", "", suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in PARTICLES and words[start - 1].islower():
        start -= 1
    return NameParts(" ".join(prefixes), words[0], " ".join(words[1:start]), " ".join(words[start:]), suffix)
