"""Settings groups for when cards go out: postal lead times, preparation, the not-thanked
threshold, 29 February, and which holidays the user sends cards for."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.model import Feb29Rule
from studio.settings import Settings
from studio.ui.settings.forms import SettingsGroup


def _int_spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


class TimingGroup(SettingsGroup):
    """Postal lead times (domestic, international, per country), preparation, the thank-you gap."""

    def __init__(self) -> None:
        super().__init__("Timing")
        self.domestic = _int_spin(0, 30, " days")
        self.international = _int_spin(0, 60, " days")
        self.preparation = _int_spin(0, 14, " days")
        self.not_thanked = _int_spin(7, 730, " days")
        self.feb29 = QComboBox()
        self.feb29.addItem("on 28 February", Feb29Rule.FEB_28.value)
        self.feb29.addItem("on 1 March", Feb29Rule.MAR_1.value)
        self.by_country = QTableWidget(0, 2)
        self.by_country.setHorizontalHeaderLabels(["Country (ISO code)", "Days in the post"])
        self.by_country.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.by_country.verticalHeader().hide()
        self.by_country.setFixedHeight(120)
        self.by_country.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton("Add country")
        add.clicked.connect(self._add_row)
        remove = QPushButton("Remove")
        remove.clicked.connect(
            lambda: (
                self.by_country.removeRow(self.by_country.currentRow())
                if self.by_country.currentRow() >= 0
                else None
            )
        )
        remove.clicked.connect(lambda: self.changed.emit())
        rows = QVBoxLayout()
        rows.addWidget(self.by_country)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        rows.addLayout(buttons)
        self.form.addRow("Days in the post at home", self.domestic)
        self.form.addRow("Days in the post abroad", self.international)
        self.form.addRow("Other countries", rows)
        self.form.addRow("Days to prepare", self.preparation)
        self.form.addRow("“Not thanked lately” after", self.not_thanked)  # customers' rhythm, too
        self.form.addRow("29 Feb birthdays in other years", self.feb29)
        self.watch(
            self.domestic, self.international, self.preparation, self.not_thanked, self.feb29, self.by_country
        )

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"transit_days_domestic": self.domestic, "transit_days_international": self.international,
                "preparation_days": self.preparation, "not_thanked_days": self.not_thanked,
                "feb29": self.feb29, "transit_days_by_country": self.by_country}

    def _add_row(self) -> None:
        row = self.by_country.rowCount()
        self.by_country.insertRow(row)
        self.by_country.setItem(row, 0, QTableWidgetItem(""))
        self.by_country.setItem(row, 1, QTableWidgetItem("7"))
        self.by_country.editItem(self.by_country.item(row, 0))

    def load(self, settings: Settings) -> None:
        for spin, value in (
            (self.domestic, settings.transit_days_domestic),
            (self.international, settings.transit_days_international),
            (self.preparation, settings.preparation_days),
            (self.not_thanked, settings.not_thanked_days),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.feb29.blockSignals(True)
        self.feb29.setCurrentIndex(max(self.feb29.findData(settings.feb29.value), 0))
        self.feb29.blockSignals(False)
        self.by_country.blockSignals(True)
        self.by_country.setRowCount(0)
        for code, days in sorted(settings.transit_days_by_country.items()):
            row = self.by_country.rowCount()
            self.by_country.insertRow(row)
            self.by_country.setItem(row, 0, QTableWidgetItem(code))
            self.by_country.setItem(row, 1, QTableWidgetItem(str(days)))
        self.by_country.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        settings.transit_days_domestic = self.domestic.value()
        settings.transit_days_international = self.international.value()
        settings.preparation_days = self.preparation.value()
        settings.not_thanked_days = self.not_thanked.value()
        settings.feb29 = Feb29Rule(self.feb29.currentData())
        by_country = {}
        for row in range(self.by_country.rowCount()):
            code_item, days_item = self.by_country.item(row, 0), self.by_country.item(row, 1)
            code = code_item.text().strip().upper() if code_item else ""
            days = days_item.text().strip() if days_item else ""
            if len(code) == 2 and code.isalpha() and days.isdigit():
                by_country[code] = int(days)
        settings.transit_days_by_country = by_country


class HolidaysGroup(SettingsGroup):
    """Which holidays and observances the user sends cards for."""

    def __init__(self) -> None:
        super().__init__("Holidays you send cards for")
        self.list = QListWidget()
        self.list.setMinimumHeight(220)
        self.list.setObjectName("checklist")
        hint = QLabel(
            "Each contact gets the holidays of their own country, on its own date; "
            "observances such as Diwali or Hanukkah go to contacts tagged with them."
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.form.addRow(hint)
        self.form.addRow(self.list)
        self.watch(self.list)
        self._chosen: list[str] = []

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"holidays": self.list}

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for key, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in self._chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def load(self, settings: Settings) -> None:
        self._chosen = list(settings.holidays)
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if key in self._chosen else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        if self.list.count() == 0:  # choices not loaded yet: keep what was saved
            settings.holidays = copy.copy(self._chosen)
            return
        settings.holidays = [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        self._chosen = list(settings.holidays)
