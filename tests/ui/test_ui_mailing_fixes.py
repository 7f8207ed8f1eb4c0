"""Mailing wizard and history fixes: Settings' defaults preselected, printing progress that
survives the job ending under it, the last page's buttons legible and whole, names in the history."""

from __future__ import annotations

import datetime as dt

import pdfplumber
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWizard

from studio.store import open_store
from studio.store.history import Mailing, MailingItem
from studio.ui.mailings.preset import MailingPreset


def _settings(app_paths, **values) -> None:  # noqa: ANN001
    with open_store(app_paths.db_path) as store, store.transaction():
        settings = store.settings.load()
        for name, value in values.items():
            setattr(settings, name, value)
        store.settings.save(settings)


def _wizard(qtbot, window, preset=None):  # noqa: ANN001, ANN202
    view = window.show_view("mailings")
    view.start(preset)
    wizard = view.wizard
    qtbot.waitUntil(lambda: wizard.choices is not None, timeout=30000)
    return view, wizard


def _close(qtbot, wizard) -> None:  # noqa: ANN001
    wizard.reject()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)


# --- 1. Settings' envelope and label sheet are preselected -------------------------------


def test_output_page_preselects_the_envelope_and_sheet_from_settings(
    qtbot, open_app, seed, person, app_paths
) -> None:
    seed(person("Priya", "Raman"))
    # "L7160" is how a user may write it (`studio settings set label_stock L7160`): the id is avery-l7160.
    _settings(app_paths, envelope_size="a2", label_stock="L7160")
    window, _ = open_app()
    view, wizard = _wizard(qtbot, window, MailingPreset(occasion="christmas", year=2026, tag="customer"))
    page = wizard.output
    assert page.envelope.currentData() == "a2", page.envelope.currentText()
    assert page.stock.currentData() == "avery-l7160", page.stock.currentText()
    assert page.envelope.findData("a2") > 0 and page.stock.findData("avery-l7160") > 0  # not the first ones
    assert (wizard.draft.envelope, wizard.draft.stock) == ("a2", "avery-l7160")
    assert page.envelopes.isChecked() and wizard.draft.output == "envelopes"
    assert page.start.maximum() == 21  # 3 x 7 labels on an L7160 sheet
    _close(qtbot, wizard)


def test_a_card_too_big_for_settings_envelope_gets_the_smallest_that_fits(
    qtbot, open_app, seed, person, app_paths, tmp_path
) -> None:
    seed(person("Priya", "Raman"))
    _settings(app_paths, envelope_size="a2", label_stock="avery-5160")
    window, _ = open_app()
    view, wizard = _wizard(qtbot, window, MailingPreset(occasion="christmas", year=2026, tag="customer"))
    for _ in range(2):  # to the output page, with the Christmas default holiday-snow (5×7 in)
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=20000)
        wizard.next()
    page = wizard.output
    assert wizard.currentPage() is page and wizard.draft.template == "holiday-snow"
    assert page.envelope.currentData() == "a7" and wizard.draft.envelope == "a7"
    assert (
        page.envelope_note.text() == "These cards do not fit A2 envelopes: A7 chosen, the smallest they fit."
    )
    a2 = page.envelope.findData("a2")
    assert not page.envelope.model().item(a2).isEnabled()  # offered only where the card fits
    wizard.resize(1024 - 40, 600 - 60)
    wizard.grab().save(str(tmp_path / "output-page.png"))
    _close(qtbot, wizard)


def test_a_remembered_choice_wins_until_settings_change_their_default(qtbot, open_app, app_paths) -> None:
    _settings(app_paths, envelope_size="a2", label_stock="avery-5160")
    window, context = open_app()
    ui = context.ui_settings

    # Chosen last time against today's defaults: kept, with the output and order chosen then.
    for key, value in {
        "output": "labels",
        "envelope": "c6",
        "stock": "avery-5162",
        "order": "postal",
        "envelope_default": "a2",
        "stock_default": "avery-5160",
    }.items():
        ui.setValue(f"mailings/{key}", value)
    view, wizard = _wizard(qtbot, window)
    page = wizard.output
    assert page.envelope.currentData() == "c6" and page.stock.currentData() == "avery-5162"
    assert page.labels.isChecked() and page.order.currentData() == "postal"
    assert (wizard.draft.output, wizard.draft.order) == ("labels", "postal")
    _close(qtbot, wizard)

    # The user then makes C5 and the L7163 their defaults in Settings: those win now.
    context.settings.envelope_size, context.settings.label_stock = "c5", "avery-l7163"
    view, wizard = _wizard(qtbot, window)
    assert wizard.output.envelope.currentData() == "c5"
    assert wizard.output.stock.currentData() == "avery-l7163"
    _close(qtbot, wizard)

    # A choice remembered without its default (before the fix, when the first list entry was
    # remembered whatever the user meant) gives way to Settings too.
    ui.remove("mailings/envelope_default")
    ui.remove("mailings/stock_default")
    ui.setValue("mailings/envelope", "no10")
    view, wizard = _wizard(qtbot, window)
    assert wizard.output.envelope.currentData() == "c5"
    _close(qtbot, wizard)


# --- 2. printing's progress dialog -------------------------------------------------------


