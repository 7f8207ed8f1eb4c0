"""The welcome page of an empty address book, and the how-to for exporting contacts.

A first-time user has no contacts in Card Studio yet; this page offers the two ways in:
import the file they exported from their phone (with short steps for iPhone, Android
and Google), or load the bundled sample customers to try everything out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio.ui import icons
from studio.ui.widgets import Panel, button, label

HOW_TO = {
    "iPhone / iCloud": """
<ol>
<li>On a computer, open <b>icloud.com/contacts</b> and sign in (or use the Contacts app on a Mac).</li>
<li>Select all contacts (<b>Ctrl+A</b> / <b>⌘A</b>), or a list of your customers.</li>
<li>Click the <b>⋯</b> (or gear) button and choose <b>Export vCard…</b>.</li>
<li>Import the downloaded <b>.vcf</b> file here. Birthdays without a year and custom dates such as
“Customer since” come along.</li>
</ol>
<p>On the iPhone alone: open a contact, tap <b>Share Contact</b>, and AirDrop or mail the card to
your computer.</p>""",
    "Android": """
<ol>
<li>Open the <b>Contacts</b> app and tap <b>Fix &amp; manage</b>
(or the menu <b>⋮</b> ▸ <b>Settings</b>).</li>
<li>Choose <b>Export to file</b> and pick the account to export.</li>
<li>Save the <b>.vcf</b> file, then copy it to your computer (USB cable, email to yourself, or a
cloud drive).</li>
<li>Import the file here. Android's names in any alphabet, anniversaries and photos come along.</li>
</ol>""",
    "Google Contacts": """
<ol>
<li>Open <b>contacts.google.com</b> and sign in.</li>
<li>Select the contacts to take along (or none, to export everyone).</li>
<li>Click <b>Export</b> in the left column and choose <b>vCard (for iOS Contacts)</b>.</li>
<li>Import the downloaded <b>contacts.vcf</b> here.</li>
</ol>
<p>Importing the same file again later only adds what is new: nobody is duplicated.</p>""",
}


def how_to_tabs() -> QTabWidget:
    tabs = QTabWidget()
    for title, text in HOW_TO.items():
        browser = QTextBrowser()
        browser.setHtml(text)
        browser.setOpenExternalLinks(True)
        browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        tabs.addTab(browser, title)
    tabs.setMinimumHeight(210)
    return tabs


class HowToDialog(QDialog):
    """Help ▸ How to Export Your Contacts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How to export your contacts")
        self.setMinimumSize(560, 380)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Bring your contacts from your phone", "sectionTitle"))
        layout.addWidget(how_to_tabs(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class WelcomePage(QWidget):
    """Shown instead of Today while the address book is empty."""

    def __init__(
        self, on_import: Callable[[], None], on_samples: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 32, 40, 28)
        outer.setSpacing(14)
        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(QSize(64, 64), self.devicePixelRatioF() or 1.0))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(label("Welcome to Card Studio", "pageTitle"))
        titles.addWidget(
            label(
                "A card on every birthday, a thank-you after every order, a holiday card "
                "every December: Card Studio remembers, you sign. Start by bringing in "
                "your contacts.",
                "pageSubtitle",
                wrap=True,
            )
        )
        head.addLayout(titles, 1)
        outer.addLayout(head)

        choices = QGridLayout()
        choices.setHorizontalSpacing(16)
        self.import_button = button(
            "Import contacts…", on_import, name="primary", icon=icons.icon("import", "#ffffff")
        )
        self.samples_button = button("Load sample contacts", on_samples)
        choices.addWidget(
            self._choice(
                "Import your contacts",
                "Choose the .vcf file you exported from your phone, iCloud, Google or Outlook — or drop it "
                "on this window. Nothing is sent anywhere: your contacts stay on this computer.",
                self.import_button,
            ),
            0,
            0,
        )
        choices.addWidget(
            self._choice(
                "Try it with sample customers",
                "Thirty-odd fictional customers with birthdays, anniversaries and addresses in several "
                "countries. Delete them any time.",
                self.samples_button,
            ),
            0,
            1,
        )
        outer.addLayout(choices)

        outer.addWidget(label("How to export your contacts", "sectionTitle"))
        help_panel = Panel(margins=6)
        help_panel.body.addWidget(how_to_tabs())
        outer.addWidget(help_panel, 1)

    @staticmethod
    def _choice(title: str, text: str, action: QWidget) -> Panel:
        panel = Panel(margins=20)
        panel.body.addWidget(label(title, "sectionTitle"))
        body = label(text, "muted", wrap=True)
        body.setMinimumHeight(56)
        panel.body.addWidget(body, 1)
        panel.body.addWidget(action, 0, Qt.AlignmentFlag.AlignLeft)
        return panel
