"""Missing details: who gets no card until a detail is filled in, soonest first, with a
message to copy into a chat or e-mail asking for it. The rows come from
`studio.services.missing`, the same list as `studio missing`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.services.missing import MissingDetails, missing_details
from studio.ui.context import AppContext
from studio.ui.widgets import button, label


class MissingDetailsDialog(QDialog):
    """``edit_requested(contact_id)`` asks the window to open that contact in the editor."""

    edit_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.rows: list[MissingDetails] = []
        self.setWindowTitle("Missing details")
        self.intro = label(
            "These people get no card until a detail is filled in. Send them the message, "
            "then import their answers (File ▸ Import Contacts) or edit the contact.",
            wrap=True,
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Name", "Mail by", "Needs"])
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(self._selected)
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setAccessibleName("Message asking for the missing details")
        self.message.setMaximumHeight(110)
        self.copy_button = button("Copy message", self.copy_message)
        self.edit_button = button("Edit contact…", self._edit)
        for plain in (self.copy_button, self.edit_button):
            plain.setAutoDefault(False)  # Close stays the default button
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.tree, self.message):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(680, 460)
        self.reload()

    def reload(self) -> None:
        today, paths = self._context.today(), self._context.paths
        self._context.store.submit(lambda store: missing_details(store, today, paths=paths), self._show)

    def _show(self, rows: list[MissingDetails]) -> None:
        self.rows = rows
        self.tree.clear()
        for row in rows:
            due = f"{row.occasion.mail_by:%d %b} · {row.occasion.name}" if row.occasion else "—"
            item = QTreeWidgetItem([row.contact.name, due, row.text()])
            item.setData(0, Qt.ItemDataRole.UserRole, row.contact.id)
            self.tree.addTopLevelItem(item)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        if rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.message.setPlainText("Nobody is missing a detail for the coming cards.")
        self.copy_button.setEnabled(bool(rows))
        self.edit_button.setEnabled(bool(rows))

    def _selected(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        index = self.tree.indexOfTopLevelItem(current) if current is not None else -1
        self.message.setPlainText(self.rows[index].message if 0 <= index < len(self.rows) else "")

    def copy_message(self) -> None:
        QGuiApplication.clipboard().setText(self.message.toPlainText())

    def _edit(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.edit_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
