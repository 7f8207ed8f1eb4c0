"""The groups of the Settings page; each loads from and writes into a `Settings` value."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.model import Address, Feb29Rule
from studio.settings import Settings


class SettingsGroup(QGroupBox):
    """A titled group of fields; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setVerticalSpacing(9)
        self.form.setHorizontalSpacing(14)

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            for signal in ("textChanged", "valueChanged", "currentIndexChanged", "itemChanged"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_: self.changed.emit())
                    break

    def load(self, settings: Settings) -> None:
        raise NotImplementedError

    def apply(self, settings: Settings) -> None:
        raise NotImplementedError


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _set(edit: QLineEdit, text: str) -> None:
    edit.blockSignals(True)
    edit.setText(text)
    edit.blockSignals(False)


class SenderGroup(SettingsGroup):
    """Who the cards come from: name, company, signature, return address, signature image."""

    def __init__(self) -> None:
        super().__init__("You, the sender")
        self.name, self.company = _line("e.g. Maria Lopez"), _line("optional")
        self.signature = _line("e.g. With gratitude, Maria")
        self.phone, self.email = _line(), _line()
        self.street = QPlainTextEdit()
        self.street.setFixedHeight(58)
        self.street.setPlaceholderText("Street and number")
        self.city, self.region, self.postal_code = _line(), _line(), _line("kept as typed")
        self.country = _line("e.g. United States")
        self.mailer_id = _line("USPS Intelligent Mail mailer ID (optional)")
        self.image_path = _line("a scan of your handwritten signature (PNG or JPEG)")
        self.image_preview = QLabel()
        self.image_preview.setFixedHeight(44)
        self.image_preview.hide()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_image)
        clear = QPushButton("Remove")
        clear.clicked.connect(lambda: self.image_path.clear())
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(browse)
        image_buttons.addWidget(clear)
        image_buttons.addWidget(self.image_preview, 1)
        for caption, widget in (("Name", self.name), ("Company", self.company),
                                ("Signature line", self.signature), ("Phone", self.phone),
                                ("Email", self.email), ("Return address", self.street), ("City", self.city),
                                ("State / region", self.region), ("Postal code", self.postal_code),
                                ("Country", self.country), ("Signature image", self.image_path)):
            self.form.addRow(caption, widget)
        self.form.addRow("", image_buttons)
        self.form.addRow("Mailer ID", self.mailer_id)
        self.watch(self.name, self.company, self.signature, self.phone, self.email, self.street, self.city,
                   self.region, self.postal_code, self.country, self.mailer_id, self.image_path)
        self.image_path.textChanged.connect(self._preview)

    def _choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Signature image", str(Path.home()),
                                              "Images (*.png *.jpg *.jpeg)")
        if path:
            self.image_path.setText(path)

    def _preview(self, path: str) -> None:
        pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        self.image_preview.setVisible(bool(path))
        if pixmap.isNull():
            self.image_preview.setText("Card Studio cannot read this file as a picture." if path else "")
        else:
            self.image_preview.setPixmap(
                pixmap.scaledToHeight(40, Qt.TransformationMode.SmoothTransformation))

    def load(self, settings: Settings) -> None:
        s = settings.sender
        for edit, value in ((self.name, s.name), (self.company, s.company), (self.signature, s.signature_line),
                            (self.phone, s.phone), (self.email, s.email), (self.city, s.address.city),
                            (self.region, s.address.region), (self.postal_code, s.address.postal_code),
                            (self.country, s.address.country), (self.mailer_id, s.mailer_id),
                            (self.image_path, s.signature_image)):
            _set(edit, value)
        self.street.blockSignals(True)
        self.street.setPlainText(s.address.street)
        self.street.blockSignals(False)
        self._preview(s.signature_image)

    def apply(self, settings: Settings) -> None:
        s = settings.sender
        s.name, s.company = self.name.text().strip(), self.company.text().strip()
        s.signature_line, s.phone = self.signature.text().strip(), self.phone.text().strip()
        s.email, s.mailer_id = self.email.text().strip(), self.mailer_id.text().strip()
        s.signature_image = self.image_path.text().strip()
        s.address = Address(street=self.street.toPlainText().strip(), city=self.city.text().strip(),
                            region=self.region.text().strip(), postal_code=self.postal_code.text().strip(),
                            country=self.country.text().strip(), label="return")


