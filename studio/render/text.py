"""Text on the page: paragraph boxes that shrink to fit, and single lines for addresses.

Two ways in:

* `draw_text_box` draws a `TextBox` (paragraph markup, several paragraphs, alignment,
  vertical alignment) shrinking it from its size to its minimum size; what still does not
  fit is drawn anyway at the minimum size and reported as an overflow `FitNote`, never
  silently clipped.
* `draw_line`, `text_width` and `fit_lines` draw and measure plain one-line strings (an
  address line, a label) with the same per-character font fallback and right-to-left
  handling, without the cost of paragraph markup; envelopes and labels use them.

Sizes are PDF points; TextBox positions are millimetres from the panel's top-left corner.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from studio.errors import StudioError
from studio.render.fonts import (
    check_family,
    font_name,
    font_runs,
    missing_in_markup,
    with_fallback,
)
from studio.render.layout import FitNote, TextBox

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "centre": TA_CENTER, "right": TA_RIGHT,
          "justify": TA_JUSTIFY}
_VALIGN = ("top", "middle", "bottom")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TAGS = re.compile(r"<[^>]*>")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Fitting steps down in quarter points: finer than anyone sees, coarse enough to be quick.
_STEP = 0.25
_TOLERANCE = 0.01  # points; rounding in ReportLab's width sums
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
    if box.font not in ("serif", "sans", "script"):
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


# ---- plain lines (envelopes, labels) -------------------------------------------------------

def text_width(text: str, family: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line of plain text, with fallback fonts measured as drawn."""
    return sum(stringWidth(run, face, size) for run, face in font_runs(text, family, bold, italic))


def draw_line(canvas: Canvas, text: str, x: float, y: float, family: str, size: float, *,
              bold: bool = False, italic: bool = False, align: str = "left") -> float:
    """Draw one line of plain text with its baseline at ``y``; return its width in points.

    ``align`` says what ``x`` is: the left end ("left"), the middle ("center") or the right
    end ("right") of the line. Characters the family lacks come from fallback fonts and
    right-to-left runs are reordered, as in paragraphs. The fill colour is the canvas'.
    """
    runs = font_runs(text, family, bold, italic)
    width = sum(stringWidth(run, face, size) for run, face in runs)
    if align in ("center", "centre"):
        x -= width / 2
    elif align == "right":
        x -= width
    elif align != "left":
        raise StudioError(f"align '{align}' is not one of left, center, right.")
    text_object = canvas.beginText(x, y)
    for run, face in runs:
        text_object.setFont(face, size)
        text_object.textOut(run)
    canvas.drawText(text_object)
    return width


def fit_lines(lines: Sequence[str], family: str, width_pt: float, height_pt: float, size: float,
              min_size: float, *, leading: float = 1.2, bold: bool = False) -> float:
    """The largest size (quarter-point steps, ``min_size`` to ``size``) at which every line
    fits ``width_pt`` and all lines, ``leading`` times the size apart, fit ``height_pt``.

    Returns ``min_size`` when even that does not fit; compare `text_width` with the width
    to tell an overflow from a fit. `set_lines` does the same and can also wrap.
    """
    return set_lines(lines, family, width_pt, height_pt, size, min_size, leading=leading, bold=bold).size


@dataclass(frozen=True)
class SetLines:
    """Plain lines set for a box by `set_lines`.

    ``lines`` are the lines to draw, each with its indent in points (continuation lines of
    a wrapped line are indented); ``fits`` says whether they fit at ``size``, and
    ``problem`` why not, in words for the user.
    """

    size: float
    lines: tuple[tuple[str, float], ...]
    fits: bool
    problem: str = ""

    @property
    def wrapped(self) -> bool:
        return any(indent for _, indent in self.lines)


# Where a line may break: at spaces, and between Chinese and Japanese characters (which
# have no spaces between words). Korean, like Latin scripts, breaks at spaces.
_BREAK_TOKENS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]\s*"
                           r"|[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+\s*|\s+")


_COMMAS = (",", "，", "、")


def wrap_line(text: str, family: str, size: float, width_pt: float, *, indent_pt: float = 0.0,
              bold: bool = False) -> list[str]:
    """``text`` broken into pieces no wider than ``width_pt`` at ``size``, the pieces after
    the first no wider than ``width_pt - indent_pt`` (they are drawn indented).

    Breaks only where `_BREAK_TOKENS` allows, after a comma when that keeps at least half
    the line ("Hauptstraße 1234, Hinterhaus," / "3. OG links"). A word wider than the room
    stays whole (addresses are not hyphenated), so the caller must still compare widths.
    """
    pieces: list[str] = []
    current: list[str] = []
    room = width_pt
    for token in _BREAK_TOKENS.findall(text.strip()):
        if not current or text_width("".join(current + [token]).rstrip(), family, size, bold=bold) <= room:
            current.append(token)
            continue
        cut = len(current)
        commas = [n for n in range(1, len(current) + 1) if current[n - 1].rstrip().endswith(_COMMAS)]
        if commas and text_width("".join(current[:commas[-1]]), family, size, bold=bold) >= room / 2:
            cut = commas[-1]
        pieces.append("".join(current[:cut]).rstrip())
        current, room = current[cut:] + [token], width_pt - indent_pt
        while len(current) > 1 and text_width("".join(current).rstrip(), family, size, bold=bold) > room:
            pieces.append("".join(current[:-1]).rstrip())  # what the comma moved down no longer fits
            current = current[-1:]
    if current:
        pieces.append("".join(current).rstrip())
    return [piece.lstrip() for piece in pieces if piece.strip()] or [text.strip()]


