"""Choose a verse: the library's short messages for the card's occasion, by tone, found by
words as they are typed; Use (or a double click) hands the verse back."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.ui.widgets import label
from studio.verses.library import TONES, Verse, bundled_verses, find_verses

ALL = ""


class VersePicker(QDialog):
    def __init__(self, occasions: Sequence[str], parent: QWidget | None = None) -> None:
        """``occasions``: the card's (a template's occasions, a referral first for its thank-you)."""
        super().__init__(parent)
        self.setWindowTitle("Choose a verse")
        self._library = bundled_verses()  # a small bundled file: read at once, no thread needed
        self._occasions = list(occasions)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find words, e.g. cake, grateful, season…")
        self.search.setClearButtonEnabled(True)
        self.tone = QComboBox()
        self.tone.addItem("Any tone", ALL)
        for tone in TONES:
            self.tone.addItem(tone.capitalize(), tone)
        self.scope = QComboBox()
        self.scope.addItem("For this card", "card")
        self.scope.addItem("Every occasion", "all")
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.tone)
        row.addWidget(self.scope)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.count = label("", "muted")
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.buttons.button(standard.Ok).setText("Use")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(label("Written for Card Studio: free to print on any card.", "muted"))
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh)
        self.tone.currentIndexChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.list.currentRowChanged.connect(lambda _row: self._allow_use())
        self.resize(560, 460)
        self.refresh()

    def refresh(self) -> None:
        tone = self.tone.currentData() or None
        occasions = self._occasions if self.scope.currentData() == "card" else []
        found = find_verses(self._library, words=self.search.text(), occasions=occasions, tone=tone)
        self.list.clear()
        for verse in found:
            item = QListWidgetItem(verse.text)
            item.setData(Qt.ItemDataRole.UserRole, verse)
            item.setToolTip(f"{verse.occasion}, {verse.tone} · {verse.source}")
            self.list.addItem(item)
        self.count.setText(f"{len(found)} verse{'s' if len(found) != 1 else ''}" if found else
                           "No verse matches: try fewer words, another tone, or every occasion.")
        if found:
            self.list.setCurrentRow(0)
        self._allow_use()

    def _allow_use(self) -> None:
        use = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        use.setEnabled(self.list.currentItem() is not None)

    def chosen(self) -> Verse | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def pick_verse(parent: QWidget, occasions: Sequence[str], use: Callable[[Verse], None]) -> VersePicker:
    """Open the verse picker for a card's ``occasions`` (any, when none is known) over ``parent``;
    ``use`` gets the verse chosen with Use."""
    picker = VersePicker(list(occasions) or [""], parent)
    picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def chosen() -> None:
        verse = picker.chosen()
        if verse is not None:
            use(verse)

    picker.accepted.connect(chosen)
    picker.open()
    return picker