class PaperGroup(SettingsGroup):
    """Paper size, home country, language, and the default envelope and label stock."""

    def __init__(self) -> None:
        super().__init__("Paper and stock")
        self.paper = QComboBox()
        self.paper.addItem("US Letter (8½ × 11 in)", "letter")
        self.paper.addItem("A4 (210 × 297 mm)", "a4")
        self.home_country = _line("ISO code, e.g. US, CA, GB, DE")
        self.home_country.setMaxLength(2)
        self.language = _line("e.g. en, de, fr")
        self.envelope = QComboBox()
        self.labels = QComboBox()
        for caption, widget in (("Paper", self.paper), ("Home country", self.home_country),
                                ("Language on cards", self.language), ("Envelope size", self.envelope),
                                ("Label sheets", self.labels)):
            self.form.addRow(caption, widget)
        self.watch(self.paper, self.home_country, self.language, self.envelope, self.labels)

    def set_choices(self, envelopes: Sequence[tuple[str, str]], stocks: Sequence[tuple[str, str]],
                    settings: Settings) -> None:
        """Fill the stock pickers with (id, description) pairs, keeping the saved choice."""
        for combo, items, current in ((self.envelope, envelopes, settings.envelope_size),
                                      (self.labels, stocks, settings.label_stock)):
            combo.blockSignals(True)
            combo.clear()
            for stock_id, text in items:
                combo.addItem(text, stock_id)
            if combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(combo.findData(current))
            combo.blockSignals(False)

    def load(self, settings: Settings) -> None:
        self.paper.blockSignals(True)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper), 0))
        self.paper.blockSignals(False)
        _set(self.home_country, settings.home_country)
        _set(self.language, settings.language)
        for combo, current in ((self.envelope, settings.envelope_size), (self.labels, settings.label_stock)):
            combo.blockSignals(True)
            if combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(combo.findData(current))
            combo.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        settings.paper = self.paper.currentData() or "letter"
        settings.home_country = self.home_country.text().strip().upper() or "US"
        settings.language = self.language.text().strip() or "en"
        settings.envelope_size = self.envelope.currentData() or settings.envelope_size
        settings.label_stock = self.labels.currentData() or settings.label_stock


def _spin(low: float, high: float, step: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    return spin


class CalibrationGroup(SettingsGroup):
    """Printer calibration: shift and scale applied to every label sheet and envelope."""

    test_page_requested = Signal()

    def __init__(self) -> None:
        super().__init__("Printer calibration")
        self.offset_x, self.offset_y = _spin(-20, 20, 0.5, " mm"), _spin(-20, 20, 0.5, " mm")
        self.scale_x, self.scale_y = _spin(0.9, 1.1, 0.001, "", 3), _spin(0.9, 1.1, 0.001, "", 3)
        hint = QLabel("Print the test page on plain paper, hold it against a label sheet or measure the "
                      "ruler, and enter how far off your printer is. Positive moves right and down.")
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.test_button = QPushButton("Make test page…")
        self.test_button.clicked.connect(self.test_page_requested.emit)
        self.form.addRow(hint)
        self.form.addRow("Shift right", self.offset_x)
        self.form.addRow("Shift down", self.offset_y)
        self.form.addRow("Scale across", self.scale_x)
        self.form.addRow("Scale down", self.scale_y)
        self.form.addRow("", self.test_button)
        self.watch(self.offset_x, self.offset_y, self.scale_x, self.scale_y)

    def load(self, settings: Settings) -> None:
        c = settings.calibration
        for spin, value in ((self.offset_x, c.offset_x), (self.offset_y, c.offset_y),
                            (self.scale_x, c.scale_x), (self.scale_y, c.scale_y)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        c = settings.calibration
        c.offset_x, c.offset_y = self.offset_x.value(), self.offset_y.value()
        c.scale_x, c.scale_y = self.scale_x.value(), self.scale_y.value()


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
        remove.clicked.connect(lambda: self.by_country.removeRow(self.by_country.currentRow())
                               if self.by_country.currentRow() >= 0 else None)
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
        self.form.addRow("“Not thanked lately” after", self.not_thanked)
        self.form.addRow("29 Feb birthdays in other years", self.feb29)
        self.watch(self.domestic, self.international, self.preparation, self.not_thanked, self.feb29,
                   self.by_country)

    def _add_row(self) -> None:
        row = self.by_country.rowCount()
        self.by_country.insertRow(row)
        self.by_country.setItem(row, 0, QTableWidgetItem(""))
        self.by_country.setItem(row, 1, QTableWidgetItem("7"))
        self.by_country.editItem(self.by_country.item(row, 0))

    def load(self, settings: Settings) -> None:
        for spin, value in ((self.domestic, settings.transit_days_domestic),
                            (self.international, settings.transit_days_international),
                            (self.preparation, settings.preparation_days),
                            (self.not_thanked, settings.not_thanked_days)):
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
        hint = QLabel("Each contact gets the holidays of their own country, on its own date; "
                      "observances such as Diwali or Hanukkah go to contacts tagged with them.")
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.form.addRow(hint)
        self.form.addRow(self.list)
        self.watch(self.list)
        self._chosen: list[str] = []

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
        settings.holidays = [self.list.item(row).data(Qt.ItemDataRole.UserRole)
                             for row in range(self.list.count())
                             if self.list.item(row).checkState() == Qt.CheckState.Checked]
        self._chosen = list(settings.holidays)
