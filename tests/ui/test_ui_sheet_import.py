"""Dropping sheets on the window: known exports import at once; an unknown layout is asked
about once, with its first rows and a field per column, and remembered."""

from __future__ import annotations

from pathlib import Path

from studio.store import open_store
from tests.ui.test_ui_import import _drop

FIXTURES = Path(__file__).resolve().parent.parent / "sources" / "fixtures"


def test_a_known_export_imports_without_a_question(qtbot, open_app, app_paths) -> None:
    window, _ = open_app()
    enter, drop = _drop(window, [FIXTURES / "google-new.csv"])
    assert enter.isAccepted() and drop.isAccepted()
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    assert window.importer.column_dialog is None
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 1


def test_an_unknown_sheet_is_mapped_once_and_remembered(qtbot, open_app, app_paths, tmp_path) -> None:
    window, _ = open_app()
    window.show_view("contacts")
    _drop(window, [FIXTURES / "own-sheet.tsv"])
    qtbot.waitUntil(lambda: window.importer.column_dialog is not None, timeout=30000)
    dialog = window.importer.column_dialog
    # The guesses: the German headers Card Studio knows are preset, "Kunde" is not.
    assert dialog.fields() == ["ignore", "birthday", "street", "city", "postal_code", "ignore"]
    assert dialog.grid.item(1, 0).text() == "Anna Weiß"
    import_button = dialog.buttons.buttons()[0]
    assert not import_button.isEnabled() and "name" in dialog.problem.text()
    dialog.grab().save(str(tmp_path / "column-map.png"))
    dialog.pickers[0].setCurrentIndex(dialog.pickers[0].findData("name"))
    assert import_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    with open_store(app_paths.db_path) as store:
        names = {store.contacts.get(i).name for i in store.contacts.ids()}
        assert names == {"Anna Weiß", "Karl Kraus"}
    # The same layout again: no question.
    window.importer.report_dialog.accept()
    window.importer.report_dialog = window.importer.column_dialog = None
    _drop(window, [FIXTURES / "own-sheet.tsv"])
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    assert window.importer.column_dialog is None
    assert "2 unchanged" in window.importer.report_dialog.headline.text()
