"""Live address books: add a CardDAV account, sync it (with progress and Stop), remove it.

Talks only to `studio.services.accounts`; network work runs on the task pool. The panel sits
in Settings and in File ▸ Live Address Books….
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.services import accounts as service
from studio.services.session import Store
from studio.ui.accounts.add_account import AddAccountDialog
from studio.ui.context import AppContext
from studio.ui.jobs import Task
from studio.ui.widgets import button, label


def _when(stamp: str | None) -> str:
    if not stamp:
        return "never"
    return dt.datetime.fromisoformat(stamp).strftime("%d %b %Y, %H:%M")


class AccountsPanel(QWidget):
    """The accounts, with Add…, Sync now and Remove: in Settings and in its own window."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.add_dialog: AddAccountDialog | None = None
        self.last_report: Any = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Account", "User", "Last sync"])
        self.tree.setRootIsDecorated(False)
        self.status = label("", "muted", wrap=True)
        self.add_button = button("Add…", self.add)
        self.sync_button = button("Sync now", self.sync, name="primary")
        self.remove_button = button("Remove", self.remove)
        row = QHBoxLayout()
        for widget in (self.add_button, self.sync_button, self.remove_button):
            widget.setAutoDefault(False)
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        self._context.store.submit(service.accounts, self._show)

    def _show(self, found: list[service.Account]) -> None:
        self.tree.clear()
        for account in found:
            item = QTreeWidgetItem([account.name, account.username, _when(account.last_sync)])
            item.setData(0, Qt.ItemDataRole.UserRole, account)
            self.tree.addTopLevelItem(item)
        if found and self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.sync_button.setEnabled(bool(found))
        self.remove_button.setEnabled(bool(found))
        if not found:
            self.status.setText(
                "No live address books yet. Add iCloud, Nextcloud or Fastmail to keep your "
                "contacts fresh without exporting them."
            )

    def selected(self) -> service.Account | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    # --- add ---------------------------------------------------------------------------

    def add(self) -> None:
        dialog = AddAccountDialog(self)
        self.add_dialog = dialog
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.open()

    def _add(self, dialog: AddAccountDialog) -> None:
        url, user, password = dialog.url.text().strip(), dialog.user.text().strip(), dialog.password.text()
        book = dialog.book.text().strip() or None
        self.status.setText(f"Looking for your address book at {url}…")

        def work(store: Store, progress: Any) -> Any:
            return service.add_carddav_account(store, url, user, password, book=book)

        def added(result: tuple[service.Account, bool]) -> None:
            account, kept = result
            note = (
                ""
                if kept
                else " There is no keyring on this computer, so the password is asked at each sync."
            )
            self.status.setText(f"Added {account.name}.{note}")
            self.reload()

        def failed(exc: BaseException) -> None:
            self.status.setText("")
            dialog.show_problem(str(exc))
            dialog.open()

        self.task = self._context.tasks.start(
            self._context.tasks.with_store(work),
            name="add account",
            on_done=lambda r: self._finished(added, r),
            on_error=lambda e: self._finished(failed, e),
        )

    # --- sync --------------------------------------------------------------------------

    def sync(self) -> None:
        account = self.selected()
        if account is None or self.task is not None:
            return
        self._context.store.submit(
            lambda _store: service.stored_password(account), lambda stored: self._sync(account, stored)
        )

    def _sync(self, account: service.Account, password: str | None) -> None:
        if not password:
            password, ok = QInputDialog.getText(
                self,
                "Password",
                f"Password for {account.username} ({account.name}):",
                QLineEdit.EchoMode.Password,
            )
            if not ok or not password:
                return
        progress = QProgressDialog(f"Syncing {account.name}…", "Stop", 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        self.progress = progress

        def work(store: Store, steps: Any) -> Any:
            return service.sync_account(store, account, password, progress=steps)

        def done(report: Any) -> None:
            self.last_report = report
            text = f"Synced {report.summary()}."
            if report.deleted_on_server:
                text += " Deleted on the server (kept here): " + ", ".join(report.deleted_on_server) + "."
            self.status.setText(text)
            self._context.events.contacts_changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self.status.setText(f"{account.name}: {exc}. Nothing was changed.")

        tasks = self._context.tasks
        self.task = tasks.start(
            tasks.with_store(work),
            name="sync",
            on_progress=self._step,
            on_done=lambda r: self._finished(done, r),
            on_error=lambda e: self._finished(failed, e),
            on_cancelled=lambda: self._finished(
                lambda _: self.status.setText("Sync stopped; nothing was changed."), None
            ),
        )
        progress.canceled.connect(self.task.cancel)

    def _step(self, done: int, total: int, what: str) -> None:
        if self.progress is None:
            return
        self.progress.setLabelText(what)
        self.progress.setRange(0, max(total, 0))
        if total > 0:
            self.progress.setValue(min(done, total))

    def _finished(self, then: Any, value: Any) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress = None
        then(value)

    # --- remove ------------------------------------------------------------------------

    def remove(self) -> None:
        account = self.selected()
        if account is None:
            return
        answer = QMessageBox.question(
            self, "Remove account", f"Stop syncing {account.name}? Its contacts stay in your address book."
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._context.store.submit(
                lambda store: service.remove_account(store, account.name), lambda _: self.reload()
            )
