"""The card designer never loses an edit: leaving asks Save / Discard / Cancel, every edit is kept
as a draft a crash or a kill cannot take away, Ctrl+Z undoes the designer's own steps (and Edit says which),
and the side panel shows the selected box's values, every one of them, or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from studio.cards import load_template
from studio.services import designer_drafts as drafts

Button = QMessageBox.StandardButton
ROWS = {"today": 0, "contacts": 1, "cards": 2, "mailings": 3, "settings": 4}


def _designer(qtbot, open_app, template_id: str = "birthday-balloons"):  # noqa: ANN001, ANN202
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    template = next(t for t in view.templates if t.id == template_id)
    view.open_designer(template)
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    return window, context, view, designer


def _box(designer, name: str, panel: str = "front"):  # noqa: ANN001, ANN202
    return next(t for t in designer.template.panel(panel).texts if t.name == name)


def _click_box(designer, name: str) -> None:  # noqa: ANN001
    canvas = designer.canvas
    centre = canvas.mapFromScene(canvas.boxes[name].rect_mm().center())
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def _make_greeting_bigger(designer) -> None:  # noqa: ANN001
    designer.select_box("greeting")
    designer.box_editor.size.setValue(33.0)
    assert _box(designer, "greeting").size == 33.0


def _leave_prompt(qtbot, designer) -> QMessageBox:  # noqa: ANN001
    qtbot.waitUntil(lambda: bool(designer.leave_prompt and designer.leave_prompt.isVisible()), timeout=5000)
    return designer.leave_prompt


def _side_panel(editor) -> dict:  # noqa: ANN001
    return {
        "text": editor.text.source(),
        "font": editor.font_choice.currentData(),
        "size": editor.size.value(),
        "min_size": editor.min_size.value(),
        "color": editor.colour.text(),
        "align": [b.property("align") for b in editor.align.buttons() if b.isChecked()],
        "valign": editor.valign.currentData(),
        "x": editor.x.value(),
        "y": editor.y.value(),
        "width": editor.width.value(),
        "height": editor.height.value(),
    }


def _values(spec) -> dict:  # noqa: ANN001
    return {
        "text": spec.text,
        "font": spec.font,
        "size": spec.size,
        "min_size": spec.min_size,
        "color": spec.color.lower(),
        "align": [spec.align],
        "valign": spec.valign,
        "x": spec.x,
        "y": spec.y,
        "width": spec.width,
        "height": spec.height,
    }


def test_side_panel_shows_every_value_of_the_selected_box_or_nothing(qtbot, open_app) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    editor = designer.box_editor
    # The greeting's width is 95.95 mm: the panel shows that, not 96.0.
    for name in ("greeting", "name", "greeting"):
        _click_box(designer, name)
        assert designer.canvas.selected_box() == name and editor.isEnabled()
        shown = _side_panel(editor)
        shown["color"] = shown["color"].lower()
        assert shown == _values(_box(designer, name)), name
    window.grab().save(str(context.paths.data_dir / "designer-selected.png"))

    designer.canvas.scene().clearSelection()  # nothing selected: nothing of the last box shows
    assert not editor.isEnabled() and designer.box_hint.isVisible()
    assert editor.text.source() == "" and editor.colour.text() == ""
    assert editor.font_choice.currentIndex() == -1 and editor.valign.currentIndex() == -1
    assert not [b for b in editor.align.buttons() if b.isChecked()]
    assert all(s.cleanText() == "" for s in (editor.size, editor.min_size, editor.x, editor.y, editor.width))

    _click_box(designer, "name")
    designer.tabs.setCurrentIndex(1)  # another panel: its boxes, none selected yet
    assert not editor.isEnabled() and editor.text.source() == ""
    _click_box(designer, "message")
    shown = _side_panel(editor)
    shown["color"] = shown["color"].lower()
    assert shown == _values(_box(designer, "message", "inside"))
    window.grab().save(str(context.paths.data_dir / "designer-inside.png"))


def test_switching_views_with_unsaved_edits_asks_cancel_discard_save(qtbot, open_app, app_paths) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    original = _box(designer, "greeting").size
    _make_greeting_bigger(designer)
    assert drafts.load_draft(app_paths, "birthday-balloons") is not None  # kept after the edit

    window.sidebar.setCurrentRow(ROWS["contacts"])  # as a click on "Contacts" does
    prompt = _leave_prompt(qtbot, designer)
    assert "Save your changes" in prompt.text() and window.stack.currentWidget() is view
    assert window.sidebar.currentRow() == ROWS["cards"]
    prompt.button(Button.Cancel).click()  # Cancel: still in the designer, the edit kept
    assert window.stack.currentWidget() is view and view.stack.currentWidget() is designer
    assert _box(designer, "greeting").size == 33.0 and window.sidebar.currentRow() == ROWS["cards"]

    window.sidebar.setCurrentRow(ROWS["contacts"])
    _leave_prompt(qtbot, designer).button(Button.Discard).click()  # Discard: leaves, forgets
    assert window.stack.currentWidget() is window.views["contacts"]
    assert window.sidebar.currentRow() == ROWS["contacts"]
    assert _box(designer, "greeting").size == original and not designer.has_unsaved_edits()
    assert drafts.load_draft(app_paths, "birthday-balloons") is None

    window.show_view("cards")
    _make_greeting_bigger(designer)
    window.show_view("mailings")
    _leave_prompt(qtbot, designer).button(Button.Save).click()  # Save: asks a name, saves, leaves
    qtbot.waitUntil(lambda: bool(designer.save_dialog and designer.save_dialog.isVisible()), timeout=10000)
    assert window.stack.currentWidget() is view  # not yet: the card is not saved yet
    designer.save_dialog.name.setText("Big greeting")
    designer.save_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.views.get("mailings"), timeout=30000)
    saved = load_template(app_paths.user_templates_dir / designer.template.id)
    assert saved.name == "Big greeting"
    assert next(t for t in saved.panel("front").texts if t.name == "greeting").size == 33.0
    assert not designer.has_unsaved_edits() and drafts.load_draft(app_paths, "birthday-balloons") is None


def test_back_to_the_gallery_asks_too(qtbot, open_app) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    designer.message.setPlainText("See you soon!")
    designer._back()  # "← All cards"
    _leave_prompt(qtbot, designer).button(Button.Cancel).click()
    assert view.stack.currentWidget() is designer and designer.message.toPlainText() == "See you soon!"
    designer._back()
    _leave_prompt(qtbot, designer).button(Button.Discard).click()
    assert view.stack.currentWidget() is view.gallery and designer.message.toPlainText() == ""
    assert not window.undo_action.isEnabled()  # nothing of the designer is undone out of sight

    view.open_designer(next(t for t in view.templates if t.id == "birthday-balloons"))
    _make_greeting_bigger(designer)
    designer._save("big-greeting", "Big greeting", None)
    qtbot.waitUntil(lambda: designer.template.id == "big-greeting", timeout=30000)
    assert not designer.has_unsaved_edits() and window.undo_action.isEnabled()
    designer._back()  # saved: no question, and the gallery has no designer steps to undo
    assert view.stack.currentWidget() is view.gallery and not window.undo_action.isEnabled()


def test_closing_the_window_with_unsaved_edits_asks(qtbot, open_app) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    _make_greeting_bigger(designer)
    window.show_view("contacts")
    _leave_prompt(qtbot, designer).button(Button.Cancel).click()

    window.close()
    prompt = _leave_prompt(qtbot, designer)
    assert window.isVisible()
    window.grab().save(str(context.paths.data_dir / "designer-leave-prompt.png"))
    prompt.button(Button.Cancel).click()  # Cancel: the window stays open
    assert window.isVisible() and _box(designer, "greeting").size == 33.0

    window.close()  # Save: asks a name, saves, then the window closes
    _leave_prompt(qtbot, designer).button(Button.Save).click()
    qtbot.waitUntil(lambda: bool(designer.save_dialog and designer.save_dialog.isVisible()), timeout=10000)
    designer.save_dialog.reject()  # ... unless the name is not given: then it stays open
    assert window.isVisible() and designer.has_unsaved_edits()
    window.close()
    _leave_prompt(qtbot, designer).button(Button.Save).click()
    qtbot.waitUntil(lambda: bool(designer.save_dialog and designer.save_dialog.isVisible()), timeout=10000)
    designer.save_dialog.name.setText("Closing card")
    designer.save_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    saved = load_template(context.paths.user_templates_dir / designer.template.id)
    assert saved.name == "Closing card" and not drafts.load_draft(context.paths, "birthday-balloons")


def test_closing_the_window_and_discarding(qtbot, open_app, app_paths) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    _make_greeting_bigger(designer)
    window.close()
    _leave_prompt(qtbot, designer).button(Button.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert drafts.load_draft(app_paths, "birthday-balloons") is None  # nothing offered next time


def test_a_draft_left_by_a_crash_is_offered_back(qtbot, open_app, app_paths) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    _make_greeting_bigger(designer)
    QTest.keyClicks(designer.message, "Happy day, Zoe!")  # typed: each keystroke is in the draft
    # The process dies here: no prompt, no save. A new window opens over the same data folder.
    window2, context2, view2, designer2 = _designer(qtbot, open_app)
    qtbot.waitUntil(lambda: designer2.restore_prompt is not None and designer2.restore_prompt.isVisible())
    prompt = designer2.restore_prompt
    assert prompt.text().startswith("Restore your unsaved changes from ") and " at " in prompt.text()
    assert _box(designer2, "greeting").size != 33.0  # nothing restored before the answer
    restore = next(b for b in prompt.buttons() if b.text() == "Restore")
    restore.click()
    assert _box(designer2, "greeting").size == 33.0
    assert designer2.message.toPlainText() == "Happy day, Zoe!" and designer2.has_unsaved_edits()
    assert window2.undo_action.text() == "&Undo Restore unsaved changes"
    window2.undo_action.trigger()  # the restore is one step, taken back at once
    assert _box(designer2, "greeting").size != 33.0 and designer2.message.toPlainText() == ""

    # Discarding the offer forgets the draft for good.
    evening = dt.datetime(2026, 11, 19, 18, 40)
    drafts.save_draft(app_paths, drafts.draft_of(designer.template, "x", evening))
    view2.open_designer(next(t for t in view2.templates if t.id == "birthday-balloons"))
    qtbot.waitUntil(lambda: designer2.restore_prompt.isVisible())
    assert "from yesterday at 18:40" in designer2.restore_prompt.text()  # today is 20 Nov 2026
    next(b for b in designer2.restore_prompt.buttons() if b.text() == "Discard changes").click()
    assert drafts.load_draft(app_paths, "birthday-balloons") is None and not designer2.has_unsaved_edits()


def test_ctrl_z_undoes_the_designers_own_edits(qtbot, open_app) -> None:
    window, context, view, designer = _designer(qtbot, open_app)
    window.activateWindow()
    qtbot.waitActive(window)
    contacts_steps = window.undo_stacks["contacts"].count()
    original = _box(designer, "greeting")
    _make_greeting_bigger(designer)
    assert window.undo_action.text() == "&Undo Change “greeting” size"
    _click_box(designer, "name")
    item = designer.canvas.boxes["name"]
    start = item.rect_mm()
    designer.box_editor.x.setValue(start.x() + 3)  # the same as a drag: a move
    assert window.undo_action.text() == "&Undo Move “name”"

    designer.box_editor.text.editor.setFocus()  # Ctrl+Z in a text field: the designer's step, not the field's
    QTest.keyClick(designer.box_editor.text.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _box(designer, "name").x == start.x() and item.rect_mm() == start
    assert designer.box_editor.x.value() == start.x()
    assert window.undo_action.text() == "&Undo Change “greeting” size"
    designer.box_editor.size.setFocus()  # a number field too
    QTest.keyClick(designer.box_editor.size, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _box(designer, "greeting") == original and designer.canvas.selected_box() == "greeting"
    assert designer.box_editor.size.value() == original.size  # shown where it was undone
    assert not designer.has_unsaved_edits() and window.undo_stacks["contacts"].count() == contacts_steps

    designer.message.setFocus()
    QTest.keyClicks(designer.message, "Hello")
    assert window.undo_action.text() == "&Undo Edit personal message"  # one step for the burst
    QTest.keyClick(designer.message, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert designer.message.toPlainText() == "" and not window.undo_action.isEnabled()
    QTest.keySequence(designer.message, window.redo_action.shortcut())  # Redo, as the platform spells it
    assert designer.message.toPlainText() == "Hello"


_KILLED_DESIGNER = """
import os, signal, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from studio.paths import AppPaths
from studio.ui.app import open_window

