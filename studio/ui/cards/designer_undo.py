"""The designer's undo history: one command per edit of a text box or of the message.

The commands live on the designer's own `QUndoStack` (in the window's undo group, active
while the designer is shown), so Ctrl+Z in the designer undoes the designer's edits and Edit ▸ Undo names
them ("Undo Move “greeting”"). A command only carries values; applying one goes back
through the designer (`DesignerState`), which shows the panel and box that changed, so
nothing is undone out of sight.

Typing is one command per burst: consecutive changes of the same field(s) of the same
box merge, as do consecutive keystrokes in the message. Moves on the canvas never merge:
each drag is a step of its own, and so is each named step of the words' editor (Bold,
Insert “First name”).
"""

from __future__ import annotations

import dataclasses
from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

from studio.cards import TextSpec

_BOX_ID = 1101
_MESSAGE_ID = 1102
_FIELD_WORDS = {
    "text": "words",
    "font": "font",
    "size": "size",
    "min_size": "smallest size",
    "color": "colour",
    "align": "alignment",
    "valign": "vertical alignment",
    "leading": "line spacing",
}


class DesignerState(Protocol):
    """What a command changes: the designer page."""

    def apply_box(self, panel: str, spec: TextSpec) -> None: ...

    def apply_message(self, text: str) -> None: ...


def changed_fields(before: TextSpec, after: TextSpec) -> frozenset[str]:
    return frozenset(
        f.name for f in dataclasses.fields(TextSpec) if getattr(before, f.name) != getattr(after, f.name)
    )


def describe_box_edit(name: str, fields: frozenset[str]) -> str:
    """What Edit ▸ Undo says for a change of ``fields`` of box ``name``."""
    place, size = {"x", "y"}, {"width", "height"}
    if fields and fields <= place:
        return f"Move “{name}”"
    if fields and fields <= place | size:
        return f"Resize “{name}”"
    words = [_FIELD_WORDS[f] for f in _FIELD_WORDS if f in fields]
    if fields & (place | size):
        words.append("place")
    return f"Change “{name}” {', '.join(words) or 'box'}"


class BoxEdit(QUndoCommand):
    """A text box of a panel changed from ``before`` to ``after``."""

    def __init__(
        self,
        state: DesignerState,
        panel: str,
        before: TextSpec,
        after: TextSpec,
        *,
        mergeable: bool = True,
        text: str = "",
    ) -> None:
        self.fields = changed_fields(before, after)
        super().__init__(text or describe_box_edit(after.name, self.fields))
        self._state = state
        self.panel = panel
        self.before = dataclasses.replace(before)
        self.after = dataclasses.replace(after)
        self._mergeable = mergeable

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _BOX_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (
            isinstance(other, BoxEdit)
            and other._mergeable
            and other.panel == self.panel
            and other.after.name == self.after.name
            and other.fields == self.fields
        ):
            return False
        self.after = dataclasses.replace(other.after)
        return True

    def redo(self) -> None:
        self._state.apply_box(self.panel, self.after)

    def undo(self) -> None:
        self._state.apply_box(self.panel, self.before)


class MessageEdit(QUndoCommand):
    """The personal message changed from ``before`` to ``after``."""

    def __init__(self, state: DesignerState, before: str, after: str) -> None:
        super().__init__("Edit personal message")
        self._state = state
        self.before, self.after = before, after

    def id(self) -> int:  # noqa: A003
        return _MESSAGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, MessageEdit):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._state.apply_message(self.after)

    def undo(self) -> None:
        self._state.apply_message(self.before)


class RestoreDraft(QUndoCommand):
    """Every box and the message as the kept draft has them (one step, undoable)."""

    def __init__(
        self,
        state: DesignerState,
        boxes: list[tuple[str, TextSpec, TextSpec]],  # (panel, before, after)
        message: tuple[str, str],  # (before, after)
    ) -> None:
        super().__init__("Restore unsaved changes")
        self._state = state
        self.boxes = boxes
        self.message = message

    def redo(self) -> None:
        for panel, _, after in self.boxes:
            self._state.apply_box(panel, after)
        self._state.apply_message(self.message[1])

    def undo(self) -> None:
        for panel, before, _ in reversed(self.boxes):
            self._state.apply_box(panel, before)
        self._state.apply_message(self.message[0])


class HistoryKeys(QObject):
    """Leaves Ctrl+Z and Ctrl+Shift+Z to the window's Edit menu in the designer's text fields.

    A text field takes those keys for its own little history by default, which would undo
    typing behind the designer's back (and miss moves, fonts, colours). Filtered here, the
    shortcut reaches Edit ▸ Undo, which undoes the designer's step and names it.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                return True  # not accepted: the window's shortcut handles it
        return super().eventFilter(watched, event)
