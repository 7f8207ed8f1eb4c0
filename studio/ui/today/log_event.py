"""Record a touch: a call, a message, a meeting, a note, or an order or a referral (which
calls for a thank-you card within two days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.ui.widgets import label

TOUCH_CHOICES = (("An order", "order"), ("A referral", "referral"), ("A call", "call"),
                 ("A message", "message"), ("A meeting", "meeting"), ("A note", "note"))


class LogEventDialog(QDialog):
    """Pick a contact (type to search), what happened and when; the view records it."""

    def __init__(
        self, people: Sequence[tuple[int, str]], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record a touch")
        self.setMinimumWidth(440)
        self.contact = QComboBox()
        self.contact.setEditable(True)
        self.contact.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for contact_id, name in people:
            self.contact.addItem(name, contact_id)
        self.contact.setCurrentIndex(-1)
        self.contact.lineEdit().setPlaceholderText("Start typing a name…")
        completer = self.contact.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.kind = QComboBox()
        for caption, kind in TOUCH_CHOICES:
            self.kind.addItem(caption, kind)
        self.kind.currentIndexChanged.connect(self._say_what_follows)
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setPlaceholderText("optional, e.g. what they ordered or what you talked about")
        form = QFormLayout()
        form.addRow("Who", self.contact)
        form.addRow("What", self.kind)
        form.addRow("When", self.date)
        form.addRow("Note", self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.follows = label("", "muted", wrap=True)
        layout.addWidget(self.follows)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.contact.currentIndexChanged.connect(self._check)
        self.contact.editTextChanged.connect(self._check)
        self._check()
        self._say_what_follows()

    def _say_what_follows(self) -> None:
        thanked = self.kind.currentData() in ("order", "referral")
        self.follows.setText("A thank-you card will be due within two days." if thanked else
                             "It counts as a touch: their keep-in-touch rhythm starts again.")

    def contact_id(self) -> int | None:
        index = self.contact.findText(self.contact.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.contact.itemData(index) if index >= 0 else None

    def values(self) -> tuple[int | None, str, dt.date, str]:
        return (
            self.contact_id(),
            self.kind.currentData(),
            self.date.date().toPython(),
            self.note.text().strip(),
        )

    def _check(self, *_: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.contact_id() is not None)

    def _accept(self) -> None:
        if self.contact_id() is not None:
            self.accept()
