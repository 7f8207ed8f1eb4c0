"""The gallery manages one's own cards: duplicate, rename, delete with Undo (the bar and Ctrl+Z),
export and import; Card Studio's own cards cannot be renamed or deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from studio.services import my_templates

BUNDLED = "thank-you-order"


def _gallery(qtbot, open_app):  # noqa: ANN001, ANN202
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    return window, context, view, view.gallery


def _listed(view) -> set[str]:  # noqa: ANN001
    return {t.id for t in view.templates}


def test_delete_then_undo_brings_the_card_back(qtbot, open_app, app_paths, idle) -> None:
    mine = my_templates.duplicate_template(app_paths, BUNDLED, name="Rosa's thanks")
    window, context, view, gallery = _gallery(qtbot, open_app)
    assert mine.id in _listed(view)

    # Card Studio's own: rename and delete are off, in the buttons and the menu.
    assert gallery.select_template(BUNDLED)
    assert not gallery.delete_button.isEnabled() and not gallery.rename_button.isEnabled()
    assert gallery.duplicate_button.isEnabled() and gallery.export_button.isEnabled()
    menu = {a.text(): a.isEnabled() for a in gallery.context_menu().actions() if a.text()}
    assert menu["Delete"] is False and menu["Rename…"] is False and menu["Duplicate"] is True

    assert gallery.select_template(mine.id)
    assert gallery.delete_button.isEnabled()
    gallery.list.setFocus()
    qtbot.keyClick(gallery.list, Qt.Key.Key_Delete)  # no question asked
    qtbot.waitUntil(lambda: mine.id not in _listed(view), timeout=20000)
    assert gallery.undo_bar.isVisible() and gallery.undo_bar.text.text() == "Deleted 'Rosa's thanks'"
    assert [b.template_id for b in my_templates.binned_templates(app_paths)] == [mine.id]
    assert window.undo_action.text().replace("&", "") == "Undo Delete card 'Rosa's thanks'"
    shots = Path(__file__).resolve().parent.parent.parent / "bench" / "out"
    shots.mkdir(parents=True, exist_ok=True)
    window.resize(1024, 600)
    qtbot.wait(50)
    assert window.grab().save(str(shots / "gallery-undo-bar.png"))

    qtbot.mouseClick(gallery.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine.id in _listed(view), timeout=20000)
    assert my_templates.binned_templates(app_paths) == []
    assert gallery.undo_stack.index() == 0 and gallery.undo_stack.canRedo()  # the bar undid the step

    view.gallery.undo_stack.redo()  # Redo deletes it again
    qtbot.waitUntil(lambda: mine.id not in _listed(view), timeout=20000)
    window.undo_action.trigger()  # Edit ▸ Undo (Ctrl+Z) while Cards is showing
    qtbot.waitUntil(lambda: mine.id in _listed(view), timeout=20000)
    idle(context)


def test_the_bars_undo_still_works_after_the_designer_cleared_the_history(qtbot, open_app, app_paths,
                                                                         idle) -> None:
    mine = my_templates.duplicate_template(app_paths, BUNDLED, name="Rosa's thanks")
    window, context, view, gallery = _gallery(qtbot, open_app)
    assert gallery.select_template(mine.id)
    gallery.delete_button.click()
    qtbot.waitUntil(lambda: mine.id not in _listed(view) and gallery.undo_bar.isVisible(), timeout=20000)
    other = next(t for t in view.templates if t.id == BUNDLED)
    view.open_designer(other)  # the designer starts a history of its own
    qtbot.waitUntil(lambda: view.designer.last_result is not None, timeout=30000)
    view.designer.back_requested.emit()
    gallery.undo_bar.undo_button.click()
    qtbot.waitUntil(lambda: mine.id in _listed(view), timeout=20000)
    idle(context)


def test_duplicate_rename_export_and_import_from_the_gallery(qtbot, open_app, app_paths, tmp_path, idle,
                                                             monkeypatch) -> None:
    window, context, view, gallery = _gallery(qtbot, open_app)
    assert gallery.select_template(BUNDLED)
    before = _listed(view)
    gallery.duplicate_button.click()
    qtbot.waitUntil(lambda: len(_listed(view)) == len(before) + 1, timeout=20000)
    (copy_id,) = _listed(view) - before
    qtbot.waitUntil(lambda: gallery.current_template() is not None
                    and gallery.current_template().id == copy_id, timeout=10000)

    monkeypatch.setattr(gallery, "ask_name", lambda current: "Rosa's thanks")
    gallery.rename_button.click()
    qtbot.waitUntil(lambda: any(t.id == copy_id and t.name == "Rosa's thanks" for t in view.templates),
                    timeout=20000)

    out = tmp_path / "shared.cardstudio"
    assert gallery.select_template(copy_id)
    monkeypatch.setattr(gallery, "ask_export_file", lambda suggested: out)
    gallery.export_button.click()
    qtbot.waitUntil(out.is_file, timeout=20000)
    idle(context)

    monkeypatch.setattr(gallery, "ask_import_file", lambda: out)
    gallery.import_card()
    qtbot.waitUntil(lambda: any(t.name == "Rosa's thanks (2)" for t in view.templates), timeout=20000)
    assert "was taken" in gallery.undo_bar.text.text()

    bad = tmp_path / "bad.cardstudio"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(gallery, "ask_import_file", lambda: bad)
    gallery.import_card()
    qtbot.waitUntil(lambda: context.errors.last_message is not None, timeout=20000)
    assert "'bad.cardstudio' cannot be imported" in context.errors.last_message[1]
    assert "Traceback" not in context.errors.last_message[1]
    idle(context)


def test_screenshot_of_the_gallery_with_its_context_menu(qtbot, open_app, app_paths, idle) -> None:
    my_templates.duplicate_template(app_paths, BUNDLED, name="Rosa's thanks")
    window, context, view, gallery = _gallery(qtbot, open_app)
    window.resize(1366, 768)
    model = gallery.model
    for row in range(model.rowCount()):
        model.index(row).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.thumbnails_ready() == model.rowCount(), timeout=60000)
    assert gallery.select_template("rosa-s-thanks")
    rect = gallery.list.visualRect(gallery.list.currentIndex())
    menu = gallery.context_menu()
    menu.popup(gallery.list.viewport().mapToGlobal(rect.center()))
    qtbot.waitExposed(menu)
    shots = Path(__file__).resolve().parent.parent.parent / "bench" / "out"
    shots.mkdir(parents=True, exist_ok=True)
    picture = window.grab()
    from PySide6.QtGui import QPainter

    painter = QPainter(picture)  # a popup is its own window: draw it where it shows
    painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    assert picture.save(str(shots / "gallery-context-menu.png"))
    menu.close()
    idle(context)