def test_print_progress_survives_the_job_ending_while_the_dialog_processes_events(
    qtbot, open_app, tmp_path
) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from studio.ui.printing import PrintJob

    window, context = open_app()
    source = tmp_path / "cards.pdf"
    canvas = Canvas(str(source), pagesize=(612, 792))
    for name in ("Zoë", "Priya"):
        canvas.drawString(100, 700, name)
        canvas.showPage()
    canvas.save()
    job = PrintJob([source], context, window)
    job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    job.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job.printer.setResolution(72)
    job.start()
    dialog = job.progress
    dialog.forceShow()  # shown: setValue() on the window-modal dialog now processes events
    # The job's end arrives while setValue() processes events, and drops the dialog.
    QTimer.singleShot(0, job._finish)
    job._step(1, 2, "Printing page 2 of 2")  # raised AttributeError on None
    assert job.progress is None and not dialog.isVisible()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=30000)
    job._step(2, 2, "Printed")  # a report after the end changes nothing
    assert job.progress is None
    with pdfplumber.open(tmp_path / "printed.pdf") as pdf:
        assert len(pdf.pages) == 2


# --- 3. the last page: no button cut, no dark icon on teal ----------------------------


def _text_fits(button: QPushButton) -> bool:
    """Whether the button is wide enough for its text in the font it is drawn in (the
    default button's and primary buttons' text is bold: see studio/ui/style.py)."""
    font = QFont(button.font())
    if button.isDefault() or button.objectName() == "primary":
        font.setWeight(QFont.Weight.DemiBold)
    needed = QFontMetrics(font).horizontalAdvance(button.text().replace("&", ""))
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    return button.width() >= needed + 2 * 14 + 2  # padding 6px 14px, 1px border


def test_ready_to_print_page_shows_whole_buttons_and_light_icons_on_teal(
    qtbot, open_app, seed, person, tmp_path
) -> None:
    seed(person("Zoë", "Ångström-Núñez"), person("Priya", "Raman"))
    window, context = open_app()
    view, wizard = _wizard(qtbot, window, MailingPreset(occasion="christmas", year=2026, tag="customer"))
    wizard.resize(860, 620)  # its default size
    for _ in range(3):
        page = wizard.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=60000)
        wizard.next()
    review = wizard.review
    qtbot.waitUntil(lambda: review.plan is not None, timeout=60000)
    review.folder.setText(str(tmp_path / "christmas"))
    wizard.next()
    done = wizard.finished_page
    qtbot.waitUntil(lambda: wizard.currentPage() is done, timeout=120000)
    qtbot.wait(50)  # let the page lay out and take focus

    produce = wizard.produce
    detail = produce.detail.text()
    produce._progress(1, 9, "a late report")  # one still queued when the mailing was finished
    assert produce.detail.text() == detail and produce.bar.value() == produce.bar.maximum()

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    buttons = [b for b in done.findChildren(QPushButton) if b.isVisible()]
    assert {"Show folder", "Print…", "Mark as posted today", "Open"} <= {b.text() for b in buttons}
    for button in buttons:
        button.setFocus()  # focus is what made "Show folder" the default (teal, bold, cut) before
        assert not button.isDefault(), f"{button.text()!r} took the default button's look"
        assert _text_fits(button), f"{button.text()!r} is cut: {button.width()} px"
        if not button.icon().isNull():
            assert button.objectName() != "primary"  # page icons are dark: never on teal
    assert finish.isDefault() and _text_fits(finish)
    wizard.button(QWizard.WizardButton.FinishButton).click()


# --- 4. the history shows names, not ids -------------------------------------------------


def test_history_shows_card_envelope_and_sheet_names(qtbot, qtmodeltester, open_app, seed, person) -> None:
    (priya,) = seed(person("Priya", "Raman"))
    window, context = open_app()
    with open_store(context.paths.db_path) as store, store.transaction():
        for occasion, template, output in (
            ("christmas", "holiday-snow", "envelopes:no10"),
            ("thank-you", "thank-you-order", "labels:avery-5160@4"),
            ("birthday", "a-card-since-deleted", "envelopes:dl+labels:no-such-sheet"),
        ):
            item = MailingItem(1, priya, "Priya Raman", occasion, dt.date(2026, 12, 25), template)
            store.history.add_mailing(Mailing(occasion, 2026, template, output, items=[item]))
    context.events.mailings_changed.emit()
    view = window.show_view("mailings")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    qtbot.waitUntil(lambda: not context.tasks.busy and context.store.pending == 0, timeout=10000)
    qtmodeltester.check(view.model)
    rows = {
        view.model.mailing(r).template: [view.model.index(r, c).data() for c in range(1, 4)]
        for r in range(view.model.rowCount())
    }
    assert rows["holiday-snow"] == ["Christmas 2026", "Happy holidays", "#10 envelopes"]
    assert rows["thank-you-order"][1:] == ["Thank you for your order", "Avery 5160 labels from label 4"]
    # A template deleted since, a sheet no longer in the catalog: shown as recorded.
    assert rows["a-card-since-deleted"][1:] == ["a-card-since-deleted", "DL envelopes, no-such-sheet labels"]

    christmas = next(m for m in view.model.mailings() if m.template == "holiday-snow")
    view.table.selectRow(view.model.row_of(christmas.id))
    assert "Happy holidays" in view.detail_title.text() and "holiday-snow" not in view.detail_title.text()
    assert "#10 envelopes" in view.detail_info.text() and "NO10" not in view.detail_info.text()
