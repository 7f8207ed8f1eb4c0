"""Card designer, Today and Settings fixes: saved cards never overwrite another silently, the
pages fit a 1024x640 window, Today builds only its visible lines (the rest is worked out off the
GUI thread), Settings keeps an edit made just before quitting, a broken database is reported once,
and the gallery's filter and the designer's preview person are remembered."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from studio.cards import load_template
from studio.paths import AppPaths
from studio.services import cards as card_service
from studio.store import open_store

# --- 1. "Save as my card…" picks ids that replace nothing without saying so -------------------


def _open_designer(qtbot, view, template_id: str, contact_id: int | None = None):  # noqa: ANN001, ANN202
    template = next(t for t in view.templates if t.id == template_id)
    view.open_designer(template, contact_id, None)
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    return designer


def _ask_to_save(qtbot, designer, name: str):  # noqa: ANN001, ANN202
    designer.save_dialog = None
    designer.save_as()  # reads which templates exist in the background, then asks
    qtbot.waitUntil(lambda: bool(designer.save_dialog and designer.save_dialog.isVisible()), timeout=9000)
    dialog = designer.save_dialog
    dialog.name.setText(name)
    return dialog


def _save(qtbot, view, designer, name: str) -> str:  # noqa: ANN001
    dialog = _ask_to_save(qtbot, designer, name)
    template_id = dialog.template_id()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: designer.template.id == template_id, timeout=30000)
    qtbot.waitUntil(lambda: any(t.id == template_id for t in view.templates), timeout=30000)
    return template_id


def test_non_latin_and_bundled_names_get_ids_of_their_own(qtbot, open_app, app_paths) -> None:
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)

    designer = _open_designer(qtbot, view, "birthday-balloons")
    russian = _save(qtbot, view, designer, "Открытка")
    designer = _open_designer(qtbot, view, "birthday-balloons")
    chinese = _save(qtbot, view, designer, "生日卡片")
    designer = _open_designer(qtbot, view, "birthday-balloons")
    dialog = _ask_to_save(qtbot, designer, "Birthday balloons")  # the bundled card's id
    assert "Happy birthday" in dialog.note.text() and "stays in the gallery" in dialog.note.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: designer.template.name == "Birthday balloons", timeout=30000)
    balloons = designer.template.id
    qtbot.waitUntil(lambda: any(t.id == balloons for t in view.templates), timeout=30000)

    # Three cards of the user's, each in a folder of its own, named after what it is made from.
    assert len({russian, chinese, balloons}) == 3
    assert russian.startswith("my-birthday-balloons") and chinese.startswith("my-birthday-balloons")
    assert "birthday-balloons" not in {russian, chinese, balloons}
    names = {load_template(app_paths.user_templates_dir / i).name for i in (russian, chinese, balloons)}
    assert names == {"Открытка", "生日卡片", "Birthday balloons"}
    # Card Studio's own "Happy birthday" is still in the gallery, next to all three.
    listed = {t.id: (t.name, t.source) for t in view.templates}
    assert listed["birthday-balloons"] == ("Happy birthday", "bundled")
    assert {listed[i][0] for i in (russian, chinese, balloons)} == names


def test_saving_over_ones_own_card_warns_first(qtbot, open_app, app_paths) -> None:
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    designer = _open_designer(qtbot, view, "birthday-balloons")
    first = _save(qtbot, view, designer, "Открытка")

    designer = _open_designer(qtbot, view, "thank-you-order")
    dialog = _ask_to_save(qtbot, designer, "открытка ")  # the same name, whatever the case and spaces
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.template_id() == first
    assert "Открытка" in dialog.note.text() and "replaces" in dialog.note.text()
    assert save.text() == "Replace"
    dialog.name.setText("Открытка для клиентов")  # another name: a card of its own, no warning
    assert dialog.template_id() != first and dialog.note.text() == "" and save.text() == "Save"
    dialog.reject()


def test_choose_template_id_rules(tmp_path) -> None:
    bundled = tmp_path / "bundled"
    for template_id, name in (("birthday-balloons", "Happy birthday"), ("holiday-snow", "Happy holidays")):
        (bundled / template_id).mkdir(parents=True)
        (bundled / template_id / "template.toml").write_text(
            f'id = "{template_id}"\nname = "{name}"\n', encoding="utf-8"
        )
    paths = AppPaths(data_dir=tmp_path / "home", db_path=tmp_path / "db.sqlite3")
    mine = paths.user_templates_dir / "my-card"
    mine.mkdir(parents=True)
    (mine / "template.toml").write_text('id = "my-card"\nname = "Открытка"\n', encoding="utf-8")
    (paths.user_templates_dir / "half-written").mkdir()  # a folder without a manifest is taken too
    taken = card_service.taken_templates(paths, bundled=bundled)
    assert taken.bundled == {"birthday-balloons": "Happy birthday", "holiday-snow": "Happy holidays"}

    choose = card_service.choose_template_id
    assert choose("Lavender Birthday!", taken).template_id == "lavender-birthday"
    assert choose("Fête à Noël", taken).template_id == "fete-a-noel"
    assert choose("生日卡片", taken).template_id == "my-card-2"  # "my-card" holds another card
    assert choose("生日卡片", taken, based_on="holiday-snow").template_id == "my-holiday-snow"
    assert choose("Открытка", taken) == card_service.SaveChoice("my-card", replaces="Открытка")
    snow = card_service.SaveChoice("my-holiday-snow", bundled="Happy holidays")
    assert choose("Holiday snow", taken) == snow
    assert choose("happy holidays", taken).bundled == "Happy holidays"  # same name as Card Studio's
    assert choose("Half written", taken).template_id == "half-written-2"


# --- 2. The pages fit a 1024x640 window (and 1280x800 stays as it was) ------------------------


def _fits_across(page) -> bool:  # noqa: ANN001
    """Nothing on ``page`` is wider than its scroll area: no sideways scrolling, nothing cut off."""
    scrolls = [scroll for scroll in page.findChildren(QScrollArea) if scroll.isVisible()]
    return all(
        s.widget().width() <= s.viewport().width() + 1 and not s.horizontalScrollBar().isVisible()
        for s in scrolls
    )


def test_today_settings_and_designer_fit_a_small_window(qtbot, open_app, seed, person) -> None:
    seed(*(person(f"Person{i}", "Customer", birthday=f"1980-12-{i + 1:02d}") for i in range(6)))
    window, context = open_app()

    window.resize(1024, 640)
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    qtbot.waitUntil(lambda: not today.side_by_side, timeout=5000)  # the side panels go below the lists
    qtbot.waitUntil(lambda: _fits_across(today), timeout=5000)
    content = today.touch_panel.parentWidget()
    right_edge = today.touch_panel.mapTo(content, today.touch_panel.rect().topRight()).x()
    assert right_edge <= content.width()

    settings = window.show_view("settings")
    qtbot.waitUntil(lambda: settings.holidays.list.count() > 0, timeout=30000)
    qtbot.waitUntil(lambda: settings.columns == 1, timeout=5000)
    qtbot.waitUntil(lambda: _fits_across(settings), timeout=5000)

    cards = window.show_view("cards")
    qtbot.waitUntil(lambda: cards.loaded, timeout=30000)
    designer = _open_designer(qtbot, cards, "birthday-balloons")
    qtbot.wait(50)
    assert not designer.title.is_elided() and not designer.subtitle.is_elided()
    assert designer.title.text() == "Happy birthday"
    long_name = "Happy birthday to the most wonderful customer of them all, with love"
    designer.title.setText(long_name)
    assert designer.title.is_elided() and designer.title.toolTip() == long_name
    assert designer.title.text() == long_name

    window.resize(1280, 800)
    window.show_view("today")
    qtbot.waitUntil(lambda: today.side_by_side, timeout=5000)
    assert today.touch_panel.width() == 280
    qtbot.waitUntil(lambda: _fits_across(today), timeout=5000)
    window.show_view("settings")
    qtbot.waitUntil(lambda: settings.columns == 2, timeout=5000)
    qtbot.waitUntil(lambda: _fits_across(settings), timeout=5000)


# --- 3. Today works out its lists off the GUI thread and builds only the visible lines ---------


def test_today_groups_off_the_gui_thread_and_builds_few_rows(
    qtbot, open_app, seed, person, monkeypatch
) -> None:
    from studio.ui.today import loading
    from studio.ui.today import view as today_module
    from studio.ui.today.rows import OccasionRow

    # 40 birthdays over the next weeks: more lines than Today builds at first.
    first = dt.date(1980, 11, 30)
    birthdays = [str(first + dt.timedelta(days=i % 20)) for i in range(40)]
    seed(*(person(f"Person{i:02d}", "Customer", birthday=day) for i, day in enumerate(birthdays)))
    threads: list[str] = []
    grouping = loading.group_occasions

    def watched(items):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread().name)
        return grouping(items)

    monkeypatch.setattr(loading, "group_occasions", watched)
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    assert threads and threading.main_thread().name not in threads

    rows = [w for w in today.findChildren(OccasionRow) if w.parentWidget() is today.upcoming_panel]
    assert len(rows) == today_module.FIRST_ROWS < len(today.data.coming)
    left = len(today.data.coming) - len(rows)
    assert today.upcoming_list.footer.isVisible()
    assert today.upcoming_list.left_label.text() == f"and {left} more"
    today.upcoming_list.more_button.click()
    shown = today.upcoming_list.built
    assert len(shown) == min(len(today.data.coming), today_module.FIRST_ROWS + today_module.MORE_ROWS)
    assert [r.group.title() for r in shown] == [g.title() for g in today.data.coming[: len(shown)]]

    # A refresh that changes nothing on screen builds no new lines.
    before = list(today.upcoming_list.built)
    old = today.data
    context.events.contacts_changed.emit()
    qtbot.waitUntil(lambda: today.data is not old and not today._loading, timeout=60000)
    assert today.upcoming_list.built == before
    assert all(row.group is new for row, new in zip(before, today.data.coming, strict=False))


# --- 4. Settings: an edit made just before quitting is saved ----------------------------------


def test_settings_edit_just_before_closing_is_saved(qtbot, open_app, app_paths) -> None:
    window, context = open_app()
    settings = window.show_view("settings")
    qtbot.waitUntil(lambda: settings.holidays.list.count() > 0, timeout=30000)
    settings.sender.name.setText("Changed just before quitting")
    assert settings.save_pending
    window.close()  # at once, well inside the save delay
    context.shutdown()
    with open_store(app_paths.db_path) as store:
        assert store.settings.load().sender.name == "Changed just before quitting"


def test_a_value_the_services_refuse_is_shown_and_not_saved_until_corrected(qtbot, open_app,
                                                                            app_paths) -> None:
    window, context = open_app()
    settings = window.show_view("settings")
    qtbot.waitUntil(lambda: settings.holidays.list.count() > 0, timeout=30000)
    settings.paper.home_country.setEditText("ZZ")
    settings.paper.home_country.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: settings.problem_label.isVisible(), timeout=5000)
    assert "Home country" in settings.problem_label.text() and "ZZ" in settings.problem_label.text()
    with open_store(app_paths.db_path) as store:
        assert store.settings.load().home_country == "US"
    settings.paper.home_country.setEditText("CA")
    settings.paper.home_country.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: not settings.problem_label.isVisible(), timeout=5000)
    with open_store(app_paths.db_path) as store:
        assert store.settings.load().home_country == "CA"


# --- 5. A file that is not a Card Studio database: one message, then a sensible way on --------

_GARBAGE_MAIN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from studio.ui.app import create_application, main
app = create_application()
seen = []
def look():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    windows = [w for w in QApplication.topLevelWidgets()
               if type(w).__name__ == "MainWindow" and w.isVisible()]
    print("BOXES", len(boxes), "WINDOWS", len(windows), flush=True)
    if boxes:
        print("TEXT", boxes[0].text(), "|", boxes[0].informativeText().replace(chr(10), " "), flush=True)
        print("BUTTONS", [b.text() for b in boxes[0].buttons()], flush=True)
        next(b for b in boxes[0].buttons() if b.text() == "Quit").click()
QTimer.singleShot(1500, look)
print("STATUS", main(["--db", sys.argv[1]]), flush=True)
"""


