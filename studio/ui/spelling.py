"""Spell checking in the desktop's message fields: misspelt words underlined as the user
types, suggestions and "Add to dictionary" on right-click.

The checker is loaded once per language on a pool thread (its dictionary takes a moment)
and shared by every field; a field is checked as soon as it arrives.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from studio.services.spelling import add_to_dictionary, load_speller
from studio.spelling.checker import Speller
from studio.ui.context import AppContext

_UNDERLINE = QColor("#c62828")


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines, with a red wave, the words ``speller`` does not know."""

    def __init__(self, edit: QPlainTextEdit | QTextEdit, speller: Speller) -> None:
        super().__init__(edit.document())
        self.speller = speller
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(_UNDERLINE)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for wrong in self.speller.misspellings(text):
            self.setFormat(wrong.start, wrong.end - wrong.start, self._format)


class SpellCheck(QObject):
    """Spell checking for one text field; ``highlighter`` is None until the checker is loaded."""

    def __init__(self, context: AppContext, edit: QPlainTextEdit | QTextEdit,
                 speller: Callable[[], Speller | None]) -> None:
        super().__init__(edit)
        self._context, self._edit, self._speller = context, edit, speller
        self.highlighter: SpellHighlighter | None = None
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self._menu)

    def ready(self, speller: Speller) -> None:
        if speller.available and self.highlighter is None:
            self.highlighter = SpellHighlighter(self._edit, speller)

    def word_at(self, position: QPoint) -> tuple[QTextCursor, str] | None:
        """The misspelt word under ``position`` (viewport coordinates), with its cursor."""
        speller = self._speller()
        if speller is None or not speller.available:
            return None
        cursor = self._edit.cursorForPosition(position)
        block = cursor.block()
        at = cursor.positionInBlock()
        for wrong in speller.misspellings(block.text()):
            if wrong.start <= at <= wrong.end:
                found = QTextCursor(block)
                found.setPosition(block.position() + wrong.start)
                found.setPosition(block.position() + wrong.end, QTextCursor.MoveMode.KeepAnchor)
                return found, wrong.word
        return None

    def suggestions_menu(self, position: QPoint) -> QMenu:
        """The field's usual menu, with the suggestions for a misspelt word on top."""
        menu = self._edit.createStandardContextMenu(position)
        hit = self.word_at(position)
        speller = self._speller()
        if hit is None or speller is None:
            return menu
        cursor, word = hit
        first = menu.actions()[0] if menu.actions() else None
        suggestions = speller.suggestions(word)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _=False, s=suggestion: cursor.insertText(s))
            menu.insertAction(first, action)
        learn = menu.addAction(f"Add “{word}” to the dictionary")
        learn.triggered.connect(lambda _=False: self._learn(word))
        menu.insertAction(first, learn)
        menu.insertSeparator(first)
        return menu

    def _menu(self, position: QPoint) -> None:
        menu = self.suggestions_menu(position)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(self._edit.viewport().mapToGlobal(position))

    def _learn(self, word: str) -> None:
        speller = self._speller()
        if speller is not None:
            speller.learn(word)
        if self.highlighter is not None:
            self.highlighter.rehighlight()
        paths = self._context.paths
        self._context.tasks.start(lambda _p: add_to_dictionary(paths, word), name="dictionary",
                                  on_error=lambda exc: self._context.errors.show(exc, self._edit))


class Spelling(QObject):
    """The app's spell checker: loaded once for the user's language, attached to fields."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.speller: Speller | None = None
        self._waiting: list[SpellCheck] = []
        self._language = ""

    def attach(self, edit: QPlainTextEdit | QTextEdit) -> SpellCheck:
        """Check ``edit`` (plain, or the designer's rich words) from now on, once the dictionary is loaded."""
        check = SpellCheck(self._context, edit, lambda: self.speller)
        language = self._context.settings.language or "en"
        if self.speller is not None and language == self._language:
            check.ready(self.speller)
            return check
        self._waiting.append(check)
        if language != self._language:
            self._language, self.speller = language, None
            paths = self._context.paths
            self._context.tasks.start(lambda _p: load_speller(paths, language), name="spelling",
                                      on_done=self._loaded, on_error=lambda exc: None)
        return check

    def _loaded(self, speller: Speller) -> None:
        if speller.language != self._language.split("-")[0].casefold() and speller.available:
            return  # the language changed while it loaded; the newer one is on its way
        self.speller = speller
        waiting, self._waiting = self._waiting, []
        for check in waiting:
            try:
                check.ready(speller)
            except RuntimeError:
                continue  # its field was closed meanwhile
