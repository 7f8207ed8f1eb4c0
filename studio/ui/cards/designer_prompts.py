"""The designer's two questions about unsaved edits, asked without blocking the window.

`ask_to_leave` is shown when the user leaves the designer with edits not saved (Save /
Discard / Cancel); `offer_draft` when a template is opened for which a draft was left
behind (by a crash, a kill, or a window closed without an answer). Each calls back with
the answer; closing one with Escape or the title bar counts as Cancel (the draft stays).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

LEAVE_SAVE, LEAVE_DISCARD, LEAVE_CANCEL = "save", "discard", "cancel"
DRAFT_RESTORE, DRAFT_DISCARD, DRAFT_KEEP = "restore", "discard", "keep"


def when_text(moment: dt.datetime, today: dt.date) -> str:
    """"today at 09:12", "yesterday at 18:40" or "3 Dec 2026 at 11:05"."""
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return f"today at {clock}"
    if moment.date() == today - dt.timedelta(days=1):
        return f"yesterday at {clock}"
    return f"{moment.day} {moment.strftime('%b %Y')} at {clock}"


def _question(parent: QWidget, text: str, detail: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setText(text)
    box.setInformativeText(detail)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def _make_default(box: QMessageBox, button: QPushButton) -> None:
    # Styled as "primary" (bold) before it is sized: a default button turns bold only when
    # shown, after its width was worked out for plain text, and its last letters were cut.
    button.setObjectName("primary")
    button.style().unpolish(button)
    button.style().polish(button)
    button.updateGeometry()
    box.setDefaultButton(button)


def ask_to_leave(parent: QWidget, card_name: str, answered: Callable[[str], None]) -> QMessageBox:
    """Open "Save your changes to …?" and call ``answered`` with LEAVE_SAVE, _DISCARD or _CANCEL."""
    Button = QMessageBox.StandardButton
    box = _question(
        parent,
        f"Save your changes to “{card_name}”?",
        "If you don't save them, the changes you made to this card are lost.",
    )
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.button(Button.Discard).setText("Discard changes")
    _make_default(box, box.button(Button.Save))
    box.setEscapeButton(Button.Cancel)
    answers = {Button.Save: LEAVE_SAVE, Button.Discard: LEAVE_DISCARD}

    def finished(_: int) -> None:
        clicked = box.clickedButton()
        answered(answers.get(box.standardButton(clicked), LEAVE_CANCEL) if clicked else LEAVE_CANCEL)

    box.finished.connect(finished)
    box.open()
    return box


def offer_draft(
    parent: QWidget, card_name: str, saved_at: str, answered: Callable[[str], None]
) -> QMessageBox:
    """Open "Restore your unsaved changes from <saved_at>?".

    ``answered`` gets DRAFT_RESTORE, DRAFT_DISCARD or DRAFT_KEEP (closed unanswered).
    """
    box = _question(
        parent,
        f"Restore your unsaved changes from {saved_at}?",
        f"“{card_name}” was left with changes that were not saved.",
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
    _make_default(box, restore)

    def finished(_: int) -> None:
        clicked = box.clickedButton()
        answered(DRAFT_RESTORE if clicked is restore else DRAFT_DISCARD if clicked is discard else DRAFT_KEEP)

    box.finished.connect(finished)
    box.open()
    return box