def test_a_corrupt_database_is_reported_once_and_the_user_can_quit(tmp_path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(os.urandom(8192))
    before = garbage.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CARD_STUDIO_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-c", _GARBAGE_MAIN, str(garbage)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "BOXES 1 WINDOWS 0" in done.stdout  # one message, and no empty window behind it
    assert "is not a Card Studio database" in done.stdout
    assert "BUTTONS ['Open Another…', 'Start a New One…', 'Quit']" in done.stdout
    assert "STATUS 1" in done.stdout
    assert "Traceback" not in done.stderr
    assert garbage.read_bytes() == before  # left as it was


def test_another_database_can_be_chosen_instead(qtbot, styled_app, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from studio.ui import app as app_module

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00not sqlite\xff" * 500)
    paths = AppPaths(data_dir=tmp_path / "home", db_path=garbage)
    problem = app_module.database_problem(paths)
    assert problem is not None and "is not a Card Studio database" in str(problem)
    answers: list[AppPaths | None] = []
    box = app_module.ask_for_database(paths, problem, answers.append)
    qtbot.waitUntil(box.isVisible, timeout=5000)
    buttons = {b.text(): b for b in box.buttons()}

    # Another file that will not do either: explained in the same box, which asks again.
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"neither" * 300)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    buttons["Open Another…"].click()
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert answers == [] and str(other) in box.informativeText()

    fresh = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    buttons["Start a New One…"].click()
    assert answers == [AppPaths(data_dir=paths.data_dir, db_path=fresh)]
    assert app_module.database_problem(answers[0]) is None and fresh.is_file()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)


