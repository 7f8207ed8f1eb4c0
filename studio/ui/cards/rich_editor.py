"""The text box's words, edited like a word processor: bold, italic, underline, colour, chips.

`RichTextField` shows a box's template source (`studio.cards.richtext`) as formatted text
with its merge fields and conditions as chips, and hands every change back as source, the
template format on disk. A change is announced with ``changed(source, step)``: ``step`` is
"" for typing (a burst of keys is one step of the designer's history) and names the step
otherwise ("Bold", "Insert “First name”"), which is then a step of its own. The field keeps
no undo history of its own: the designer's undo stack takes every step back.

A box the visual editor cannot show (a loop, a note, an unknown field) is edited as its
source instead, in the advanced code view (`code_view.CodeView`: line numbers, the mistake
in one sentence with its line marked), with a sentence saying why: `show_as_source`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.cards import richtext
from studio.cards.richtext import CONDITIONS, FIELDS, Segment, Style, Unsupported
from studio.ui.cards import rich_document as document
from studio.ui.cards.code_view import CodeView
from studio.ui.cards.rich_chips import CHIP_TYPE, ChipPainter, has_chip_properties, text_format

MIME_SOURCE = "application/x-card-studio-template"  # chips survive copy and paste inside the app
_STYLE_KEYS = {Qt.Key.Key_B: "bold", Qt.Key.Key_I: "italic", Qt.Key.Key_U: "underline"}
_STYLE_STEPS = {"bold": "Bold", "italic": "Italic", "underline": "Underline"}


class ChipTextEdit(QTextEdit):
    """A QTextEdit where Enter is a line break, Ctrl+B/I/U style the selection and chips copy whole."""

    style_key = Signal(str)  # "bold", "italic" or "underline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)  # the designer's history undoes edits (and names them)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)  # Tab moves on to the font, as in the rest of the form
        self._chips = ChipPainter(self)
        self.document().documentLayout().registerHandler(CHIP_TYPE, self._chips)

    def _style_for(self, event: QKeyEvent) -> str:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier:
            return _STYLE_KEYS.get(Qt.Key(event.key()), "")
        return ""

    def event(self, event) -> bool:  # noqa: ANN001 - QEvent
        # Claim Ctrl+B/I/U before a window shortcut could, so they always style the words here.
        if event.type() == event.Type.ShortcutOverride and self._style_for(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        style = self._style_for(event)
        if style:
            self.style_key.emit(style)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # A new line on the card is <br/>; a bare newline would print as a space.
            self.textCursor().insertText(document.LINE_BREAK)
            return
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt's name
        cursor = self.textCursor()
        mime = QMimeData()
        segments = document.read(self.document(), cursor.selectionStart(), cursor.selectionEnd())
        mime.setData(MIME_SOURCE, richtext.write(segments).encode("utf-8"))
        mime.setText("".join(s.label if s.label else s.source for s in segments))
        return mime

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        cursor = self.textCursor()
        if source.hasFormat(MIME_SOURCE):
            segments = richtext.parse(bytes(source.data(MIME_SOURCE)).decode("utf-8"))
            if not isinstance(segments, Unsupported):
                document.insert_segments(cursor, segments)
                return
        # Words from elsewhere come without their fonts; their new lines are new lines on the card.
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        cursor.insertText(text.replace("\n", document.LINE_BREAK))


def _tool(text: str, tip: str, slot: Callable[[], None], *, checkable: bool = False) -> QToolButton:
    tool = QToolButton()
    tool.setText(text)
    tool.setToolTip(tip)
    tool.setAccessibleName(tip.split(" (")[0])  # "Bold", not the letter B
    tool.setCheckable(checkable)
    tool.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the words keep the focus and the selection
    tool.clicked.connect(lambda _checked=False: slot())
    return tool


class RichTextField(QWidget):
    """A box's words with a small toolbar; ``box_row`` takes the box's size and alignment."""

    changed = Signal(str, str)  # (the new template source, the step's name or "" for typing)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = ""
        self._busy = False  # True while the field changes its own document
        self.editor = ChipTextEdit()
        self.editor.setPlaceholderText("The box's words. Insert field adds the person's name and more.")
        self.editor.setFixedHeight(104)  # the side panel still shows font and place on a small screen
        self.editor.style_key.connect(self.toggle_style)
        self.editor.document().contentsChanged.connect(self._typed)
        self.editor.currentCharFormatChanged.connect(self._format_changed)
        self.editor.cursorPositionChanged.connect(self._show_style)

        self.bold = _tool("B", "Bold (Ctrl+B)", lambda: self.toggle_style("bold"), checkable=True)
        self.italic = _tool("I", "Italic (Ctrl+I)", lambda: self.toggle_style("italic"), checkable=True)
        self.underline = _tool("U", "Underline (Ctrl+U)", lambda: self.toggle_style("underline"),
                               checkable=True)
        looks = ((self.bold, "setBold"), (self.italic, "setItalic"), (self.underline, "setUnderline"))
        for tool, attr in looks:
            font = QFont(tool.font())
            getattr(font, attr)(True)
            tool.setFont(font)
        self.colour = _tool("A", "Colour of the chosen words", self._choose_colour)
        self.colour.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        colour_menu = QMenu(self.colour)
        colour_menu.addAction("Choose a colour…", self._choose_colour)
        colour_menu.addAction("The box's own colour", lambda: self.set_selection_colour(""))
        self.colour.setMenu(colour_menu)
        self.box_row = QHBoxLayout()  # the box's own size and alignment, put here by the box editor
        self.box_row.setSpacing(2)
        style_row = QHBoxLayout()
        style_row.setSpacing(2)
        for tool in (self.bold, self.italic, self.underline, self.colour):
            style_row.addWidget(tool)
        style_row.addSpacing(6)
        style_row.addLayout(self.box_row)
        style_row.addStretch(1)

        self.field_menu = QMenu("Insert field", self)
        for expression, name in FIELDS.items():
            self.field_menu.addAction(name, lambda e=expression: self.insert_field(e))
        self.condition_menu = QMenu("Insert condition", self)
        for condition, name in CONDITIONS.items():
            title = name[:1].upper() + name[1:]
            self.condition_menu.addAction(title, lambda c=condition: self.insert_condition(c))
        self.condition_menu.addSeparator()
        self.condition_menu.addAction("Otherwise (words for when it is not so)", self.insert_otherwise)
        insert_row = QHBoxLayout()
        insert_row.setSpacing(6)
        for menu, tip in (
            (self.field_menu, "Put the person's name, age and more into the words, as a chip"),
            (self.condition_menu, "Words that print only sometimes: wraps the chosen words"),
        ):
            tool = QToolButton()
            tool.setText(menu.title())
            tool.setToolTip(tip)
            tool.setMenu(menu)
            tool.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            tool.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            insert_row.addWidget(tool)
        insert_row.addStretch(1)
        self.problem = QLabel()
        self.problem.setObjectName("warningText")
        self.problem.setWordWrap(True)
        self.problem.hide()

        rich = QWidget()
        rich_layout = QVBoxLayout(rich)
        rich_layout.setContentsMargins(0, 0, 0, 0)
        rich_layout.setSpacing(4)
        rich_layout.addLayout(style_row)
        rich_layout.addLayout(insert_row)
        rich_layout.addWidget(self.editor)
        rich_layout.addWidget(self.problem)

        # For a box the chips cannot show: its source in the code view. It stays up while the
        # person types, even once the source could be shown as chips, until another box is chosen.
        self.code_view = CodeView(undo=False)
        self.code_view.editor.setFixedHeight(160)  # eight lines: a hand-written box is rarely longer
        self.code_view.edited.connect(self._source_typed)

        self.pages = QStackedWidget()
        self.pages.addWidget(rich)
        self.pages.addWidget(self.code_view)
        self.pages.currentChanged.connect(self._fit_page)
        self._fit_page(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setFocusProxy(self.editor)

    # --- what is shown ------------------------------------------------------------------

    def _fit_page(self, shown: int) -> None:
        """Take the height of the page on show: the taller code view would leave a gap under
        the visual editor (and push the side column's scroll)."""
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == shown else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.adjustSize()
        self.updateGeometry()

    def source(self) -> str:
        """The box's template source as the field last left it."""
        return self._source

    def is_visual(self) -> bool:
        """False while the box is shown as its source (the visual editor cannot show it)."""
        return self.pages.currentIndex() == 0

    def text_fields(self) -> list[QWidget]:
        return [self.editor, *self.code_view.text_fields()]

    def set_source(self, source: str) -> None:
        """Show ``source`` (without announcing a change); the same source keeps the cursor."""
        if source == self._source and self.editor.document().characterCount() > 1:
            return
        self._source = source
        segments = richtext.parse(source)
        if isinstance(segments, Unsupported):
            self.show_as_source(source, segments.reason)
            return
        self.pages.setCurrentIndex(0)
        position = self.editor.textCursor().position()
        self._busy = True
        try:
            document.load(self.editor.document(), segments)
        finally:
            self._busy = False
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(cursor)
        self._show_problem(segments)

    def show_as_source(self, source: str, reason: str) -> None:
        """The one place a box the chips cannot show is edited: the code view, saying why."""
        self.code_view.set_reason(reason)
        self.code_view.set_source(source)
        self.pages.setCurrentIndex(1)

    def clear_box(self) -> None:
        """No box chosen: nothing shown, the visual editor on top."""
        self._source = ""
        self._busy = True
        try:
            self.editor.clear()
        finally:
            self._busy = False
        self.code_view.set_source("")
        self.problem.hide()
        self.pages.setCurrentIndex(0)

    def _show_problem(self, segments: list[Segment]) -> None:
        problem = document.condition_problem(segments)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def _format_changed(self, fmt: QTextCharFormat) -> None:
        # Just after a chip, what is typed next is words, not chip. (With words chosen, setting
        # the format would restyle them, chips and all: only the bare cursor is fixed.)
        if has_chip_properties(fmt) and not self._busy and not self.editor.textCursor().hasSelection():
            self.editor.setCurrentCharFormat(text_format(fmt))
        self._show_style()

    def _show_style(self) -> None:
        style = document.style_of(self.editor.currentCharFormat())
        self.bold.setChecked(style.bold)
        self.italic.setChecked(style.italic)
        self.underline.setChecked(style.underline)

    # --- changes ------------------------------------------------------------------------

    def _typed(self) -> None:
        if not self._busy:
            self._sync("")

    def _source_typed(self, source: str) -> None:
        if source != self._source:
            self._source = source
            self.changed.emit(source, "")

    def _sync(self, step: str) -> None:
        segments = document.read(self.editor.document())
        self._show_problem(segments)
        source = richtext.write(segments)
        if source != self._source:
            self._source = source
            self.changed.emit(source, step)

    def _edit(self, step: str, change: Callable[[QTextCursor], None]) -> None:
        """Make ``change`` to the document as one named step."""
        cursor = self.editor.textCursor()
        self._busy = True
        try:
            change(cursor)
        finally:
            self._busy = False
        self._sync(step)

    def _restyle(self, step: str, change: Callable[[Style], Style]) -> None:
        """Give the chosen words (chips too) the style ``change`` makes of theirs."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():  # no words chosen: the next words typed get it
            fmt = document.char_format(change(document.style_of(self.editor.currentCharFormat())))
            self.editor.setCurrentCharFormat(fmt)
            self._show_style()
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()

        def restyle(cursor: QTextCursor) -> None:
            segments = document.read(self.editor.document(), start, end)
            styled = [Segment(s.kind, s.source, s.label, change(s.style)) for s in segments]
            cursor.removeSelectedText()
            document.insert_segments(cursor, styled)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)

        self._edit(step, restyle)
        self._show_style()

    def toggle_style(self, attr: str) -> None:
        """Bold, italic or underline the chosen words (off again when all of them have it)."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            words = document.read(self.editor.document(), cursor.selectionStart(), cursor.selectionEnd())
            styled = [s for s in words if s.kind in ("text", "field")] or words
            on = not all(getattr(s.style, attr) for s in styled)
        else:
            on = not getattr(document.style_of(self.editor.currentCharFormat()), attr)
        self._restyle(_STYLE_STEPS[attr] if on else f"No {_STYLE_STEPS[attr].lower()}",
                      lambda style: Style(**{**style.__dict__, attr: on}))

    def set_selection_colour(self, colour: str) -> None:
        """Colour the chosen words ``colour`` ("#rrggbb"), or "" for the box's own colour."""
        colour = QColor(colour).name() if colour else ""
        self._restyle("Colour" if colour else "Box colour",
                      lambda style: Style(style.bold, style.italic, style.underline, colour))

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor("#6b2f5b"), self, "Colour of the chosen words")
        if chosen.isValid():
            self.set_selection_colour(chosen.name())

    def _chip_style(self) -> Style:
        return document.style_of(self.editor.currentCharFormat())

    def insert_field(self, expression: str) -> None:
        """Put the field ``expression`` (a key of `richtext.FIELDS`) at the cursor, as a chip."""
        label = FIELDS[expression]
        chip = Segment("field", f"{{{{ {expression} }}}}", label, self._chip_style())
        self._edit(f"Insert “{label}”", lambda cursor: document.insert_segments(cursor, [chip]))

    def insert_condition(self, condition: str) -> None:
        """Wrap the chosen words in ``condition`` (a key of `CONDITIONS`), or put an empty one in."""
        label = CONDITIONS[condition]
        opening = Segment("if", f"{{% if {condition} %}}", label)
        ending = Segment("endif", "{% endif %}", "end")

        def wrap(cursor: QTextCursor) -> None:
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            cursor.clearSelection()
            cursor.setPosition(end)
            document.insert_segments(cursor, [ending])
            cursor.setPosition(start)
            document.insert_segments(cursor, [opening])
            if start == end:  # nothing chosen: the cursor waits between the two chips
                self.editor.setTextCursor(cursor)

        self._edit(f"Insert condition “{label}”", wrap)

    def insert_otherwise(self) -> None:
        otherwise = Segment("else", "{% else %}", "otherwise")
        self._edit("Insert “otherwise”", lambda cursor: document.insert_segments(cursor, [otherwise]))
