"""Plain lines of text: addresses on envelopes and labels, captions.

`draw_line`, `text_width`, `fit_lines`, `wrap_line` and `set_lines` draw and measure
plain one-line strings with the same per-character font fallback and right-to-left
handling as card text boxes (`studio.render.text`), without the cost of paragraph markup.
Sizes are PDF points.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.render.fonts import font_runs

SHRINK_STEP = 0.25  # points: text shrinks in these steps until it fits
TOLERANCE = 0.01  # points; rounding in ReportLab's width sums
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
    steps = math.floor((best - min_size) / SHRINK_STEP + 1e-9)
    whole = size if best >= size else min_size + steps * SHRINK_STEP
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
            if width * at <= width_pt + TOLERANCE:
                result.append((line, 0.0))
                continue
            pieces = wrap_line(line, family, at, width_pt, indent_pt=indent * at, bold=bold)
            result += [(piece, indent * at if number else 0.0) for number, piece in enumerate(pieces)]
        return tuple(result)

    def too_wide(at: float, set_: tuple[tuple[str, float], ...]) -> list[str]:
        return [text for text, pad in set_
                if text_width(text, family, at, bold=bold) + pad > width_pt + TOLERANCE]

    def fits(at: float, set_: tuple[tuple[str, float], ...]) -> bool:
        return block_height(len(set_), at) <= height_pt + TOLERANCE and not too_wide(at, set_)

    steps = int((size - min_size) / SHRINK_STEP + 1e-9)
    candidates = [size - SHRINK_STEP * k for k in range(steps + 1)]
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
