"""Today's keep-in-touch panels: who is due for a touch, and whose birthday to call.

Each line has one-click "Called" / "Messaged" buttons; the panel only says which
(``touched``), `touch_recording.TouchRecorder` records the touch and the panel offers to
undo it (`show_undo`). The lines are `side_panel.person_line`s.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from studio.ui.today.groups import friendly_date
from studio.ui.today.side_panel import SidePanel, clear_rows, person_line
from studio.ui.widgets import button, label

DUE_ROWS = 12
_KIND_WORDS = {"card": "card", "call": "call", "message": "message", "meeting": "meeting", "order": "order",
               "referral": "referral", "note": "note"}


def due_text(last_touch: dt.date | None, last_kind: str | None, days_overdue: int | None,
             today: dt.date) -> str:
    """ "last call Tue 10 Nov · 6 days over", or "never in touch · 3 years over"."""
    over = f" · {_overdue_words(days_overdue)} over" if days_overdue else ""
    if last_touch is None:
        return f"never in touch{over}"
    kind = _KIND_WORDS.get(last_kind or "", last_kind or "touch")
    return f"last {kind} {friendly_date(last_touch, today)}{over}"


def _overdue_words(days: int) -> str:
    """Days for the first two months, then months, then years: "4176 days" says nothing to a person."""
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


class TouchPanel(SidePanel):
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
        clear_rows(self.rows)
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
        buttons = self._touch_buttons(contact_id, name, (("Called", "call"), ("Messaged", "message")))
        return person_line(name, buttons, [label(when, "muted")])


class CallsPanel(SidePanel):
    """Birthdays of today and tomorrow to call, with the numbers as tel: links."""

    def __init__(self) -> None:
        super().__init__("Birthday calls")
        self.contact_ids: list[int] = []

    def show_calls(self, calls: Sequence[Any], today: dt.date) -> None:
        """``calls``: `studio.touches.calls.BirthdayCall` lines; the panel hides without any."""
        self.contact_ids = [c.contact_id for c in calls]
        clear_rows(self.rows)
        self.setVisible(bool(calls))
        for call in calls:
            when = "today" if call.date == today else "tomorrow"
            age = f" · turns {call.years}" if call.years is not None else ""
            numbers = QLabel(" · ".join(f'<a href="tel:{html.escape(_dialable(p))}">{html.escape(p)}</a>'
                                        for p in call.phones) or "No phone number")
            numbers.setTextFormat(Qt.TextFormat.RichText)
            numbers.setOpenExternalLinks(True)
            numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            numbers.setWordWrap(True)
            buttons = self._touch_buttons(call.contact_id, call.contact_name, (("Called", "call"),))
            self.rows.addWidget(person_line(call.contact_name or "(no name)", buttons,
                                            [label(f"Birthday {when}{age}", "muted"), numbers], name_width=0))


def _dialable(phone: str) -> str:
    """A tel: URI keeps the digits and a leading +; spaces, dots and brackets are for reading."""
    kept = "".join(c for c in phone if c.isdigit() or c in "+,;")
    return kept or phone
