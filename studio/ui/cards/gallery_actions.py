"""The gallery's own-card actions: rename, duplicate, delete (undoable), export, import.

Every action is one call into `studio.services.my_templates` (the same as `studio templates
--rename …`), run on a pool thread; when it is done the gallery is told to reload
(`AppEvents.templates_changed`). Delete asks nothing: it moves the card to the template bin,
shows "Deleted 'X' — Undo" in an `UndoBar` and pushes a `DeleteTemplate` on the Cards view's
own undo stack, so Ctrl+Z there (and only there) brings the card back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from studio.services import my_templates
from studio.ui.context import AppContext
from studio.ui.widgets import button

UNDO_BAR_MS = 10_000  # how long "Deleted 'X' — Undo" stays; Ctrl+Z works after that too


class TemplateActions:
    """Runs the services off the GUI thread and reports to the gallery."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self._context = context
        self._parent = parent

    def run(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None, name: str = "") -> None:
        def finished(result: Any) -> None:
            self._context.events.templates_changed.emit()
            if done is not None:
                done(result)

        self._context.tasks.start(lambda _progress: work(), on_done=finished, name=name or "cards",
                                  on_error=lambda exc: self._context.errors.show(exc, self._parent),
                                  owner=self._parent)

    def rename(self, template_id: str, name: str, done: Callable[[Any], None] | None = None) -> None:
        paths = self._context.paths
        self.run(lambda: my_templates.rename_template(paths, template_id, name), done, "rename card")

    def duplicate(self, template_id: str, done: Callable[[Any], None] | None = None) -> None:
        paths = self._context.paths
        self.run(lambda: my_templates.duplicate_template(paths, template_id), done, "duplicate card")

    def delete(self, template_id: str, done: Callable[[Any], None] | None = None) -> None:
        paths = self._context.paths
        self.run(lambda: my_templates.delete_template(paths, template_id), done, "delete card")

    def restore(self, template_id: str, done: Callable[[Any], None] | None = None) -> None:
        paths = self._context.paths
        self.run(lambda: my_templates.restore_template(paths, template_id), done, "restore card")

    def export(self, template_id: str, out: Path, done: Callable[[Any], None] | None = None) -> None:
        paths = self._context.paths
        self.run(lambda: my_templates.export_template(paths, template_id, out), done, "export card")

    def import_file(self, file: Path, done: Callable[[Any], None] | None = None) -> None:
        paths = self._context.paths
        self.run(lambda: my_templates.import_template(paths, file), done, "import card")


class DeleteTemplate(QUndoCommand):
    """Move a card of the user's to the bin; undo brings it back from there."""

    def __init__(self, actions: TemplateActions, template_id: str, name: str,
                 deleted: Callable[[Any], None] | None = None) -> None:
        super().__init__(f"Delete card '{name}'")
        self._actions = actions
        self._template_id = template_id
        self._deleted = deleted

    def redo(self) -> None:
        self._actions.delete(self._template_id, self._deleted)

    def undo(self) -> None:
        self._actions.restore(self._template_id)

    def restore_directly(self) -> None:
        """Bring the card back when this step is no longer on the stack (cleared, or not last)."""
        self._actions.restore(self._template_id)


class UndoBar(QFrame):
    """A quiet bar at the bottom of the gallery: "Deleted 'X'" and an Undo button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setStyleSheet("#undoBar { background: #2f3437; border-radius: 6px; }"
                           "#undoBar QLabel { color: white; }")
        self.text = QLabel()
        self.undo_button = button("Undo", name="link")
        self.undo_button.setStyleSheet("color: #8fd3ff; font-weight: 600;")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close")
        close.setAutoRaise(True)
        close.setStyleSheet("QToolButton { color: white; background: transparent; border: none; "
                            "padding: 2px 6px; }")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 8, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo_button)
        row.addWidget(close)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, *, undo: bool) -> None:
        """Show ``text`` for a while, with the Undo button when ``undo``."""
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setText(text)
        self.undo_button.setVisible(undo)
        self.show()
        self._timer.start(UNDO_BAR_MS)
