"""Reading the verse library and finding verses by occasion, tone and words."""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

TONES = ("warm", "fun", "formal")
OWN_WORDS = "Written for Card Studio (CC0)"
# Template occasions that share another's verses: a Hanukkah card takes the holiday
# verses, a card for any occasion the thinking-of-you ones.
SAME_VERSES = {"christmas": "holiday", "hanukkah": "holiday", "diwali": "holiday", "easter": "holiday",
               "lunar-new-year": "new-year", "any": "thinking-of-you", "valentines": "thinking-of-you",
               "mothers-day": "thinking-of-you", "fathers-day": "thinking-of-you"}


@dataclass(frozen=True)
class Verse:
    occasion: str
    tone: str
    text: str
    source: str = OWN_WORDS

    def to_json(self) -> dict[str, str]:
        return {"occasion": self.occasion, "tone": self.tone, "text": self.text, "source": self.source}


def bundled_verses() -> list[Verse]:
    """Every verse of the bundled library, in its order."""
    text = resources.files("studio.verses").joinpath("verses.toml").read_text(encoding="utf-8")
    return parse_verses(tomllib.loads(text))


def parse_verses(data: dict[str, object]) -> list[Verse]:
    """The verses of a library's TOML data (``[[set]]`` tables: occasion, tone, verses, source)."""
    verses = []
    for entry in data.get("set", []):  # type: ignore[union-attr]
        occasion, tone = str(entry["occasion"]), str(entry["tone"])
        if tone not in TONES:
            raise ValueError(f"verse set {occasion!r}: unknown tone {tone!r} (known: {', '.join(TONES)})")
        source = str(entry.get("source", OWN_WORDS))
        verses += [Verse(occasion, tone, str(text), source) for text in entry["verses"]]
    return verses


def card_occasions(occasions: Sequence[str], thanks_for: Sequence[str] = ()) -> list[str]:
    """The occasions whose verses suit a template of ``occasions``: a thank-you for
    referrals only (``thanks_for``) offers the referral verses first."""
    return ["referral", *occasions] if list(thanks_for) == ["referral"] else list(occasions)


def verse_occasion(occasion: str) -> str:
    """The library's occasion for a template occasion ("christmas" -> "holiday")."""
    return SAME_VERSES.get(occasion, occasion)


def find_verses(verses: Iterable[Verse], *, words: str = "", occasions: Sequence[str] = (),
                tone: str | None = None) -> list[Verse]:
    """The verses for any of ``occasions`` (all when none), of ``tone``, holding every word of
    ``words`` (case and accents aside), in the order of ``occasions`` then the library's."""
    wanted = [verse_occasion(o) for o in occasions]
    terms = _fold(words).split()
    found = [v for v in verses
             if (not wanted or v.occasion in wanted) and (tone is None or v.tone == tone)
             and all(term in _fold(v.text) for term in terms)]
    return sorted(found, key=lambda v: wanted.index(v.occasion)) if wanted else found


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
