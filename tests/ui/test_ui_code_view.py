"""The advanced code view of one box: a mistake is said in a sentence and its line is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from studio.cards.richtext import Unsupported, parse
from studio.ui import style
from studio.ui.cards.code_view import CodeView

BROKEN = ("Dear {{ contact|friendly }},\n\n{% if contact.spouse %}\n"
          "Love to you both, {{ sender.nam }}\n{% endif %}")


def _marked_lines(view: CodeView) -> list[int]:
    return [selection.cursor.blockNumber() + 1 for selection in view.editor.extraSelections()]


def _type_at_end_of_line(qtbot, view: CodeView, line: int, text: str) -> None:  # noqa: ANN001
    block = view.editor.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    view.editor.setTextCursor(cursor)
    qtbot.keyClicks(view.editor, text)


def test_a_broken_box_says_why_marks_its_line_and_clears_when_fixed(qtbot, styled_app) -> None:  # noqa: ANN001
    view = CodeView()
    qtbot.addWidget(view)
    view.resize(520, 260)
    view.show()
    seen: list[str] = []
    view.edited.connect(seen.append)

    view.set_source(BROKEN)
    assert seen == []  # showing a box is not an edit
    assert view.sentence.isVisible()
    assert view.problem is not None
    assert view.problem.sentence == ("There is no field called “sender.nam”; "
                                     "did you mean “Your name” (sender.name)?")
    assert view.sentence.text() == view.problem.sentence.replace("“Your name”", "“Your\u00a0name”")
    assert view.problem.line == 4
    assert _marked_lines(view) == [4] and view.editor.marked_line == 4
    selections = view.editor.extraSelections()
    tint = selections[0].format.background().color()
    assert tint == QColor(style.theme_of().warm_soft)

    # Fix the field by typing, as a person would: put the cursor after "nam" and add an "e".
    found = view.editor.document().find("sender.nam")
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(found.selectionEnd())
    view.editor.setTextCursor(cursor)
    qtbot.keyClicks(view.editor, "e")
    assert view.problem is None
    assert view.sentence.text() == "" and not view.sentence.isVisible()
    assert _marked_lines(view) == [] and view.editor.marked_line is None
    assert seen[-1] == BROKEN.replace("sender.nam", "sender.name")
    assert view.source() == seen[-1]


def test_each_keystroke_is_an_edit_and_a_new_problem_moves_the_mark(qtbot, styled_app) -> None:  # noqa: ANN001
    view = CodeView()
    qtbot.addWidget(view)
    view.set_source("Hello\n{% if contact.spouse %}both{% endif %}\nLove")
    assert view.problem is None
    seen: list[str] = []
    view.edited.connect(seen.append)
    _type_at_end_of_line(qtbot, view, 3, " {{ sender.name")
    assert len(seen) == len(" {{ sender.name")  # one signal per keystroke, not debounced
    assert seen[-1] == "Hello\n{% if contact.spouse %}both{% endif %}\nLove {{ sender.name"
    assert view.problem.sentence == "A field is not closed: add }} after “sender.name” on line 3."
    assert view.sentence.text() == view.problem.sentence
    assert _marked_lines(view) == [3]
    assert (view.problem.line, view.problem.column) == (3, 6)
    view.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.mouseClick(view.go_to, Qt.MouseButton.LeftButton)  # "Show me"
    assert view.editor.textCursor().blockNumber() == 2 and view.editor.textCursor().positionInBlock() == 5
    _type_at_end_of_line(qtbot, view, 3, " }}")
    assert view.problem is None and _marked_lines(view) == [] and view.go_to.isHidden()


def test_the_header_says_why_the_box_is_shown_as_code(qtbot, styled_app) -> None:  # noqa: ANN001
    view = CodeView()
    qtbot.addWidget(view)
    view.set_reason("it contains a note ({# … #})")
    assert view.header.text() == ("This box uses template code the visual editor cannot show: "
                                  "it contains a note ({# … #}).")
    assert view.sentence.textFormat() == Qt.TextFormat.PlainText


def test_undo_can_be_left_to_the_designer(qtbot, styled_app) -> None:  # noqa: ANN001
    own = CodeView()
    kept = CodeView(undo=False)
    for view in (own, kept):
        qtbot.addWidget(view)
        view.set_source("Hi")
        _type_at_end_of_line(qtbot, view, 1, "!")
    assert own.editor.document().isUndoAvailable()
    assert not kept.editor.isUndoRedoEnabled() and not kept.editor.document().isUndoAvailable()
    assert kept.text_fields() == [kept.editor]
    kept.editor.undo()
    assert kept.source() == "Hi!"


def test_the_gutter_numbers_the_lines_and_the_mark_is_painted(qtbot, styled_app) -> None:  # noqa: ANN001
    view = CodeView()
    qtbot.addWidget(view)
    view.resize(520, 260)
    view.show()
    view.set_source(BROKEN)
    qtbot.waitExposed(view)
    gutter = view.editor.gutter.grab().toImage()
    assert view.editor.gutter.width() >= view.editor.fontMetrics().horizontalAdvance("99")
    warm = QColor(style.theme_of().warm)
    line_height = view.editor.fontMetrics().height()

    def row(line: int) -> list[QColor]:
        block = view.editor.document().findBlockByNumber(line - 1)
        top = round(view.editor.blockBoundingGeometry(block).translated(view.editor.contentOffset()).top())
        return [gutter.pixelColor(x, top + line_height // 2) for x in range(0, 16)]

    assert any(_close(colour, warm) for colour in row(4))
    assert not any(_close(colour, warm) for colour in row(1))


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_a_switch_to_the_dark_theme_recolours_the_mark(qtbot, styled_app) -> None:  # noqa: ANN001
    view = CodeView()
    qtbot.addWidget(view)
    view.show()
    view.set_source(BROKEN)
    try:
        style.apply_style(styled_app, style.DARK)
        qtbot.waitUntil(lambda: _tint(view) == QColor(style.DARK.warm_soft))
    finally:
        style.apply_style(styled_app, style.LIGHT)
    qtbot.waitUntil(lambda: _tint(view) == QColor(style.LIGHT.warm_soft))


def _tint(view: CodeView) -> QColor:
    selections = view.editor.extraSelections()  # kept: the formats live only as long as the list
    return QColor(selections[0].format.background().color())


def test_a_source_from_the_designer_is_no_edit_and_keeps_the_cursor(qtbot, styled_app) -> None:  # noqa: ANN001
    view = CodeView(undo=False)
    qtbot.addWidget(view)
    seen: list[str] = []
    view.edited.connect(seen.append)
    view.set_source("Dear {{ contact|friendly }},\nsee you")
    _type_at_end_of_line(qtbot, view, 2, " soon")
    assert seen[-1] == "Dear {{ contact|friendly }},\nsee you soon"
    view.set_source("Dear {{ contact|friendly }},\nsee you")  # the designer's Undo
    assert seen[-1] == "Dear {{ contact|friendly }},\nsee you soon" and len(seen) == len(" soon")
    assert view.editor.textCursor().position() == len("Dear {{ contact|friendly }},\nsee you")


def test_the_reason_comes_from_the_rich_text_parser(qtbot, styled_app) -> None:  # noqa: ANN001
    source = "{% for child in contact.children %}{{ child.name }} {% endfor %}"
    parsed = parse(source)
    assert isinstance(parsed, Unsupported)
    view = CodeView(undo=False)
    qtbot.addWidget(view)
    view.set_reason(parsed.reason)
    view.set_source(source)
    assert view.header.text() == ("This box uses template code the visual editor cannot show: it uses "
                                  "{% for child in contact.children %}, which the designer cannot show.")
    assert view.problem is None and view.sentence.isHidden()
