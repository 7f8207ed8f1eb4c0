"""A compact date picker whose year may be unknown: day, month by name, year or "year unknown".

It speaks the editor's text form (``YYYY-MM-DD``, ``--MM-DD``, ``""`` for no date) through
``text()``/``setText()``/``textChanged``, so the editor and the CLI read dates the same way.
`problem()` says in the picker's own words what is wrong with a choice that is not a date
(a day without a month, 31 April); `PartialDate` is the one judge. Nothing is guessed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from studio.model import PartialDate
from studio.ui.icons import icon

_PARTS = re.compile(r"^(?:(\d{4})-|--)(\d{2})-(\d{2})$")
_NO_YEAR = 1799  # the spin box's lowest value, shown as "year unknown"
_LAST_YEAR = 2100


class PartialDateField(QWidget):
    """Day, month and year pickers with a calendar popup and a Clear button."""

    textChanged = Signal(str)  # noqa: N815 - named like QLineEdit's, which it replaces

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = QLocale()
        self.day = QComboBox()
        self.day.addItem("Day", 0)
        for day in range(1, 32):
            self.day.addItem(str(day), day)
        self.month = QComboBox()
        self.month.addItem("Month", 0)
        for month in range(1, 13):  # names in the user's language ("März", "mars")
            self.month.addItem(locale.standaloneMonthName(month), month)
        self.year = QSpinBox()
        self.year.setRange(_NO_YEAR, _LAST_YEAR)
        self.year.setSpecialValueText("year unknown")
        self.year.setValue(_NO_YEAR)
        self.year.setToolTip("Leave at “year unknown” when you know only the day and month")
        self.calendar = QCalendarWidget()
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMinimumSize(self.calendar.sizeHint().expandedTo(QSize(380, 250)))
        plain = QTextCharFormat()  # Qt's red weekends are 4:1 on white, under WCAG AA
        plain.setForeground(self.calendar.palette().text())
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekend, plain)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_in_calendar)
        self.pick = QToolButton()
        self.pick.setIcon(icon("today"))
        self.pick.setAccessibleName("Calendar")
        self.pick.setToolTip("Pick the date on a calendar")
        self.pick.setMenu(menu)
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.clear = QToolButton()
        self.clear.setText("Clear")
        self.clear.setToolTip("No date")
        self.clear.clicked.connect(lambda: self.setText(""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for box in (self.day, self.month):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Wide enough for "year unknown" and no wider, so the row's caption is never cut.
        self.year.setFixedWidth(self.year.sizeHint().width())
        for widget in (self.day, self.month, self.year, self.pick, self.clear):
            widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.day.currentIndexChanged.connect(self._emit)
        self.month.currentIndexChanged.connect(self._emit)
        self.year.valueChanged.connect(self._emit)

    def text(self) -> str:
        """``YYYY-MM-DD``, ``--MM-DD`` without a year, ``""`` for no date at all."""
        day, month = self.day.currentData(), self.month.currentData()
        year = self.year.value()
        if not day and not month and year == _NO_YEAR:
            return ""
        return f"--{month:02d}-{day:02d}" if year == _NO_YEAR else f"{year:04d}-{month:02d}-{day:02d}"

    def partial_date(self) -> PartialDate | None:
        """The chosen date, or None when nothing (or something that is no date) is chosen."""
        try:
            return PartialDate.parse(self.text()) if self.text() else None
        except ValueError:
            return None

    def problem(self) -> str:
        """Why the choice is not a date, as a sentence; "" when it is one or is empty."""
        day, month = self.day.currentData(), self.month.currentData()
        year = None if self.year.value() == _NO_YEAR else self.year.value()
        if not day and not month and year is None:
            return ""
        if not day or not month:
            return "choose both a day and a month (the year may stay unknown)."
        try:
            PartialDate(month, day, year)
        except ValueError:
            when = f"{day} {self.month.currentText()}" + (f" {year}" if year else "")
            return f"{when} is not a date."
        return ""

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name
        """Show ``text`` (``YYYY-MM-DD``, ``--MM-DD``, or "" for none).

        The parts are shown as given even when they make no date (1984-02-30), so the
        editor can say what is wrong instead of the date vanishing.
        """
        match = _PARTS.match(text.strip())
        year, month, day = (match.groups() if match else (None, "0", "0"))
        for widget in (self.day, self.month, self.year):
            widget.blockSignals(True)
        self.day.setCurrentIndex(int(day) if int(day) <= 31 else 0)
        self.month.setCurrentIndex(int(month) if int(month) <= 12 else 0)
        self.year.setValue(int(year) if year else _NO_YEAR)
        for widget in (self.day, self.month, self.year):
            widget.blockSignals(False)
        self._emit()

    def mark_invalid(self, invalid: bool) -> None:
        """Show the day, month and year boxes as wrong (the stylesheet's ``invalid`` look)."""
        for widget in (self.day, self.month, self.year):
            widget.setProperty("invalid", invalid)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _emit(self, *_: object) -> None:
        self.textChanged.emit(self.text())

    def _show_in_calendar(self) -> None:
        day, month = self.day.currentData() or 1, self.month.currentData() or 1
        year = self.year.value() if self.year.value() != _NO_YEAR else QDate.currentDate().year()
        shown = QDate(year, month, day)
        self.calendar.setSelectedDate(shown if shown.isValid() else QDate(year, month, 1))

    def _picked(self, date: QDate) -> None:
        # A date picked on the calendar has a year; "year unknown" is chosen in the year box.
        self.setText(f"{date.year():04d}-{date.month():02d}-{date.day():02d}")
        self.pick.menu().close()
