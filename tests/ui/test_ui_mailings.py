"""The mailing wizard run to the end, its models, the history view, printing, and cancel."""

from __future__ import annotations

import csv

import pdfplumber
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWizard

from studio.progress import Progress
from studio.store import open_store
from studio.ui.mailings.preset import MailingPreset


def _wizard(qtbot, window, preset):  # noqa: ANN001, ANN202
    view = window.show_view("mailings")
    view.start(preset)
    wizard = view.wizard
    qtbot.waitUntil(lambda: wizard.choices is not None, timeout=30000)
    return view, wizard


def _next(qtbot, wizard) -> None:  # noqa: ANN001
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.isComplete(), timeout=60000)
    wizard.next()


def test_wizard_runs_to_the_pdfs_and_marks_the_mailing_sent(
    qtbot, qtmodeltester, open_app, seed, person, app_paths, tmp_path
) -> None:
    ids = seed(person("Zoë", "Ångström-Núñez"), person("Priya", "Raman"), person("Daniel", "Cohen"))
    with open_store(app_paths.db_path) as store, store.transaction():
        contact = store.contacts.get(ids[2])
        contact.addresses = []  # Daniel has no address: skipped with the reason
        store.contacts.update(contact)
    window, context = open_app()
    view, wizard = _wizard(qtbot, window, MailingPreset(occasion="christmas", year=2026, contact_ids=ids))

    # 1. who: the three picked people, for Christmas 2026.
    assert wizard.draft.mode == "people" and sorted(wizard.draft.contact_ids) == sorted(ids)
    assert wizard.recipients.occasion.currentData() == "christmas"
    _next(qtbot, wizard)
    # 2. which card: one made for Christmas is chosen.
    assert wizard.currentPage() is wizard.card
    qtmodeltester.check(wizard.card.model)
    assert "christmas" in wizard.card.model.template(0).occasions or wizard.draft.template
    wizard.card.message.setPlainText("Merry Christmas from all of us!")
    _next(qtbot, wizard)
    # 3. labels on a partly used Avery 5160 sheet: click label 4 in the drawing.
    page = wizard.output
    page.labels.setChecked(True)
    page.stock.setCurrentIndex(page.stock.findData("avery-5160"))
    diagram = page.diagram
    diagram.resize(200, 260)
    centre = diagram._label_rect(4).center()
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert page.start.value() == 4 and wizard.draft.start == 4
    _next(qtbot, wizard)
    # 4. review: two cards, Daniel skipped for his missing address.
    review = wizard.review
    qtbot.waitUntil(lambda: review.plan is not None, timeout=60000)
    qtmodeltester.check(review.recipients)
    qtmodeltester.check(review.skipped)
    assert review.recipients.rowCount() == 2
    assert review.skipped.rowCount() == 1 and "Daniel" in review.skipped.index(0, 0).data()
    out = tmp_path / "christmas-mailing"
    review.folder.setText(str(out))
    _next(qtbot, wizard)
    # 5. produce in the background, then 6. done.
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.finished_page, timeout=120000)
    result = wizard.produce.result
    assert sorted(p.name for p in result.files) == ["cards.pdf", "labels.pdf", "mailing.csv"]
    with pdfplumber.open(out / "cards.pdf") as pdf:
        text = " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
    assert "Merry Christmas from all of us!" in text
    assert "Dear Priya," in text and "Dear Zoë," in text
    with pdfplumber.open(out / "labels.pdf") as pdf:
        labels = pdf.pages[0].extract_text()
    assert "Priya" in labels and "Zoë" in labels
    with open(out / "mailing.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2

    wizard.finished_page.mark_sent()
    qtbot.waitUntil(lambda: not wizard.finished_page.mark_button.isEnabled(), timeout=10000)
    with open_store(app_paths.db_path) as store:
        (mailing,) = store.history.mailings()
        assert mailing.sent_at is not None and len(mailing.items) == 2
        assert mailing.output == "labels:avery-5160@4"
    wizard.button(QWizard.WizardButton.FinishButton).click()

    # The history view lists it, with what each contact received.
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.items)
    assert {view.items.index(r, 1).data() for r in range(view.items.rowCount())} == {
        "Zoë Ångström-Núñez",
        "Priya Raman",
    }
    # The reload after "mark sent" may come after the one that listed the new mailing.
    qtbot.waitUntil(lambda: view.model.index(0, 5).data() != "not yet", timeout=10000)
    # The last choices are remembered for next time.
    assert context.ui_settings.value("mailings/output") == "labels"
    assert context.ui_settings.value("mailings/stock") == "avery-5160"


def test_pdfs_print_page_by_page_at_their_own_size(qtbot, styled_app, tmp_path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from studio.ui.printing import print_pdfs

    source = tmp_path / "envelopes.pdf"
    canvas = Canvas(str(source), pagesize=(684, 297))  # a #10 envelope, landscape
    for name in ("Zoë", "Priya"):
        canvas.drawString(300, 150, name)
        canvas.showPage()
    canvas.save()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert print_pdfs(printer, [source], Progress()) == 2
    with pdfplumber.open(tmp_path / "printed.pdf") as pdf:
        assert len(pdf.pages) == 2
        assert abs(pdf.pages[0].width - 684) < 2 and abs(pdf.pages[0].height - 297) < 2


def test_gui_keeps_ticking_while_2000_cards_render_and_cancel_stops_it(
    qtbot, open_app, seed, person, app_paths, tmp_path
) -> None:
    seed(*[person(f"Customer{n:04d}", f"Family{n % 97:02d}", tags=("customer",)) for n in range(2000)])
    window, context = open_app()
    view, wizard = _wizard(qtbot, window, MailingPreset(occasion="thinking-of-you", tag="customer"))
    assert wizard.draft.mode == "tag"
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    wizard.output.envelopes.setChecked(True)
    _next(qtbot, wizard)
    review = wizard.review
    qtbot.waitUntil(lambda: review.plan is not None, timeout=120000)
    assert len(review.plan.recipients) == 2000
    out = tmp_path / "big-mailing"
    review.folder.setText(str(out))

    gaps: list[float] = []
    import time

    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    _next(qtbot, wizard)  # starts producing in the background
    produce = wizard.produce
    assert produce.state == "running"
    qtbot.waitUntil(lambda: produce.bar.maximum() > 0 and produce.bar.value() >= 1000, timeout=120000)
    ticking = list(gaps)
    wizard.reject()  # Cancel: stops the mailing, then closes the wizard
    qtbot.waitUntil(lambda: produce.state == "cancelled", timeout=60000)
    timer.stop()
    assert len(ticking) > 20
    assert max(ticking[1:]) < 0.2, f"the event loop stalled for {max(ticking[1:]):.3f} s"
    assert not out.exists()
    with open_store(app_paths.db_path) as store:
        assert store.history.mailings() == []
