"""Editing the card in the designer: add, nudge, restack, undo, save, reopen, render; snapping;
zoom; and the designer's Ctrl+Z never reaching the contacts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from studio.cards import load_template
from studio.services.card_render import render_for_contacts
from studio.store import open_store
from studio.ui.cards.zoom import real_size_px_per_mm

TODAY = dt.date(2026, 11, 20)  # the app's fixed today in tests/ui/conftest.py


def _designer(qtbot, open_app, seed, person, template_id: str = "birthday-balloons"):  # noqa: ANN001, ANN202
    ids = seed(person("Zoë", "Ångström-Núñez", birthday="1986-12-14"))
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    view.open_designer(next(t for t in view.templates if t.id == template_id))
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    return window, context, view, designer, ids


def _texts(designer) -> list:  # noqa: ANN001
    return designer.template.panel(designer.panel).texts


def _box(designer, name: str):  # noqa: ANN001, ANN202
    return next(t for t in _texts(designer) if t.name == name)


def test_add_nudge_restack_undo_save_reopen_and_render(
    qtbot, open_app, seed, person, app_paths, tmp_path
) -> None:
    window, context, view, designer, ids = _designer(qtbot, open_app, seed, person)
    canvas, bar = designer.canvas, designer.toolbar
    contacts_steps = (window.undo_stacks["contacts"].count(), window.undo_stacks["contacts"].index())

    bar.add_text.trigger()
    assert window.undo_action.text() == "&Undo Add text box “text-1”"
    assert canvas.selected_box() == "text-1" and "text-1" in canvas.boxes
    added = _box(designer, "text-1")
    # The words, as the box editor hands them over.
    designer._box_edited(dataclasses.replace(added, text="Greetings from the Fjord Café"))

    photo = tmp_path / "camera" / "lighthouse.png"
    photo.parent.mkdir()
    Image.new("RGB", (400, 300), "#2a6f97").save(photo)
    designer.items.use_picture(photo, "add")
    qtbot.waitUntil(lambda: any(i.name == "picture-1" for i in designer.template.panel("front").images),
                    timeout=10000)
    assert window.undo_action.text() == "&Undo Add picture “picture-1”"
    assert canvas.selected_picture() == "picture-1" and "picture-1" in canvas.pictures

    canvas.select_box("text-1")
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert _box(designer, "text-1").x == added.x + 0.5
    assert window.undo_action.text() == "&Undo Move “text-1”"
    QTest.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert _box(designer, "text-1").y == added.y + 5.0
    assert canvas.boxes["text-1"].rect_mm().y() == added.y + 5.0  # the outline follows

    canvas.select_box("greeting")
    bar.front.trigger()
    assert [t.name for t in _texts(designer)][-1] == "greeting"
    assert window.undo_action.text() == "&Undo Bring “greeting” to front"

    for _ in range(3):  # back to front, Shift+Down and Right undone; the added box and picture stay
        QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t.name for t in _texts(designer)] == ["greeting", "name", "text-1"]
    assert (_box(designer, "text-1").x, _box(designer, "text-1").y) == (added.x, added.y)
    assert window.undo_action.text() == "&Undo Add picture “picture-1”"
    assert (window.undo_stacks["contacts"].count(), window.undo_stacks["contacts"].index()) == contacts_steps
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[0]).given_name == "Zoë"

    designer._save("my-own", "My own card", None)
    qtbot.waitUntil(lambda: designer.template.id == "my-own", timeout=30000)
    folder = app_paths.data_dir / "templates" / "cards" / "my-own"
    photo.unlink()  # the original picture moved away: the card keeps its own copy
    saved = load_template(folder)
    front = saved.panel("front")
    assert [t.name for t in front.texts] == ["greeting", "name", "text-1"]
    picture = next(i for i in front.images if i.name == "picture-1")
    assert picture.file.startswith("pictures/lighthouse-") and (folder / picture.file).is_file()
    assert "[[panels.images]]" in (folder / "template.toml").read_text(encoding="utf-8")

    qtbot.waitUntil(lambda: any(t.id == "my-own" for t in view.templates), timeout=30000)
    designer._back()
    view.open_designer(next(t for t in view.templates if t.id == "my-own"))
    qtbot.waitUntil(lambda: designer.template.id == "my-own" and designer.last_result is not None,
                    timeout=30000)
    assert "text-1" in canvas.boxes and "picture-1" in canvas.pictures
    assert not designer.has_unsaved_edits()

    out = tmp_path / "card.pdf"
    with open_store(app_paths.db_path) as store:
        render_for_contacts(store, app_paths, "my-own", ids, out, today=TODAY)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Greetings from the Fjord Café" in text and "Zoë" in text


def test_dragging_a_box_snaps_to_the_centre_line_with_a_guide(qtbot, open_app, seed, person) -> None:
    window, context, view, designer, ids = _designer(qtbot, open_app, seed, person)
    canvas = designer.canvas
    designer.toolbar.add_text.trigger()
    narrower = _box(designer, "text-1")
    designer._box_edited(dataclasses.replace(narrower, width=narrower.width - 30))  # room to move sideways
    item = canvas.boxes["text-1"]
    start = item.rect_mm()
    panel_width = canvas.sceneRect().center().x() * 2
    # Drag it so its middle lands 0.3 mm off the centre line (under the snap distance).
    dx = panel_width / 2 - start.center().x() + 0.3
    press = canvas.mapFromScene(start.center())
    first = canvas.mapFromScene(start.center().x() + 4, start.center().y())
    target = canvas.mapFromScene(start.center().x() + dx, start.center().y())
    QTest.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(canvas.viewport(), first)
    QTest.mouseMove(canvas.viewport(), target)
    assert canvas.guides, "a guide shows while the box is on the centre line"
    assert any(abs(line.line().x1() - panel_width / 2) < 1e-6 and line.line().x1() == line.line().x2()
               for line in canvas.guides)
    QTest.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert not canvas.guides  # gone when the drag ends
    box = _box(designer, "text-1")
    assert abs(box.x + box.width / 2 - panel_width / 2) < 1e-6
    assert window.undo_action.text() == "&Undo Move “text-1”"


def test_zoom_real_size_matches_the_screen_and_zoomed_in_the_canvas_pans(
    qtbot, open_app, seed, person
) -> None:
    window, context, view, designer, ids = _designer(qtbot, open_app, seed, person)
    canvas, bar = designer.canvas, designer.toolbar
    fitted = canvas.zoom.scale()
    bar.real_size.trigger()
    dpi = canvas.screen().physicalDotsPerInch()
    assert abs(canvas.transform().m11() - dpi / 25.4) < 1e-6 and real_size_px_per_mm(canvas) == dpi / 25.4
    assert bar.zoom_label.text() == "100 %" and not canvas.zoom.fitting
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl+plus (Ctrl+=)
    QTest.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert abs(canvas.zoom.scale() - dpi / 25.4 * 1.25**2) < 1e-6 and bar.zoom_label.text() == "156 %"
    assert canvas.horizontalScrollBar().maximum() > 0 and canvas.verticalScrollBar().maximum() > 0
    # Pan: drag empty desk space (not a box) and the view scrolls.
    bar_v = canvas.verticalScrollBar()
    bar_v.setValue(bar_v.maximum() // 2)
    before = bar_v.value()
    assert canvas.dragMode() == canvas.DragMode.ScrollHandDrag
    # The front's artwork covers the panel: it is the background, so dragging on it pans.
    assert "#1" not in canvas.pictures and bar.no_background.isEnabled()
    left, plain = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(canvas.viewport(), left, plain, QPoint(5, 60))
    QTest.mouseMove(canvas.viewport(), QPoint(5, 30))
    QTest.mouseMove(canvas.viewport(), QPoint(5, 10))
    QTest.mouseRelease(canvas.viewport(), left, plain, QPoint(5, 10))
    assert bar_v.value() == before + 50  # dragged up 50 px: the card moves up with the mouse
    QTest.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert abs(canvas.zoom.scale() - dpi / 25.4 * 1.25) < 1e-6
    bar.fit.trigger()
    assert canvas.zoom.fitting and abs(canvas.zoom.scale() - fitted) < 1e-6
    assert not window.undo_action.isEnabled()  # zooming is not an edit


def test_delete_duplicate_and_background_picture_are_named_steps(
    qtbot, open_app, seed, person, tmp_path
) -> None:
    window, context, view, designer, ids = _designer(qtbot, open_app, seed, person)
    canvas, bar = designer.canvas, designer.toolbar
    canvas.select_box("name")
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [t.name for t in _texts(designer)] == ["greeting", "name", "name-copy"]
    assert window.undo_action.text() == "&Undo Duplicate “name”" and canvas.selected_box() == "name-copy"
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert [t.name for t in _texts(designer)] == ["greeting", "name"]
    assert window.undo_action.text() == "&Undo Delete “name-copy”" and not designer.has_unsaved_edits()

    art = tmp_path / "paper.jpg"
    Image.new("RGB", (600, 800), "#f3e3c3").save(art, "JPEG")
    designer.items.use_picture(art, "background")
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo Background picture", timeout=10000)
    first = designer.template.panel("front").images[0]
    assert first.file.startswith("pictures/paper-") and first.bleed

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    designer.items.use_picture(broken, "add")
    qtbot.waitUntil(lambda: context.errors.last_message is not None, timeout=10000)
    said = context.errors.last_message[1]
    assert "broken.png" in said and "Traceback" not in said

    for _ in range(3):
        window.undo_action.trigger()
    assert not designer.has_unsaved_edits()

    canvas.select_box("greeting")
    menu = bar.context_menu()
    assert {a.text() for a in menu.actions()} >= {"Duplicate", "Delete", "Bring to front", "Add text box"}


def test_the_designer_toolbar_fits_1366x768_and_1024x600(qtbot, open_app, seed, person, tmp_path) -> None:
    import os
    from pathlib import Path

    window, context, view, designer, ids = _designer(qtbot, open_app, seed, person)
    shots = Path(os.environ.get("DESIGNER_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    designer.toolbar.add_text.trigger()
    for width, height in ((1366, 768 - 24 - 30), (1024, 600 - 24 - 30)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=5000)
        qtbot.wait(200)
        qtbot.waitUntil(lambda: not designer.preview.busy, timeout=20000)
        qtbot.wait(100)
        window.grab().save(str(shots / f"designer-{width}.png"))
        bar = designer.toolbar
        # Everything on the toolbar is on screen, none folded away behind the » button.
        actions = [(b, a) for b in (bar, bar.zoom_bar) for a in b.actions() if not a.isSeparator()]
        for widget in (b.widgetForAction(a) for b, a in actions):
            assert widget is not None and widget.isVisible(), width
            right = widget.mapTo(window, widget.rect().topRight()).x()
            assert right <= window.width(), (width, right)
        canvas, status = designer.canvas, designer.status
        assert canvas.width() >= 320 and canvas.height() >= 240, canvas.size()
        # Nothing overlaps: the status line starts below the canvas, the window holds both.
        canvas_bottom = canvas.mapTo(window, canvas.rect().bottomLeft()).y()
        assert status.mapTo(window, status.rect().topLeft()).y() >= canvas_bottom
        assert status.mapTo(window, status.rect().bottomLeft()).y() <= window.height()


def test_a_draft_keeps_added_boxes_and_pictures_and_gives_them_back(
    qtbot, open_app, seed, person, app_paths, tmp_path
) -> None:
    from studio.services import designer_drafts as drafts

    window, context, view, designer, ids = _designer(qtbot, open_app, seed, person)
    designer.toolbar.add_text.trigger()
    photo = tmp_path / "dog.jpg"
    Image.new("RGB", (200, 300), "#aa7733").save(photo, "JPEG")
    designer.items.use_picture(photo, "add")
    qtbot.waitUntil(lambda: "picture-1" in designer.canvas.pictures, timeout=10000)
    designer.canvas.select_box("greeting")
    designer.toolbar.back.trigger()  # already at the back: no step
    designer.toolbar.front.trigger()
    edited = [dataclasses.replace(p) for p in designer.template.panels]
    draft = drafts.load_draft(app_paths, "birthday-balloons")
    assert draft is not None and [t.name for t in draft.panels["front"]] == ["name", "text-1", "greeting"]

    designer.discard_edits()  # as if the app had been killed and the card opened afresh
    assert "text-1" not in designer.canvas.boxes and drafts.load_draft(app_paths, "birthday-balloons") is None
    photo.unlink()  # the draft's copy is in the working folder, not at the original place
    designer.restore_draft(draft)
    assert [p.texts for p in designer.template.panels] == [p.texts for p in edited]
    assert [p.images for p in designer.template.panels] == [p.images for p in edited]
    assert window.undo_action.text() == "&Undo Restore unsaved changes"
    qtbot.waitUntil(lambda: not designer.preview.busy and designer.last_result is not None, timeout=20000)
    assert designer.last_error == "" and "picture-1" in designer.canvas.pictures
    window.undo_action.trigger()  # one step takes it all back
    assert not designer.has_unsaved_edits()
