"""Set up this printer…: a wizard that prints the printer test, asks what came out, and saves
the answers to one printer profile.

The pages (`printer_setup_pages`) collect what the user sees; `studio.printing.setup_answers`
says what it means for the profile and how to put it in words. Finish saves everything in one
store transaction (`studio.services.printer_setup.finish_setup`) and closes only once it is
saved; Cancel closes without touching the store.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QPushButton, QWidget, QWizard

from studio.errors import UsageError
from studio.model import PrinterProfile
from studio.printing.setup_answers import SetupAnswers, apply_answers, summary
from studio.ui.context import AppContext
from studio.ui.settings.printer_setup_pages import (
    CalibratePage,
    CrossPage,
    DuplexPage,
    PrintTestPage,
    StackPage,
    SummaryPage,
)


def _sentence(exc: Exception) -> str:
    text = str(exc).strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


class PrinterSetupWizard(QWizard):
    """The printer setup for ``profile`` (as stored when the wizard opens)."""

    saved = Signal(object)  # the PrinterProfile as saved

    def __init__(self, context: AppContext, profile: PrinterProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = profile
        self.saved_profile: PrinterProfile | None = None
        self._saving = False
        self.setWindowTitle(f"Set up {profile.name}")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(QSize(720, 540))
        self.print_test = PrintTestPage(self)
        self.duplex = DuplexPage(self)
        self.stack = StackPage(self)
        self.cross = CrossPage(self)
        self.calibrate = CalibratePage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.print_test, self.duplex, self.stack, self.cross, self.calibrate, self.summary_page):
            self.addPage(page)
            for page_button in page.findChildren(QPushButton):
                page_button.setAutoDefault(False)  # Return stays with Next/Finish
        self.setButtonText(QWizard.WizardButton.FinishButton, "Finish and save")
        self.button(QWizard.WizardButton.FinishButton).setMinimumWidth(150)

    # --- the answers ----------------------------------------------------------------------

    def duplex_answer(self) -> str | None:
        return self.duplex.choices.value()

    def answers(self) -> SetupAnswers:
        duplex = self.duplex_answer()
        return SetupAnswers(
            duplex=duplex,
            stack=self.stack.stack.value(),
            manual_turn=self.stack.turn.value() if duplex == "manual" else None,
            cross=self.cross.reading(),
            calibration=self.calibrate.reading(),
        )

    def problem(self) -> str:
        """Why the answers cannot be saved, as a sentence; "" when they can."""
        try:
            apply_answers(self.profile, self.answers())
        except UsageError as exc:
            return _sentence(exc)
        return ""

    def summary(self) -> list[str]:
        return summary(self.profile, apply_answers(self.profile, self.answers()))

    # --- Finish: save, then close ----------------------------------------------------------

    def accept(self) -> None:
        if self._saving:
            return
        from studio.services.printer_setup import finish_setup

        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        name, answers = self.profile.name, self.answers()
        self.context.store.submit(lambda store: finish_setup(store, name, answers), self._saved, self._failed)

    def _saved(self, profile: PrinterProfile) -> None:
        self._saving = False
        self.saved_profile = profile
        self.saved.emit(profile)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, UsageError):
            self.summary_page.show_problem(_sentence(exc))
        else:
            self.context.errors.show(exc, self)
