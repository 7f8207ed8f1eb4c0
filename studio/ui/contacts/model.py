"""The contact list as Qt item models: a table over `ContactSummary` rows and its proxy.

The rows come from `services.contacts.summaries` (no photos, no JSON lists), loaded on
the store thread. Searching and tag filtering ask the store too
(`services.contacts.matching_ids`, the same matching as `studio contacts --search`),
and the proxy then shows the ids the store answered with. Photos are decoded off the
GUI thread, a page of rows at a time, when a row first needs its thumbnail.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage, QPixmap

from studio.model import PartialDate
from studio.services import contacts
from studio.services.contacts import ContactSummary
from studio.ui.jobs import StoreThread
from studio.ui.table_model import ReadOnlyTableModel
from studio.ui.widgets import avatar

AVATAR_SIZE = 28
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

# The phone number is in the detail pane and found by the search; the table keeps to what
# fits beside it on a laptop screen.
COLUMNS = ("Name", "Email", "City", "Birthday", "Tags")
_NAME, _EMAIL, _CITY, _BIRTHDAY, _TAGS = range(len(COLUMNS))

Index = QModelIndex | QPersistentModelIndex


def friendly_partial_date(iso: str | None) -> str:
    """ "1987-10-31" -> "31 Oct 1987", "--04-12" -> "12 Apr" (no year known)."""
    if not iso:
        return ""
    try:
        date = PartialDate.parse(iso)
    except ValueError:
        return iso
    text = f"{date.day} {calendar.month_abbr[date.month]}"
    return f"{text} {date.year}" if date.year is not None else text


def sort_text(text: str) -> str:
    """A key that sorts "Ångström" with the A's and "Núñez" with the N's, as people expect."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _sort_key(row: ContactSummary, column: int) -> str:
    if column == _NAME:
        return sort_text(row.sort_name)
    if column == _BIRTHDAY:
        return (row.birthday or "")[-5:]  # by month and day, the way people think of birthdays
    return sort_text(ContactTableModel._display(row, column) or "")


def _sorted(rows: list[ContactSummary], column: int, order: Qt.SortOrder) -> list[ContactSummary]:
    keyed = sorted(
        ((_sort_key(row, column), row.id, row) for row in rows),
        key=lambda item: item[:2],
        reverse=order == Qt.SortOrder.DescendingOrder,
    )
    return [row for _, _, row in keyed]


