"""Printer's marks: crop marks at the trim corners and dashed fold marks.

Marks sit in the sheet's margin, outside every piece's bleed, so none of them survives
trimming. Where pieces fill the sheet edge to edge (two A2 cards on Letter) there is no
margin: the paper edge is the trim, and a short tick at each sheet edge shows the cut
between two pieces instead.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.render.imposition import Box, Matrix, SheetPlan, apply, fold_line

_OFFSET = 1.0 * mm  # gap between the bleed and the start of a mark
_LENGTH = 5.0 * mm
_TICK = 4.0 * mm
_LINE = 0.25  # points: hairline, as print shops expect
_EDGE = 0.5  # points: "on the sheet edge"


def draw_marks(canvas: Canvas, plan: SheetPlan, side: str, used: int) -> None:
    """Draw crop and fold marks for the first ``used`` slots of ``plan`` on one page side."""
    page_w, page_h = plan.page_size
    slots = plan.slots[:used]
    trims = [slot.trim_outside if side == "outside" else slot.trim_inside for slot in slots]
    bleed = plan.card.bleed_mm * mm
    top = max(t[3] for t in trims)
    bottom = min(t[1] for t in trims)
    left = min(t[0] for t in trims)
    right = max(t[2] for t in trims)
    canvas.saveState()
    canvas.setLineWidth(_LINE)
    canvas.setStrokeColorRGB(0, 0, 0)
    xs = sorted({round(x, 2) for t in trims for x in (t[0], t[2])})
    ys = sorted({round(y, 2) for t in trims for y in (t[1], t[3])})
    for x in xs:
        if _EDGE < x < page_w - _EDGE:
            _vertical_marks(canvas, x, bottom, top, page_h, bleed)
    for y in ys:
        if _EDGE < y < page_h - _EDGE:
            _horizontal_marks(canvas, y, left, right, page_w, bleed)
    fold = fold_line(plan.card)
    if fold is not None:
        canvas.setDash(2, 2)
        for slot in slots:
            matrix: Matrix = slot.outside if side == "outside" else slot.inside
            _fold_marks(canvas, matrix, fold, (left, bottom, right, top), plan.page_size, bleed)
    canvas.restoreState()


def _vertical_marks(canvas: Canvas, x: float, bottom: float, top: float, page_h: float, bleed: float) -> None:
    """Marks continuing the vertical trim line x above and below the pieces."""
    if page_h - top >= bleed + _OFFSET + 2 * mm:
        start = top + bleed + _OFFSET
        canvas.line(x, start, x, min(start + _LENGTH, page_h))
    else:
        canvas.line(x, page_h, x, page_h - _TICK)
    if bottom >= bleed + _OFFSET + 2 * mm:
        start = bottom - bleed - _OFFSET
        canvas.line(x, start, x, max(start - _LENGTH, 0))
    else:
        canvas.line(x, 0, x, _TICK)


def _horizontal_marks(canvas: Canvas, y: float, left: float, right: float, page_w: float,
                      bleed: float) -> None:
    if page_w - right >= bleed + _OFFSET + 2 * mm:
        start = right + bleed + _OFFSET
        canvas.line(start, y, min(start + _LENGTH, page_w), y)
    else:
        canvas.line(page_w, y, page_w - _TICK, y)
    if left >= bleed + _OFFSET + 2 * mm:
        start = left - bleed - _OFFSET
        canvas.line(start, y, max(start - _LENGTH, 0), y)
    else:
        canvas.line(0, y, _TICK, y)


def _fold_marks(canvas: Canvas, matrix: Matrix, fold: tuple[tuple[float, float], tuple[float, float]],
                extent: Box, page_size: tuple[float, float], bleed: float) -> None:
    """Dashed marks continuing the fold line beyond the pieces, in the margin."""
    (x0, y0), (x1, y1) = apply(matrix, *fold[0]), apply(matrix, *fold[1])
    left, bottom, right, top = extent
    page_w, page_h = page_size
    if abs(x0 - x1) < _EDGE:  # vertical fold on the page
        x = x0
        if page_h - top >= bleed + _OFFSET + 2 * mm:
            canvas.line(x, top + bleed + _OFFSET, x, min(top + bleed + _OFFSET + _LENGTH, page_h))
        elif max(y0, y1) >= page_h - _EDGE:  # the piece meets the sheet edge: tick on the fold
            canvas.line(x, page_h, x, page_h - _TICK)
        if bottom >= bleed + _OFFSET + 2 * mm:
            canvas.line(x, bottom - bleed - _OFFSET, x, max(bottom - bleed - _OFFSET - _LENGTH, 0))
        elif min(y0, y1) <= _EDGE:
            canvas.line(x, 0, x, _TICK)
    else:
        y = y0
        if page_w - right >= bleed + _OFFSET + 2 * mm:
            canvas.line(right + bleed + _OFFSET, y, min(right + bleed + _OFFSET + _LENGTH, page_w), y)
        elif max(x0, x1) >= page_w - _EDGE:
            canvas.line(page_w, y, page_w - _TICK, y)
        if left >= bleed + _OFFSET + 2 * mm:
            canvas.line(left - bleed - _OFFSET, y, max(left - bleed - _OFFSET - _LENGTH, 0), y)
        elif min(x0, x1) <= _EDGE:
            canvas.line(0, y, _TICK, y)