# --- 6. The gallery's occasion filter and the designer's preview person are remembered --------


def test_gallery_filter_and_preview_person_are_remembered(qtbot, open_app, seed, person) -> None:
    ids = seed(person("Zoë", "Ångström-Núñez", birthday="1986-12-14"), person("Priya", "Raman"))
    window, context = open_app()
    cards = window.show_view("cards")
    qtbot.waitUntil(lambda: cards.loaded, timeout=30000)
    gallery = cards.gallery
    gallery.occasion.setCurrentIndex(gallery.occasion.findData("birthday"))
    designer = _open_designer(qtbot, cards, "birthday-balloons")
    qtbot.waitUntil(lambda: designer.people.count() > 2, timeout=10000)
    designer.people.setCurrentIndex(designer.people.findData(ids[1]))
    designer.people.activated.emit(designer.people.currentIndex())  # as a user's choice
    qtbot.waitUntil(lambda: designer.contact is not None and designer.contact.id == ids[1], timeout=10000)
    window.show_view("today")  # so the next start does not begin by drawing every thumbnail
    window.close()

    again, context = open_app()
    cards = again.show_view("cards")
    qtbot.waitUntil(lambda: cards.loaded, timeout=30000)
    assert cards.gallery.occasion.currentData() == "birthday"
    proxy = cards.gallery.proxy
    shown = {proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())}
    assert shown and len(shown) < len(cards.templates)
    assert all({"birthday", "any"} & set(t.occasions) for t in cards.templates if t.id in shown)
    designer = cards.designer
    cards.open_designer(next(t for t in cards.templates if t.id == "birthday-balloons"))
    qtbot.waitUntil(lambda: designer.contact is not None, timeout=10000)
    assert designer.contact.id == ids[1] and designer.people.currentData() == ids[1]
