"""Importing contacts in the app: the file dialog, dropping files, the report, the first run."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QTabWidget

from studio.store import open_store


def _names(view) -> set[str]:  # noqa: ANN001
    return {view.model.index(r, 0).data() for r in range(view.model.rowCount())}


def test_import_through_the_file_dialog_reports_problems_by_file_and_line(
    qtbot, open_app, corpus, monkeypatch, app_paths, idle
) -> None:
    chosen = [
        str(corpus / "folkerkinzel-vcards" / "v4.vcf"),
        str(corpus / "khard" / "text-bday.vcf"),
        str(corpus / "evolution-data-server" / "7.vcf"),
    ]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: (chosen, "Contact files"))
    window, context = open_app()
    contacts = window.show_view("contacts")
    window.import_action.trigger()  # File ▸ Import Contacts… (Ctrl+O)
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    report = window.importer.report_dialog
    # The report lists each file's problems by line, and the file that is not a vCard.
    tree = report.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert {"v4.vcf", "text-bday.vcf", "7.vcf"} <= set(rows)
    v4 = rows["v4.vcf"]
    assert any(
        v4.child(i).text(0) == "22" and "19723101" in v4.child(i).text(1) for i in range(v4.childCount())
    )
    bday = rows["text-bday.vcf"]
    assert any(
        bday.child(i).text(0) == "5" and "circa 1800" in bday.child(i).text(1)
        for i in range(bday.childCount())
    )
    assert "Not imported" in rows["7.vcf"].text(1)
    assert report.problem_count >= 2
    report.accept()
    # The contacts are in the store and in the table; the folder is remembered.
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 3, timeout=10000)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 3
    assert any("Mustermann" in name for name in _names(contacts))
    assert context.ui_settings.value("import/last_folder") == str(corpus / "folkerkinzel-vcards")


def _drop(window, paths) -> tuple[QDragEnterEvent, QDropEvent]:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(window.width() / 2, window.height() / 2)
    # Qt's drag events take a whole-pixel point, the drop a QPointF.
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    return enter, drop


def test_dropping_vcf_files_on_the_window_imports_them(qtbot, open_app, corpus, app_paths, tmp_path) -> None:
    window, context = open_app()
    contacts = window.show_view("contacts")
    # Something that is not a contact file is refused.
    note = tmp_path / "notes.txt"
    note.write_text("hello", encoding="utf-8")
    enter, _ = _drop(window, [note])
    assert not enter.isAccepted()

    enter, drop = _drop(window, [corpus / "text-vcard-perl" / "encoding2.vcf"])
    assert enter.isAccepted() and drop.isAccepted()
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    assert window.importer.report_dialog.problem_count == 0
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 2, timeout=10000)
    assert _names(contacts) == {"Bartholomäus von Stürmer", "Carl Gauß"}
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 2

    # Dropping the same file again changes nothing.
    window.importer.report_dialog.accept()
    window.importer.report_dialog = None
    _drop(window, [corpus / "text-vcard-perl" / "encoding2.vcf"])
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=30000)
    assert "2 unchanged" in window.importer.report_dialog.headline.text()
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 2


def test_first_run_offers_import_and_loads_the_sample_contacts(qtbot, open_app, app_paths, idle) -> None:
    window, context = open_app()
    qtbot.waitUntil(lambda: window.store_empty is True, timeout=10000)
    window.show_view("today")
    assert window.stack.currentWidget() is window.welcome_scroll
    tabs = window.welcome.findChildren(QTabWidget)[0]
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["iPhone / iCloud", "Android", "Google Contacts"]
    window.welcome.samples_button.click()
    qtbot.waitUntil(lambda: window.importer.report_dialog is not None, timeout=60000)
    window.importer.report_dialog.accept()
    qtbot.waitUntil(lambda: window.store_empty is False, timeout=10000)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() >= 30
    # With contacts in, Today takes the welcome page's place.
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.views.get("today"), timeout=10000)


def test_import_can_be_cancelled(qtbot, open_app, corpus, app_paths) -> None:
    window, context = open_app()
    files = sorted(corpus.rglob("*.vcf"))
    window.importer.start(files)
    task = window.importer.task
    task.cancel()
    qtbot.waitUntil(lambda: window.importer.task is None, timeout=60000)
    with open_store(app_paths.db_path) as store:
        count = store.contacts.count()
    assert count < 130  # stopped early; whatever files finished are kept whole
