"""QR codes on cards, drawn by ReportLab's `QrCodeWidget` (ISO/IEC 18004) as vector squares."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.render.layout import QrBox
from studio.render.text import parse_color

# The white margin a reader needs round the code, in modules (ISO/IEC 18004 asks for four).
QUIET_MODULES = 4


def qr_widget(box: QrBox, label: str = "") -> QrCodeWidget:
    """The code of ``box``, sized to the whole box with its quiet zone; StudioError naming the
    card and box when the data does not fit a QR code."""
    size = box.size * mm
    color = parse_color(box.color, f"Card '{label}': QR code '{box.name}'")
    widget = QrCodeWidget(box.data, barLevel=box.level, barBorder=QUIET_MODULES, barWidth=size,
                          barHeight=size, barFillColor=color)
    try:
        widget.qr.make()  # encodes now, so a failure is named here rather than mid-page
    except Exception as exc:  # noqa: BLE001 - the encoder raises bare exceptions for overlong data
        raise StudioError(f"Card '{label}': QR code '{box.name}' cannot hold {box.data!r} ({exc}).") from exc
    return widget


def draw_qr(canvas: Canvas, box: QrBox, panel_height: float, label: str = "") -> None:
    """Draw ``box`` on a panel whose upright frame has its origin at the bottom-left (points).

    The quiet zone is painted white, so the code reads on dark artwork or a coloured panel.
    """
    size = box.size * mm
    x, y = box.x * mm, panel_height - (box.y + box.size) * mm
    widget = qr_widget(box, label)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.restoreState()
    drawing = Drawing(size, size)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)
