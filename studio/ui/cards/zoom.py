"""Zooming and panning the designer's canvas.

"Fit" shows the whole panel and follows the window's size; any other zoom is a fixed
number of screen pixels per millimetre. "100 %" is the card's real size on this screen:
the screen's physical dots per inch (Qt's logical pixels per physical inch) over 25.4.
Ctrl+wheel zooms around the mouse; when the panel is larger than the view, dragging
empty space (or the scroll bars) pans.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

STEP = 1.25  # one Ctrl+plus, Ctrl+minus or wheel notch
MIN_PX_PER_MM = 0.8
MAX_PX_PER_MM = 40.0


def real_size_px_per_mm(view: QGraphicsView) -> float:
    """Logical pixels per millimetre at which a card on ``view``'s screen is its real size."""
    screen = view.screen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    return (dpi if dpi > 0 else 96.0) / 25.4


class CanvasZoom(QObject):
    """The zoom of one `QGraphicsView` whose scene units are millimetres."""

    changed = Signal()

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self.fitting = True
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.viewport().installEventFilter(self)

    def scale(self) -> float:
        """Logical screen pixels per millimetre now."""
        return self._view.transform().m11()

    def percent(self) -> int:
        """The zoom as the user reads it: 100 is the card's real size."""
        return round(100 * self.scale() / real_size_px_per_mm(self._view))

    def fit(self) -> None:
        """Show the whole panel, and keep doing so as the window changes size."""
        self.fitting = True
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.fitInView(self._view.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._view.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.changed.emit()

    def refit(self) -> None:
        """After a resize or a new panel: fit again if fitting, else keep the zoom."""
        if self.fitting:
            self.fit()

    def set_scale(self, px_per_mm: float) -> None:
        """A fixed zoom of ``px_per_mm`` logical pixels per millimetre (kept within sane limits)."""
        self.fitting = False
        value = min(max(px_per_mm, MIN_PX_PER_MM), MAX_PX_PER_MM)
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._view.setTransform(QTransform.fromScale(value, value))
        # Pan by dragging empty space; a press on a box still moves the box (items come first).
        self._view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.changed.emit()

    def real_size(self) -> None:
        self.set_scale(real_size_px_per_mm(self._view))

    def zoom_in(self) -> None:
        self.set_scale(self.scale() * STEP)

    def zoom_out(self) -> None:
        self.set_scale(self.scale() / STEP)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            steps = event.angleDelta().y() / 120
            if steps:
                anchor = self._view.transformationAnchor()
                self._view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                self.set_scale(self.scale() * STEP**steps)
                self._view.setTransformationAnchor(anchor)
            return True
        return super().eventFilter(watched, event)
