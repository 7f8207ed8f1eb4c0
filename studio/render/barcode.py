"""The USPS Intelligent Mail barcode, drawn by ReportLab's `USPS_4State` (USPS-B-3200)."""

from __future__ import annotations

from reportlab.graphics.barcode.usps4s import USPS_4State
from reportlab.pdfgen.canvas import Canvas


def intelligent_mail(tracking: str, routing: str) -> USPS_4State:
    """The barcode for a 20-digit tracking code and a 0/5/9/11-digit routing code.

    Bars at the narrowest pitch USPS allows, so the code (with its 1/8 in clear zones)
    is about 2.9 in long and fits the address zone of an A2 envelope.
    """
    barcode = USPS_4State(tracking, routing)
    barcode.widthSize = 0
    return barcode


def barcode_size(barcode: USPS_4State) -> tuple[float, float]:
    """(width, height) in points, clear zones included."""
    return barcode.wrap(0, 0)


def draw_intelligent_mail(canvas: Canvas, barcode: USPS_4State, x: float, y: float) -> None:
    """Draw ``barcode`` with the bottom-left corner of its clear zone at (x, y) points."""
    barcode.drawOn(canvas, x, y)
