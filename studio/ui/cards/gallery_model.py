"""The template gallery as an item model: one row per template, with a rendered thumbnail.

Thumbnails are the template's front filled with its sample, drawn by the card renderer
on a pool thread and cached as PNG files in the data folder (keyed by the template's
files, so an edited template gets a fresh one). Until one arrives the row shows a
quiet placeholder card.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap

from studio.cards import CardTemplate
from studio.ui import style
from studio.ui.jobs import TaskRunner

THUMB_HEIGHT = 170  # logical pixels
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OCCASIONS_ROLE = Qt.ItemDataRole.UserRole + 2
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 3
ANY_OCCASION = ""

Index = QModelIndex | QPersistentModelIndex


def occasion_label(key: str) -> str:
    return {
        "thank-you": "Thank you",
        "new-year": "New Year",
        "customer-anniversary": "Customer anniversary",
        "thinking-of-you": "Thinking of you",
        "mothers-day": "Mother's Day",
        "fathers-day": "Father's Day",
        "lunar-new-year": "Lunar New Year",
        "get-well": "Get well",
        "any": "Any occasion",
    }.get(key, key.replace("-", " ").capitalize())


def _framed(image: QImage | None, ratio: float, aspect: float) -> QPixmap:
    """The card picture with a soft shadow, or a placeholder while it renders."""
    height = THUMB_HEIGHT
    width = round(height * aspect)
    pixmap = QPixmap(round((width + 8) * ratio), round((height + 8) * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 28))
    painter.drawRoundedRect(QRectF(5, 6, width, height), 3, 3)
    card = QRectF(2, 2, width, height)
    if image is not None and not image.isNull():
        painter.drawImage(card, image)
        painter.setPen(QPen(QColor(0, 0, 0, 30), 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(card)
    else:
        painter.setBrush(QColor("#f3f0ea"))
        painter.setPen(QPen(QColor(style.LINE), 1))
        painter.drawRect(card)
        font = QFont()
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(QColor(style.MUTED))
        painter.drawText(card, Qt.AlignmentFlag.AlignCenter, "Drawing…")
    painter.end()
    return pixmap


class TemplateListModel(QAbstractListModel):
    """The templates, in gallery order; thumbnails load on demand in the background."""

    def __init__(self, tasks: TaskRunner, cache_dir: Path, ratio: float = 2.0) -> None:
        super().__init__()
        self._tasks = tasks
        self._cache_dir = cache_dir
        self._ratio = ratio
        self._templates: list[CardTemplate] = []
        self._thumbs: dict[str, QPixmap] = {}
        self._placeholders: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._generation = 0

    def set_templates(self, templates: Sequence[CardTemplate]) -> None:
        self.beginResetModel()
        self._templates = list(templates)
        self._thumbs.clear()
        self._pending.clear()
        self._generation += 1
        self.endResetModel()

    def template(self, row: int) -> CardTemplate:
        return self._templates[row]

    def row_of(self, template_id: str) -> int | None:
        return next((i for i, t in enumerate(self._templates) if t.id == template_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._templates)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._templates):
            return None
        template = self._templates[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return template.name + ("  ·  yours" if template.source == "user" else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(template)
        if role == Qt.ItemDataRole.ToolTipRole:
            occasions = ", ".join(occasion_label(o) for o in template.occasions)
            return f"{template.name}\n{template.description}\nFor: {occasions}\nFormat: {template.format}"
        if role == ID_ROLE:
            return template.id
        if role == OCCASIONS_ROLE:
            return tuple(template.occasions)
        if role == TEMPLATE_ROLE:
            return template
        return None

    def _aspect(self, template: CardTemplate) -> float:
        from studio.render.formats import card_format

        try:
            card = card_format(template.format)
        except Exception:  # noqa: BLE001 - a broken format shows a portrait placeholder
            return 0.77
        return card.width_mm / card.height_mm

    def _thumbnail(self, template: CardTemplate) -> QPixmap:
        ready = self._thumbs.get(template.id)
        if ready is not None:
            return ready
        if template.id not in self._pending:
            self._request(template)
        placeholder = self._placeholders.get(template.format)
        if placeholder is None:
            placeholder = _framed(None, self._ratio, self._aspect(template))
            self._placeholders[template.format] = placeholder
        return placeholder

    def _request(self, template: CardTemplate) -> None:
        from studio.ui.cards.backend import thumbnail

        self._pending.add(template.id)
        generation = self._generation
        pixels = round(THUMB_HEIGHT * self._aspect(template) * self._ratio)
        cache = self._cache_dir
        self._tasks.start(
            lambda _p: thumbnail(template, cache, pixels),
            name=f"thumbnail {template.id}",
            on_done=lambda image: self._arrived(template, image, generation),
            on_error=lambda exc: self._arrived(template, None, generation),
        )

    def _arrived(self, template: CardTemplate, image: QImage | None, generation: int) -> None:
        if generation != self._generation:
            return
        row = self.row_of(template.id)
        if row is None:
            return
        self._thumbs[template.id] = _framed(image, self._ratio, self._aspect(template))
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def thumbnails_ready(self) -> int:
        return len(self._thumbs)

    def item_size(self) -> QSize:
        return QSize(round(THUMB_HEIGHT * 0.8) + 40, THUMB_HEIGHT + 54)


class OccasionFilterModel(QSortFilterProxyModel):
    """Shows the templates suited to one occasion ("" for all)."""

    def __init__(self) -> None:
        super().__init__()
        self._occasion = ANY_OCCASION

    def set_occasion(self, occasion: str) -> None:
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            self._occasion = occasion
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._occasion = occasion
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._occasion:
            return True
        occasions = (
            self.sourceModel().data(self.sourceModel().index(source_row, 0, source_parent), OCCASIONS_ROLE)
            or ()
        )
        return self._occasion in occasions or "any" in occasions
