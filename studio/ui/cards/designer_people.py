"""The designer's "Preview for" picker: the sample person or one of the user's contacts.

The list is read from the store in the background; the person chosen is remembered in the
UI settings, so the next card opens previewed for them again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from studio.services import contacts
from studio.ui.context import AppContext

SAMPLE = -1
_PERSON_KEY = "cards/preview_contact"  # the person previewed last, in the UI settings


class PeoplePicker(QComboBox):
    """``chosen`` carries the `Contact` to preview for, or None for the template's sample."""

    chosen = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumWidth(240)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.activated.connect(self._person_chosen)

    def _remembered_person(self) -> int:
        try:
            return int(self._context.ui_settings.value(_PERSON_KEY, SAMPLE))
        except (TypeError, ValueError):
            return SAMPLE

    def load(self, contact_id: int | None) -> None:
        """Fill the list; ``contact_id`` or else the person previewed last time is chosen."""
        if contact_id is None:
            contact_id = self._remembered_person()

        def fill(people: list[tuple[int, str]]) -> None:
            self.blockSignals(True)
            self.clear()
            self.addItem("Sample person (from the card)", SAMPLE)
            for person_id, name in people:
                self.addItem(name, person_id)
            index = self.findData(contact_id)
            self.setCurrentIndex(max(index, 0))
            self.lineEdit().setCursorPosition(0)
            self.blockSignals(False)
            self._person_chosen(self.currentIndex())

        self._context.store.submit(contacts.people, fill)

    def _person_chosen(self, index: int) -> None:
        person_id = self.itemData(index)
        self._context.ui_settings.setValue(_PERSON_KEY, SAMPLE if person_id is None else person_id)
        if person_id in (None, SAMPLE):
            self.chosen.emit(None)
            return
        self._context.store.submit(lambda store: contacts.get_contact(store, person_id), self.chosen.emit)
