"""How the contact table and the detail pane share the window, down to a small laptop screen.

The name is what people look for in the table, so it is the column that stays readable:
`FittedColumns` keeps it at least ``name_minimum`` wide and makes the other columns give
way when the table is narrow (each down to its own minimum, then a horizontal scroll
bar). `TableAndDetail` is the splitter beside it: the detail pane keeps the width the
user gave it while the window grows, and gives width up (down to its minimum) before the
table becomes narrower than its columns need.

Both remember what the user chose (``preferred`` widths, ``detail_width``), never the
squeezed sizes a narrow window forced, so a wider window gets the chosen layout back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget


def fit_widths(room: int, preferred: Sequence[int], minimums: Sequence[int]) -> list[int]:
    """Widths for columns that must share ``room`` pixels.

    As ``preferred`` when they fit; otherwise each column gives up the same share of what
    it has above its minimum; never below ``minimums`` (the table scrolls then).
    """
    preferred = [max(want, least) for want, least in zip(preferred, minimums, strict=True)]
    if sum(preferred) <= room:
        return preferred
    floor = sum(minimums)
    if room <= floor:
        return list(minimums)
    keep = (room - floor) / (sum(preferred) - floor)
    return [least + int((want - least) * keep) for want, least in zip(preferred, minimums, strict=True)]


class FittedColumns(QObject):
    """Column 0 of ``table`` stretches, never narrower than ``name_minimum``; columns 1… give way.

    ``preferred`` and ``minimums`` are the widths of columns 1, 2, …; ``changed`` fires
    when the user resized one of them (`preferred()` then has the new widths).
    """

    changed = Signal()

    def __init__(
        self, table: QTableView, name_minimum: int, preferred: Sequence[int], minimums: Sequence[int]
    ) -> None:
        super().__init__(table)
        self._table = table
        self._name_minimum = name_minimum
        self._minimums = list(minimums)
        self._preferred = [max(w, m) for w, m in zip(preferred, minimums, strict=True)]
        self._fitting = False
        header = table.horizontalHeader()
        header.setMinimumSectionSize(min([name_minimum, *self._minimums]))
        self._apply(self._preferred)
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def preferred(self) -> list[int]:
        return list(self._preferred)

    def set_preferred(self, widths: Sequence[int]) -> None:
        """Use the user's widths (e.g. remembered from the last run), then fit them."""
        if len(widths) != len(self._preferred):
            return
        self._preferred = [max(w, m) for w, m in zip(widths, self._minimums, strict=True)]
        if self._table.isVisible():
            self.fit()
        else:
            self._apply(self._preferred)

    def comfortable_width(self) -> int:
        """The table width at which every column is at least at its minimum, without scrolling."""
        frame = 2 * self._table.frameWidth()
        scroll_bar = self._table.verticalScrollBar().sizeHint().width()
        return self._name_minimum + sum(self._minimums) + frame + scroll_bar

    def fit(self) -> None:
        """Size columns 1… for the table's present width (a hidden table is left alone).

        When even their minimums do not fit beside the name, the name keeps exactly its
        minimum and the table scrolls sideways (a stretching column would be squeezed).
        """
        if not self._table.isVisible():
            return
        room = self._table.viewport().width() - self._name_minimum
        widths = fit_widths(room, self._preferred, self._minimums)
        header = self._table.horizontalHeader()
        self._fitting = True
        try:
            if sum(widths) > room:
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(0, self._name_minimum)
            else:
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        finally:
            self._fitting = False
        self._apply(widths)

    def _apply(self, widths: Sequence[int]) -> None:
        for column, width in enumerate(widths, start=1):
            self._set_width(column, width)

    def _set_width(self, column: int, width: int) -> None:
        if self._table.columnWidth(column) == width:
            return
        self._fitting = True
        try:
            self._table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or not 0 < column <= len(self._preferred):
            return
        if self._table.isVisible():
            # A column dragged wider may take the name's slack, but not its minimum width.
            others = sum(
                self._table.columnWidth(c) for c in range(1, len(self._preferred) + 1) if c != column
            )
            room = self._table.viewport().width() - self._name_minimum - others
            limit = max(room, self._minimums[column - 1])
            if new > limit:
                new = limit
                self._set_width(column, new)
        self._preferred[column - 1] = new
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QResizeEvent):
            if event.size().width() != event.oldSize().width():
                self.fit()
        elif isinstance(event, QShowEvent):
            self.fit()
        return False


class TableAndDetail(QSplitter):
    """A table and, beside it, a detail pane that yields to the table on a narrow window.

    ``detail_width`` is the width the user gave the pane (dragging the handle changes
    it and emits ``changed``); the pane is narrower only while the table would otherwise
    be narrower than ``table_comfort()``, and never narrower than its minimum width.
    """

    changed = Signal()

    def __init__(
        self, table: QWidget, detail: QWidget, table_comfort: Callable[[], int], detail_width: int
    ) -> None:
        super().__init__()
        self.addWidget(table)
        self.addWidget(detail)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self._table_comfort = table_comfort
        self.detail_width = detail_width
        self.splitterMoved.connect(self._moved)

    def restore(self, state: object) -> None:
        """Take back a `saveState()` of an earlier run (ignored when it is not one)."""
        if isinstance(state, QByteArray) and not state.isEmpty() and self.restoreState(state):
            sizes = self.sizes()
            if len(sizes) == 2 and sizes[1] > 0:
                self.detail_width = sizes[1]
        self.arrange()

    def arrange(self) -> None:
        """Give the detail pane its width, less what the table needs to stay comfortable."""
        total = sum(self.sizes())
        if total <= 0:
            return
        detail = self.widget(1)
        detail_minimum = max(detail.minimumWidth(), detail.minimumSizeHint().width())
        width = max(detail_minimum, min(self.detail_width, total - self._table_comfort()))
        if self.sizes()[1] != width:
            self.setSizes([total - width, width])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.arrange()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # e.g. the detail pane needs another width
            self.arrange()
        return handled

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.arrange()

    def _moved(self, *_: object) -> None:
        self.detail_width = self.sizes()[1]
        self.changed.emit()
