"""The pages of the printer setup (`studio.ui.settings.printer_setup`): print the test, say
how sheet 1 turned over, what lay on top of the tray, how far the back's cross is, and what
the calibration page measured. Each page only collects answers; what they mean for the
profile is `studio.printing.setup_answers`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from studio.errors import StudioError
from studio.printing.profiles import BACK_OFFSET_LIMITS, CALIBRATION_LIMITS
from studio.printing.setup_answers import CalibrationReading, CrossReading, stack_sights
from studio.render.calibration import SCALE_SPAN_X, SCALE_SPAN_Y
from studio.ui.setup_pictures import (
    ChoiceCard,
    CrossPicture,
    DuplexAnswerPicture,
    StackSightPicture,
    TurnPicture,
)
from studio.ui.widgets import label, number_field

if TYPE_CHECKING:
    from studio.ui.settings.printer_setup import PrinterSetupWizard


_SMALL = QSize(170, 112)


def _spin(low: float, high: float, step: float = 0.5, suffix: str = " mm") -> QDoubleSpinBox:
    spin = number_field(low, high, step, suffix, decimals=1)
    spin.setMaximumWidth(130)
    return spin


class _Choices(QWidget):
    """A row of picture cards, one of which may be chosen."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.cards: list[ChoiceCard] = []
        self._on_change = on_change

    def set_cards(self, cards: list[ChoiceCard]) -> None:
        for old in self.cards:
            self.group.removeButton(old.radio)
            old.deleteLater()
        self.cards = cards
        for card in cards:
            self.group.addButton(card.radio)
            card.radio.toggled.connect(lambda *_: self._on_change())
            self.row.addWidget(card, 1)

    def value(self) -> str | None:
        return next((card.value for card in self.cards if card.radio.isChecked()), None)

    def choose(self, value: str) -> None:
        for card in self.cards:
            if card.value == value:
                card.radio.setChecked(True)


