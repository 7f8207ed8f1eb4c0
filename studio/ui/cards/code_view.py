"""The advanced code view for one text box: its template source, checked as it is typed.

The designer shows this instead of the visual editor for a box whose source uses something the
visual editor cannot show (`studio.cards.richtext.parse` returns `Unsupported`). It is a plain
text editor with line numbers and the ``{{ }}``, ``{% %}`` and ``{# #}`` marks tinted; under it
one sentence says what is wrong (`studio.cards.template_errors.check_box`), and that line is
tinted and marked in the gutter, so a person who has never seen code can find and fix it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from studio.cards.template_errors import Explanation, check_box
from studio.ui import style
from studio.ui.widgets import button

HEADER = "This box uses template code the visual editor cannot show: {reason}"
# Block states: a mark left open at the end of a line is still open on the next one.
_OUTSIDE, _IN_FIELD, _IN_INSTRUCTION, _IN_NOTE = -1, 1, 2, 3
_CLOSE = {_IN_FIELD: "}}", _IN_INSTRUCTION: "%}", _IN_NOTE: "#}"}
_STATE_OF = {"{{": _IN_FIELD, "{%": _IN_INSTRUCTION, "{#": _IN_NOTE}


class _Highlighter(QSyntaxHighlighter):
    """Tints fields teal, instructions amber and notes grey, lightly: the words stay readable."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats: dict[int, QTextCharFormat] = {}
        self.recolour()

    def recolour(self) -> None:
        """Take the colours of the theme shown now (after a switch between light and dark)."""
        theme = style.theme_of()
        for state, colour, italic in ((_IN_FIELD, theme.accent_text, False),
                                      (_IN_INSTRUCTION, theme.warning_text, False),
                                      (_IN_NOTE, theme.muted, True)):
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            fmt.setFontItalic(italic)
            self._formats[state] = fmt
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.setCurrentBlockState(_OUTSIDE)
        pos = search = 0
        state = self.previousBlockState()
        while pos <= len(text):
            if state in _CLOSE:
                end = text.find(_CLOSE[state], search)
                stop = len(text) if end < 0 else end + 2
                self.setFormat(pos, stop - pos, self._formats[state])
                if end < 0:
                    self.setCurrentBlockState(state)
                    return
                pos = search = stop
                state = _OUTSIDE
                continue
            opened = [(text.find(mark, pos), mark) for mark in _STATE_OF if text.find(mark, pos) >= 0]
            if not opened:
                return
            pos, mark = min(opened)
            search, state = pos + 2, _STATE_OF[mark]


