"""The review page's list of cards: one row per recipient, with a tick to keep each one.

Unticked recipients are left out of the mailing that is made
(`studio.services.mailing_plan.leave_out`); every row starts ticked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal

from studio.ui.table_model import Index, RowsModel


class RecipientRows(RowsModel):
    """`RowsModel` whose first column carries a check box; payloads are contact ids."""

    ticks_changed = Signal()

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(headers, parent)
        self._unticked: set[int] = set()

    def set_rows(self, rows: Sequence[Sequence[Any]], payloads: Sequence[Any] | None = None) -> None:
        self._unticked = set()
        super().set_rows(rows, payloads)
        self.ticks_changed.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() and index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            if not 0 <= index.row() < self.rowCount():
                return None
            unticked = self.payload(index.row()) in self._unticked
            return Qt.CheckState.Unchecked if unticked else Qt.CheckState.Checked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        contact_id = self.payload(index.row())
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._unticked.discard(contact_id)
        else:
            self._unticked.add(contact_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def unticked(self) -> set[int]:
        """The contact ids the user unticked: left out of the mailing."""
        return set(self._unticked)

    def ticked_count(self) -> int:
        return self.rowCount() - len(self._unticked)
