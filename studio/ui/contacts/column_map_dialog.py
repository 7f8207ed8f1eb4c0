"""The column-mapping step for a sheet Card Studio does not know: the first rows, and a field
picker above each column. The map is saved for the sheet's header row, so the same layout is
never asked about again."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.services.sheets import FIELDS, Table
from studio.ui.widgets import label

PREVIEW_ROWS = 6
# A contact needs at least one of these to be imported at all.
_IDENTIFYING = {"name", "given_name", "family_name", "email", "phone", "mobile", "home_phone", "work_phone"}


def contact_sheet_problem(chosen: list[str]) -> str:
    """Why a contact sheet's choice cannot be imported yet ("" when it can)."""
    if not _IDENTIFYING & set(chosen):
        return "Choose the column with the name, an e-mail or a phone number."
    return ""


class ColumnMapDialog(QDialog):
    """Shows ``table``; `mapping()` is the chosen ``"Column=field,…"`` once accepted.

    ``fields`` is the vocabulary to choose from (a contact sheet's by default, or an order
    export's) and ``problem`` says why a choice cannot be imported yet.
    """

    def __init__(self, table: Table, suggested: list[str], parent: QWidget | None = None, *,
                 fields: Mapping[str, str] = FIELDS,
                 problem: Callable[[list[str]], str] = contact_sheet_problem) -> None:
        super().__init__(parent)
        self.table = table
        self._problem_of = problem
        self.setWindowTitle(f"What do the columns of {Path(table.source).name} hold?")
        self.intro = label(
            "Card Studio does not know this sheet's layout. Choose what each column holds; "
            "columns set to “leave out” are not imported. Your choice is remembered for sheets "
            "with the same columns.",
            wrap=True,
        )
        self.grid = QTableWidget(1 + min(PREVIEW_ROWS, len(table.rows)), len(table.headers))
        self.grid.setHorizontalHeaderLabels(table.headers)
        self.grid.setVerticalHeaderLabels(["Holds"] + [str(n) for n, _ in table.rows[:PREVIEW_ROWS]])
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pickers: list[QComboBox] = []
        for column, field in enumerate(suggested):
            picker = QComboBox()
            for name, meaning in fields.items():
                picker.addItem("leave out" if name == "ignore" else f"{name.replace('_', ' ')}", name)
                picker.setItemData(picker.count() - 1, meaning, role=3)  # Qt.ToolTipRole
            picker.setCurrentIndex(max(0, picker.findData(field)))
            picker.setAccessibleName(f"Field for column {table.headers[column]}")
            picker.currentIndexChanged.connect(self._check)
            self.grid.setCellWidget(0, column, picker)
            self.pickers.append(picker)
        for row, (_, cells) in enumerate(table.rows[:PREVIEW_ROWS], start=1):
            for column, text in enumerate(cells[: len(table.headers)]):
                self.grid.setItem(row, column, QTableWidgetItem(text.replace("\n", " ⏎ ")))
        self.grid.resizeColumnsToContents()
        if self.pickers:
            self.grid.setRowHeight(0, self.pickers[0].sizeHint().height() + 6)
        self.problem = label("", "problem", wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.grid, self.problem, self.buttons):
            layout.addWidget(widget)
        self.resize(760, 380)
        self._check()

    def fields(self) -> list[str]:
        return [picker.currentData() for picker in self.pickers]

    def mapping(self) -> str:
        return ",".join(
            f"{header}={field}"
            for header, field in zip(self.table.headers, self.fields(), strict=True)
            if header.strip() and field != "ignore"
        )

    def _check(self) -> None:
        chosen = [f for f in self.fields() if f != "ignore"]
        doubled = sorted({f for f in chosen if chosen.count(f) > 1 and f not in {"tags", "notes"}})
        problem = self._problem_of(chosen)
        if not problem and doubled:
            problem = f"Two columns are set to {', '.join(doubled)}; choose one."
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
