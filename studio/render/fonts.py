"""The bundled TrueType fonts and per-character fallback.

Three families are offered to templates (``FAMILIES``): an EB Garamond serif, a DejaVu
Sans sans-serif and a Dancing Script handwriting face. None of them covers every script a
customer's name may be written in, so each character is checked against the font's cmap
and runs the family lacks are drawn in a fallback font that has them: DejaVu Sans for
Hebrew and Arabic (and Cyrillic/Greek in the script family after an EB Garamond italic),
Droid Sans Fallback for Chinese and Japanese, Nanum Gothic for Korean. Every one is a
TrueType font that ReportLab embeds as a subset; ReportLab's built-in CID fonts are never
used because they are not embedded and print as blanks where the printer lacks Adobe's
Asian font packs.

Hebrew and Arabic are stored in logical order; `font_runs` puts each right-to-left run
in visual order first (`studio.render.rtl`).

ReportLab's font registry is process-wide. Each bundled face is registered the first time
it is needed (drawn, measured or checked for coverage), because loading them all costs
about a quarter of a second, most of it the 4 MB CJK and 9 MB Hangul fonts a card in Latin
script never needs. A face that paragraph markup names brings its whole family (bold and
italic turn it into a sibling face). `register_fonts()` still loads every face at once.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import re
import struct
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from studio.errors import StudioError
from studio.paths import bundled_dir
from studio.personal.handwriting import letter_alternates
from studio.render.layout import HANDWRITING
from studio.render.rtl import LINE_BREAK, visual_order

FAMILIES = ("serif", "sans", "script", HANDWRITING)


@dataclass(frozen=True)
class _Family:
    """A ReportLab font family: the face names for the four styles and their files."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    def face(self, bold: bool, italic: bool) -> str:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def faces(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.regular, self.bold, self.italic, self.bold_italic)))


# Face name -> file in assets/fonts/. Licences sit next to the files (see README there).
_FILES = {
    "EBGaramond": "EBGaramond-Regular.ttf",
    "EBGaramond-Bold": "EBGaramond-Bold.ttf",
    "EBGaramond-Italic": "EBGaramond-Italic.ttf",
    "EBGaramond-BoldItalic": "EBGaramond-BoldItalic.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "DancingScript": "DancingScript-Regular.ttf",
    "DancingScript-Bold": "DancingScript-Bold.ttf",
    "DroidSansFallback": "DroidSansFallbackFull.ttf",
    "NanumGothic": "NanumGothic.ttf",
    "NanumGothic-Bold": "NanumGothicBold.ttf",
    "NotoSansThai": "NotoSansThai-Regular.ttf",
    "NotoSansThai-Bold": "NotoSansThai-Bold.ttf",
}

_SERIF = _Family("EBGaramond", "EBGaramond-Bold", "EBGaramond-Italic", "EBGaramond-BoldItalic")
_SANS = _Family("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
# Dancing Script has no italic: it already slants.
_SCRIPT = _Family("DancingScript", "DancingScript-Bold", "DancingScript", "DancingScript-Bold")
_CJK = _Family("DroidSansFallback", "DroidSansFallback", "DroidSansFallback", "DroidSansFallback")
# Droid Sans Fallback has no Hangul syllables; Nanum Gothic sets Korean names.
_HANGUL = _Family("NanumGothic", "NanumGothic-Bold", "NanumGothic", "NanumGothic-Bold")
# Noto Sans Thai sets Thai names (no italic: Thai is not slanted).
_THAI = _Family("NotoSansThai", "NotoSansThai-Bold", "NotoSansThai", "NotoSansThai-Bold")
# Fallback faces: Hebrew, Arabic and CJK are not set in italics, so the fallbacks stay upright
# (DejaVu Sans Oblique also lacks the Arabic block).
_UPRIGHT_SANS = _Family("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans", "DejaVuSans-Bold")
_SCRIPT_FALLBACK = _Family("EBGaramond-Italic", "EBGaramond-BoldItalic", "EBGaramond-Italic",
                           "EBGaramond-BoldItalic")

_PRIMARY = {"serif": _SERIF, "sans": _SANS, "script": _SCRIPT, HANDWRITING: _SCRIPT}
# The small fonts come first: looking a character up loads the font it is looked up in.
_FALLBACKS = {
    "serif": (_UPRIGHT_SANS, _THAI, _CJK, _HANGUL),
    "sans": (_UPRIGHT_SANS, _THAI, _CJK, _HANGUL),
    "script": (_SCRIPT_FALLBACK, _UPRIGHT_SANS, _THAI, _CJK, _HANGUL),
    HANDWRITING: (_SCRIPT_FALLBACK, _UPRIGHT_SANS, _THAI, _CJK, _HANGUL),
}
# The other shapes of letters of a user's handwriting face, by family id: letter -> the
# private-use characters mapped to its alternate glyphs (`handwriting_family`).
_VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {}
# Private-use code points given to alternate glyphs; U+E000 is `rtl.LINE_BREAK` and
# ReportLab allots its own from the top of the area, below U+F800.
_FIRST_PRIVATE = 0xE100
# Registered with ReportLab's family mapping so <b>/<i> inside a paragraph pick the right
# face. Each face belongs to exactly one family: ReportLab maps a face back to one family.
_RL_FAMILIES = {"EBGaramond": _SERIF, "DejaVuSans": _SANS, "DancingScript": _SCRIPT,
                "DroidSansFallback": _CJK, "NanumGothic": _HANGUL, "NotoSansThai": _THAI}
# Two threads (the app renders thumbnails in a pool) must not both register the same face:
# ReportLab would replace a font object a document has already started subsetting.
_REGISTERING = threading.Lock()

_ANY_TAG = re.compile(r"<[^<>]*>")
_TOKEN = re.compile(r"(<[^<>]*>)|([^<]+)|(<)")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)([^>]*?)(/?)\s*>")
_FONT_NAME_ATTR = re.compile(r"""\b(?:name|face)\s*=\s*(["'])(.*?)\1""")


