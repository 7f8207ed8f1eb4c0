"""File ▸ Live Address Books…: the accounts panel in a window of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from studio.ui.accounts.panel import AccountsPanel
from studio.ui.context import AppContext


class AccountsDialog(QDialog):
    """The accounts panel in a window of its own (File ▸ Live Address Books…)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Live address books")
        self.panel = AccountsPanel(context, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(close)
        self.resize(620, 360)
