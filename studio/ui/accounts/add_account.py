"""The Add account dialog: server, user name, password, with a guide for iCloud, Nextcloud
and Fastmail. It only collects and checks what was typed; the panel does the adding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.services import accounts as service
from studio.ui.widgets import label

GUIDE = (
    "<b>iCloud</b>: server <tt>https://contacts.icloud.com</tt>, your Apple ID, and an "
    "app-specific password (appleid.apple.com ▸ Sign-In and Security). "
    "<b>Nextcloud</b>: <tt>https://YOUR-CLOUD/remote.php/dav</tt> and an app password "
    "(Settings ▸ Security). <b>Fastmail</b>: <tt>https://carddav.fastmail.com</tt> and an app "
    "password. Card Studio only reads these address books; it never changes them. "
    "<b>Google</b> lets other apps into its contacts only through its own sign-in, not with a "
    "password, so export a vCard or CSV at contacts.google.com (Export) and use File ▸ Import."
)


class AddAccountDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a live address book")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://contacts.icloud.com")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.book = QLineEdit()
        self.book.setPlaceholderText("only when the server has several")
        form = QFormLayout()
        form.addRow("Server", self.url)
        form.addRow("User name", self.user)
        form.addRow("Password", self.password)
        form.addRow("Address book", self.book)
        self.guide = label(GUIDE, wrap=True)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        self.google = label(service.GOOGLE_NOTE, "muted", wrap=True)
        self.problem = label("", "problem", wrap=True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add")
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (self.guide, form, self.google, self.problem, self.buttons):
            layout.addLayout(part) if isinstance(part, QFormLayout) else layout.addWidget(part)
        self.setMinimumWidth(520)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _check(self) -> None:
        if not (self.url.text().strip() and self.user.text().strip() and self.password.text()):
            self.show_problem("Fill in the server, the user name and the password.")
            return
        self.show_problem("")
        self.accept()
