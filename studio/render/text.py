"""Text boxes on a card: paragraph markup that shrinks to fit.

`draw_text_box` draws a `TextBox` (paragraph markup, several paragraphs, alignment,
vertical alignment) shrinking it from its size to its minimum size; what still does not
fit is drawn anyway at the minimum size and reported as an overflow `FitNote`, never
silently clipped. Plain single lines (addresses, labels) are `studio.render.lines`.

Sizes are PDF points; TextBox positions are millimetres from the panel's top-left corner.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from studio.errors import StudioError
from studio.personal.handwriting import jittered, vary_letters
from studio.render.fonts import (
    check_family,
    font_name,
    handwriting_family,
    letter_variants,
    missing_in_markup,
    with_fallback,
)
from studio.render.layout import HANDWRITING, FitNote, TextBox
from studio.render.lines import SHRINK_STEP as _STEP
from studio.render.lines import TOLERANCE as _TOLERANCE
from studio.render.lines import draw_line, text_width

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "centre": TA_CENTER, "right": TA_RIGHT,
          "justify": TA_JUSTIFY}
_VALIGN = ("top", "middle", "bottom")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TAGS = re.compile(r"<[^>]*>")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Fitting steps down in quarter points: finer than anyone sees, coarse enough to be quick.
# How far (points) a line may run past the box's width and still count as fitting. ReportLab's
# line breaker lets a line squeeze its spaces by up to 5 % (`spaceShrinkage`) but then draws
# them at full width, so a line it chose to keep whole may stand a fraction of a point too
# wide: 0.6 pt in the thank-you-order message at 13 pt. Shrinking the whole text for that
# is a loss nobody would choose; a point (a third of a millimetre, inside the safe margin) is
# invisible, while a word that truly cannot be broken overruns by far more.
_WIDTH_TOLERANCE = 1.0


@dataclass(frozen=True)
class _Fit:
    size: float
    fits: bool


def draw_text_box(canvas: Canvas, box: TextBox, left: float, top: float, *, card: str = "",
                  cache: TextCache | None = None) -> FitNote | None:
    """Draw ``box`` on a panel whose top-left corner is at (left, top) in points.

    ``left``/``top`` are in the canvas' current coordinates (the canvas may be rotated for
    a fold); the box is placed ``box.x``/``box.y`` mm right of and below that corner.
    The text is shrunk from ``box.size`` towards ``box.min_size`` until it fits both the
    width (no word wider than the box) and the height. Returns None when it fit at full
    size, ``FitNote("shrunk")`` when it had to shrink, and ``FitNote("overflow")`` when it
    did not fit even at the minimum size: then it is drawn at the minimum size from the
    top of the box, running past its bottom, so the problem shows instead of hiding.
    Characters no bundled font has (emoji, a script without a font) are left out and
    reported instead: the note's ``missing`` (status "missing", or "overflow" as well).
    ``cache`` (made for this canvas) replays boxes drawn before instead of laying them out
    again. Raises StudioError naming the card and box for bad markup, font, colour or
    alignment.
    """
    if not box.text.strip():
        return None
    if box.font == HANDWRITING:
        box = _as_written(box, card)
    _check_box(box, card)
    if cache is not None and cache.canvas is canvas:
        key = (box.text, box.font, box.size, box.min_size, box.color, box.align, box.valign, box.leading,
               box.x, box.y, box.width, box.height, round(left, 3), round(top, 3))
        fit = cache.replay(key)
        if fit is None:
            start = len(canvas._code)  # the operators this box writes, kept for the next card
            fit = _draw(canvas, box, left, top, card)
            cache.store(key, canvas._code[start:], fit)
    else:
        fit = _draw(canvas, box, left, top, card)
    missing = missing_in_markup(box.text, box.font)  # dropped from the card: say so
    if missing:
        return FitNote(card=card, box=box.name, status="missing" if fit.fits else "overflow",
                       size=fit.size, missing=missing)
    if not fit.fits:
        return FitNote(card=card, box=box.name, status="overflow", size=fit.size)
    if fit.size < box.size - 1e-6:
        return FitNote(card=card, box=box.name, status="shrunk", size=fit.size)
    return None


class TextCache:
    """Text boxes already drawn on one canvas, as the PDF operators they produced.

    A batch prints the same message, quote and signature on every card at the same place;
    laying each out again is most of the cost of a card. Replaying the operators is exact
    because they are relative to the panel (the canvas' transformation is set outside
    them) and the glyphs they use are already in the document's font subsets. Only valid
    for the canvas it was made for; bounded, least recently used entries go first.
    """

    def __init__(self, canvas: Canvas, max_entries: int = 256) -> None:
        self.canvas = canvas
        self._entries: OrderedDict[tuple, tuple[list[str], _Fit]] = OrderedDict()
        self._max = max_entries

    def replay(self, key: tuple) -> _Fit | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        self.canvas._code.extend(entry[0])
        return entry[1]

    def store(self, key: tuple, operators: list[str], fit: _Fit) -> None:
        self._entries[key] = (list(operators), fit)
        if len(self._entries) > self._max:
            self._entries.popitem(last=False)


def _draw(canvas: Canvas, box: TextBox, left: float, top: float, card: str) -> _Fit:
    width, height = box.width * mm, box.height * mm
    x = left + box.x * mm
    y = top - box.y * mm
    line = _plain_line(box.text)
    if line is not None and box.size * box.leading <= height + _TOLERANCE:
        # One line of plain text (a greeting, a name) that fits at full size: drawn directly,
        # placed exactly where a one-line paragraph would be.
        line_width = text_width(line, box.font, box.size)
        if line_width <= width + _WIDTH_TOLERANCE:
            y -= _valign_offset(box.valign, height, box.size * box.leading)
            anchor = {"center": x + width / 2, "centre": x + width / 2, "right": x + width}.get(box.align, x)
            canvas.saveState()
            canvas.setFillColor(parse_color(box.color))
            draw_line(canvas, line, anchor, y - box.size, box.font, box.size,
                      align=box.align if box.align in ("center", "centre", "right") else "left")
            canvas.restoreState()
            return _Fit(box.size, True)
    try:
        # A minimum above the size (a small caption keeping the default minimum) means: no shrinking.
        min_size = min(box.min_size, box.size)
        fit = _fit(box.text, box.font, box.size, min_size, box.leading, box.align, width, height)
        style = _style(box.font, fit.size, box.leading, box.align, box.color)
        paragraphs, total = _build(box.text, box.font, style, width)
    except _MarkupError as exc:
        where = f"{card + ': ' if card else ''}text box '{box.name}'"
        raise StudioError(f"{where}: the text is not valid markup ({exc}). "
                          "Use <b>, <i>, <u>, <font color=\"#rrggbb\"> and <br/>.") from exc
    if fit.fits:
        y -= _valign_offset(box.valign, height, total)
    gap = _paragraph_gap(style)
    for index, (paragraph, para_height) in enumerate(paragraphs):
        if index:
            y -= gap
        paragraph.drawOn(canvas, x, y - para_height)
        y -= para_height
    return fit


def _as_written(box: TextBox, card: str) -> TextBox:
    """A "handwriting" box in the user's font (when one is chosen), each repeat of a letter
    in its next shape and, with a jitter seed, each line a little off."""
    text, family = box.text, box.font
    if box.font_file:
        family = handwriting_family(Path(box.font_file))
        text = vary_letters(text, letter_variants(family), seed=f"{card}/{box.name}/{box.jitter}")
    if box.jitter:
        text = jittered(text, box.size, seed=f"{card}/{box.name}/{box.jitter}")
    return dataclasses.replace(box, text=text, font=family)


def _plain_line(text: str) -> str | None:
    """The text if it is one line without markup (entities decoded), else None."""
    stripped = text.strip()
    if "<" in stripped or "\n" in stripped:
        return None
    return html.unescape(stripped) if "&" in stripped else stripped


def _valign_offset(valign: str, box_height: float, text_height: float) -> float:
    if valign == "middle":
        return (box_height - text_height) / 2
    if valign == "bottom":
        return box_height - text_height
    return 0.0


def _check_box(box: TextBox, card: str) -> None:
    where = f"{card + ': ' if card else ''}text box '{box.name}'"
    if box.font not in ("serif", "sans", "script", HANDWRITING):
        check_family(box.font)
    if box.align not in _ALIGN:
        raise StudioError(f"{where}: align '{box.align}' is not one of left, center, right, justify.")
    if box.valign not in _VALIGN:
        raise StudioError(f"{where}: valign '{box.valign}' is not one of top, middle, bottom.")
    if not (box.size > 0 and box.min_size > 0):
        raise StudioError(f"{where}: size ({box.size:g}) and min_size ({box.min_size:g}) must be positive.")
    if box.width <= 0 or box.height <= 0:
        raise StudioError(f"{where}: width and height must be positive "
                          f"(got {box.width:g} x {box.height:g} mm).")
    parse_color(box.color, where)


def parse_color(value: str, where: str = "") -> colors.Color:
    """A ReportLab colour from "#rrggbb" (or a CSS colour name); StudioError naming ``where``."""
    return _parse_color(value, where)


@functools.lru_cache(maxsize=256)
def _parse_color(value: str, where: str) -> colors.Color:
    try:
        return colors.HexColor(value) if value.startswith("#") else colors.toColor(value)
    except (ValueError, TypeError) as exc:
        raise StudioError(f"{where}: colour '{value}' is not a colour (use #rrggbb).") from exc


@functools.lru_cache(maxsize=512)
def _style(family: str, size: float, leading: float, align: str, color: str) -> ParagraphStyle:
    return ParagraphStyle(
        name=f"{family}-{size:g}",
        fontName=font_name(family),
        fontSize=size,
        leading=size * leading,
        alignment=_ALIGN[align],
        textColor=parse_color(color),
        splitLongWords=0,  # a name wider than the box must shrink the text, not break mid-word
        allowWidows=1,
        allowOrphans=1,
    )


def _paragraph_gap(style: ParagraphStyle) -> float:
    """Space between paragraphs (blank lines in the markup): half a line."""
    return style.leading * 0.5


def _split_paragraphs(text: str) -> list[str]:
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text.strip()) if part.strip()]


def _is_mostly_cjk(markup: str) -> bool:
    plain = _TAGS.sub("", markup)
    letters = [c for c in plain if not c.isspace()]
    return bool(letters) and len(_CJK.findall(plain)) * 2 > len(letters)


class _MarkupError(ValueError):
    """ReportLab could not parse a paragraph's markup (reported with the card and box)."""


