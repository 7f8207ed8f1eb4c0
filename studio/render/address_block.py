"""What envelopes and label sheets share: a block of address lines fitted into a box, and
the printer calibration every mail-piece page is drawn through.

Lines are drawn with the render engine's plain-line text code (`studio.render.text`,
`studio.render.fonts`): per-character font fallback, so Chinese, Japanese, Cyrillic and
Hebrew addresses print in their own script, and right-to-left runs in visual order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.pdfgen.canvas import Canvas

from studio.model import Calibration
from studio.render.fonts import font_name, font_runs
from studio.render.layout import FitNote
from studio.render.text import fit_lines, text_width

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


def block_metrics(lines: Sequence[str], style: BlockStyle, size: float) -> tuple[float, float]:
    """(width, height) in points of ``lines`` set at ``size``: the widest line, and from
    the first line's ascender to the last line's descender."""
    ascent, descent = getAscentDescent(font_name(style.family), size)
    width = max((text_width(line, style.family, size) for line in lines), default=0.0)
    return width, ascent - descent + (len(lines) - 1) * size * style.leading


def fit_block(lines: Sequence[str], style: BlockStyle, width: float, height: float) -> tuple[float, bool]:
    """The size the lines are set at in a ``width`` x ``height`` pt box, and whether they fit."""
    size = fit_lines(lines, style.family, width, height, style.size, style.min_size, leading=style.leading)
    used_width, used_height = block_metrics(lines, style, size)
    return size, used_width <= width + _TOLERANCE and used_height <= height + _TOLERANCE


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
    size, fits = fit_block(lines, style, box.width, box.height)
    width, height = block_metrics(lines, style, size)
    ascent, _ = getAscentDescent(font_name(style.family), size)
    if not fits:
        left, top = box.left, box.top
    else:
        left = box.left + ((box.width - width) / 2 if center_block else 0.0)
        spare = box.height - height
        top = box.top - {"top": 0.0, "middle": spare / 2, "bottom": spare}[valign]
    text = canvas.beginText()
    baseline = top - ascent
    for line in lines:
        text.setTextOrigin(left, baseline)
        for run, face in font_runs(line, style.family):
            text.setFont(face, size)
            text.textOut(run)
        baseline -= size * style.leading
    canvas.drawText(text)
    if not fits:
        return FitNote(card=piece, box=name, status="overflow", size=size)
    if size < style.size - 1e-6:
        return FitNote(card=piece, box=name, status="shrunk", size=size)
    return None
