"""What Today's panels are made of: the titled panel and the side panel with its Undo row,
a person's line (the name, its buttons, and the muted lines under it), small buttons, and
emptying a panel's lines before they are drawn again.

The side panels themselves: `touch_panels` (due for a touch, birthday calls), `followups`,
`results_chart`, `unposted`; the occasion lists (`view`) are titled panels too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studio.ui.widgets import ElidedLabel, Panel, button, label


def clear_rows(layout: QVBoxLayout) -> None:
    """Take every line out of ``layout`` (the widgets are deleted once the event loop runs)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


def small_button(text: str, on_click: Callable[..., object], tooltip: str) -> QPushButton:
    """A compact button for a panel line; never the dialog's default (Enter must not press it)."""
    widget = button(text, on_click, tooltip=tooltip)
    widget.setObjectName("small")
    widget.setAutoDefault(False)
    return widget


def person_line(name: str, buttons: Sequence[QWidget], details: Sequence[QWidget], *,
                name_width: int = 60) -> QWidget:
    """One person's line: ``name`` with ``buttons`` beside it, ``details`` under it.

    ``name_width`` is the least the name is squeezed to when the panel is narrow.
    """
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 2, 0, 2)
    box.setSpacing(0)
    top = QHBoxLayout()
    top.setSpacing(4)
    who = ElidedLabel()  # a long name ends in "…" (the whole of it as a tooltip), never cut off
    who.setText(name)
    who.setMinimumWidth(name_width)
    top.addWidget(who, 1)
    for widget in buttons:
        top.addWidget(widget)
    box.addLayout(top)
    for widget in details:
        box.addWidget(widget)
    return holder


class TitledPanel(Panel):
    """A panel with a ``heading``; its lines go in ``rows``."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.heading = label(title, "sectionTitle")
        self.body.addWidget(self.heading)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        self.body.addLayout(self.rows)


class SidePanel(TitledPanel):
    """A titled side panel with an Undo row under its lines (`show_undo`)."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.undo_row = QWidget()
        undo_layout = QHBoxLayout(self.undo_row)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_text = label("", "muted", wrap=True)
        self.undo_button = small_button("Undo", lambda: self.undo_requested.emit(), "Take the touch back")
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
        return [small_button(caption, lambda _=False, k=kind: self.touched.emit(contact_id, k, name),
                             f"Record a {kind} with {name} today")
                for caption, kind in kinds]