def font_dir() -> Path:
    """The folder of the bundled font files."""
    return bundled_dir("assets") / "fonts"


def register_fonts() -> None:
    """Register every bundled face and family with ReportLab now (idempotent).

    Rendering does not need this: each face is registered on first use. It is for code
    that draws with the bundled faces by name outside this module, e.g. a benchmark's
    bare canvas. Raises StudioError naming the file when a bundled font is missing or
    unreadable.
    """
    for name in _FILES:
        _face(name)


@functools.cache
def _face(name: str) -> str:
    """Register the bundled face ``name`` with ReportLab (once) and return the name.

    Raises StudioError naming the file when it is missing or unreadable.
    """
    with _REGISTERING:
        _register_family_names()
        if name not in pdfmetrics.getRegisteredFontNames():
            path = font_dir() / _FILES[name]
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise StudioError(f"The bundled font {path} could not be loaded ({exc}); "
                                  "reinstall Card Studio.") from exc
    return name


@functools.cache
def _register_family_names() -> None:
    """Tell ReportLab which faces are the bold and italic of which: names only, no files."""
    for family_name, family in _RL_FAMILIES.items():
        pdfmetrics.registerFontFamily(family_name, normal=family.regular, bold=family.bold,
                                      italic=family.italic, boldItalic=family.bold_italic)


@functools.cache
def _markup_face(name: str) -> str:
    """Register ``name`` and every face of its ReportLab family, for paragraph markup: inside
    ``<b>`` or ``<i>`` ReportLab swaps a face for its family's bold or italic one."""
    for family in _RL_FAMILIES.values():
        if name in family.faces():
            for face in family.faces():
                _face(face)
    return _face(name)


