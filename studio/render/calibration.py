"""The calibration page: how a user finds their printer's offset and scale for a stock.

It shows, drawn through the current calibration exactly as labels would be, the outline
of every label (numbered), a millimetre ruler along the top and the left of the sheet,
cross marks at the first label's top-left and the last label's bottom-right corners,
and the instructions for turning measurements into settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.model import Calibration, LabelStock
from studio.render.address_block import apply_calibration
from studio.render.labels import draw_outlines
from studio.render.lines import draw_line, fit_lines
from studio.render.pdf import open_canvas
from studio.render.stocks import label_rect

RULER_COLOR = colors.Color(0.1, 0.1, 0.1)
MARK_COLOR = colors.Color(0.75, 0.1, 0.1)
_RULER_AT = 5.0  # mm from the sheet's edge: inside what most printers reach (about 4 mm)
SCALE_SPAN_X = 150  # mm measured along the top ruler to check the scale
SCALE_SPAN_Y = 200


def render_calibration_page(stock: LabelStock, out: str | Path | BinaryIO, *,
                            calibration: Calibration | None = None) -> int:
    """Write the one-page calibration PDF for ``stock``; returns the page count (1)."""
    calibration = calibration or Calibration()
    height = stock.sheet_height * mm
    canvas = open_canvas(out, (stock.sheet_width * mm, height),
                         title=f"Calibration page for {stock.brand} {stock.part}")
    canvas.saveState()
    apply_calibration(canvas, calibration, height)
    draw_outlines(canvas, stock, numbered=True)
    _ruler(canvas, stock, horizontal=True)
    _ruler(canvas, stock, horizontal=False)
    first = label_rect(stock, 0)
    last = label_rect(stock, stock.per_sheet - 1)
    _cross(canvas, stock, first[0], first[1])
    _cross(canvas, stock, last[0] + last[2], last[1] + last[3])
    _instructions(canvas, stock, calibration)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return 1


def _y(stock: LabelStock, y_mm: float) -> float:
    """PDF y (points, from the bottom) of a distance in mm from the sheet's top."""
    return (stock.sheet_height - y_mm) * mm


def _ruler(canvas: Canvas, stock: LabelStock, *, horizontal: bool) -> None:
    """Ticks every millimetre (longer every 5 and 10), numbered every 10 beside the long
    tick, measured from the sheet's left edge (top ruler) or top edge (left ruler)."""
    canvas.saveState()
    canvas.setStrokeColor(RULER_COLOR)
    canvas.setFillColor(RULER_COLOR)
    canvas.setLineWidth(0.3)
    length = int(stock.sheet_width if horizontal else stock.sheet_height)
    for at in range(length + 1):
        tick = 4.0 if at % 10 == 0 else 2.5 if at % 5 == 0 else 1.5
        if horizontal:
            canvas.line(at * mm, _y(stock, _RULER_AT), at * mm, _y(stock, _RULER_AT + tick))
        else:
            canvas.line(_RULER_AT * mm, _y(stock, at), (_RULER_AT + tick) * mm, _y(stock, at))
        if at % 10 == 0 and at:
            # Beside the long tick, clear of the short ones: never over another mark.
            if horizontal:
                draw_line(canvas, str(at), (at + 0.4) * mm, _y(stock, _RULER_AT + 4.0), "sans", 5.5)
            else:
                draw_line(canvas, str(at), (_RULER_AT + 2.0) * mm, _y(stock, at + 2.3), "sans", 5.5)
    if horizontal:
        canvas.line(0, _y(stock, _RULER_AT), length * mm, _y(stock, _RULER_AT))
    else:
        canvas.line(_RULER_AT * mm, _y(stock, 0), _RULER_AT * mm, _y(stock, length))
    canvas.restoreState()


def _cross(canvas: Canvas, stock: LabelStock, x_mm: float, y_mm: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(MARK_COLOR)
    canvas.setLineWidth(0.4)
    x, y, arm = x_mm * mm, _y(stock, y_mm), 3 * mm
    canvas.line(x - arm, y, x + arm, y)
    canvas.line(x, y - arm, x, y + arm)
    canvas.restoreState()


def instructions(stock: LabelStock, calibration: Calibration) -> list[str]:
    """The steps printed on the page (also shown by the app next to its calibration fields)."""
    first_x, first_y, _, _ = label_rect(stock, 0)
    return [
        f"Printer calibration: {stock.brand} {stock.part} ({stock.paper.upper()}, "
        f"{stock.nx} x {stock.ny} labels)",
        "1. Print this page on plain paper at actual size (100 %, not 'fit to page').",
        f"2. Scale: with a real ruler, measure the top ruler from 0 to {SCALE_SPAN_X} mm and the left",
        f"   ruler from 0 to {SCALE_SPAN_Y} mm. If they measure A and B mm, set",
        f"   scale x = {calibration.scale_x:.4g} x {SCALE_SPAN_X} / A and "
        f"scale y = {calibration.scale_y:.4g} x {SCALE_SPAN_Y} / B.",
        f"3. Position: the red cross is label 1's top-left corner, {first_x:.1f} mm from the",
        f"   paper's left edge and {first_y:.1f} mm from its top. If it printed D mm too far",
        "   right (or down), subtract D from offset x (or offset y); too far left or up: add D.",
        "   Or lay the page on a label sheet against a window and compare the outlines.",
        "4. Save the numbers in Settings > Printer calibration, or run:",
        "   studio calibrate --offset-x X --offset-y Y --scale-x SX --scale-y SY",
        f"Now: offset x {calibration.offset_x:+.1f} mm, offset y {calibration.offset_y:+.1f} mm, "
        f"scale x {calibration.scale_x:.4f}, scale y {calibration.scale_y:.4f}.",
    ]


def _instructions(canvas: Canvas, stock: LabelStock, calibration: Calibration) -> None:
    """The steps in a white box in the middle of the page, over the outlines."""
    lines = instructions(stock, calibration)
    width = min(150.0, stock.sheet_width - 40) * mm
    size = fit_lines(lines, "sans", width - 8 * mm, 1e6, 8.5, 5.0, leading=1.3)
    height = (len(lines) * 1.3 + 1.2) * size
    left = (stock.sheet_width * mm - width) / 2
    bottom = (stock.sheet_height * mm - height) / 2
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(RULER_COLOR)
    canvas.setLineWidth(0.6)
    canvas.rect(left, bottom, width, height, stroke=1, fill=1)
    canvas.setFillColor(RULER_COLOR)
    y = bottom + height - 1.4 * size
    for index, line in enumerate(lines):
        draw_line(canvas, line, left + 4 * mm, y, "sans", size, bold=index == 0)
        y -= size * 1.3
    canvas.restoreState()