class _PdfButtons(QWidget):
    """Make a PDF in the background, then Print… it or Open it; a line says how it went."""

    def __init__(self, wizard: PrinterSetupWizard, make_text: str, make: Callable[[], Path],
                 two_sided: bool) -> None:
        super().__init__()
        self._wizard, self._make, self._two_sided = wizard, make, two_sided
        self.path: Path | None = None
        self.make_button = QPushButton(make_text)
        self.print_button = QPushButton("Print…")
        self.open_button = QPushButton("Open the PDF")
        self.status = label("", "muted", wrap=True)
        row = QHBoxLayout()
        for button in (self.make_button, self.print_button, self.open_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.print_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.make_button.clicked.connect(self.make)
        self.print_button.clicked.connect(self.print_pdf)
        self.open_button.clicked.connect(self.open_pdf)

    def make(self) -> None:
        self.make_button.setEnabled(False)
        self.status.setText("Making the PDF…")

        def done(path: Path) -> None:
            self.path = Path(path)
            self.make_button.setEnabled(True)
            for button in (self.print_button, self.open_button):
                button.setEnabled(True)
            self.status.setText(f"Ready: {self.path.name}")
            self.status.setToolTip(str(self.path))

        def failed(exc: BaseException) -> None:
            self.make_button.setEnabled(True)
            if isinstance(exc, StudioError):  # a sentence for the user: said here, on the page
                self.status.setText(str(exc))
                return
            self.status.setText("The PDF could not be made.")
            self._wizard.context.errors.show(exc, self._wizard)

        make = self._make
        self._wizard.context.tasks.start(lambda _p: make(), on_done=done, on_error=failed,
                                         name="printer setup pdf", owner=self)

    def print_pdf(self) -> None:
        from studio.ui.printing import PrintJob

        if self.path is None:
            return
        profile = self._wizard.profile
        # The test asks for two sides whatever the profile says now: that is what it tests.
        if self._two_sided and profile.duplex == "manual":
            profile = dataclasses.replace(profile, duplex="long")
        self.print_job = PrintJob([self.path], self._wizard.context, self._wizard, profile=profile)
        self.print_job.ask()

    def open_pdf(self) -> None:
        from studio.ui.printing import open_path

        if self.path is not None:
            open_path(self.path, self._wizard)


class PrintTestPage(QWizardPage):
    def __init__(self, wizard: PrinterSetupWizard) -> None:
        super().__init__()
        self.setTitle("1. Print the test sheets")
        self.setSubTitle("Two sheets, printed on both sides, that show how this printer turns and "
                         "stacks paper.")
        settings, out = wizard.context.settings, wizard.context.paths.data_dir / "printer-test.pdf"

        def make() -> Path:
            from studio.services.printer_setup import printer_test

            return printer_test(out, settings)

        self.pdf = _PdfButtons(wizard, "Make the test again", make, two_sided=True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(
            "Put plain paper in the printer (not card stock or labels). Print all four pages "
            "two-sided, at 100 % (“actual size”, not “fit to page”).", wrap=True))
        layout.addWidget(self.pdf)
        layout.addWidget(label(
            "When it has printed, leave the sheets in the output tray for a moment: the next pages "
            "ask what lies on top. Printed the test before? Just click Next.", "muted", wrap=True))
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        if self.pdf.path is None:
            self.pdf.make()


class DuplexPage(QWizardPage):
    def __init__(self, wizard: PrinterSetupWizard) -> None:
        super().__init__()
        self.setTitle("2. How does it turn sheets over?")
        self.setSubTitle("Turn sheet 1 over like a book page. Which sentence reads the right way up?")
        self.choices = _Choices(self.completeChanged.emit)
        self.choices.set_cards([
            ChoiceCard("long", "LONG EDGE reads upright", DuplexAnswerPicture("long")),
            ChoiceCard("short", "SHORT EDGE reads upright", DuplexAnswerPicture("short")),
            ChoiceCard("manual", "Back on its own sheet", DuplexAnswerPicture("manual")),
        ])
        layout = QVBoxLayout(self)
        layout.addWidget(self.choices)
        layout.addWidget(label("The sentence that reads upright sits at the top of the page as you hold "
                               "it. If sheet 1's back is blank, your printer printed one side only: you "
                               "will turn the stack by hand.", "muted", wrap=True))
        layout.addStretch(1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.choices.value() is not None


class StackPage(QWizardPage):
    def __init__(self, wizard: PrinterSetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("3. How does the stack come out?")
        self.setSubTitle("Before you picked anything up: what lay on top of the output tray?")
        self.stack = _Choices(self.completeChanged.emit)
        self.turn = _Choices(self.completeChanged.emit)
        self.turn.set_cards([
            ChoiceCard("long", "Over its side edge, like a book page", TurnPicture("long", size=_SMALL)),
            ChoiceCard("short", "Over its top edge", TurnPicture("short", size=_SMALL)),
        ])
        self.turn_title = label("One side at a time: when you put the printed stack back to print the "
                                "insides, which way will you turn it? (Your printer's manual shows how to "
                                "print on the back of a sheet.)", wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addWidget(self.turn_title)
        layout.addWidget(self.turn)
        layout.addStretch(1)
        self._for = ""

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        duplex = self._wizard.duplex_answer() or "long"
        manual = duplex == "manual"
        if self._for != ("manual" if manual else "two-sided"):
            self._for = "manual" if manual else "two-sided"
            # With the turn question under them the pictures are smaller: the page fits 540 px.
            size = _SMALL if manual else QSize(190, 210)
            self.stack.set_cards([
                ChoiceCard(sight.stack, sight.caption, StackSightPicture(sight.seen, size=size))
                for sight in stack_sights(duplex)])
        self.turn_title.setVisible(manual)
        self.turn.setVisible(manual)
        if manual and self.turn.value() is None:
            self.turn.choose(self._wizard.profile.manual_turn)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.stack.value() is not None and (self.turn.isHidden() or self.turn.value() is not None)


class CrossPage(QWizardPage):
    def __init__(self, wizard: PrinterSetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("4. Do the two sides line up?")
        self.setSubTitle("Hold sheet 1 against a window. How far is the back's cross from the front's?")
        self.picture = CrossPicture()
        self.right, self.down = _spin(*BACK_OFFSET_LIMITS), _spin(*BACK_OFFSET_LIMITS)
        self.skip = QCheckBox("I did not check: keep the back where it is")
        form = QFormLayout()
        form.addRow(label("The back's red cross is", wrap=True))
        form.addRow("to the right by", self.right)
        form.addRow("lower by", self.down)
        form.addRow(label("Each ring on the sheet is 1 mm further out. To the left or higher: "
                          "a minus number. Lined up: 0 and 0. The other red cross, far off, belongs "
                          "to the other answer: leave it.", "muted", wrap=True))
        form.addRow(self.skip)
        self.inputs = QWidget()
        row = QHBoxLayout(self.inputs)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picture)
        row.addLayout(form, 1)
        self.manual_note = label("Your printer printed each side on a sheet of its own, so there is "
                                 "nothing to hold against the light. Card Studio keeps the back where "
                                 "it is; click Next.", wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inputs)
        layout.addWidget(self.manual_note)
        layout.addStretch(1)
        for spin in (self.right, self.down):
            spin.valueChanged.connect(self._moved)
        self.skip.toggled.connect(lambda skipped: (self.right.setEnabled(not skipped),
                                                   self.down.setEnabled(not skipped)))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        manual = self._wizard.duplex_answer() == "manual"
        self.inputs.setVisible(not manual)
        self.manual_note.setVisible(manual)

    def _moved(self, *_: object) -> None:
        self.picture.set_reading(CrossReading(self.right.value(), self.down.value()))

    def reading(self) -> CrossReading | None:
        if self.inputs.isHidden() or self.skip.isChecked():
            return None
        return CrossReading(self.right.value(), self.down.value())


class CalibratePage(QWizardPage):
    def __init__(self, wizard: PrinterSetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("5. Labels and envelopes (if you print them)")
        context, profile = wizard.context, wizard.profile
        out = context.paths.data_dir / "calibration-page.pdf"
        settings = context.settings
        self.setSubTitle(f"Print the calibration page for your label sheets ({settings.label_stock}), lay it "
                         "on a sheet against a window, and measure.")
        self.drawn_with = dataclasses.replace(profile.labels)  # the page prints through this

        def make() -> Path:
            from studio.services.mail_pieces import calibration_page

            return calibration_page(None, out, settings, paths=context.paths, profile=profile)

        self.group = QGroupBox("I printed it on plain paper, laid it on a label sheet and measured")
        self.group.setCheckable(True)
        self.group.setChecked(False)
        self.pdf = _PdfButtons(wizard, "Make the calibration page", make, two_sided=False)
        self.labels, self.envelopes = QCheckBox("Labels"), QCheckBox("Envelopes")
        self.labels.setChecked(True)
        self.envelopes.setChecked(True)
        self.right = _spin(*CALIBRATION_LIMITS["offset_x"])
        self.down = _spin(*CALIBRATION_LIMITS["offset_y"])
        self.ruler_x, self.ruler_y = _spin(0, 250, 0.5), _spin(0, 300, 0.5)
        for ruler in (self.ruler_x, self.ruler_y):
            ruler.setSpecialValueText("not measured")  # shown at 0: the scale stays as it is
        grid = QGridLayout()
        grid.addWidget(QLabel("Use it for"), 0, 0)
        kinds = QHBoxLayout()
        kinds.addWidget(self.labels)
        kinds.addWidget(self.envelopes)
        kinds.addStretch(1)
        grid.addLayout(kinds, 0, 1, 1, 3)
        grid.addWidget(QLabel("The red cross printed"), 1, 0)
        grid.addWidget(self.right, 1, 1)
        grid.addWidget(QLabel("too far right,"), 1, 2)
        grid.addWidget(self.down, 2, 1)
        grid.addWidget(QLabel("too far down (minus: left, up)"), 2, 2)
        grid.addWidget(QLabel(f"The top ruler's 0–{SCALE_SPAN_X} mm measures"), 3, 0)
        grid.addWidget(self.ruler_x, 3, 1)
        grid.addWidget(QLabel(f"The left ruler's 0–{SCALE_SPAN_Y} mm measures"), 4, 0)
        grid.addWidget(self.ruler_y, 4, 1)
        grid.setColumnStretch(3, 1)
        inner = QVBoxLayout(self.group)
        inner.addLayout(grid)
        self.problem = label("", "badgeWarn", wrap=True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf)
        layout.addSpacing(8)
        layout.addWidget(self.group)
        layout.addWidget(self.problem)
        layout.addWidget(label("Only cards? Leave this unticked: labels and envelopes keep their "
                               "calibration.", "muted", wrap=True))
        layout.addStretch(1)

    def reading(self) -> CalibrationReading | None:
        kinds = tuple(kind for kind, box in (("labels", self.labels), ("envelopes", self.envelopes))
                      if box.isChecked())
        if not self.group.isChecked() or not kinds:
            return None
        return CalibrationReading(kinds=kinds, right=self.right.value(), down=self.down.value(),
                                  ruler_x=self.ruler_x.value() or None, ruler_y=self.ruler_y.value() or None,
                                  drawn_with=self.drawn_with)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        problem = self._wizard.problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        return not problem


class SummaryPage(QWizardPage):
    def __init__(self, wizard: PrinterSetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("6. Save to this printer")
        self.lines = label("", wrap=True)
        self.problem = label("", "badgeWarn", wrap=True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines)
        layout.addWidget(self.problem)
        layout.addWidget(label("Finish saves all of this at once; Cancel changes nothing.", "muted",
                               wrap=True))
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.setSubTitle(f"What Finish saves to the printer profile “{self._wizard.profile.name}”.")
        lines = self._wizard.summary()
        self.lines.setText("\n".join(f"•  {line}" for line in lines) if lines
                           else "Nothing changes: the profile already prints the way the test showed.")
        self.problem.hide()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