def _thumbnails(store: Any, ids: list[int], pixels: int) -> dict[int, QImage]:
    """Decode and shrink photos; runs on the store thread (QImage is safe off the GUI thread)."""
    images = {}
    for contact_id in ids:
        data = contacts.photo(store, contact_id)
        image = QImage.fromData(data) if data else QImage()
        if not image.isNull():
            image = image.scaled(
                pixels,
                pixels,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
        images[contact_id] = image
    return images


class ContactTableModel(ReadOnlyTableModel):
    """One row per contact, in address-book order; ``ID_ROLE`` gives the contact id."""

    def __init__(self, store: StoreThread, device_ratio: float = 2.0) -> None:
        super().__init__(COLUMNS)
        self._store = store
        self._rows: list[ContactSummary] = []
        self._row_of: dict[int, int] = {}
        self._ratio = device_ratio
        self._avatars: dict[int, QPixmap] = {}
        self._photos: dict[int, QImage] = {}
        self._wanted: set[int] = set()
        self._requested: set[int] = set()
        self._photo_timer = QTimer(self)
        self._photo_timer.setSingleShot(True)
        self._photo_timer.setInterval(30)
        self._photo_timer.timeout.connect(self._load_photos)
        self.loaded = False
        self._sort: tuple[int, Qt.SortOrder] = (_NAME, Qt.SortOrder.AscendingOrder)

    # --- loading --------------------------------------------------------------------

    def reload(self, on_loaded: Any = None) -> None:
        """Fetch the rows on the store thread and swap them in when they arrive.

        The rows come sorted (with their sort keys computed there too), so the GUI
        thread only swaps a list: 5,000 contacts cost it no work per row.
        """
        column, order = self._sort

        def fetch(store: Any) -> list[ContactSummary]:
            return _sorted(contacts.summaries(store), column, order)

        def done(rows: list[ContactSummary]) -> None:
            self.set_rows(rows, presorted=True)
            if on_loaded is not None:
                on_loaded()

        self._store.submit(fetch, done)

    def set_rows(self, rows: Iterable[ContactSummary], presorted: bool = False) -> None:
        rows = list(rows)
        self.beginResetModel()
        self._rows = rows if presorted else _sorted(rows, *self._sort)
        self._row_of = {row.id: index for index, row in enumerate(self._rows)}
        self._avatars.clear()
        self._photos.clear()
        self._requested.clear()
        self._wanted.clear()
        self.endResetModel()
        self.loaded = True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves (keys computed once per row, in C-speed list.sort)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        id_at_old_row = [row.id for row in self._rows]
        persistent = self.persistentIndexList()
        self._rows = _sorted(self._rows, column, order)
        self._row_of = {row.id: index for index, row in enumerate(self._rows)}
        moved_to = [
            self.index(self._row_of[id_at_old_row[index.row()]], index.column())
            if 0 <= index.row() < len(id_at_old_row)
            else QModelIndex()
            for index in persistent
        ]
        self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()

    def summary(self, row: int) -> ContactSummary:
        return self._rows[row]

    def row_of(self, contact_id: int) -> int | None:
        return self._row_of.get(contact_id)

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    # --- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == _NAME:
            return self._avatar(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell a narrow column cut short
            if column == _NAME and row.organization:
                return f"{row.name}\n{row.organization}"
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.SizeHintRole and column == _NAME:
            return QSize(220, AVATAR_SIZE + 14)
        return None

    @staticmethod
    def _display(row: ContactSummary, column: int) -> str:
        if column == _NAME:
            return row.name or "(no name)"
        if column == _EMAIL:
            return row.email
        if column == _CITY:
            return row.city
        if column == _BIRTHDAY:
            return friendly_partial_date(row.birthday)
        if column == _TAGS:
            return ", ".join(row.tags)
        return ""

    # --- thumbnails -------------------------------------------------------------------

    def _avatar(self, row: ContactSummary) -> QPixmap:
        cached = self._avatars.get(row.id)
        if cached is not None:
            return cached
        photo = self._photos.get(row.id)
        if row.has_photo and photo is None and row.id not in self._requested:
            self._wanted.add(row.id)
            self._photo_timer.start()
        pixmap = avatar(row.name, AVATAR_SIZE, self._ratio, photo)
        if not row.has_photo or photo is not None:
            self._avatars[row.id] = pixmap
        return pixmap

    def _load_photos(self) -> None:
        wanted = sorted(self._wanted)[:60]
        self._wanted.difference_update(wanted)
        self._requested.update(wanted)
        pixels = round(AVATAR_SIZE * self._ratio)
        self._store.submit(lambda store: _thumbnails(store, wanted, pixels), self._photos_arrived)
        if self._wanted:
            self._photo_timer.start()

    def _photos_arrived(self, images: dict[int, QImage]) -> None:
        for contact_id, image in images.items():
            row = self._row_of.get(contact_id)
            if row is None:
                continue
            self._photos[contact_id] = image
            self._avatars.pop(contact_id, None)
            index = self.index(row, _NAME)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ContactFilterModel(QSortFilterProxyModel):
    """Shows only the ids the last search answered with; sorting is the table model's own.

    The proxy passes ``sort`` on to the source, which sorts its list with precomputed
    keys: a proxy sort would call back into Python for every comparison, seconds of
    GUI time for a large address book.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._visible: set[int] | None = None  # None: everyone

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_visible_ids(self, ids: Iterable[int] | None) -> None:
        # Qt 6.10 prefers begin/endFilterChange; older Qt (the floor in pyproject is 6.7) has
        # only invalidateRowsFilter.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            self._visible = None if ids is None else set(ids)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._visible = None if ids is None else set(ids)
            self.invalidateRowsFilter()

    @property
    def filtering(self) -> bool:
        return self._visible is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._visible is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.sourceModel().data(index, ID_ROLE) in self._visible