def handwriting_family(path: Path) -> str:
    """Register the user's handwriting font at ``path`` and return its family id.

    The family draws every style in the one face (handwriting has no bold), falls back to
    the script family's fallbacks for characters the font lacks, and knows the letters'
    alternate shapes (`letter_variants`). Registered once per file content; StudioError
    naming the file when it cannot be used.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise StudioError(f"The handwriting font {path} cannot be read ({exc.strerror or exc}); "
                          "choose it again in Settings ▸ Sender.") from exc
    return _register_handwriting(data, str(path))


@functools.cache
def _register_handwriting(data: bytes, shown_path: str) -> str:
    face_name = "Handwriting-" + hashlib.sha1(data).hexdigest()[:12]
    family = f"{HANDWRITING}:{face_name}"
    with _REGISTERING:
        if face_name not in pdfmetrics.getRegisteredFontNames():
            try:
                font = TTFont(face_name, io.BytesIO(data))
            except (TTFError, OSError, ValueError, struct.error) as exc:
                raise StudioError(f"The handwriting font {shown_path} cannot be used ({exc}). Card Studio "
                                  "embeds TrueType fonts (.ttf, or .otf with TrueType outlines); export "
                                  "the font as TTF and choose it again.") from exc
            if not any(chr(c).isalpha() for c in font.face.charToGlyph):
                raise StudioError(f"The handwriting font {shown_path} has no letters.")
            _VARIANTS[family] = _map_alternates(font, letter_alternates(data))
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(face_name, normal=face_name, bold=face_name, italic=face_name,
                                          boldItalic=face_name)
        _PRIMARY[family] = _Family(face_name, face_name, face_name, face_name)
        _FALLBACKS[family] = _FALLBACKS[HANDWRITING]
    return family


def _map_alternates(font: TTFont, alternates: dict[str, tuple[int, ...]]) -> dict[str, tuple[str, ...]]:
    """Give each alternate glyph a private-use character the face draws it for, as ReportLab
    does for the glyphs its own shaping finds (`TTFont.hbAddPrivate`)."""
    face = font.face
    next_free = _FIRST_PRIVATE
    variants: dict[str, tuple[str, ...]] = {}
    for letter, glyphs in alternates.items():
        chars = []
        for glyph in glyphs:
            while next_free in face.charToGlyph:
                next_free += 1
            if next_free >= 0xF000:
                break  # thousands of alternates: the rest keep the letter's own shape
            face.charToGlyph[next_free] = glyph
            face.glyphToChar.setdefault(glyph, []).append(next_free)
            face.charWidths[next_free] = face._pdfScale(face.hmetrics[glyph][0])
            chars.append(chr(next_free))
        if chars:
            variants[letter] = tuple(chars)
    return variants


def letter_variants(family: str) -> dict[str, tuple[str, ...]]:
    """The characters that draw the other shapes of each letter in ``family`` (empty for
    the bundled families; see `studio.personal.handwriting.vary_letters`)."""
    return _VARIANTS.get(family, {})


def check_family(family: str) -> str:
    """Return ``family`` if it is one of FAMILIES, else raise StudioError listing them."""
    if family not in _PRIMARY:
        raise StudioError(f"Unknown font family '{family}'; use one of: {', '.join(FAMILIES)}.")
    return family


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The ReportLab face name for a family id and style, registered and ready to draw."""
    return _face(_PRIMARY[check_family(family)].face(bold, italic))


@functools.lru_cache(maxsize=32)
def _coverage(face: str) -> frozenset[int]:
    """The code points the face's cmap maps to a glyph."""
    return frozenset(pdfmetrics.getFont(_face(face)).face.charToGlyph)


def covers(face: str, char: str) -> bool:
    """True when the bundled face has a glyph for ``char``."""
    return ord(char) in _coverage(face)


def _face_for(char: str, family: str, bold: bool, italic: bool) -> str | None:
    """The bundled face that draws ``char`` in this family and style, or None if none has it."""
    primary = _PRIMARY[family].face(bold, italic)
    if char.isspace() or ord(char) in _coverage(primary):
        return primary
    for fallback in _FALLBACKS[family]:
        face = fallback.face(bold, italic)
        if ord(char) in _coverage(face):
            return face
    # No bundled font has it. ReportLab would draw the font's empty .notdef glyph, leaving
    # a silent gap; `font_runs` drops the character instead and `missing_glyphs` reports it.
    return None


def _invisible(char: str) -> bool:
    """Characters that draw nothing anyway: controls, format characters (zero-width joiner,
    bidirectional marks) and variation selectors (the emoji-style selector U+FE0F)."""
    return unicodedata.category(char) in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F \
        or 0xE0100 <= ord(char) <= 0xE01EF


@functools.lru_cache(maxsize=4096)
def missing_glyphs(text: str, family: str) -> str:
    """The visible characters of plain ``text`` that no bundled font draws, each once, in order.

    Emoji, and scripts Card Studio bundles no font for (e.g. Devanagari, Tamil, Ethiopic),
    come back here; drawing leaves them out (`font_runs`), so a caller reports them
    instead of letting a name vanish. Checked in the family's regular style; its
    fallbacks cover the same scripts in bold and italic. Empty for text every character
    of which prints.
    """
    missing: dict[str, None] = {}
    if not text.isascii():
        for char in text:
            if char == LINE_BREAK or char in missing or _invisible(char):
                continue
            if _face_for(char, family, False, False) is None:
                missing[char] = None
    return "".join(missing)


@functools.lru_cache(maxsize=1024)
def missing_in_markup(markup: str, family: str) -> str:
    """`missing_glyphs` of paragraph markup's text (tags left out, entities decoded)."""
    if markup.isascii():
        return ""
    return missing_glyphs(html.unescape(_ANY_TAG.sub("", markup)), family)


