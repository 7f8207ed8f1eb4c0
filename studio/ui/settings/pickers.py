"""Searchable pickers for a country and a language: names in the user's language, codes stored.

Each is an editable QComboBox whose completer matches anywhere in the name, whatever the
case or accents ("oster" finds "Österreich"). ``code()`` is the choice as the settings
store it ("DE", "de"), or the text as typed when it names nothing, so the services can
refuse it and name the field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _NameCompleter(QCompleter):
    """Matches the typed text, folded, inside each item's folded name and code; what it
    puts into the field is the name as shown, never the search text."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [_fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class CodePicker(QComboBox):
    """An editable combo of (code, name) choices; ``resolve`` reads typed text as a code."""

    def __init__(self, resolve: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resolve = resolve
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self._search = QStandardItemModel(self)
        completer = _NameCompleter(self._search, self)
        completer.setCompletionRole(_SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated[QModelIndex].connect(self._completed)
        self.setCompleter(completer)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """Offer ``choices`` as (code, name), keeping the current code chosen."""
        current = self.code()
        self.blockSignals(True)
        self.clear()
        self._search.clear()
        for code, name in choices:
            self.addItem(name, code)
            item = QStandardItem(name)
            item.setData(code, Qt.ItemDataRole.UserRole)
            item.setData(f"{_fold(name)} {_fold(code)}", _SEARCH_ROLE)
            self._search.appendRow(item)
        self.blockSignals(False)
        self.set_code(current)

    def set_code(self, code: str) -> None:
        """Show the choice stored as ``code`` (as typed when no choice has that code)."""
        self.blockSignals(True)
        index = self.findData(code) if code else -1
        if index < 0 and code:
            index = self.findData(code.upper())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(code)
        self.blockSignals(False)

    def code(self) -> str:
        """The stored form of what the field shows: a choice's code, the code of a name or
        code typed, else the text itself (for the services to refuse by name)."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index))
        return self._resolve(text) or text

    def _completed(self, index: QModelIndex) -> None:
        found = self.findData(index.data(Qt.ItemDataRole.UserRole))
        if found >= 0:
            self.setCurrentIndex(found)
