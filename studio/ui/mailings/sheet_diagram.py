"""A small drawing of a label sheet: click the label to start on (the ones before are used).

Labels are numbered across then down, as the stock's data sheet and ``--start`` count
them; the drawing keeps the sheet's proportions and the stock's grid (`LabelStock`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.model import LabelStock
from studio.ui import style


class SheetDiagram(QWidget):
    start_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stock: LabelStock | None = None
        self._start = 1
        self.setMinimumSize(QSize(140, 140))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Click the first free label on your sheet")

    @property
    def start(self) -> int:
        return self._start

    def set_stock(self, stock: LabelStock | None) -> None:
        self._stock = stock
        if stock is not None and self._start > stock.per_sheet:
            self.set_start(1)
        self.update()

    def set_start(self, start: int) -> None:
        limit = self._stock.per_sheet if self._stock else start
        start = max(1, min(start, limit))
        if start != self._start:
            self._start = start
            self.start_changed.emit(start)
        self.update()

    def _sheet_rect(self) -> tuple[QRectF, float]:
        stock = self._stock
        assert stock is not None
        scale = min((self.width() - 8) / stock.sheet_width, (self.height() - 8) / stock.sheet_height)
        width, height = stock.sheet_width * scale, stock.sheet_height * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height), scale

    def _label_rect(self, position: int) -> QRectF:
        stock = self._stock
        assert stock is not None
        sheet, scale = self._sheet_rect()
        column, row = (position - 1) % stock.nx, (position - 1) // stock.nx
        return QRectF(
            sheet.x() + (stock.x0 + column * stock.dx) * scale,
            sheet.y() + (stock.y0 + row * stock.dy) * scale,
            stock.label_width * scale,
            stock.label_height * scale,
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._stock is None:
            painter.setPen(QColor(style.theme_of().muted))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Choose a label sheet")
            return
        sheet, scale = self._sheet_rect()
        # The sheet is paper: it keeps the light theme's colours in either theme.
        painter.setPen(QPen(QColor("#cfcac1"), 1))
        painter.setBrush(QColor("white"))
        painter.drawRect(sheet)
        font = QFont(self.font())
        font.setPixelSize(max(7, min(12, int(self._label_rect(1).height() * 0.45))))
        painter.setFont(font)
        radius = min(self._stock.corner_radius * scale, 4)
        for position in range(1, self._stock.per_sheet + 1):
            rect = self._label_rect(position)
            if position < self._start:
                painter.setPen(QPen(QColor("#d8d3ca"), 1))
                painter.setBrush(QColor("#ebe8e2"))
            elif position == self._start:
                painter.setPen(QPen(QColor(style.ACCENT_DARK), 1.5))
                painter.setBrush(QColor(style.ACCENT))
            else:
                painter.setPen(QPen(QColor(style.ACCENT), 1))
                painter.setBrush(QColor(style.ACCENT_SOFT))
            painter.drawRoundedRect(rect, radius, radius)
            if rect.height() >= 9:
                painter.setPen(QColor("white") if position == self._start else QColor(style.MUTED))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(position))
        painter.end()

    def position_at(self, x: float, y: float) -> int | None:
        if self._stock is None:
            return None
        for position in range(1, self._stock.per_sheet + 1):
            if self._label_rect(position).adjusted(-1, -1, 1, 1).contains(x, y):
                return position
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        position = self.position_at(event.position().x(), event.position().y())
        if position is not None:
            self.set_start(position)
