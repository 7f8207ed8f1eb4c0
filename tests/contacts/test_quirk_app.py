"""The own quirk fixtures imported in the desktop app: the file dialog and its report by file and
line, dropping files on the window, cancelling (the corpus tests of tests/ui/test_ui_import.py,
mapped in test_quirk_fixtures.COVERED_BY). The window fixtures are the desktop tests' own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from studio.store import open_store
from tests.ui.conftest import app_paths, idle, open_app, styled_app  # noqa: F401 (fixtures)
from tests.ui.test_ui_import import _drop, _names

QUIRKS = Path(__file__).resolve().parent / "fixtures" / "quirks"


def test_import_through_the_file_dialog_reports_problems_by_file_and_line(
    qtbot, open_app, monkeypatch: pytest.MonkeyPatch, app_paths  # noqa: ANN001, F811
) -> None:
    chosen = [str(QUIRKS / name) for name in ("invalid-date.vcf", "text-birthday.vcf", "not-a-vcard.vcf")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: (chosen, "Contact files"))
    window, context = open_app()
    contacts = window.show_view("contacts")
    window.import_action.trigger()  # File ▸ Import Contacts… (Ctrl+O)
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    report = window.importer.report_dialog
    tree = report.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert {"invalid-date.vcf", "text-birthday.vcf", "not-a-vcard.vcf"} <= set(rows)

    def lines(row) -> list[tuple[str, str]]:  # noqa: ANN001
        return [(row.child(i).text(0), row.child(i).text(1)) for i in range(row.childCount())]

    assert any(line == "5" and "19813201" in text for line, text in lines(rows["invalid-date.vcf"]))
    assert any(line == "5" and "some spring" in text for line, text in lines(rows["text-birthday.vcf"]))
    assert "Not imported" in rows["not-a-vcard.vcf"].text(1)
    assert report.problem_count >= 2
    report.accept()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 2, timeout=10000)
    with open_store(app_paths.db_path) as store:
        assert sorted(c.display_name for c in store.contacts.list()) == ["Olaf Berg", "Pia Rowe"]
    assert _names(contacts) == {"Olaf Berg", "Pia Rowe"}
    assert context.ui_settings.value("import/last_folder") == str(QUIRKS)


def test_dropping_vcf_files_on_the_window_imports_them(qtbot, open_app, app_paths) -> None:  # noqa: ANN001, F811
    window, context = open_app()
    contacts = window.show_view("contacts")
    enter, drop = _drop(window, [QUIRKS / "nextcloud-without-n.vcf"])
    assert enter.isAccepted() and drop.isAccepted()
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    assert window.importer.report_dialog.problem_count == 0
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 4, timeout=10000)
    assert _names(contacts) == {"Ines Albrecht", "Rolando Vega", "Mei Okada", "Tobias Renner"}

    window.importer.report_dialog.accept()  # dropping the same file again changes nothing
    window.importer.report_dialog = None
    _drop(window, [QUIRKS / "nextcloud-without-n.vcf"])
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    assert "4 unchanged" in window.importer.report_dialog.headline.text()
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 4


def test_import_can_be_cancelled(qtbot, open_app, app_paths) -> None:  # noqa: ANN001, F811
    window, context = open_app()
    files = sorted(QUIRKS.glob("*.vcf"))
    window.importer.start(files)
    window.importer.task.cancel()
    qtbot.waitUntil(lambda: window.importer.task is None, timeout=60000)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() < 45  # stopped early; whatever files finished are kept whole
