"""The designer's words are edited like a word processor: merge fields and conditions are chips,
Ctrl+B/I/U style the chosen words, every change is a step of the designer's own history, and the
saved template is the same Jinja as before; a box the chips cannot show stays editable as source."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.cards import load_template
from studio.cards.richtext import Unsupported, parse, write
from studio.services import card_render, my_templates
from studio.store import open_store
from studio.ui.cards import rich_document
from studio.ui.cards.rich_chips import OBJECT_CHAR
from studio.ui.cards.rich_editor import RichTextField

TODAY = dt.date(2026, 11, 20)  # the app's fixed today in tests/ui/conftest.py
TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "cards"
ROWS = {"contacts": 1, "cards": 2}


def _designer(qtbot, open_app, seed, person):  # noqa: ANN001, ANN202
    ids = seed(person("Zoë", "Ångström-Núñez", birthday="1986-12-14"))
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    return window, context, view, ids


def _box(designer, name: str, panel: str = "front"):  # noqa: ANN001, ANN202
    return next(t for t in designer.template.panel(panel).texts if t.name == name)


def _select(edit, start: int, end: int) -> None:  # noqa: ANN001
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def _action(menu, text: str):  # noqa: ANN001, ANN202
    return next(a for a in menu.actions() if a.text() == text)


def _shown(edit) -> str:  # noqa: ANN001
    return edit.toPlainText()


def test_every_bundled_box_shows_and_writes_back_the_same_source(qapp) -> None:
    doc = QTextDocument()
    shown = 0
    for text in _bundled_texts():
        segments = parse(text)
        if isinstance(segments, Unsupported):
            continue
        rich_document.load(doc, segments)
        assert write(rich_document.read(doc)) == text
        shown += 1
    assert shown > 40


def _bundled_texts() -> list[str]:
    import tomllib

    texts = []
    for folder in sorted(TEMPLATES.iterdir()):
        if (folder / "template.toml").exists():
            data = tomllib.loads((folder / "template.toml").read_text(encoding="utf-8"))
            for panel in data.get("panels", []):
                for box in panel.get("texts", []):
                    file = box.get("file")
                    texts.append((folder / file).read_text(encoding="utf-8") if file else box.get("text", ""))
    return texts


def test_a_single_newline_shows_as_the_space_it_prints_as_and_a_blank_line_as_a_paragraph(qtbot) -> None:
    field = RichTextField()
    qtbot.addWidget(field)
    source = "Dear {{ contact|friendly }},\n\nThank you\nfor everything."
    field.set_source(source)
    edit = field.editor
    assert _shown(edit) == f"Dear {OBJECT_CHAR},\n\nThank you for everything."  # as the card prints it
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, " Always.")  # typed words are words: their space is a space
    assert field.source() == source + " Always."
    cursor = edit.textCursor()
    cursor.setPosition(len(f"Dear {OBJECT_CHAR},\n\nThank you "))  # just after the newline's space
    edit.setTextCursor(cursor)
    QTest.keyClicks(edit, "so ")
    assert field.source() == "Dear {{ contact|friendly }},\n\nThank you\nso for everything. Always."


def test_chips_are_one_character_and_conditions_wrap_the_chosen_words(qtbot) -> None:
    field = RichTextField()
    qtbot.addWidget(field)
    steps: list[tuple[str, str]] = []
    field.changed.connect(lambda source, step: steps.append((source, step)))
    field.set_source("Dear {{ contact|friendly }},")
    edit = field.editor
    assert _shown(edit) == f"Dear {OBJECT_CHAR}," and steps == []  # showing is not an edit
    cursor = edit.textCursor()
    cursor.setPosition(6)  # just after the chip: what is typed there is words, not part of the chip
    edit.setTextCursor(cursor)
    QTest.keyClicks(edit, "!")
    assert field.source() == "Dear {{ contact|friendly }}!," and steps[-1][1] == ""
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)  # the whole chip goes, never half of it
    assert field.source() == "Dear ," and steps[-1] == ("Dear ,", "")

    field.set_source("See you and Henrik soon")
    _select(field.editor, 8, 18)  # "and Henrik"
    _action(field.condition_menu, "Only when they have a spouse").trigger()
    assert field.source() == "See you {% if contact.spouse %}and Henrik{% endif %} soon"
    assert steps[-1][1] == "Insert condition “only when they have a spouse”"
    assert not field.problem.isVisible()
    cursor = edit.textCursor()
    cursor.setPosition(8)
    edit.setTextCursor(cursor)
    QTest.keyClick(edit, Qt.Key.Key_Delete)  # the condition without its end: said in a sentence
    assert field.source() == "See you and Henrik{% endif %} soon"
    assert "has no condition before it" in field.problem.text()

    field.set_source("Hello")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(edit, Qt.Key.Key_Return)  # Enter: a new line on the card
    QTest.keyClicks(edit, "Hi")
    assert field.source() == "Hello<br/>Hi"
    _select(edit, 0, 5)
    QTest.keyClick(edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    field.set_selection_colour("#AA0000")
    assert field.source() == '<font color="#aa0000"><i><u>Hello</u></i></font><br/>Hi'
    assert field.italic.isChecked() and field.underline.isChecked() and not field.bold.isChecked()
    field.set_selection_colour("")
    assert field.source() == "<i><u>Hello</u></i><br/>Hi"

    field.set_source("{{ sender.name }} and {{ contact.given_name }}")
    edit.selectAll()
    edit.copy()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.paste()
    assert field.source() == "{{ sender.name }} and {{ contact.given_name }}" * 2
    field.set_source("")
    QApplication.clipboard().setText("Warmly,\nMaya")  # words from elsewhere: their lines stay lines
    edit.paste()
    assert field.source() == "Warmly,<br/>Maya"


def test_a_box_the_chips_cannot_show_is_edited_as_its_source(qtbot, open_app, seed, person,
                                                              app_paths) -> None:
    # A card written by hand: its inside greets each child in a loop, which no chip can show.
    mine = my_templates.duplicate_template(app_paths, "birthday-balloons", name="Balloons by hand")
    inside = app_paths.user_templates_dir / mine.id / "inside.j2"
    inside.write_text("Dear {{ contact|friendly }},\n{% for child in contact.children %}"
                      "Hugs to {{ child.name }}! {% endfor %}\n\n{{ message }}", encoding="utf-8")
    window, context, view, ids = _designer(qtbot, open_app, seed, person)
    view.open_designer(next(t for t in view.templates if t.id == mine.id))
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    designer.tabs.setCurrentIndex(1)
    designer.select_box("message")
    words = designer.box_editor.text
    code = words.code_view
    assert not words.is_visual() and code.isVisible() and code.problem is None
    assert code.header.text() == (
        "This box uses template code the visual editor cannot show: it uses {% for child in "
        "contact.children %}, which the designer cannot show."
    )
    source = _box(designer, "message", "inside").text
    assert code.source() == source
    code.editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(code.editor, "See you soon!")
    assert _box(designer, "message", "inside").text == source + "See you soon!"
    QTest.keyClicks(code.editor, " {{ contact.frist_name }")  # a typo: said in a sentence, its line marked
    assert code.problem is not None and code.sentence.isVisible()
    assert "frist_name" in code.problem.sentence and "Jinja" not in code.problem.sentence
    assert code.editor.marked_line == source.count("\n") + 1
    qtbot.waitUntil(lambda: "frist_name" in designer.last_error, timeout=30000)  # the preview says it too
    assert "/" not in designer.last_error and ".j2" not in designer.last_error  # in words, never a path
    for _ in " {{ contact.frist_name }":
        QTest.keyClick(code.editor, Qt.Key.Key_Backspace)
    assert code.problem is None and _box(designer, "message", "inside").text == source + "See you soon!"
    assert window.undo_action.text() == "&Undo Change “message” words"
    designer.select_box("signature")  # a box it can show: the visual editor again
    assert words.is_visual() and _shown(words.editor) == OBJECT_CHAR
    window.undo_action.trigger()
    assert _box(designer, "message", "inside").text == source
    window.resize(1024, 600)
    qtbot.wait(50)
    window.grab().save(str(context.paths.data_dir / "designer-source-fallback.png"))


def test_insert_bold_picture_undo_save_reopen_and_render(
    qtbot, open_app, seed, person, app_paths, tmp_path, idle
) -> None:
    mine = my_templates.duplicate_template(app_paths, "thank-you-order", name="Rosa's thanks")
    window, context, view, ids = _designer(qtbot, open_app, seed, person)
    window.activateWindow()
    qtbot.waitActive(window)
    gallery = view.gallery
    assert gallery.select_template(mine.id)
    gallery.delete_button.click()  # a step of the gallery's own history
    qtbot.waitUntil(lambda: all(t.id != mine.id for t in view.templates), timeout=20000)
    gallery_steps = (gallery.undo_stack.count(), gallery.undo_stack.index())
    contacts_steps = (window.undo_stacks["contacts"].count(), window.undo_stacks["contacts"].index())

    view.open_designer(next(t for t in view.templates if t.id == "birthday-balloons"), ids[0])
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None and designer.contact is not None, timeout=30000)
    assert designer.undo_stack is not gallery.undo_stack and not window.undo_action.isEnabled()
    designer.select_box("greeting")
    words = designer.box_editor.text
    edit = words.editor
    assert words.is_visual() and _shown(edit) == "Happy Birthday"
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, ", dear ")
    assert _box(designer, "greeting").text == "Happy Birthday, dear "

    _action(words.field_menu, "First name").trigger()  # Insert field ▸ First name
    assert _box(designer, "greeting").text == "Happy Birthday, dear {{ contact.given_name }}"
    assert _shown(edit) == f"Happy Birthday, dear {OBJECT_CHAR}"
    assert window.undo_action.text() == "&Undo Insert “First name” in “greeting”"

    _select(edit, 6, 14)  # "Birthday"
    QTest.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert _box(designer, "greeting").text == "Happy <b>Birthday</b>, dear {{ contact.given_name }}"
    assert window.undo_action.text() == "&Undo Bold in “greeting”" and words.bold.isChecked()

    photo = tmp_path / "camera" / "lighthouse.png"
    photo.parent.mkdir()
    Image.new("RGB", (400, 300), "#2a6f97").save(photo)
    designer.toolbar.add_picture.trigger()  # Add ▸ Add picture…, then the file is chosen
    dialog = designer.items.file_dialog
    dialog.fileSelected.emit(str(photo))
    dialog.reject()
    window.activateWindow()  # the closed file dialog hands the keys back to the window
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: any(i.name == "picture-1" for i in designer.template.panel("front").images),
                    timeout=10000)
    assert window.undo_action.text() == "&Undo Add picture “picture-1”"

    def undo() -> None:  # Ctrl+Z in the words (the designer's step, never the field's own) or on the card
        target = edit if edit.isEnabled() else designer.canvas
        target.setFocus()
        QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    undo()
    assert "picture-1" not in designer.canvas.pictures
    assert window.undo_action.text() == "&Undo Bold in “greeting”"
    designer.select_box("greeting")
    undo()
    assert _box(designer, "greeting").text == "Happy Birthday, dear {{ contact.given_name }}"
    assert words.source() == _box(designer, "greeting").text and not words.bold.isChecked()
    undo()
    assert _box(designer, "greeting").text == "Happy Birthday, dear "
    assert _shown(edit) == "Happy Birthday, dear "
    assert (gallery.undo_stack.count(), gallery.undo_stack.index()) == gallery_steps
    assert (window.undo_stacks["contacts"].count(), window.undo_stacks["contacts"].index()) == contacts_steps
    for _ in range(3):
        window.redo_action.trigger()
    assert _box(designer, "greeting").text == "Happy <b>Birthday</b>, dear {{ contact.given_name }}"
    assert "picture-1" in designer.canvas.pictures

    window.sidebar.setCurrentRow(ROWS["contacts"])  # leaving with unsaved edits asks first
    qtbot.waitUntil(lambda: bool(designer.leave_prompt and designer.leave_prompt.isVisible()), timeout=5000)
    designer.leave_prompt.button(QMessageBox.StandardButton.Cancel).click()
    assert view.stack.currentWidget() is designer and designer.has_unsaved_edits()
    assert window.undo_group.activeStack() is designer.undo_stack

    designer._save("my-birthday", "My birthday", None)
    qtbot.waitUntil(lambda: designer.template.id == "my-birthday", timeout=30000)
    folder = app_paths.user_templates_dir / "my-birthday"
    saved = load_template(folder)
    greeting = next(t for t in saved.panel("front").texts if t.name == "greeting")
    assert greeting.text == "Happy <b>Birthday</b>, dear {{ contact.given_name }}"
    assert "<b>Birthday</b>, dear {{ contact.given_name }}" in (folder / "template.toml").read_text("utf-8")

    qtbot.waitUntil(lambda: any(t.id == "my-birthday" for t in view.templates), timeout=30000)
    designer._back()
    assert window.undo_group.activeStack() is gallery.undo_stack
    assert window.undo_action.text().replace("&", "") == "Undo Delete card 'Rosa's thanks'"
    view.open_designer(next(t for t in view.templates if t.id == "my-birthday"))
    qtbot.waitUntil(lambda: designer.template.id == "my-birthday" and designer.last_result is not None,
                    timeout=30000)
    designer.select_box("greeting")
    assert _shown(edit) == f"Happy Birthday, dear {OBJECT_CHAR}" and not designer.has_unsaved_edits()
    undo()  # nothing of the designer's to undo, and the gallery's step is not undone from here
    assert (gallery.undo_stack.count(), gallery.undo_stack.index()) == gallery_steps

    out = tmp_path / "card.pdf"
    with open_store(app_paths.db_path) as store:
        card_render.render_for_contacts(store, app_paths, "my-birthday", ids, out, today=TODAY)
    text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Happy Birthday, dear Zoë" in " ".join(text.split())
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Dear Zoë" in words  # the inside, filled for her as before

    designer._back()
    window.undo_action.trigger()  # the gallery's delete, undone after all that designing
    qtbot.waitUntil(lambda: any(t.id == mine.id for t in view.templates), timeout=20000)
    idle(context)


def test_misspelt_words_in_a_box_are_underlined_with_suggestions(qtbot, open_app, seed, person) -> None:
    window, context, view, ids = _designer(qtbot, open_app, seed, person)
    view.open_designer(next(t for t in view.templates if t.id == "welcome-arches"))
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    check = designer.box_spelling
    qtbot.waitUntil(lambda: check.highlighter is not None, timeout=20000)
    designer.select_box("subtitle")  # <i>{{ contact|friendly }}, we’re so glad you’re here</i>
    edit = designer.box_editor.text.editor
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(edit, " thnak")
    cursor = edit.textCursor()
    cursor.setPosition(cursor.position() - 2)
    menu = check.suggestions_menu(edit.cursorRect(cursor).center())
    assert menu.actions()[0].text() == "thank"
    menu.actions()[0].trigger()
    box = _box(designer, "subtitle")
    assert box.text == "<i>{{ contact|friendly }}, we’re so glad you’re here thank</i>"
    assert window.undo_action.text() == "&Undo Change “subtitle” words"


def test_the_designers_message_takes_a_verse_and_is_spell_checked(qtbot, open_app, seed, person) -> None:
    window, context, view, ids = _designer(qtbot, open_app, seed, person)
    view.open_designer(next(t for t in view.templates if t.id == "birthday-balloons"))
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    assert designer.side.verse_button.isVisible()
    picker = designer.side.choose_verse(["birthday"])
    assert {picker.list.item(i).data(Qt.ItemDataRole.UserRole).occasion
            for i in range(picker.list.count())} == {"birthday"}
    verse = picker.list.item(0).data(Qt.ItemDataRole.UserRole).text
    picker.list.setCurrentRow(0)
    picker.accept()
    assert designer.message.toPlainText() == verse and designer.has_unsaved_edits()
    window.undo_action.trigger()  # the verse is a step of the designer's history
    assert designer.message.toPlainText() == ""

    check = designer.message_spelling
    qtbot.waitUntil(lambda: check.highlighter is not None, timeout=20000)
    designer.message.setFocus()
    qtbot.keyClicks(designer.message, "Thankk you")
    formats = designer.message.document().firstBlock().layout().formats()
    wavy = "SpellCheckUnderline"
    underlined = [(f.start, f.length) for f in formats if f.format.underlineStyle().name == wavy]
    assert underlined == [(0, 6)]