def _build(text: str, family: str, style: ParagraphStyle,
           width: float) -> tuple[list[tuple[Paragraph, float]], float]:
    """Wrapped paragraphs with their heights, and the total height with gaps."""
    result: list[tuple[Paragraph, float]] = []
    total = 0.0
    for part in _split_paragraphs(text):
        # Right-to-left runs too long for one line are broken before they are reordered.
        wrap = (width, style.fontSize) if _RTL.search(part) else None
        markup = with_fallback(part, family, wrap)
        part_style = style
        if _is_mostly_cjk(markup):
            # Chinese and Japanese have no spaces between words: break between characters.
            part_style = ParagraphStyle(name=style.name + "-cjk", parent=style, wordWrap="CJK")
        try:
            paragraph = Paragraph(markup, part_style)
            _, para_height = paragraph.wrap(width, 1e6)
        except (ValueError, KeyError, AttributeError) as exc:
            message = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise _MarkupError(message.replace("caused exception ", "")) from exc
        result.append((paragraph, para_height))
        total += para_height
    if len(result) > 1:
        total += _paragraph_gap(style) * (len(result) - 1)
    return result, total


def _too_wide(paragraph: Paragraph) -> bool:
    """True when a line is visibly wider than the frame (a word that could not be broken).

    Lines up to `_WIDTH_TOLERANCE` too wide count as fitting (see there why).
    """
    lines = getattr(paragraph, "blPara", None)
    if lines is None:
        return False
    for line in lines.lines:
        extra = line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0.0)
        if extra < -_WIDTH_TOLERANCE:
            return True
    return False


