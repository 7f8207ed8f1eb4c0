"""Print… for real: the Qt print dialog opens from the button; cancelling changes nothing;
printing to a CUPS queue hands the PDF itself to the spooler (vector, 100 %)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from reportlab.pdfgen.canvas import Canvas

from studio.ui.printing import PdfReadyDialog
from tests.printing.cups_server import QUEUE


def _pdf(path: Path, text: str) -> Path:
    canvas = Canvas(str(path), pagesize=(612, 792))
    canvas.drawString(100, 700, text)
    canvas.save()
    return path


def _print_dialog() -> QPrintDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()), None
    )


def _button(dialog, text: str) -> QPushButton:  # noqa: ANN001
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def test_print_button_opens_the_dialog_and_cancel_leaves_everything(qtbot, open_app, tmp_path) -> None:
    window, context = open_app()
    ready = PdfReadyDialog([_pdf(tmp_path / "cards.pdf", "Zoë")], "Ready", "Your cards", context, window)
    ready.show()
    _button(ready, "Print…").click()  # raised TypeError: open expected 2 arguments
    qtbot.waitUntil(lambda: _print_dialog() is not None, timeout=10000)
    _print_dialog().reject()
    qtbot.waitUntil(lambda: _print_dialog() is None, timeout=5000)
    assert ready.print_job.progress is None and not context.tasks.busy and ready.isVisible()


def test_printing_to_a_cups_queue_sends_the_vector_pdf(qtbot, open_app, tmp_path, cups) -> None:
    window, context = open_app()
    ready = PdfReadyDialog(
        [_pdf(tmp_path / "cards.pdf", "Happy Birthday, Priya")], "Ready", "", context, window
    )
    ready.show()
    _button(ready, "Print…").click()
    qtbot.waitUntil(lambda: _print_dialog() is not None, timeout=10000)
    dialog = _print_dialog()
    dialog.accepted.disconnect()
    dialog.done(QPrintDialog.DialogCode.Accepted)
    ready.print_job.printer.setPrinterName(QUEUE)  # the queue the user picked in it
    assert ready.print_job.printer.printerName() == QUEUE
    ready.print_job.start()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=30000)
    (printed,) = cups.printed_pdfs()
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    assert "Happy Birthday, Priya" in text


def test_open_without_a_viewer_says_so_and_shows_the_path(qtbot, open_app, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *_: False)  # no viewer registered
    window, context = open_app()
    pdf = _pdf(tmp_path / "cards.pdf", "x")
    ready = PdfReadyDialog([pdf], "Ready", "", context, window)
    ready.show()
    _button(ready, "Show folder").click()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    (box,) = boxes  # and no error: the store opened from two threads at once migrates once
    assert str(tmp_path) in box.informativeText() and "no program" in box.text()
    next(b for b in box.buttons() if b.text() == "Copy path").click()
    assert QApplication.clipboard().text() == str(tmp_path)
    box.close()


def test_a_mailing_prints_cards_two_sided_as_set_up_and_envelopes_one_sided(
        qtbot, open_app, tmp_path, cups) -> None:
    from studio.cli import main
    from studio.paths import bundled_dir

    db = str(tmp_path / "print.sqlite3")
    samples = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
    assert main(["--db", db, "import", "--quiet", str(samples)]) == 0
    assert main(["--db", db, "settings", "--set", "printer.duplex=short"]) == 0
    cards, envelopes = tmp_path / "cards.pdf", tmp_path / "envelopes.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "--out", str(cards)]) == 0
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "a2", "--out", str(envelopes)]) == 0

    earlier = len(cups.page_log(timeout=0))  # other tests' jobs on this server
    window, context = open_app()
    ready = PdfReadyDialog([cards, envelopes], "Ready", "", context, window)
    ready.show()
    _button(ready, "Print…").click()
    qtbot.waitUntil(lambda: _print_dialog() is not None, timeout=10000)
    job = ready.print_job
    dialog = _print_dialog()
    dialog.accepted.disconnect()
    dialog.done(QPrintDialog.DialogCode.Accepted)
    job.printer.setPrinterName(QUEUE)  # cups-pdf offers no two-sided choice: each PDF as it asks
    job.start()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=30000)
    cups.printed_pdfs(count=2)
    qtbot.waitUntil(lambda: len(cups.page_log(timeout=0)) >= earlier + 2, timeout=10000)
    log = cups.page_log()[earlier:]
    card_lines = [line for line in log if "cards.pdf" in line]
    envelope_lines = [line for line in log if "envelopes.pdf" in line]
    assert card_lines and all("two-sided-short-edge" in line for line in card_lines), log
    assert envelope_lines and all("one-sided" in line for line in envelope_lines), log
