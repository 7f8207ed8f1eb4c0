"""The window as a whole: menus and shortcuts, remembered layout, errors, Today, Settings, main()."""

from __future__ import annotations

import sys

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from studio.errors import StudioError
from studio.store import open_store
from studio.ui.errors import ErrorReporter, install_excepthook


def test_menus_use_the_platform_shortcuts(qtbot, open_app) -> None:
    window, context = open_app()
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert window.import_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.contacts_view.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    view_menu = window.menuBar().actions()[2].menu()
    for number, name in enumerate(("today", "contacts", "cards", "mailings", "settings"), start=1):
        action = view_menu.actions()[number - 1]
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")
        action.trigger()
        assert window.current_view_name() == name
    assert not window.windowIcon().isNull()


def test_window_layout_and_last_view_are_remembered(qtbot, open_app, seed, person) -> None:
    seed(person("Priya", "Raman"))
    window, context = open_app()
    window.resize(781, 563)
    window.show_view("settings")
    window.close()
    again, _ = open_app()
    assert (again.width(), again.height()) == (781, 563)
    assert again.current_view_name() == "settings"


def test_uncaught_errors_become_a_friendly_message_and_a_log_entry(qtbot, styled_app, tmp_path) -> None:
    log = tmp_path / "card-studio.log"
    reporter = ErrorReporter(log)
    restore = install_excepthook(reporter)
    try:
        try:
            raise KeyError("the-missing-key")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    title, text = reporter.last_message
    assert title == "Something went wrong"
    assert "Traceback" not in text and str(log) in text
    assert "Traceback" in log.read_text(encoding="utf-8") and "the-missing-key" in log.read_text(
        encoding="utf-8"
    )
    box = reporter.last_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "Traceback" not in box.text()
    box.close()
    # A StudioError is shown as its own sentence, and not logged.
    reporter.show(StudioError("/tmp/x.vcf is not a vCard file: it has no BEGIN:VCARD line."))
    assert reporter.last_message[1] == "/tmp/x.vcf is not a vCard file: it has no BEGIN:VCARD line."


def test_today_lists_what_is_due_and_prepares_a_mailing(qtbot, open_app, seed, person) -> None:
    # Today is 2026-11-20 in the tests: a birthday on the 23rd must be posted today.
    seed(person("Zoë", "Ångström-Núñez", birthday="1986-11-23"), person("Priya", "Raman", birthday="--12-05"))
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    due_names = [o.occasion.contact_name for o in today.data.report.due]
    assert "Zoë Ångström-Núñez" in due_names
    coming = [i.occasion for i in today.data.upcoming]
    assert any(o.contact_name == "Priya Raman" and o.kind == "birthday" and o.years is None for o in coming)
    rows = [today.due_rows.itemAt(i).widget() for i in range(today.due_rows.count())]
    row = next(r for r in rows if getattr(r, "group", None) and r.group.title() == "Zoë Ångström-Núñez")
    row.prepare_button.click()
    mailings = window.views["mailings"]
    assert window.current_view_name() == "mailings"
    wizard = mailings.wizard
    assert wizard is not None and wizard.draft.occasion == "birthday" and wizard.draft.mode == "people"
    wizard.reject()


def test_settings_are_saved_as_they_are_typed_and_make_a_test_page(qtbot, open_app, app_paths) -> None:
    window, context = open_app()
    settings = window.show_view("settings")
    settings.sender.name.setText("Maria Lopez")
    settings.sender.postal_code.setText("02134")
    settings.timing.not_thanked.setValue(60)
    qtbot.waitUntil(lambda: context.settings.sender.name == "Maria Lopez", timeout=10000)
    with open_store(app_paths.db_path) as store:
        saved = store.settings.load()
    assert saved.sender.name == "Maria Lopez" and saved.sender.address.postal_code == "02134"
    assert saved.not_thanked_days == 60
    qtbot.waitUntil(lambda: settings.holidays.list.count() > 3, timeout=30000)
    assert settings.paper.labels.findData("avery-5160") >= 0
    settings.calibration.offset_x.setValue(1.5)
    settings.make_test_page()
    page = app_paths.data_dir / "calibration-page.pdf"
    qtbot.waitUntil(lambda: page.is_file() and settings.calibration.test_button.isEnabled(), timeout=30000)
    assert page.read_bytes().startswith(b"%PDF")


_MAIN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studio.ui.app import create_application, main
app = create_application()
def close_soon():
    windows = [w for w in QApplication.topLevelWidgets()
               if type(w).__name__ == "MainWindow" and w.isVisible()]
    if windows:
        print("DB", windows[0].context.paths.db_path, flush=True)
        print("HOOK", sys.excepthook.__qualname__, flush=True)
        windows[0].close()
    else:
        QTimer.singleShot(50, close_soon)
QTimer.singleShot(50, close_soon)
status = main([], db=sys.argv[1])
print("STATUS", status, "RESTORED", sys.excepthook is sys.__excepthook__, flush=True)
"""


def test_main_opens_the_window_on_the_chosen_database(tmp_path) -> None:
    # A process of its own: the app's event loop ends with the window, as it does for a user.
    import os
    import subprocess

    db = tmp_path / "chosen.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CARD_STUDIO_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-c", _MAIN, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"DB {db}" in done.stdout
    assert "HOOK ErrorReporter.excepthook" in done.stdout  # installed while the app runs
    assert "STATUS 0 RESTORED True" in done.stdout  # and removed when it ends
    assert "Traceback" not in done.stderr
    assert db.is_file()


def test_recording_an_order_makes_a_thank_you_due(qtbot, open_app, seed, person, app_paths) -> None:
    ids = seed(person("Priya", "Raman", birthday=None))
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    today.record_event()
    qtbot.waitUntil(lambda: getattr(today, "event_dialog", None) is not None, timeout=10000)
    dialog = today.event_dialog
    dialog.contact.setCurrentIndex(dialog.contact.findData(ids[0]))
    dialog.note.setText("lavender body butter")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: today.data is not None
        and any(i.occasion.kind == "thank-you" for i in today.data.report.due + today.data.upcoming),
        timeout=60000,
    )
    with open_store(app_paths.db_path) as store:
        (event,) = store.history.events(contact_id=ids[0])
    assert event.kind == "order" and event.note == "lavender body butter"


def test_a_broken_stock_file_is_said_once_and_the_window_stays_usable(qtbot, open_app, app_paths) -> None:
    from studio.ui.app import warn_about_stock

    window, _context = open_app()
    assert warn_about_stock(app_paths, window) is None  # every stock file read: nothing to say
    app_paths.user_stock_dir.mkdir(parents=True)
    broken = app_paths.user_stock_dir / "labels.toml"
    broken.write_text('[[label]]\nid = "mine"\nbrand = "B"\npart = "1"\npaper = "a4"\n', encoding="utf-8")
    box = warn_about_stock(app_paths, window)
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert f"{broken}:1: label 'mine' has no 'label_width'" in box.informativeText()
    box.grab().save(str(app_paths.data_dir / "stock-warning.png"))
    box.close()
