"""Icons drawn with QPainter at whatever size and pixel ratio Qt asks for.

Vector drawing keeps every icon sharp on high-DPI screens without shipping image
files; `app_icon()` is the window and task-bar icon. Each glyph is drawn on a 24×24
design grid that is scaled to the requested rectangle.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QIconEngine,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from studio.ui.style import theme_of

Glyph = Callable[[QPainter, QColor], None]


class _PaintedIconEngine(QIconEngine):
    """Draws ``glyph`` in ``color`` (``active`` when selected or on); without a colour, in
    the theme's icon colour at the time it is painted, so it follows a switch to dark."""

    def __init__(self, glyph: Glyph, color: QColor | None, active: QColor | None) -> None:
        super().__init__()
        self._glyph = glyph
        self._color = color
        self._active = active or color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(rect.width(), rect.height())
        painter.translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2)
        painter.scale(side / 24.0, side / 24.0)
        theme = theme_of()
        color = QColor(self._color or theme.icon)
        if mode == QIcon.Mode.Selected or state == QIcon.State.On:
            color = QColor(self._active or theme.accent_text)
        if mode == QIcon.Mode.Disabled:
            color.setAlphaF(0.35)
        self._glyph(painter, color)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaintedIconEngine(self._glyph, self._color, self._active)


def painted_icon(glyph: Glyph, color: str | None = None, active: str | None = None) -> QIcon:
    """``glyph`` as an icon; without ``color``, drawn in the current theme's icon colour."""
    return QIcon(
        _PaintedIconEngine(glyph, QColor(color) if color else None, QColor(active) if active else None)
    )


def _pen(color: QColor, width: float = 1.8) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _heart(center_x: float, center_y: float, size: float) -> QPainterPath:
    s = size / 2
    path = QPainterPath(QPointF(center_x, center_y + s * 0.9))
    path.cubicTo(
        center_x - s * 1.9,
        center_y - s * 0.2,
        center_x - s * 0.8,
        center_y - s * 1.5,
        center_x,
        center_y - s * 0.45,
    )
    path.cubicTo(
        center_x + s * 0.8,
        center_y - s * 1.5,
        center_x + s * 1.9,
        center_y - s * 0.2,
        center_x,
        center_y + s * 0.9,
    )
    return path


# --- glyphs -------------------------------------------------------------------------


def _today(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(3.5, 5, 17, 15.5), 2.5, 2.5)
    p.drawLine(QPointF(3.5, 9.5), QPointF(20.5, 9.5))
    p.drawLine(QPointF(8, 3), QPointF(8, 6.5))
    p.drawLine(QPointF(16, 3), QPointF(16, 6.5))
    p.setBrush(c)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPath(_heart(12, 15, 5.2))


def _contacts(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(12, 8.5), 4, 4)
    path = QPainterPath(QPointF(4.5, 20.5))
    path.cubicTo(5, 15.5, 8.5, 14, 12, 14)
    path.cubicTo(15.5, 14, 19, 15.5, 19.5, 20.5)
    p.drawPath(path)