def set_lines(lines: Sequence[str], family: str, width_pt: float, height_pt: float, size: float,
              min_size: float, *, leading: float = 1.2, extent: float | None = None,
              wrap_below: float | None = None, indent: float = 1.0, bold: bool = False) -> SetLines:
    """Lines of plain text set at the largest size (quarter-point steps from ``size`` down
    to ``min_size``) at which they fit a ``width_pt`` x ``height_pt`` box.

    Lines are ``leading`` times the size apart; ``extent`` (default ``leading``) is the
    height of one line per point of size, e.g. ascent minus descent, so n lines take
    ``(extent + (n - 1) * leading) * size``. Without ``wrap_below`` lines are never
    broken. With it, the lines shrink whole only down to ``wrap_below``; below that, a
    line too wide for the box is wrapped at spaces instead (`wrap_line`), its continuation
    lines indented by ``indent`` times the size, and the block shrinks further only as
    far as the added lines need. When nothing fits at ``min_size`` the result says so
    (``fits`` False, ``problem`` why) with the lines as set at ``min_size``.
    """
    extent = leading if extent is None else extent
    if not lines:
        return SetLines(size, (), True)
    widths = [text_width(line, family, 1.0, bold=bold) for line in lines]

    def block_height(count: int, at: float) -> float:
        return (extent + (count - 1) * leading) * at

    best = size
    if max(widths) > 0:
        best = min(best, width_pt / max(widths))
    best = min(best, height_pt / block_height(len(lines), 1.0))
    whole = size if best >= size else min_size + math.floor((best - min_size) / _STEP + 1e-9) * _STEP
    floor = min_size if wrap_below is None else max(min_size, min(wrap_below, size))
    if whole >= floor:
        return SetLines(whole, tuple((line, 0.0) for line in lines), True)
    if wrap_below is None:
        too_wide = [line for line, width in zip(lines, widths, strict=True) if width * min_size > width_pt]
        return SetLines(min_size, tuple((line, 0.0) for line in lines), False,
                        _problem(too_wide, len(lines), min_size))

    def wrapped(at: float) -> tuple[tuple[str, float], ...]:
        result: list[tuple[str, float]] = []
        for line, width in zip(lines, widths, strict=True):
            if width * at <= width_pt + _TOLERANCE:
                result.append((line, 0.0))
                continue
            pieces = wrap_line(line, family, at, width_pt, indent_pt=indent * at, bold=bold)
            result += [(piece, indent * at if number else 0.0) for number, piece in enumerate(pieces)]
        return tuple(result)

    def too_wide(at: float, set_: tuple[tuple[str, float], ...]) -> list[str]:
        return [text for text, pad in set_
                if text_width(text, family, at, bold=bold) + pad > width_pt + _TOLERANCE]

    def fits(at: float, set_: tuple[tuple[str, float], ...]) -> bool:
        return block_height(len(set_), at) <= height_pt + _TOLERANCE and not too_wide(at, set_)

    steps = int((size - min_size) / _STEP + 1e-9)
    candidates = [size - _STEP * k for k in range(steps + 1)]
    if candidates[-1] > min_size:
        candidates.append(min_size)
    # Binary search for the first (largest) size that fits: wrapping at a smaller size
    # never needs more lines, so fitting is monotonic in the size.
    low, high, found = 0, len(candidates) - 1, None
    while low <= high:
        middle = (low + high) // 2
        set_ = wrapped(candidates[middle])
        if fits(candidates[middle], set_):
            found, high = (candidates[middle], set_), middle - 1
        else:
            low = middle + 1
    if found is not None:
        return SetLines(found[0], found[1], True)
    set_ = wrapped(min_size)
    return SetLines(min_size, set_, False, _problem(too_wide(min_size, set_), len(set_), min_size))


def _problem(too_wide: Sequence[str], count: int, size: float) -> str:
    """Why lines do not fit at ``size``: the first one too wide, or that there are too many."""
    if too_wide:
        return f"{_shorten(too_wide[0])!r} is too wide even at {size:g} pt"
    return f"its {count} lines are too many even at {size:g} pt"


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
