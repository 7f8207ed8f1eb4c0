"""A small handwriting font for the tests, built with fontTools: every letter a box of its
own width, ``t`` with two named alternates (``t.alt01``, ``t.alt02``, Calligraphr's
naming) and ``e`` with an OpenType ``salt`` alternate. Each alternate is drawn differently,
so a test can tell in the PDF which shape was used."""

from __future__ import annotations

import string
from pathlib import Path

from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

UPEM = 1000


def _box(width: int, height: int, notch: int = 0):
    pen = TTGlyphPen(None)
    pen.moveTo((60, 0))
    pen.lineTo((60, height))
    pen.lineTo((width - 60, height - notch))
    pen.lineTo((width - 60, 0))
    pen.closePath()
    return pen.glyph()


def build_handwriting_font(path: Path, *, alternates: bool = True) -> Path:
    """Write the font to ``path`` (.ttf) and return it."""
    letters = list(string.ascii_letters) + [",", "!", ".", "'"]
    # The letters' own glyphs are named by letter ("t"), so "t.alt01" is found by name.
    cmap = {32: "space", **{ord(c): c if c.isalpha() else f"uni{ord(c):04X}" for c in letters}}
    names = [".notdef", *cmap.values()]
    extra = ["t.alt01", "t.alt02", "e.salt"] if alternates else []
    order = names + extra
    builder = FontBuilder(UPEM, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    glyphs = {name: _box(500, 600) for name in order}
    glyphs["space"] = TTGlyphPen(None).glyph()
    if alternates:
        glyphs["t.alt01"] = _box(500, 700, notch=200)
        glyphs["t.alt02"] = _box(500, 650, notch=400)
        glyphs["e.salt"] = _box(500, 450, notch=100)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (250 if name == "space" else 500, 60) for name in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test Hand", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    if alternates:
        addOpenTypeFeaturesFromString(builder.font, "feature salt { sub e from [e.salt]; } salt;")
    builder.save(str(path))
    return path
