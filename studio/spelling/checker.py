"""Finding misspelt words in a message and suggesting what was meant."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# The languages pyspellchecker ships a dictionary for.
LANGUAGES = ("ar", "de", "en", "es", "eu", "fa", "fr", "it", "lv", "nl", "pt", "ru")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]\s*$")


@dataclass(frozen=True)
class Misspelling:
    start: int  # offsets in the text checked
    end: int
    word: str


class Speller:
    """A checker for one language plus the words the user taught it (names, brands…)."""

    def __init__(self, language: str, known: Iterable[str] = ()) -> None:
        from spellchecker import SpellChecker

        code = language.replace("_", "-").split("-")[0].casefold()
        self.language = code if code in LANGUAGES else ""
        self._checker = SpellChecker(language=self.language) if self.language else None
        self._known = {word.casefold() for word in known}

    @property
    def available(self) -> bool:
        """False for a language without a dictionary: nothing is underlined then."""
        return self._checker is not None

    def learn(self, word: str) -> None:
        self._known.add(word.casefold())

    def misspellings(self, text: str) -> list[Misspelling]:
        """The words of ``text`` the dictionary does not know.

        A capitalised word inside a sentence is taken for a name and left alone, as are
        words in capitals (abbreviations) and single letters.
        """
        if self._checker is None:
            return []
        found = []
        for match in _WORD.finditer(text):
            word = match.group(0)
            if len(word) < 2 or word.isupper() or word.casefold() in self._known:
                continue
            if word[0].isupper() and not _starts_sentence(text, match.start()):
                continue
            if self._checker.unknown([word.replace("’", "'").casefold()]):
                found.append(Misspelling(match.start(), match.end(), word))
        return found

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """What ``word`` may have meant, the likeliest first, capitalised as it was."""
        if self._checker is None:
            return []
        folded = word.casefold()
        candidates = self._checker.candidates(folded) or set()
        ranked = sorted((c for c in candidates if c != folded),
                        key=lambda c: (-self._checker.word_usage_frequency(c), c))[:limit]
        return [c.capitalize() if word[:1].isupper() else c for c in ranked]


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before.endswith("\n") or bool(_SENTENCE_END.search(before))
