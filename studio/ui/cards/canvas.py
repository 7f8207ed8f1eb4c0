"""The designer's canvas: one rendered panel with its text boxes as handles over it.

Scene units are millimetres from the panel's top-left corner, the template's own units,
so a box dragged here is stored exactly where the renderer will draw it. The picture
underneath is the panel as the card renderer drew it; the boxes are outlines the user
moves and resizes. A box whose text had to shrink is outlined in amber, one whose text
still does not fit in red, each with a note saying so. Pictures are outlined too (under
the text boxes, as the renderer draws them), so they can be chosen, moved and resized;
a background picture (the whole panel) is not, so clicking it chooses nothing.

While a box is dragged it snaps to the panel's centre lines and safe margins
(`snapping`), which show as guide lines; the arrow keys nudge the chosen box by 0.5 mm,
Shift+arrow by 5 mm. `zoom.CanvasZoom` zooms and pans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsObject,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studio.cards import ImageSpec, TextSpec
from studio.services.designer_layout import (
    PICTURE,
    TEXT,
    is_background,
    picture_key,
    picture_label,
    picture_rect,
)
from studio.ui import style
from studio.ui.cards.snapping import SNAP_PIXELS, Guide, snap_box
from studio.ui.cards.zoom import CanvasZoom

HANDLE_MM = 3.0
MIN_BOX_MM = 4.0
SNAP_MM = 0.5
NUDGE_MM = 0.5  # an arrow key
BIG_NUDGE_MM = 5.0  # Shift+arrow
_PICTURE_COLOUR = QColor("#5b6fb8")
_FLAG_COLOURS = {"overflow": QColor("#d64545"), "shrunk": QColor("#c98a1b")}


def _snap(value: float) -> float:
    return round(value / SNAP_MM) * SNAP_MM


class BoxItem(QGraphicsObject):
    """A text box (or picture) outline: drag to move, drag the corner square to resize."""

    geometry_edited = Signal(str, QRectF)  # box name (a picture's key), new rectangle in mm

    def __init__(self, spec: TextSpec, panel: QRectF, kind: str = TEXT, caption: str = "") -> None:
        super().__init__()
        self.name = spec.name
        self.kind = kind
        self.caption = caption or spec.name
        # Set by the canvas: where a dragged box lands (snapping); None: only the grid.
        self.snapper: Callable[[QRectF], QPointF] | None = None
        self._dragging = False
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
        self.setToolTip(self.caption)
        self.setZValue(10 if kind == TEXT else 5)

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
        self.setToolTip(f"{self.caption}: {text}" if text else self.caption)
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
            # A drag lands on the half-millimetre grid (or a guide); a place set by the template,
            # an Undo or a nudge is kept exactly.
            x, y = (_snap(value.x()), _snap(value.y())) if self._dragging else (value.x(), value.y())
            if self._dragging and self.snapper is not None:
                landed = self.snapper(QRectF(value.x(), value.y(), self._rect.width(), self._rect.height()))
                x, y = landed.x(), landed.y()
            x = min(max(x, self._panel.left()), self._panel.right() - self._rect.width())
            y = min(max(y, self._panel.top()), self._panel.bottom() - self._rect.height())
            return QPointF(x, y)
        return super().itemChange(change, value)

    # --- painting -----------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        base = QColor(style.ACCENT) if self.kind == TEXT else _PICTURE_COLOUR
        colour = _FLAG_COLOURS.get(self.flag, base)
        pen = QPen(colour, 0)  # cosmetic: one pixel at any zoom
        pen.setCosmetic(True)
        pen.setWidthF(2.0 if selected or self.flag else 1.0)
        if not selected and not self.flag:
            pen.setStyle(Qt.PenStyle.DashLine)
            faint = QColor(base)
            faint.setAlpha(150)
            pen.setColor(faint)
        painter.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(16 if selected else (22 if self.flag else 0))
        painter.setBrush(QBrush(fill))
        painter.drawRect(self._rect)
        if selected:
            painter.setBrush(QColor("white"))
            painter.drawRect(self._handle())
        caption = self.caption + (f" — {self.flag_text}" if self.flag_text else "")
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
        self._dragging = not self._resizing
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
        self._resizing = self._dragging = False
        if self.snapper is not None:
            self.snapper(QRectF())  # an empty box: the drag is over, the guides go
        if self.rect_mm() != self._press_rect:
            self.geometry_edited.emit(self.name, self.rect_mm())


class PanelCanvas(QGraphicsView):
    """Shows a panel picture at the panel's size in mm, with a `BoxItem` per text box and picture."""

    box_selected = Signal(str)  # a text box's name; "" when none (or a picture) is chosen
    box_moved = Signal(str, QRectF)
    picture_moved = Signal(str, QRectF)  # a picture's key, its new rectangle in mm
    menu_requested = Signal(QPoint)  # a right-click (global position), after choosing what is under it

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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrow keys nudge the chosen box
        self.setMinimumSize(320, 240)  # a 600-pixel-high screen leaves about 300 for the card
        self.zoom = CanvasZoom(self)
        self._panel = QRectF(0, 0, 100, 140)
        self.safe_mm = 5.0
        self._paper = self.scene().addRect(self._panel, QPen(Qt.PenStyle.NoPen), QBrush(QColor("white")))
        self._picture = QGraphicsPixmapItem()
        self._picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._picture)
        self.boxes: dict[str, BoxItem] = {}
        self.pictures: dict[str, BoxItem] = {}
        self.guides: list[QGraphicsLineItem] = []  # shown while a drag snaps to a line
        self.scene().selectionChanged.connect(self._selection_changed)

    def set_panel(
        self,
        width_mm: float,
        height_mm: float,
        boxes: Iterable[TextSpec],
        pictures: Iterable[ImageSpec] = (),
        *,
        safe_mm: float = 5.0,
        keep_picture: bool = False,
    ) -> None:
        """Start showing a panel of this size with these boxes (the picture comes later).

        ``keep_picture`` leaves the last drawing showing until the new one arrives (an edit
        of the same panel, rather than another panel).
        """
        scene = self.scene()
        scene.blockSignals(True)
        for item in [*self.boxes.values(), *self.pictures.values()]:
            scene.removeItem(item)
        self.boxes.clear()
        self.pictures.clear()
        self._show_guides([])
        self._panel = QRectF(0, 0, width_mm, height_mm)
        self.safe_mm = safe_mm
        self._paper.setRect(self._panel)
        if not keep_picture:
            self._picture.setPixmap(QPixmap())
        for index, image in enumerate(pictures):
            if is_background(image):
                continue  # the whole panel: a click there chooses nothing and a drag pans
            key = picture_key(image, index)
            x, y, w, h = picture_rect(image, width_mm, height_mm)
            item = BoxItem(TextSpec(key, x, y, w, h), self._panel, PICTURE, picture_label(key))
            item.setZValue(5 + index * 0.01)  # stacked as the template lists them
            item.geometry_edited.connect(self.picture_moved)
            self._add(item)
            self.pictures[key] = item
        for index, spec in enumerate(boxes):
            item = BoxItem(spec, self._panel)
            item.setZValue(10 + index * 0.01)
            item.geometry_edited.connect(self.box_moved)
            self._add(item)
            self.boxes[spec.name] = item
        margin = max(width_mm, height_mm) * 0.06
        scene.setSceneRect(self._panel.adjusted(-margin, -margin, margin, margin))
        scene.blockSignals(False)
        self.zoom.refit()
        self._selection_changed()  # nothing is chosen on a panel just shown

    def _add(self, item: BoxItem) -> None:
        item.snapper = self._snap
        self.scene().addItem(item)

    def set_picture(self, image: QImage) -> None:
        """The rendered panel; stretched over the panel's rectangle in mm."""
        pixmap = QPixmap.fromImage(image)
        self._picture.setPixmap(pixmap)
        if pixmap.width():
            self._picture.setScale(self._panel.width() / pixmap.width())

    def has_picture(self) -> bool:
        return not self._picture.pixmap().isNull()

    def select_box(self, name: str) -> None:
        self.select(TEXT, name)

    def select(self, kind: str, key: str) -> None:
        """Choose the text box or picture ``key`` (nothing when it is not on this panel)."""
        self.scene().blockSignals(True)
        for item in [*self.boxes.values(), *self.pictures.values()]:
            item.setSelected(item.kind == kind and item.name == key)
        self.scene().blockSignals(False)
        self._selection_changed()

    def selected_box(self) -> str:
        chosen = [name for name, item in self.boxes.items() if item.isSelected()]
        return chosen[0] if chosen else ""

    def selected_picture(self) -> str:
        chosen = [key for key, item in self.pictures.items() if item.isSelected()]
        return chosen[0] if chosen else ""

    def selected_item(self) -> BoxItem | None:
        chosen = [item for item in [*self.boxes.values(), *self.pictures.values()] if item.isSelected()]
        return chosen[0] if chosen else None

    def set_flags(self, flags: dict[str, tuple[str, str]]) -> None:
        for name, item in self.boxes.items():
            item.set_flag(*flags.get(name, ("", "")))

    def pixels_per_mm(self) -> float:
        return self.transform().m11() * (self.devicePixelRatioF() or 1.0)

    def _selection_changed(self) -> None:
        self.box_selected.emit(self.selected_box())

    # --- snapping and nudging --------------------------------------------------------------

    def _snap(self, rect: QRectF) -> QPointF:
        """Where a box dragged to ``rect`` lands, showing the guides it met (none for an empty rect)."""
        if rect.isEmpty():
            self._show_guides([])
            return rect.topLeft()
        tolerance = SNAP_PIXELS / max(self.transform().m11(), 0.01)
        landed = snap_box(
            _snap(rect.x()), _snap(rect.y()), rect.width(), rect.height(),
            self._panel.width(), self._panel.height(), self.safe_mm, tolerance,
        )
        self._show_guides(landed.guides)
        return QPointF(landed.x, landed.y)

    def _show_guides(self, guides: list[Guide]) -> None:
        for line in self.guides:
            self.scene().removeItem(line)
        self.guides = []
        for guide in guides:
            pen = QPen(QColor("#e0457b") if guide.kind == "centre" else QColor("#2f7ae0"), 0)
            pen.setCosmetic(True)
            pen.setWidthF(1.0)
            pen.setStyle(Qt.PenStyle.DashLine if guide.kind == "margin" else Qt.PenStyle.SolidLine)
            if guide.vertical:
                line = self.scene().addLine(guide.at, self._panel.top(), guide.at, self._panel.bottom(), pen)
            else:
                line = self.scene().addLine(self._panel.left(), guide.at, self._panel.right(), guide.at, pen)
            line.setZValue(50)
            self.guides.append(line)

    def nudge(self, dx: float, dy: float) -> bool:
        """Move the chosen box by (dx, dy) mm, kept on the panel; False when none is chosen."""
        item = self.selected_item()
        if item is None:
            return False
        rect = item.rect_mm()
        x = min(max(rect.x() + dx, self._panel.left()), self._panel.right() - rect.width())
        y = min(max(rect.y() + dy, self._panel.top()), self._panel.bottom() - rect.height())
        moved = QRectF(round(x, 2), round(y, 2), rect.width(), rect.height())
        if moved != rect:
            item.geometry_edited.emit(item.name, moved)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = BIG_NUDGE_MM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE_MM
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if event.key() in moves and self.nudge(*moves[event.key()]):
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.pos())
        while item is not None and not isinstance(item, BoxItem):
            item = item.parentItem()
        if isinstance(item, BoxItem):
            self.select(item.kind, item.name)
        self.menu_requested.emit(event.globalPos())
        event.accept()

    # --- the desk --------------------------------------------------------------------------

    def _show_desk(self) -> None:
        """The desk around the paper in the theme's colour; the paper itself stays white."""
        self.setBackgroundBrush(QColor(style.theme_of().backdrop))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the app switched between light and dark
            self._show_desk()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.zoom.refit()
