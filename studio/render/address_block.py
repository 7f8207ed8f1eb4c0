"""What envelopes and label sheets share: a block of address lines fitted into a box, and
the printer calibration every mail-piece page is drawn through.

Lines are drawn with the render engine's plain-line text code (`studio.render.text`,
`studio.render.fonts`): per-character font fallback, so Chinese, Japanese, Cyrillic and
Hebrew addresses print in their own script, and right-to-left runs in visual order.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

from studio.model import Calibration
from studio.render.fonts import covers, font_name, font_runs
from studio.render.layout import FitNote
from studio.render.text import fit_lines

_TOLERANCE = 0.01  # points


@dataclass(frozen=True)
class BlockStyle:
    """How a block of lines is set: family id, largest and smallest size (pt), leading."""

    family: str = "sans"
    size: float = 11.0
    min_size: float = 6.0
    leading: float = 1.18


@dataclass(frozen=True)
class Box:
    """A box on the page in PDF points: left edge, top edge (y grows upwards), size."""

    left: float
    top: float
    width: float
    height: float


def apply_calibration(canvas: Canvas, calibration: Calibration, page_height: float) -> None:
    """Make everything drawn next land where this printer needs it.

    A point ``(x, y)`` mm from the sheet's top-left corner is printed at
    ``(offset_x + scale_x * x, offset_y + scale_y * y)``: offsets move the whole page
    right/down, scales stretch it from the top-left corner (where sheets are fed from).
    Call inside ``saveState``/``restoreState``.
    """
    if calibration == Calibration():
        return
    canvas.translate(calibration.offset_x * mm, -calibration.offset_y * mm)
    canvas.translate(0, page_height)
    canvas.scale(calibration.scale_x, calibration.scale_y)
    canvas.translate(0, -page_height)


@dataclass(frozen=True)
class _Measured:
    """Lines split into font runs, with each line's width at 1 pt (widths scale linearly)."""

    runs: tuple[tuple[tuple[str, str], ...], ...]
    widths: tuple[float, ...]
    ascent: float  # per point of size, of the family's primary face
    descent: float


@functools.lru_cache(maxsize=16)
def _face_metrics(face: str) -> tuple[float, float]:
    return getAscentDescent(face, 1.0)


def _measure(lines: Sequence[str], family: str) -> _Measured:
    primary = font_name(family)
    runs = []
    for line in lines:
        # A Latin line the primary face covers is one run (no right-to-left text below
        # U+0250): font_runs' own result, without its per-call checks, because a label run
        # sets tens of thousands of distinct lines. Anything else goes through font_runs.
        simple = line.isascii() or (max(map(ord, line)) < 0x250 and all(covers(primary, ch) for ch in line))
        runs.append(((line, primary),) if simple else font_runs(line, family))
    widths = tuple(sum(stringWidth(run, face, 1.0) for run, face in line_runs) for line_runs in runs)
    ascent, descent = _face_metrics(primary)
    return _Measured(tuple(runs), widths, ascent, descent)


def _height(measured: _Measured, style: BlockStyle, size: float) -> float:
    return (measured.ascent - measured.descent + (len(measured.widths) - 1) * style.leading) * size


def block_metrics(lines: Sequence[str], style: BlockStyle, size: float) -> tuple[float, float]:
    """(width, height) in points of ``lines`` set at ``size``: the widest line, and from
    the first line's ascender to the last line's descender."""
    measured = _measure(lines, style.family)
    return max(measured.widths, default=0.0) * size, _height(measured, style, size)


def _fit(lines: Sequence[str], measured: _Measured, style: BlockStyle, width: float,
         height: float) -> tuple[float, bool]:
    def fits(size: float) -> bool:
        return (max(measured.widths, default=0.0) * size <= width + _TOLERANCE
                and _height(measured, style, size) <= height + _TOLERANCE)

    if fits(style.size):
        return style.size, True  # the usual case: no search needed
    size = fit_lines(lines, style.family, width, height, style.size, style.min_size, leading=style.leading)
    return size, fits(size)


def fit_block(lines: Sequence[str], style: BlockStyle, width: float, height: float) -> tuple[float, bool]:
    """The size the lines are set at in a ``width`` x ``height`` pt box, and whether they fit."""
    return _fit(lines, _measure(lines, style.family), style, width, height)


def draw_block(canvas: Canvas, lines: Sequence[str], box: Box, style: BlockStyle, *, piece: str = "",
               name: str = "address", valign: str = "middle", center_block: bool = False) -> FitNote | None:
    """Draw ``lines`` left-aligned in ``box``, shrinking from ``style.size`` to fit.

    ``valign`` places the block at the top, middle or bottom of the box; with
    ``center_block`` the block (not each line) is centred across the box. Returns None
    when the lines fit at full size, a "shrunk" `FitNote` when they had to shrink, and an
    "overflow" note when they do not fit even at ``style.min_size``: then they are drawn
    at that size anyway, from the box's top-left, so the problem shows on paper and in
    the report instead of being clipped.
    """
    if not lines:
        return None
    measured = _measure(lines, style.family)
    size, fits = _fit(lines, measured, style, box.width, box.height)
    if not fits:
        left, top = box.left, box.top
    else:
        spare_width = box.width - max(measured.widths) * size
        left = box.left + (spare_width / 2 if center_block else 0.0)
        spare = box.height - _height(measured, style, size)
        top = box.top - {"top": 0.0, "middle": spare / 2, "bottom": spare}[valign]
    # One text object per block, the font set only when it changes, each next line by a
    # relative move: the smallest PDF and the fewest ReportLab calls for big runs.
    text = canvas.beginText(left, top - measured.ascent * size)
    current = None
    for index, line_runs in enumerate(measured.runs):
        if index:
            text.moveCursor(0, size * style.leading)
        for run, face in line_runs:
            if face != current:
                text.setFont(face, size)
                current = face
            text.textOut(run)
    canvas.drawText(text)
    if not fits:
        return FitNote(card=piece, box=name, status="overflow", size=size)
    if size < style.size - 1e-6:
        return FitNote(card=piece, box=name, status="shrunk", size=size)
    return None
