"""The designer's canvas: one rendered panel with its text boxes as handles over it.

Scene units are millimetres from the panel's top-left corner, the template's own units,
so a box dragged here is stored exactly where the renderer will draw it. The picture
underneath is the panel as the card renderer drew it; the boxes are outlines the user
moves and resizes. A box whose text had to shrink is outlined in amber, one whose text
still does not fit in red, each with a note saying so.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studio.cards import TextSpec
from studio.ui import style

HANDLE_MM = 3.0
MIN_BOX_MM = 4.0
SNAP_MM = 0.5
_FLAG_COLOURS = {"overflow": QColor("#d64545"), "shrunk": QColor("#c98a1b")}


def _snap(value: float) -> float:
    return round(value / SNAP_MM) * SNAP_MM


class BoxItem(QGraphicsObject):
    """A text box outline: drag to move, drag the corner square to resize."""

    geometry_edited = Signal(str, QRectF)  # box name, new rectangle in mm

    def __init__(self, spec: TextSpec, panel: QRectF) -> None:
        super().__init__()
        self.name = spec.name
        self._rect = QRectF(0, 0, spec.width, spec.height)
        self._panel = panel
        self._resizing = False
        self._press_rect = QRectF()
        self._press_pos = QPointF()
        self.flag = ""  # "", "shrunk" or "overflow"
        self.flag_text = ""
        self.setPos(spec.x, spec.y)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setToolTip(spec.name)
        self.setZValue(10)

    # --- geometry -----------------------------------------------------------------------

    def rect_mm(self) -> QRectF:
        return QRectF(self.pos().x(), self.pos().y(), self._rect.width(), self._rect.height())

    def set_rect_mm(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.x(), rect.y())
        self.update()

    def set_flag(self, flag: str, text: str) -> None:
        self.flag, self.flag_text = flag, text
        self.setToolTip(f"{self.name}: {text}" if text else self.name)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect.adjusted(-1.2, -5.5, 1.2, 1.2)

    def _handle(self) -> QRectF:
        return QRectF(
            self._rect.right() - HANDLE_MM / 2, self._rect.bottom() - HANDLE_MM / 2, HANDLE_MM, HANDLE_MM
        )

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(value, QPointF):
            # Keep the box on the panel, on a half-millimetre grid.
            x = min(max(_snap(value.x()), self._panel.left()), self._panel.right() - self._rect.width())
            y = min(max(_snap(value.y()), self._panel.top()), self._panel.bottom() - self._rect.height())
            return QPointF(x, y)
        return super().itemChange(change, value)

    # --- painting -----------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        colour = _FLAG_COLOURS.get(self.flag, QColor(style.ACCENT))
        pen = QPen(colour, 0)  # cosmetic: one pixel at any zoom
        pen.setCosmetic(True)
        pen.setWidthF(2.0 if selected or self.flag else 1.0)
        if not selected and not self.flag:
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(QColor(47, 122, 115, 150))
        painter.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(16 if selected else (22 if self.flag else 0))
        painter.setBrush(QBrush(fill))
        painter.drawRect(self._rect)
        if selected:
            painter.setBrush(QColor("white"))
            painter.drawRect(self._handle())
        caption = self.name + (f" — {self.flag_text}" if self.flag_text else "")
        if selected or self.flag:
            font = QFont()
            font.setPointSizeF(2.2)  # scene units are mm: about 3 mm tall on the panel
            painter.setFont(font)
            width = QFontMetricsF(font).horizontalAdvance(caption) + 2.0
            tag = QRectF(self._rect.left(), self._rect.top() - 5.0, width, 4.4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(tag, 0.8, 0.8)
            painter.setPen(QColor("white"))
            painter.drawText(tag.adjusted(1.0, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, caption)

    # --- mouse --------------------------------------------------------------------------

    def hoverMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        on_handle = self.isSelected() and self._handle().contains(event.pos())
        self.setCursor(Qt.CursorShape.SizeFDiagCursor if on_handle else Qt.CursorShape.SizeAllCursor)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._press_rect = self.rect_mm()
        self._press_pos = event.scenePos()
        self._resizing = self.isSelected() and self._handle().contains(event.pos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self._resizing:
            super().mouseMoveEvent(event)
            return
        delta = event.scenePos() - self._press_pos
        width = _snap(max(MIN_BOX_MM, self._press_rect.width() + delta.x()))
        height = _snap(max(MIN_BOX_MM, self._press_rect.height() + delta.y()))
        width = min(width, self._panel.right() - self._press_rect.x())
        height = min(height, self._panel.bottom() - self._press_rect.y())
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self._resizing = False
        if self.rect_mm() != self._press_rect:
            self.geometry_edited.emit(self.name, self.rect_mm())


class PanelCanvas(QGraphicsView):
    """Shows a panel picture at the panel's size in mm, with a `BoxItem` per text box."""

    box_selected = Signal(str)  # "" when none
    box_moved = Signal(str, QRectF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
            | QPainter.RenderHint.TextAntialiasing
        )
        self._show_desk()
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(320, 320)
        self._panel = QRectF(0, 0, 100, 140)
        self._paper = self.scene().addRect(self._panel, QPen(Qt.PenStyle.NoPen), QBrush(QColor("white")))
        self._picture = QGraphicsPixmapItem()
        self._picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._picture)
        self.boxes: dict[str, BoxItem] = {}
        self.scene().selectionChanged.connect(self._selection_changed)

    def set_panel(self, width_mm: float, height_mm: float, boxes: Iterable[TextSpec]) -> None:
        """Start showing a panel of this size with these boxes (the picture comes later)."""
        scene = self.scene()
        scene.blockSignals(True)
        for item in self.boxes.values():
            scene.removeItem(item)
        self.boxes.clear()
        self._panel = QRectF(0, 0, width_mm, height_mm)
        self._paper.setRect(self._panel)
        self._picture.setPixmap(QPixmap())
        for spec in boxes:
            item = BoxItem(spec, self._panel)
            item.geometry_edited.connect(self.box_moved)
            scene.addItem(item)
            self.boxes[spec.name] = item
        margin = max(width_mm, height_mm) * 0.06
        scene.setSceneRect(self._panel.adjusted(-margin, -margin, margin, margin))
        scene.blockSignals(False)
        self._fit()

    def set_picture(self, image: QImage) -> None:
        """The rendered panel; stretched over the panel's rectangle in mm."""
        pixmap = QPixmap.fromImage(image)
        self._picture.setPixmap(pixmap)
        if pixmap.width():
            self._picture.setScale(self._panel.width() / pixmap.width())

    def has_picture(self) -> bool:
        return not self._picture.pixmap().isNull()

    def select_box(self, name: str) -> None:
        for box_name, item in self.boxes.items():
            item.setSelected(box_name == name)

    def selected_box(self) -> str:
        chosen = [name for name, item in self.boxes.items() if item.isSelected()]
        return chosen[0] if chosen else ""

    def set_flags(self, flags: dict[str, tuple[str, str]]) -> None:
        for name, item in self.boxes.items():
            item.set_flag(*flags.get(name, ("", "")))

    def pixels_per_mm(self) -> float:
        return self.transform().m11() * (self.devicePixelRatioF() or 1.0)

    def _selection_changed(self) -> None:
        self.box_selected.emit(self.selected_box())

    def _fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _show_desk(self) -> None:
        """The desk around the paper in the theme's colour; the paper itself stays white."""
        self.setBackgroundBrush(QColor(style.theme_of().backdrop))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the app switched between light and dark
            self._show_desk()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()