@functools.lru_cache(maxsize=4096)
def font_runs(text: str, family: str, bold: bool = False, italic: bool = False,
              wrap: tuple[float, float] | None = None) -> tuple[tuple[str, str], ...]:
    """Split plain text into (text, face) runs in drawing order, each drawable by its face.

    Right-to-left runs are put in visual order first (see `visual_order`, which also
    explains ``wrap``).
    """
    primary = font_name(family, bold, italic)
    # Wrapped right-to-left runs are measured in DejaVu Sans, the face that draws Hebrew
    # and Arabic in every family (registered only if such a run needs breaking).
    text = visual_order(text, wrap, lambda: _face(_UPRIGHT_SANS.face(bold, False)))
    if text.isascii():
        return ((text, primary),) if text else ()
    runs: list[tuple[str, str]] = []
    start, current = 0, None
    for index, char in enumerate(text):
        # Spaces stay with the run around them when its font has them (fewer font switches).
        if char == LINE_BREAK and current:
            face = current
        elif char.isspace() and current and ord(char) in _coverage(current):
            face = current
        else:
            face = _face_for(char, family, bold, italic)
            if face is None:  # no bundled font has it: left out (see missing_glyphs)
                face = _DROPPED
        if face != current:
            if current is not None:
                runs.append((text[start:index], current))
            start, current = index, face
    if current is not None:
        runs.append((text[start:], current))
    if any(face == _DROPPED for _, face in runs):
        kept: list[tuple[str, str]] = []
        for run, face in runs:
            if face == _DROPPED:
                continue
            if kept and kept[-1][1] == face:
                kept[-1] = (kept[-1][0] + run, face)
            else:
                kept.append((run, face))
        runs = kept
    return tuple(runs)


_DROPPED = ""  # the "face" of characters no bundled font has, while splitting into runs


def _markup_text(text: str, family: str, bold: bool, italic: bool,
                 wrap: tuple[float, float] | None) -> str:
    """Escaped paragraph markup for one stretch of plain text, fallback runs wrapped."""
    primary = _PRIMARY[family].face(bold, italic)
    parts = []
    for run, face in font_runs(text, family, bold, italic, wrap):
        escaped = html.escape(run, quote=False).replace(LINE_BREAK, "<br/>")
        parts.append(escaped if face == primary else f'<font name="{_markup_face(face)}">{escaped}</font>')
    return "".join(parts)


@functools.lru_cache(maxsize=4096)
def with_fallback(markup: str, family: str, wrap: tuple[float, float] | None = None) -> str:
    """Paragraph markup in which every character is drawn by a font that has its glyph.

    ``markup`` is TextBox markup (``<b>``, ``<i>``, ``<u>``, ``<font color>``, ``<br/>``;
    entities such as ``&amp;``). Runs of characters the family's face lacks are wrapped in
    ``<font name="...">`` naming a bundled face that has them, taking the surrounding bold
    and italic into account; right-to-left runs are reshaped and reordered (see
    `visual_order`; ``wrap=(width, size)`` breaks right-to-left runs wider than the box
    into lines). ``<font name="serif|sans|script">`` inside the markup switches family.
    """
    _markup_face(font_name(family))
    if markup.isascii() and "font" not in markup:
        return markup
    out: list[str] = []
    # Stack of (tag, family, bold, italic) as the markup nests.
    stack: list[tuple[str, str, bool, bool]] = [("", family, False, False)]
    for tag, text, stray in _TOKEN.findall(markup):
        _, fam, bold, italic = stack[-1]
        if text or stray:
            out.append(_markup_text(html.unescape(text or stray), fam, bold, italic, wrap))
            continue
        parsed = _TAG.fullmatch(tag)
        if not parsed:
            out.append(html.escape(tag, quote=False))
            continue
        closing, name, attrs, self_closing = parsed.groups()
        name = name.lower()
        if self_closing or name == "br":
            out.append(tag)
        elif closing:
            # Pop back to the matching open tag; tolerate sloppy nesting as ReportLab reports it.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
            out.append(tag)
        else:
            if name in ("b", "strong"):
                bold = True
            elif name in ("i", "em"):
                italic = True
            elif name == "font":
                chosen = _FONT_NAME_ATTR.search(attrs)
                if chosen and chosen.group(2) in _PRIMARY:
                    fam = chosen.group(2)
                    face = _markup_face(_PRIMARY[fam].face(bold, italic))
                    attrs = _FONT_NAME_ATTR.sub(f'name="{face}"', attrs)
                    tag = f"<font{attrs}>"
            stack.append((name, fam, bold, italic))
            out.append(tag)
    return "".join(out)