def _fits_at(text: str, family: str, size: float, leading: float, align: str, width: float,
             height: float) -> bool:
    style = _style(family, size, leading, align, "#000000")
    paragraphs, total = _build(text, family, style, width)
    if total > height + _TOLERANCE:
        return False
    return not any(_too_wide(paragraph) for paragraph, _ in paragraphs)


@functools.lru_cache(maxsize=1024)
def _fit(text: str, family: str, size: float, min_size: float, leading: float, align: str,
         width: float, height: float) -> _Fit:
    """The largest size in quarter-point steps from ``size`` down to ``min_size`` that fits.

    Cached: a batch repeats the same message on every card, and the answer is pure data.
    """
    if _fits_at(text, family, size, leading, align, width, height):
        return _Fit(size, True)
    steps = int((size - min_size) / _STEP)
    candidates = [min_size + _STEP * k for k in range(steps + 1) if min_size + _STEP * k < size]
    # Binary search for the last fitting candidate; fitting is monotonic in the size.
    low, high = 0, len(candidates) - 1
    best = None
    while low <= high:
        middle = (low + high) // 2
        if _fits_at(text, family, candidates[middle], leading, align, width, height):
            best = middle
            low = middle + 1
        else:
            high = middle - 1
    if best is None:
        return _Fit(min_size, False)
    return _Fit(candidates[best], True)
