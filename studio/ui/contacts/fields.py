"""Editors for a contact's lists: labelled values (emails, phones, other dates) and addresses."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.model import Address

LABEL_CHOICES = ("home", "work", "mobile", "other")


class LabelledValues(QWidget):
    """A small two-column table (label, value) with Add and Remove buttons.

    ``values()`` gives back ``(label, value, preferred)`` for every row whose ``required``
    column (the value, unless told otherwise) is filled in; the preferred flag of rows that
    were loaded is kept as it was.
    """

    changed = Signal()

    def __init__(
        self,
        value_header: str,
        placeholder: str = "",
        parent: QWidget | None = None,
        *,
        label_header: str = "Label",
        required: int = 1,
    ) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._required = required
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([label_header, value_header])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 130)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda *_: self.changed.emit())
        add = QPushButton("Add")
        add.clicked.connect(lambda: self.add_row("", "", edit=True))
        self.add_button = add
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, label: str, value: str, preferred: bool = False, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        label_item = QTableWidgetItem(label)
        label_item.setData(Qt.ItemDataRole.UserRole, preferred)
        self.table.setItem(row, 0, label_item)
        self.table.setItem(row, 1, QTableWidgetItem(value))
        if edit:
            self.table.setCurrentCell(row, self._required)
            self.table.editItem(self.table.item(row, self._required))
        self.changed.emit()

    def set_values(self, rows: Sequence[tuple[str, str, bool]]) -> None:
        self.table.setRowCount(0)
        for label, value, preferred in rows:
            self.add_row(label, value, preferred)
        self.changed.emit()

    def values(self) -> list[tuple[str, str, bool]]:
        result = []
        for row in range(self.table.rowCount()):
            label_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            value = value_item.text().strip() if value_item else ""
            label = label_item.text().strip() if label_item else ""
            if (label, value)[self._required]:
                preferred = bool(label_item.data(Qt.ItemDataRole.UserRole)) if label_item else False
                result.append((label, value, preferred))
        return result

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()


class AddressEditor(QWidget):
    """Every postal address of a contact, one at a time, picked from a list.

    Postal codes are plain text: "02134", "SW1A 1AA" and "150-8512" stay as typed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._addresses: list[Address] = []
        self._current = -1
        self.picker = QComboBox()
        self.picker.currentIndexChanged.connect(self._show)
        add = QPushButton("Add address")
        add.clicked.connect(self._add)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(add)
        top.addWidget(self.remove_button)
        self.label = QLineEdit()
        self.label.setPlaceholderText("home, work…")
        self.street = QPlainTextEdit()
        self.street.setPlaceholderText("Street and number (a second line for the apartment)")
        self.street.setFixedHeight(64)
        self.city, self.region = QLineEdit(), QLineEdit()
        self.postal_code, self.country = QLineEdit(), QLineEdit()
        self.postal_code.setPlaceholderText("kept exactly as typed")
        self.country.setPlaceholderText("e.g. United States, Deutschland, JP")
        self.form = QFormLayout()
        for caption, widget in (
            ("Label", self.label),
            ("Street", self.street),
            ("City", self.city),
            ("State / region", self.region),
            ("Postal code", self.postal_code),
            ("Country", self.country),
        ):
            self.form.addRow(caption, widget)
            signal = widget.textChanged
            signal.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.form)

    def set_addresses(self, addresses: Sequence[Address]) -> None:
        self._addresses = [Address(**vars(a)) for a in addresses] or [Address(label="home")]
        self._current = -1
        self._refill(0)

    def addresses(self) -> list[Address]:
        self._store_current()
        return [a for a in self._addresses if not a.is_empty()]

    def _refill(self, select: int) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for number, address in enumerate(self._addresses, start=1):
            title = address.label or f"Address {number}"
            place = ", ".join(p for p in (address.city, address.country) if p)
            self.picker.addItem(f"{title.capitalize()}" + (f" — {place}" if place else ""))
        self.picker.blockSignals(False)
        self.remove_button.setEnabled(len(self._addresses) > 1)
        self.picker.setCurrentIndex(select)
        self._show(select)

    def _show(self, index: int) -> None:
        if self._current >= 0 and self._current != index:
            self._store_current()
        self._current = index
        if not 0 <= index < len(self._addresses):
            return
        address = self._addresses[index]
        for widget, value in (
            (self.label, address.label),
            (self.city, address.city),
            (self.region, address.region),
            (self.postal_code, address.postal_code),
            (self.country, address.country),
        ):
            widget.blockSignals(True)
            widget.setText(value)
            widget.blockSignals(False)
        self.street.blockSignals(True)
        self.street.setPlainText(address.street)
        self.street.blockSignals(False)

    def _store_current(self) -> None:
        if not 0 <= self._current < len(self._addresses):
            return
        address = self._addresses[self._current]
        address.label = self.label.text().strip()
        address.street = self.street.toPlainText().strip()
        address.city = self.city.text().strip()
        address.region = self.region.text().strip()
        address.postal_code = self.postal_code.text().strip()
        address.country = self.country.text().strip()

    def _edited(self, *_: object) -> None:
        self.changed.emit()

    def _add(self) -> None:
        self._store_current()
        self._addresses.append(Address(label="work" if len(self._addresses) == 1 else ""))
        self._current = -1
        self._refill(len(self._addresses) - 1)

    def _remove(self) -> None:
        if len(self._addresses) <= 1:
            return
        del self._addresses[self._current]
        self._current = -1
        self._refill(0)
