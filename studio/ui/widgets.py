"""Small building blocks every view uses: page headers, empty states, panels, avatars."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPainterPath, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.ui import style


def label(text: str, name: str = "", wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def number_field(low: float, high: float, step: float, suffix: str = "", decimals: int = 2) -> QDoubleSpinBox:
    """A number typed or stepped within [low, high], with its unit after it (" mm", " pt")."""
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    return spin


def button(
    text: str,
    on_click: Callable[[], None] | None = None,
    *,
    name: str = "",
    icon: QIcon | None = None,
    tooltip: str = "",
) -> QPushButton:
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    if icon is not None:
        widget.setIcon(icon)
        widget.setIconSize(QSize(16, 16))
    if tooltip:
        widget.setToolTip(tooltip)
    if on_click is not None:
        widget.clicked.connect(lambda *_: on_click())
    return widget


def page_layout(page: QWidget, header: QWidget | QLayout, *rows: QWidget | QLayout) -> QVBoxLayout:
    """A view's layout: the page margins, ``header`` on top, then ``rows``; the last one stretches."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(28, 24, 28, 20)
    layout.setSpacing(12)
    parts = (header, *rows)
    for index, part in enumerate(parts):
        stretch = 1 if index == len(parts) - 1 and index > 0 else 0
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    return layout


def gallery_list(model: QAbstractItemModel, icon: QSize, grid: QSize) -> QListView:
    """A grid of card thumbnails (the gallery and the mailing wizard's card page)."""
    view = QListView()
    view.setObjectName("gallery")
    view.setModel(model)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setSpacing(10)
    view.setIconSize(icon)
    view.setGridSize(grid)
    return view


class PageHeader(QWidget):
    """A view's title, a one-line explanation and its main buttons on the right."""

    def __init__(
        self, title: str, subtitle: str = "", actions: Sequence[QWidget] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = label(title, "pageTitle")
        self.subtitle = label(subtitle, "pageSubtitle", wrap=True)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        layout.addLayout(text, 1)
        for action in actions:
            layout.addWidget(action, 0, Qt.AlignmentFlag.AlignBottom)


class Panel(QFrame):
    """A white rounded panel on the canvas."""

    def __init__(self, parent: QWidget | None = None, margins: int = 16) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(margins, margins, margins, margins)
        self.body.setSpacing(8)


class EmptyState(QFrame):
    """What a list shows when it has nothing: an icon, what this place is for, what to do."""

    def __init__(
        self,
        icon: QIcon,
        title: str,
        text: str,
        actions: Sequence[QPushButton] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 32, 24, 32)
        layout.setSpacing(10)
        layout.addStretch(1)
        self._icon = icon
        self.picture = QLabel()
        self._draw_icon()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.picture)
        self.title = label(title, "emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.text = label(text, "emptyText", wrap=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(460)
        # Centred by stretches, not by an alignment flag: an aligned label is laid out at
        # its narrow size hint and its wrapped lines were cut off at the top and bottom.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.text, 100)
        centred.addStretch(1)
        layout.addLayout(centred)
        if actions:
            row = QHBoxLayout()
            row.addStretch(1)
            for action in actions:
                row.addWidget(action)
            row.addStretch(1)
            layout.addSpacing(6)
            layout.addLayout(row)
        layout.addStretch(2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)

    def _draw_icon(self) -> None:
        self.picture.setPixmap(self._icon.pixmap(QSize(56, 56), self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light and dark switched: the icon's colour too
            self._draw_icon()


def initials(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def avatar(name: str, size: int, ratio: float = 1.0, photo: QImage | None = None) -> QPixmap:
    """A round avatar: the photo cropped to a circle, or initials on a colour from the name."""
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, size, size))
    if photo is not None and not photo.isNull():
        painter.setClipPath(circle)
        side = min(photo.width(), photo.height())
        square = photo.copy((photo.width() - side) // 2, (photo.height() - side) // 2, side, side)
        painter.drawImage(QRectF(0, 0, size, size), square)
    else:
        colour = style.AVATAR_COLOURS[sum(map(ord, name)) % len(style.AVATAR_COLOURS)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawPath(circle)
        font = QFont()
        font.setPixelSize(max(6, int(size * 0.4)))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when short of room, the whole of it as a tooltip.

    ``text()`` is the whole text; it never asks for more width than a few letters.
    """

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._full = ""
        self._shown_for: tuple[str, int, str] | None = None  # (text, width, font) last elided
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self._elide()

    def text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("Ab…"), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - the font comes with the style
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        key = (self._full, self.width(), self.font().key())
        if key == self._shown_for:
            return
        self._shown_for = key
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