def _cards(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    back = QPainterPath()
    back.addRoundedRect(QRectF(7, 3.5, 13.5, 16), 1.5, 1.5)
    p.drawPath(back)
    p.setBrush(QColor("#ffffff") if c.lightness() < 128 else QColor(0, 0, 0, 0))
    p.drawRoundedRect(QRectF(3.5, 5.5, 13.5, 15.5), 1.5, 1.5)
    p.setBrush(c)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPath(_heart(10.25, 13.2, 5))


def _mailings(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(3, 6, 18, 13), 2, 2)
    flap = QPainterPath(QPointF(3.8, 7))
    flap.lineTo(12, 13.2)
    flap.lineTo(20.2, 7)
    p.drawPath(flap)


def _settings(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for y, knob in ((6.5, 15.5), (12, 8.5), (17.5, 13.5)):
        p.drawLine(QPointF(4, y), QPointF(20, y))
        p.setBrush(QColor(0, 0, 0, 0))
        p.drawEllipse(QPointF(knob, y), 2.2, 2.2)


def _import(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.drawLine(QPointF(12, 3.5), QPointF(12, 14.5))
    p.drawPolyline([QPointF(7.5, 10.5), QPointF(12, 15), QPointF(16.5, 10.5)])
    p.drawPolyline([QPointF(4, 15), QPointF(4, 20), QPointF(20, 20), QPointF(20, 15)])


def _add(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c, 2.0))
    p.drawLine(QPointF(12, 5), QPointF(12, 19))
    p.drawLine(QPointF(5, 12), QPointF(19, 12))


def _delete(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(4.5, 6.5), QPointF(19.5, 6.5))
    p.drawLine(QPointF(9.5, 6.5), QPointF(10, 4))
    p.drawLine(QPointF(10, 4), QPointF(14, 4))
    p.drawLine(QPointF(14, 4), QPointF(14.5, 6.5))
    path = QPainterPath(QPointF(6.5, 6.5))
    path.lineTo(7.5, 20)
    path.lineTo(16.5, 20)
    path.lineTo(17.5, 6.5)
    p.drawPath(path)


def _search(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(10.5, 10.5), 5.5, 5.5)
    p.drawLine(QPointF(14.6, 14.6), QPointF(19.5, 19.5))


def _print(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline([QPointF(7, 9), QPointF(7, 4), QPointF(17, 4), QPointF(17, 9)])
    p.drawRoundedRect(QRectF(3.5, 9, 17, 8), 1.5, 1.5)
    p.drawRect(QRectF(7, 14, 10, 6.5))


def _folder(p: QPainter, c: QColor) -> None:
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(3.5, 18.5))
    path.lineTo(3.5, 5.5)
    path.lineTo(9.5, 5.5)
    path.lineTo(11.5, 8)
    path.lineTo(20.5, 8)
    path.lineTo(20.5, 18.5)
    path.closeSubpath()
    p.drawPath(path)


def _align(kind: str) -> Glyph:
    """Four lines of text set left, centred, right or justified."""

    def glyph(p: QPainter, c: QColor) -> None:
        p.setPen(_pen(c, 1.8))
        for row, length in enumerate((16, 11, 16, 9)):
            y = 6 + row * 4
            if kind == "justify":
                length = 16 if row < 3 else 9
                x0 = 4
            elif kind == "left":
                x0 = 4
            elif kind == "right":
                x0 = 20 - length
            else:
                x0 = 12 - length / 2
            p.drawLine(QPointF(x0, y), QPointF(x0 + length, y))

    return glyph


GLYPHS: dict[str, Glyph] = {
    "align-left": _align("left"),
    "align-center": _align("center"),
    "align-right": _align("right"),
    "align-justify": _align("justify"),
    "today": _today,
    "contacts": _contacts,
    "cards": _cards,
    "mailings": _mailings,
    "settings": _settings,
    "import": _import,
    "add": _add,
    "delete": _delete,
    "search": _search,
    "print": _print,
    "folder": _folder,
}


def icon(name: str, color: str | None = None, active: str | None = None) -> QIcon:
    """A named glyph as an icon (``GLYPHS`` lists the names)."""
    return painted_icon(GLYPHS[name], color, active)


# --- the app icon -------------------------------------------------------------------


def _app_glyph(p: QPainter, _color: QColor) -> None:
    # A warm card standing on a teal tile, a heart on its front: "a card that says you care".
    tile = QLinearGradient(0, 0, 0, 24)
    tile.setColorAt(0, QColor("#3f8f88"))
    tile.setColorAt(1, QColor("#24605b"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(tile))
    p.drawRoundedRect(QRectF(1, 1, 22, 22), 5.2, 5.2)
    p.setBrush(QColor(0, 0, 0, 45))
    p.drawRoundedRect(QRectF(6.6, 5.6, 12, 14.4), 1.2, 1.2)
    p.setBrush(QColor("#fbf4ea"))
    p.drawRoundedRect(QRectF(6, 5, 12, 14.4), 1.2, 1.2)
    p.setBrush(QColor("#e6d6c2"))
    p.drawRect(QRectF(6, 5, 1.3, 14.4))
    p.setBrush(QColor("#d9644a"))
    p.drawPath(_heart(12.6, 12.4, 6.2))


def app_icon() -> QIcon:
    """The Card Studio icon, sharp at every size from 16 px to 512 px."""
    return painted_icon(_app_glyph)


def app_icon_pixmap(size: int) -> QPixmap:
    return app_icon().pixmap(QSize(size, size))
