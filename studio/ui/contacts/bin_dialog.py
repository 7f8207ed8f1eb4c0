"""Edit ▸ Bin…: deleted contacts, kept across restarts until restored or the bin is emptied."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.services import bin as service
from studio.ui.context import AppContext
from studio.ui.widgets import button, label


class BinDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle("Bin")
        self.intro = label(
            "Deleted contacts wait here with their orders and the cards they received, "
            "until you restore them or empty the bin.",
            "muted",
            wrap=True,
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Name", "Deleted"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.restore_button = button("Restore", self.restore_selected)
        self.restore_all_button = button("Restore all", self.restore_all)
        self.empty_button = button("Empty bin…", self.empty, name="danger")
        row = QHBoxLayout()
        for widget in (self.restore_button, self.restore_all_button, self.empty_button):
            widget.setAutoDefault(False)
            row.addWidget(widget)
        row.addStretch(1)
        self.status = label("", "muted", wrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.tree):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(520, 380)
        self.reload()

    def reload(self) -> None:
        self._context.store.submit(service.binned, self._show)

    def _show(self, entries: list[service.BinnedContact]) -> None:
        self.tree.clear()
        for entry in entries:
            item = QTreeWidgetItem([entry.contact.name, entry.deleted_at.replace("T", " ")[:16]])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        for widget in (self.restore_button, self.restore_all_button, self.empty_button):
            widget.setEnabled(bool(entries))
        if not entries:
            self.status.setText(self.status.text() or "The bin is empty.")

    def _restored(self, restored: list) -> None:  # noqa: ANN001 - Contact list
        self.status.setText(
            f"Restored {len(restored)}: {', '.join(c.name for c in restored[:5])}"
            + (" …" if len(restored) > 5 else "")
            + "."
        )
        self._context.events.contacts_changed.emit()
        self.reload()

    def restore_selected(self) -> None:
        ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.tree.selectedItems()]
        if ids:
            self._context.store.submit(lambda store: service.restore(store, ids), self._restored)

    def restore_all(self) -> None:
        self._context.store.submit(service.restore_all, self._restored)

    def empty(self) -> None:
        count = self.tree.topLevelItemCount()
        answer = QMessageBox.question(
            self,
            "Empty the bin",
            f"Delete the {count:,} contacts in the bin for good? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._context.store.submit(
                service.empty_bin,
                lambda gone: (
                    self.status.setText(f"Emptied the bin: {gone:,} contacts deleted for good."),
                    self.reload(),
                ),
            )
