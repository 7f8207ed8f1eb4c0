"""Settings ▸ Printer: the profile picker, the chosen profile's fields, the feed guide; and the
turn-the-stack dialog between the outsides and the insides of a manual two-sided print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from studio.model import PrinterProfile
from studio.store import open_store
from studio.ui.manual_duplex import ManualDuplexDialog
from studio.ui.printing import print_batches
from tests.ui.conftest import wait_idle


def _profiles(app_paths) -> dict[str, PrinterProfile]:  # noqa: ANN001
    with open_store(app_paths.db_path) as store:
        return {p.name: p for p in store.printers.all()}


def _printer_box(qtbot, open_app):  # noqa: ANN001, ANN202
    window, context = open_app()
    settings = window.show_view("settings")
    wait_idle(qtbot, context)
    return window, context, settings.calibration


def test_profiles_are_added_edited_renamed_made_default_and_removed(qtbot, open_app, app_paths) -> None:
    _window, context, box = _printer_box(qtbot, open_app)
    assert box.title() == "Printer" and box.picker.count() == 1
    assert box.picker.currentText() == "Default (default)" and not box.remove_button.isEnabled()
    box.add_profile()
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: box.picker.count() == 2, timeout=5000)
    assert box.current_name == "Printer 2" and box.remove_button.isEnabled()
    box.duplex.setCurrentIndex(box.duplex.findData("manual"))
    assert box.manual_turn.isEnabled()
    box.manual_turn.setCurrentIndex(box.manual_turn.findData("short"))
    box.kind.setCurrentIndex(box.kind.findData("envelopes"))
    box.offset_x.setValue(-1.5)
    box.rotation.setCurrentIndex(box.rotation.findData("90"))
    box.carrier.setCurrentIndex(box.carrier.findData("letter"))
    assert "stamp end" in box.feed_caption.text() and "Letter page" in box.feed_caption.text()
    assert box.feed_guide.profile.envelope_rotation == 90
    qtbot.waitUntil(lambda: _profiles(app_paths)["Printer 2"].envelopes.offset_x == -1.5, timeout=5000)
    saved = _profiles(app_paths)["Printer 2"]
    assert (saved.duplex, saved.manual_turn, saved.envelope_rotation, saved.envelope_carrier) == \
        ("manual", "short", 90, "letter")
    assert saved.labels.offset_x == 0.0 and _profiles(app_paths)["Default"].duplex == "long"
    box.name.setText("Office inkjet")
    box.rename_current()
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: "Office inkjet" in _profiles(app_paths), timeout=5000)
    box.make_default()
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: box.picker.currentText() == "Office inkjet (default)", timeout=5000)
    with open_store(app_paths.db_path) as store:
        assert store.printers.default_name() == "Office inkjet"
        assert store.settings.load().printer.duplex == "manual"  # the one-printer view follows
    assert context.settings.printer.duplex == "manual"
    box.picker.setCurrentIndex(box.picker.findData("Default"))
    assert box.current_name == "Default" and box.duplex.currentData() == "long"
    box.remove_current(confirm=False)
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: list(_profiles(app_paths)) == ["Office inkjet"], timeout=5000)
    assert box.picker.count() == 1


def test_an_edit_elsewhere_on_the_page_does_not_undo_a_profile_edit(qtbot, open_app, app_paths) -> None:
    window, context, box = _printer_box(qtbot, open_app)
    settings = window.show_view("settings")
    box.kind.setCurrentIndex(box.kind.findData("envelopes"))
    box.offset_y.setValue(2.0)
    settings.sender.name.setText("Maria Lopez")  # a whole-settings save with the page's copy
    qtbot.waitUntil(lambda: context.settings.sender.name == "Maria Lopez", timeout=10000)
    wait_idle(qtbot, context)
    qtbot.waitUntil(lambda: _profiles(app_paths)["Default"].envelopes.offset_y == 2.0, timeout=5000)
    assert _profiles(app_paths)["Default"].labels.offset_y == 0.0


def test_a_manual_pair_prints_outsides_then_insides_and_the_rest(tmp_path: Path) -> None:
    names = ["cards.pdf", "cards-outside.pdf", "cards-inside.pdf", "envelopes.pdf"]
    paths = [tmp_path / name for name in names]
    assert print_batches(paths) == [[paths[1]], [paths[2], paths[3]]]
    assert print_batches(paths[3:]) == [paths[3:]]


def test_the_turn_the_stack_dialog_draws_this_profiles_turn(qtbot, tmp_path: Path) -> None:
    profile = PrinterProfile(name="Inkjet", duplex="manual", stack="face-up", manual_turn="short")
    dialog = ManualDuplexDialog(tmp_path / "cards-outside.pdf", tmp_path / "cards-inside.pdf", profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.text.text()
    assert "last sheet on top" in text and "top edge" in text and "cards-inside.pdf" in text
    assert dialog.picture.profile.manual_turn == "short"
    image = dialog.picture.grab().toImage()
    assert image.width() >= 420 and image.height() >= 170
    # Drawn: more than one colour on it (the sheets, the accent arrow).
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 3
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog.print_button.click()
    assert accepted == [True]


def test_printing_a_manual_pair_shows_the_dialog_between_the_runs(
        qtbot, open_app, tmp_path, monkeypatch) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from studio.ui import printing

    window, context = open_app()
    paths = []
    for name in ("cards-outside.pdf", "cards-inside.pdf"):
        canvas = Canvas(str(tmp_path / name), pagesize=(612, 792))
        canvas.drawString(100, 700, name)
        canvas.save()
        paths.append(tmp_path / name)
    printed: list[list[str]] = []
    monkeypatch.setattr(printing, "print_pdfs", lambda _printer, run, _steps: printed.append(
        [p.name for p in run]) or len(run))
    monkeypatch.setattr(printing.spooler, "queues", lambda: [])  # no CUPS queue: the Qt path, recorded
    job = printing.PrintJob(paths, context, window, profile=PrinterProfile(duplex="manual", stack="face-up"))
    job.start()
    qtbot.waitUntil(lambda: job.turn_dialog is not None and job.turn_dialog.isVisible(), timeout=10000)
    assert printed == [["cards-outside.pdf"]]
    job.turn_dialog.print_button.click()
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=10000)
    assert printed[1] == ["cards-inside.pdf"]
    wait_idle(qtbot, context)
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w is job.turn_dialog)
