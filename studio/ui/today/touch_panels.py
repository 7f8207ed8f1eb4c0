"""Today's keep-in-touch panels: who is due for a touch, and whose birthday to call.

Each line has one-click "Called" / "Messaged" buttons; the view records the touch and
offers to undo it (`TouchPanel.show_undo`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.ui.today.groups import friendly_date
from studio.ui.widgets import Panel, button, label

DUE_ROWS = 12
_KIND_WORDS = {"card": "card", "call": "call", "message": "message", "meeting": "meeting", "order": "order",
               "referral": "referral", "note": "note"}


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


def _small(text: str, on_click: Any, tooltip: str) -> QPushButton:
    widget = button(text, on_click, tooltip=tooltip)
    widget.setObjectName("small")
    widget.setAutoDefault(False)
    return widget


def due_text(last_touch: dt.date | None, last_kind: str | None, days_overdue: int | None,
             today: dt.date) -> str:
    """ "last call Tue 10 Nov · 6 days over", or "never in touch"."""
    over = f" · {days_overdue} day{'s' if days_overdue != 1 else ''} over" if days_overdue else ""
    if last_touch is None:
        return f"never in touch{over}"
    kind = _KIND_WORDS.get(last_kind or "", last_kind or "touch")
    return f"last {kind} {friendly_date(last_touch, today)}{over}"


class _Section(Panel):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.heading = label(title, "sectionTitle")
        self.body.addWidget(self.heading)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        self.body.addLayout(self.rows)
        self.undo_row = QWidget()
        undo_layout = QHBoxLayout(self.undo_row)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_text = label("", "muted", wrap=True)
        self.undo_button = _small("Undo", lambda: self.undo_requested.emit(), "Take the touch back")
        undo_layout.addWidget(self.undo_text, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_row.hide()
        self.body.addWidget(self.undo_row)

    undo_requested = Signal()
    touched = Signal(int, str, str)  # contact id, kind ("call", "message"), the contact's name

    def show_undo(self, text: str) -> None:
        self.undo_text.setText(text)
        self.undo_row.show()

    def hide_undo(self) -> None:
        self.undo_row.hide()

    def _touch_buttons(self, contact_id: int, name: str,
                       kinds: Sequence[tuple[str, str]]) -> list[QPushButton]:
        return [_small(caption, lambda _=False, k=kind: self.touched.emit(contact_id, k, name),
                       f"Record a {kind} with {name} today")
                for caption, kind in kinds]


class TouchPanel(_Section):
    """Due for a touch: whose keep-in-touch rhythm has run out, most overdue first."""

    send_card = Signal()

    def __init__(self) -> None:
        super().__init__("Due for a touch")
        self.contact_ids: list[int] = []
        self._content: object = None

    def show_due(self, due: Sequence[Any], today: dt.date) -> None:
        """``due``: `studio.touches.due.DueTouch` lines."""
        lines = [(d.contact_id, d.contact_name or "(no name)",
                  due_text(d.last_touch, d.last_kind, d.days_overdue, today)) for d in due[:DUE_ROWS]]
        content = (len(due), lines)
        if content == self._content:
            return  # the same lines: keep the widgets (and the focus on them)
        self._content = content
        self.contact_ids = [d.contact_id for d in due]
        _clear(self.rows)
        if not due:
            self.rows.addWidget(label("Everyone is in touch on their rhythm. Well done.", "muted", wrap=True))
            return
        self.rows.addWidget(label(f"{len(due)} {'person' if len(due) == 1 else 'people'} may feel forgotten.",
                                  "muted"))
        for contact_id, name, when in lines:
            self.rows.addWidget(self._line(contact_id, name, when))
        if len(due) > DUE_ROWS:
            self.rows.addWidget(label(f"and {len(due) - DUE_ROWS} more", "muted"))
        self.rows.addWidget(button("Send them a card…", self.send_card.emit))

    def _line(self, contact_id: int, name: str, when: str) -> QWidget:
        holder = QWidget()
        grid = QVBoxLayout(holder)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setSpacing(0)
        top = QHBoxLayout()
        top.setSpacing(4)
        who = QLabel(name)
        who.setMinimumWidth(60)
        top.addWidget(who, 1)
        for widget in self._touch_buttons(contact_id, name, (("Called", "call"), ("Messaged", "message"))):
            top.addWidget(widget)
        grid.addLayout(top)
        grid.addWidget(label(when, "muted"))
        return holder


class CallsPanel(_Section):
    """Birthdays of today and tomorrow to call, with the numbers as tel: links."""

    def __init__(self) -> None:
        super().__init__("Birthday calls")
        self.contact_ids: list[int] = []

    def show_calls(self, calls: Sequence[Any], today: dt.date) -> None:
        """``calls``: `studio.touches.calls.BirthdayCall` lines; the panel hides without any."""
        self.contact_ids = [c.contact_id for c in calls]
        _clear(self.rows)
        self.setVisible(bool(calls))
        for call in calls:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 2, 0, 2)
            box.setSpacing(0)
            top = QHBoxLayout()
            top.setSpacing(4)
            top.addWidget(QLabel(call.contact_name or "(no name)"), 1)
            for widget in self._touch_buttons(call.contact_id, call.contact_name, (("Called", "call"),)):
                top.addWidget(widget)
            box.addLayout(top)
            when = "today" if call.date == today else "tomorrow"
            age = f" · turns {call.years}" if call.years is not None else ""
            box.addWidget(label(f"Birthday {when}{age}", "muted"))
            numbers = QLabel(" · ".join(f'<a href="tel:{html.escape(_dialable(p))}">{html.escape(p)}</a>'
                                        for p in call.phones) or "No phone number")
            numbers.setTextFormat(Qt.TextFormat.RichText)
            numbers.setOpenExternalLinks(True)
            numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            numbers.setWordWrap(True)
            box.addWidget(numbers)
            self.rows.addWidget(holder)


def _dialable(phone: str) -> str:
    """A tel: URI keeps the digits and a leading +; spaces, dots and brackets are for reading."""
    kept = "".join(c for c in phone if c.isdigit() or c in "+,;")
    return kept or phone
