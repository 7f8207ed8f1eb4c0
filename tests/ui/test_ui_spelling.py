"""Misspelt words are underlined in the message fields, with suggestions and "Add to the
dictionary" on right-click; a name inside a sentence is left alone."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPlainTextEdit

from studio.services.spelling import DICTIONARY, load_speller
from studio.spelling.checker import Speller


def test_the_checker_finds_typos_not_names() -> None:
    speller = Speller("en-GB")
    text = "Thnak you for your ordr, Zoë! I hope Henrik enjoys the lavendar."
    assert [m.word for m in speller.misspellings(text)] == ["Thnak", "ordr", "lavendar"]
    assert speller.suggestions("Thnak")[0] == "Thank" and speller.suggestions("lavendar")[0] == "lavender"
    speller.learn("ordr")
    assert [m.word for m in speller.misspellings(text)] == ["Thnak", "lavendar"]
    assert not Speller("tlh").available and Speller("tlh").misspellings("qapla") == []
    assert [m.word for m in Speller("de").misspellings("Schöne Feiertage und liebe Grüsse, Anna")] == []


def _point_at(edit: QPlainTextEdit, offset: int) -> QPoint:
    cursor = edit.textCursor()
    cursor.setPosition(offset)
    return edit.cursorRect(cursor).center()


def test_underlined_as_typed_with_suggestions_and_a_dictionary_of_ones_own(
    qtbot, open_app, app_paths
) -> None:
    window, context = open_app()
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.show()
    check = context.spelling.attach(edit)
    qtbot.waitUntil(lambda: check.highlighter is not None, timeout=20000)
    qtbot.keyClicks(edit, "Merry Christmas and thnak you, Brigitte!")
    formats = edit.document().firstBlock().layout().formats()
    wavy = "SpellCheckUnderline"
    underlined = [(f.start, f.length) for f in formats if f.format.underlineStyle().name == wavy]
    assert underlined == [(20, 5)]  # "thnak"; the name after the comma is left alone
    menu = check.suggestions_menu(_point_at(edit, 22))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "thank" and "Add “thnak” to the dictionary" in texts
    menu.actions()[0].trigger()
    assert edit.toPlainText() == "Merry Christmas and thank you, Brigitte!"

    edit.setPlainText("the lavendel order")
    menu = check.suggestions_menu(_point_at(edit, 6))
    next(a for a in menu.actions() if a.text().startswith("Add “lavendel”")).trigger()
    own = app_paths.data_dir / DICTIONARY  # written on a pool thread: the file comes before its word
    qtbot.waitUntil(lambda: own.exists() and own.read_text(encoding="utf-8") == "lavendel\n", timeout=5000)
    assert load_speller(app_paths, "en").misspellings("the lavendel order") == []