class _Gutter(QWidget):
    """Line numbers beside the editor, with a mark on the line that has a problem."""

    def __init__(self, editor: _Editor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        theme = style.theme_of()
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(theme.surface_alt))
        painter.setPen(QColor(theme.line))
        painter.drawLine(self.width() - 1, event.rect().top(), self.width() - 1, event.rect().bottom())
        editor = self._editor
        block = editor.firstVisibleBlock()
        top = round(editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top())
        height = editor.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(editor.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber() + 1
                marked = number == editor.marked_line
                font = painter.font()
                font.setBold(marked)
                painter.setFont(font)
                if marked:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(theme.warm))
                    size = max(6, height // 2)
                    painter.drawEllipse(4, top + (height - size) // 2, size, size)
                painter.setPen(QColor(theme.warm_text if marked else theme.muted))
                painter.drawText(QRect(0, top, self.width() - 6, height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(number))
            block = block.next()
            top = bottom


class _Editor(QPlainTextEdit):
    """A plain-text editor that keeps a line-number gutter in its left margin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marked_line: int | None = None
        self.gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _count: self._fit_gutter())
        self.updateRequest.connect(self._scroll_gutter)
        self._fit_gutter()

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 22 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def _fit_gutter(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._fit_gutter()


class CodeView(QWidget):
    """One box's template source as code: edit it, and read in one sentence what is wrong.

    ``edited`` carries the whole source after each change the user makes (not after
    `set_source`). ``undo=False`` turns the editor's own undo off, for a designer that keeps
    its own history. `problem` is the mistake found in the current source, or None.
    """

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, undo: bool = True) -> None:
        super().__init__(parent)
        self._problem: Explanation | None = None
        self._setting = False
        self.header = QLabel(HEADER.format(reason="it uses something only code can say."))
        self.header.setWordWrap(True)
        self.editor = _Editor()
        self.editor.setFont(_monospace(self.editor.font()))
        self.editor.setUndoRedoEnabled(undo)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(True)  # a card text has no use for tabs; Tab leaves the box
        self.editor.setAccessibleName("Template code of this box")
        self._highlighter = _Highlighter(self.editor.document())
        self.sentence = QLabel("")
        self.sentence.setObjectName("problemText")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)  # "{{" and "<b>" are shown as written
        self.go_to = button("Show me", self.show_problem, name="link",
                            tooltip="Put the cursor on the line with the mistake")
        problem_row = QHBoxLayout()
        problem_row.setContentsMargins(0, 0, 0, 0)
        problem_row.addWidget(self.sentence, 1)
        problem_row.addWidget(self.go_to, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.editor, 1)
        layout.addLayout(problem_row)
        self.editor.textChanged.connect(self._changed)
        self._check()

    # --- the API the designer uses ---------------------------------------------------------

    def set_source(self, source: str) -> None:
        """Show ``source`` (a box was selected, or undone); does not emit ``edited``."""
        if source == self.source():
            return
        at = self.editor.textCursor().position()  # an undo in the designer keeps the cursor near
        self._setting = True
        try:
            self.editor.setPlainText(source)
        finally:
            self._setting = False
        cursor = self.editor.textCursor()
        cursor.setPosition(min(at, len(source)))
        self.editor.setTextCursor(cursor)
        self._check()

    def source(self) -> str:
        return self.editor.toPlainText()

    def text_fields(self) -> list[QWidget]:
        """The field whose Ctrl+Z the designer's history should take (as `BoxEditor.text_fields`)."""
        return [self.editor]

    def set_reason(self, reason: str) -> None:
        """Say why this box is shown as code: ``Unsupported.reason`` from the rich-text parser."""
        reason = reason.strip()
        if reason and reason[-1] not in ".!?":
            reason += "."
        self.header.setText(HEADER.format(reason=reason))

    @property
    def problem(self) -> Explanation | None:
        return self._problem

    def show_problem(self) -> None:
        """Put the cursor on the marked line (at the mistake when its column is known), in view."""
        if self._problem is None:
            return
        block = self.editor.document().findBlockByNumber(self._problem.line - 1)
        cursor = QTextCursor(block)
        if self._problem.column:
            cursor.movePosition(QTextCursor.MoveOperation.Right, n=self._problem.column - 1)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    # --- inside ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the app switched between light and dark
            self._highlighter.recolour()
            self._check()

    def _changed(self) -> None:
        if self._setting:
            return
        self._check()
        self.edited.emit(self.source())

    def _check(self) -> None:
        self._problem = check_box(self.source())
        self.sentence.setText(_unbroken_quotes(self._problem.sentence) if self._problem else "")
        self.sentence.setVisible(self._problem is not None)
        self.go_to.setVisible(self._problem is not None)
        self.editor.marked_line = self._problem.line if self._problem else None
        self.editor.setExtraSelections(self._marks())
        self.editor.gutter.update()

    def _marks(self) -> list[QTextEdit.ExtraSelection]:
        if self._problem is None:
            return []
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(QColor(style.theme_of().warm_soft))
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        mark.cursor = QTextCursor(self.editor.document().findBlockByNumber(self._problem.line - 1))
        return [mark]


def _unbroken_quotes(sentence: str) -> str:
    """Keep a short quoted piece of code such as “{% else %}” on one line when the sentence wraps."""
    return re.sub(r"“[^”]{1,24}”", lambda quoted: quoted.group(0).replace(" ", "\u00a0"), sentence)


def _monospace(base: QFont) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(base.pointSizeF(), 10.0))
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font
