"""A handwriting font of the user's own: which letters have other shapes, and a written look.

A font made from one's handwriting (Calligraphr and the like) draws each letter a few ways:
as glyphs named ``t.alt01``, ``t.alt02`` … or as OpenType stylistic alternates (``salt``).
Set in type, "letter" would show two identical t's; `vary_letters` gives each repeat of a
letter the next shape, so no two neighbours look stamped. Fonts whose alternates come
through contextual rules (``calt``) change shape by themselves when shaped; nothing is
needed for them here.

`jittered` moves each written line a little up or down and makes it a little smaller,
seeded per card: two cards of one mailing are not pixel-identical, as no two
handwritten cards are.

Pure functions: font bytes and text in, glyph ids and text out (uharfbuzz reads the font).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

import uharfbuzz as hb

# Glyph name suffixes handwriting services give a letter's other shapes.
_ALTERNATE_NAMES = (".alt{:02d}", ".alt{}")
_MAX_ALTERNATES = 9
# OpenType features that offer a letter's alternates (alternate substitution: value n picks
# the n-th alternate). Not ``aalt``: it gathers every other form, superscripts and small
# capitals among them, which would turn up in the middle of a word.
_ALTERNATE_FEATURES = ("salt",)
_TAG_OR_TEXT = re.compile(r"(<[^<>]*>|&[#\w]+;)|([^<&]+|[<&])")
_LINE_ENDS = re.compile(r"(<br\s*/?>|\n[ \t]*\n\s*)", re.IGNORECASE)

SIZE_JITTER = 0.03  # at most 3 % smaller per line (never larger: a text that fit still fits)
RISE_JITTER = 0.05  # at most 5 % of the size up or down per line


def letter_alternates(font: bytes) -> dict[str, tuple[int, ...]]:
    """The other glyphs (ids) each letter of ``font`` can be drawn with, by letter.

    Letters without alternates are left out. Read from glyph names (``t.alt01``) and
    from the ``salt`` feature; the letter's own glyph is not among them.
    """
    face = hb.Face(font)
    shaper = hb.Font(face)
    found: dict[str, tuple[int, ...]] = {}
    for codepoint in sorted(face.unicodes):
        char = chr(codepoint)
        if not char.isalpha():
            continue
        own = shaper.get_nominal_glyph(codepoint)
        if own is None:
            continue
        alternates = dict.fromkeys(_named_alternates(shaper, own) + _feature_alternates(shaper, char, own))
        alternates.pop(own, None)
        if alternates:
            found[char] = tuple(alternates)
    return found


def _named_alternates(shaper: hb.Font, glyph: int) -> list[int]:
    name = shaper.glyph_to_string(glyph)
    if not name or name.startswith("gid"):
        return []
    found = []
    for pattern in _ALTERNATE_NAMES:
        for number in range(1, _MAX_ALTERNATES + 1):
            alternate = shaper.glyph_from_string(name + pattern.format(number))
            if alternate is None:
                break
            found.append(alternate)
    return found


def _feature_alternates(shaper: hb.Font, char: str, own: int) -> list[int]:
    found = []
    for feature in _ALTERNATE_FEATURES:
        for choice in range(1, _MAX_ALTERNATES + 1):
            buffer = hb.Buffer()
            buffer.add_str(char)
            buffer.guess_segment_properties()
            hb.shape(shaper, buffer, {feature: choice})
            glyph = buffer.glyph_infos[0].codepoint if buffer.glyph_infos else own
            if glyph == own or glyph in found:
                break  # no (further) alternate: the feature gives the same glyph again
            found.append(glyph)
    return found


def vary_letters(markup: str, variants: Mapping[str, tuple[str, ...]], seed: str) -> str:
    """``markup`` with each repeat of a letter in the next of its shapes.

    ``variants`` maps a letter to the characters that draw its other shapes. Each letter
    cycles through its own shape and those; where the cycle starts is seeded by ``seed``
    (the card), so the same message on two cards is written differently. Tags and
    entities are left as they are.
    """
    if not variants:
        return markup
    rng = random.Random(seed)
    turn: dict[str, int] = {}
    out = []
    for kept, text in _TAG_OR_TEXT.findall(markup):
        if kept:
            out.append(kept)
            continue
        for char in text:
            shapes = variants.get(char)
            if shapes:
                cycle = (char, *shapes)
                index = turn[char] = turn.get(char, rng.randrange(len(cycle))) + 1
                char = cycle[index % len(cycle)]
            out.append(char)
    return "".join(out)


def jittered(markup: str, size: float, seed: str) -> str:
    """``markup`` with each written line slightly smaller and higher or lower.

    A line ends at ``<br/>`` or a blank line (a new paragraph). Lines carrying markup of
    their own are left straight (a tag must not be split by the one wrapped around the
    line). Deterministic for a ``seed``.
    """
    rng = random.Random(seed)
    parts = []
    for index, part in enumerate(_LINE_ENDS.split(markup)):
        if index % 2 or not part.strip() or "<" in part:
            parts.append(part)  # a line end, or a line left as it is
            continue
        grow = round(rng.uniform(-SIZE_JITTER, 0.0) * size, 2)
        rise = round(rng.uniform(-RISE_JITTER, RISE_JITTER) * size, 2)
        tag = "sup" if rise >= 0 else "sub"
        lead, body, trail = _split_space(part)
        parts.append(f'{lead}<{tag} rise="{abs(rise):g}" size="{grow:+g}">{body}</{tag}>{trail}')
    return "".join(parts)


def _split_space(text: str) -> tuple[str, str, str]:
    body = text.strip()
    start = text.index(body)
    return text[:start], body, text[start + len(body):]