app = QApplication([])
window, context = open_window(AppPaths(Path(sys.argv[1]), Path(sys.argv[2])))
window.show()
view = window.show_view("cards")


def until(ready):
    deadline = time.monotonic() + 60
    while not ready():
        if time.monotonic() > deadline:
            sys.exit(3)
        app.processEvents()
        time.sleep(0.01)


until(lambda: view.loaded)
view.open_designer(next(t for t in view.templates if t.id == "birthday-balloons"))
designer = view.designer
designer.select_box("greeting")
designer.box_editor.size.setValue(33.0)
designer.message.setPlainText("Killed mid-sentence")
os.kill(os.getpid(), signal.SIGKILL)  # no prompt, no save, no clean-up: as a crash
"""


def test_a_killed_designer_loses_nothing(qtbot, open_app, app_paths) -> None:
    import os
    import signal
    import subprocess
    import sys

    import studio

    here = str(Path(studio.__file__).resolve().parents[1])  # this checkout's studio, not another
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [here, env.get("PYTHONPATH")]))
    app_paths.data_dir.mkdir(parents=True, exist_ok=True)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_DESIGNER, str(app_paths.data_dir), str(app_paths.db_path)],
        env=env, capture_output=True, timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]

    window, context, view, designer = _designer(qtbot, open_app)
    qtbot.waitUntil(lambda: bool(designer.restore_prompt and designer.restore_prompt.isVisible()))
    next(b for b in designer.restore_prompt.buttons() if b.text() == "Restore").click()
    assert _box(designer, "greeting").size == 33.0
    assert designer.message.toPlainText() == "Killed mid-sentence"
