"""Contacts fixes: import progress in contacts, a race in the progress dialog, a narrow
window, the import report's long messages, asking before discarding edits, and the
layout remembered across runs."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from studio.cli.context import CliContext, progress_line
from studio.contacts.reader import Problem
from studio.paths import AppPaths
from studio.progress import Progress
from studio.services.addressbook import ImportReport, import_vcards
from studio.store import open_store
from studio.ui.contacts.editor import ContactEditor
from studio.ui.contacts.importer import ImportReportDialog
from studio.ui.contacts.layout import fit_widths


def _vcf(path: Path, count: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        for n in range(count):
            out.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"N:Person{n};Anna;;;\r\nFN:Anna Person{n}\r\nEMAIL:anna{n}@example.com\r\n"
                f"BDAY:1980-{n % 12 + 1:02d}-{n % 28 + 1:02d}\r\nEND:VCARD\r\n"
            )
    return path


# --- 1. progress counts contacts, also for one file ---------------------------------------


def test_import_progress_counts_contacts_across_files(tmp_path: Path) -> None:
    one, two = _vcf(tmp_path / "phone.vcf", 30), _vcf(tmp_path / "more.vcf", 10)
    steps: list[tuple[int, int, str]] = []
    with open_store(tmp_path / "db.sqlite3") as store:
        import_vcards(store, [one, two], Progress(report=lambda *step: steps.append(step)))
    reading = [s for s in steps if s[2].startswith("Reading")]
    assert [s[:2] for s in reading] == [(0, 0), (0, 0)]  # how many contacts is not known yet
    assert "phone.vcf (1 of 2 files)" in reading[0][2]
    counting = [s for s in steps if not s[2].startswith("Reading")]
    assert {total for _, total, _ in counting} == {40}
    done = [d for d, _, _ in counting]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 40
    assert (35, 40, "more.vcf: 5 of 10 contacts") in counting


def test_the_cli_progress_line_shows_contacts_of_the_whole_import(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    ctx = CliContext(paths=AppPaths.resolve(db=":memory:"), out=io.StringIO(), err=err)
    with open_store(tmp_path / "db.sqlite3") as store, progress_line(ctx) as progress:
        import_vcards(store, [_vcf(tmp_path / "phone.vcf", 12)], progress)
    assert "\rReading phone.vcf" in err.getvalue()  # no "0/0" counter while reading
    assert "7/12 phone.vcf: 7 of 12 contacts" in err.getvalue()


def test_the_progress_bar_moves_for_a_single_file(qtbot, open_app, tmp_path: Path) -> None:
    big = _vcf(tmp_path / "big.vcf", 1500)
    window, context = open_app()
    importer = window.importer
    importer.start([big])
    dialog = importer.progress_dialog
    seen: list[tuple[int, int, str]] = []
    # Connected after the controller, so this sees the dialog as the controller left it.
    importer.task.signals.progress.connect(
        lambda *_: seen.append((dialog.value(), dialog.maximum(), dialog.labelText()))
    )
    qtbot.waitUntil(lambda: importer.report_dialog is not None, timeout=60000)
    counted = [s for s in seen if s[1] > 0]  # after reading, when the number is known
    assert counted and {maximum for _, maximum, _ in counted} == {1500}
    for value, _, label in counted:  # the bar says what the label says
        match = re.fullmatch(r"big\.vcf: (\d+) of 1500 contacts", label)
        assert match is None or value == int(match.group(1))
    assert counted[-1][0] == 1500
    importer.report_dialog.accept()


# --- 2. the import may finish inside QProgressDialog.setValue -----------------------------


def test_progress_survives_the_import_finishing_inside_set_value(qtbot, open_app, tmp_path: Path) -> None:
    window, context = open_app()
    importer = window.importer
    importer.start([_vcf(tmp_path / "few.vcf", 3)])
    dialog = importer.progress_dialog
    dialog.forceShow()  # from now on setValue processes events (the dialog is window-modal)
    assert importer.task.finished.wait(30)  # its "done" is queued, waiting for the event loop
    importer._progress(1, 10, "few.vcf: 1 of 10 contacts")  # delivers "done" inside setValue
    assert importer.progress_dialog is None and importer.task is None
    qtbot.waitUntil(lambda: importer.report_dialog is not None)
    assert "3 added" in importer.report_dialog.headline.text()
    importer.report_dialog.accept()


# --- 3. a narrow window keeps the names readable ----------------------------------------


def test_fit_widths_shrinks_the_other_columns_toward_their_minimums() -> None:
    assert fit_widths(600, [190, 110, 110], [100, 70, 100]) == [190, 110, 110]
    assert fit_widths(250, [190, 110, 110], [100, 70, 100]) == [100, 70, 100]  # then it scrolls
    shrunk = fit_widths(340, [190, 110, 110], [100, 70, 100])
    assert sum(shrunk) <= 340 and all(w >= m for w, m in zip(shrunk, [100, 70, 100], strict=True))


def test_on_a_small_screen_the_name_column_stays_readable(qtbot, open_app, seed, person) -> None:
    seed(
        *(
            person("Bartholomäus", f"von Stürmer-Ångström {n}", email=f"bart{n}.stuermer@example.net")
            for n in range(5)
        )
    )
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.edit_button.isVisibleTo(view.detail))
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: view.splitter.sizes()[1] == 260)  # the detail pane as designed
    table = view.table
    assert table.columnWidth(1) == 190  # the other columns as designed, too
    wide_name = table.columnWidth(0)

    window.resize(1024, 640)
    qtbot.waitUntil(lambda: view.splitter.sizes()[1] < 260)  # the detail pane yields…
    assert view.splitter.sizes()[1] >= view.detail.minimumSizeHint().width()
    assert not view.detail.horizontalScrollBar().isVisible()  # the email address is not cut
    widths = [table.columnWidth(c) for c in range(5)]
    assert widths[0] >= 190  # …the name stays readable…
    assert widths[1] < 190  # …and the other columns give way
    assert sum(widths) <= table.viewport().width()
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())
    # The full text of a cut-short cell is in its tooltip.
    name = view.proxy.index(0, 0)
    assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()

    window.resize(1280, 800)  # the chosen widths come back on a wide window
    qtbot.waitUntil(lambda: table.columnWidth(1) == 190)
    assert table.columnWidth(0) == wide_name and view.splitter.sizes()[1] == 260


# --- 4. the import report shows whole messages ---------------------------------------


def test_import_report_wraps_messages_and_names_files_by_name(qtbot, styled_app) -> None:
    path = "/home/someone/Downloads/exports/apple-ccs-caldavtester/vcarderrors/4.vcf"
    why = f"{path} is not a vCard file: it has no BEGIN:VCARD line."
    long = ("the photo is not valid base64 data; the photo was left out and the rest of the card "
            "was imported as it was, with its name, addresses, phone numbers and dates")
    report = ImportReport(added=2, rejected=[(path, why)], problems=[Problem("/x/phone.vcf", 5, long)])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.resize(560, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    rejected = tree.topLevelItem(0)
    assert rejected.text(0) == "4.vcf" and rejected.toolTip(0) == path
    assert rejected.text(1) == "Not imported: 4.vcf is not a vCard file: it has no BEGIN:VCARD line."
    assert path in rejected.toolTip(1)
    line = tree.topLevelItem(1).child(0)
    assert line.text(1) == long and line.toolTip(1) == long
    one_line = tree.fontMetrics().height()
    qtbot.waitUntil(lambda: tree.visualItemRect(line).height() >= 2 * one_line)  # wrapped, not cut
    narrow = tree.visualItemRect(line).height()
    assert dialog.isSizeGripEnabled()
    dialog.resize(1000, 420)  # wider: fewer lines
    qtbot.waitUntil(lambda: tree.visualItemRect(line).height() < narrow)


# --- 5. the editor asks before throwing edits away ---------------------------------------


def _answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:  # noqa: ANN001
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_escape_without_changes_closes_the_editor_without_asking(
    qtbot, styled_app, person, monkeypatch
) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    contact = person("Ana", "Silva")
    contact.id = 7
    editor = ContactEditor(contact)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(2)  # looking around is not a change
    editor.given.setText("Anna")
    editor.given.setText("Ana")  # nor is typing something and taking it back
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == [] and not editor.isVisible() and editor.result() == QDialog.DialogCode.Rejected


def test_escape_with_changes_asks_and_cancel_keeps_them(qtbot, styled_app, person, monkeypatch) -> None:
    contact = person("Ana", "Silva")
    contact.id = 7
    editor = ContactEditor(contact)
    qtbot.addWidget(editor)
    editor.show()
    editor.given.end(False)
    qtbot.keyClicks(editor.given, "bel")
    editor.addresses.city.setText("Lisboa")

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == ["Discard your changes to Ana Silva?"]
    assert editor.isVisible() and editor.given.text() == "Anabel"

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    editor.buttons.button(editor.buttons.StandardButton.Cancel).click()
    assert asked == ["Discard your changes to Ana Silva?"]
    assert not editor.isVisible() and editor.result() == QDialog.DialogCode.Rejected


def test_a_new_contact_with_something_typed_asks_too(qtbot, styled_app, monkeypatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    editor = ContactEditor(None)
    qtbot.addWidget(editor)
    editor.show()
    editor.reject()
    assert asked == []  # an empty new contact closes at once
    editor = ContactEditor(None)
    qtbot.addWidget(editor)
    editor.show()
    editor.given.setText("Henrik")
    editor.reject()
    assert asked == ["Discard your changes to Henrik?"] and not editor.isVisible()


# --- 6. the table's layout and the tag filter are remembered ---------------------------------


def test_columns_sort_splitter_and_tag_filter_are_remembered(qtbot, open_app, seed, person) -> None:
    seed(
        person("Zoë", "Ångström-Núñez", tags=("customer", "vip"), birthday="1984-03-14"),
        person("Priya", "Raman", birthday="--02-29"),
        person("Daniel", "Cohen", tags=("vip",), birthday="1990-12-24"),
    )
    window, context = open_app()
    window.resize(1280, 800)
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    table = view.table
    table.horizontalHeader().resizeSection(1, 150)  # as if the user dragged the Email column
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    handle = view.splitter.sizes()[0]
    view.splitter.moveSplitter(handle - 40, 1)  # the detail pane 40 px wider
    detail = view.splitter.sizes()[1]
    assert detail == 300
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("vip"))
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)
    window.close()
    context.shutdown()

    again, context = open_app()
    again.resize(1280, 800)  # as before (a restored window is kept inside the small test screen)
    view = again.show_view("contacts")
    qtbot.waitUntil(lambda: view.proxy.filtering and view.proxy.rowCount() == 2)
    assert view.tag_filter.currentData() == "vip"
    assert view.header.subtitle.text() == "2 of 3 people"
    table = view.table
    assert table.columnWidth(1) == 150
    header = table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (3, Qt.SortOrder.DescendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(2)] == ["Daniel Cohen", "Zoë Ångström-Núñez"]
    assert view.splitter.sizes()[1] == detail

    # Choosing "All tags" is remembered as well.
    view.clear_filter()
    again.close()
    context.shutdown()
    third, _ = open_app()
    view = third.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and view.tag_filter.count() > 1)
    assert view.tag_filter.currentData() == "" and not view.proxy.filtering
