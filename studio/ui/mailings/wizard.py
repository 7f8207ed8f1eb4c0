"""The mailing wizard: who → which card → envelopes or labels → check → make → print.

Each page writes its choices into one `MailingDraft`; the Review page plans the mailing
with the service (a dry run), the Produce page makes it, the Done page opens, prints
and marks it posted. The last output, envelope size, label sheet, order and folder are
remembered (QSettings) for next time; a remembered envelope size or label sheet gives
way to the default in Settings once that default is changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths
from PySide6.QtWidgets import QPushButton, QWidget, QWizard

from studio.services.session import Store
from studio.ui.context import AppContext
from studio.ui.mailings.draft import MailingDraft, WizardChoices, load_choices
from studio.ui.mailings.pages_choose import CardPage, RecipientsPage
from studio.ui.mailings.pages_output import OutputPage
from studio.ui.mailings.pages_produce import DonePage, ProducePage
from studio.ui.mailings.pages_review import ReviewPage
from studio.ui.mailings.preset import MailingPreset

_REMEMBERED = ("output", "envelope", "stock", "order")
# A remembered envelope or sheet is kept with the Settings default it was chosen against.
_SETTINGS_DEFAULT = {"envelope": "envelope_size", "stock": "label_stock"}


class MailingWizard(QWizard):
    def __init__(
        self, context: AppContext, preset: MailingPreset | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today: dt.date = context.today()
        self.choices: WizardChoices | None = None
        self.closing_after_cancel = False
        self.draft = self._initial_draft(preset)
        self.setWindowTitle(
            "New mailing" if preset is None or not preset.title else f"Mailing: {preset.title}"
        )
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # Fits a 1024×600 netbook screen (the pages are laid out for 540 px of height); larger
        # screens get the roomier 860×620 it opens at (`fit_to_screen`).
        self.setMinimumSize(QSize(720, 520))
        self.recipients = RecipientsPage(self)
        self.card = CardPage(self)
        self.output = OutputPage(self)
        self.review = ReviewPage(self)
        self.produce = ProducePage(self)
        self.finished_page = DonePage(self)
        for page in (self.recipients, self.card, self.output, self.review, self.produce, self.finished_page):
            self.addPage(page)
            for page_button in page.findChildren(QPushButton):
                # Return stays with Next/Done; a page's button that took it would also take on
                # the default button's look (teal, bold: its text no longer fits, its icon dark).
                page_button.setAutoDefault(False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Done")
        for which in (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
        ):
            self.button(which).setMinimumWidth(150)  # "Make the PDFs" must not be cut
        self.accepted.connect(self._remember)
        paths, settings = context.paths, context.settings

        def work(store: Store, _: Any) -> WizardChoices:
            return load_choices(store, paths, settings)

        context.tasks.start(
            context.tasks.with_store(work),
            name="wizard choices",
            on_done=self._choices_loaded,
            on_error=lambda exc: context.errors.show(exc, self),
        )

    def _initial_draft(self, preset: MailingPreset | None) -> MailingDraft:
        settings = self.context.ui_settings
        draft = MailingDraft()
        for name in _REMEMBERED:
            value = settings.value(f"mailings/{name}")
            if isinstance(value, str) and value and self._still_chosen(name):
                setattr(draft, name, value)
        if preset is not None:
            draft.occasion = preset.occasion
            draft.year = preset.year
            draft.template = preset.template
            if preset.contact_ids:
                draft.mode, draft.contact_ids = "people", list(preset.contact_ids)
            elif preset.tag:
                draft.mode, draft.tag = "tag", preset.tag
        return draft

    def fit_to_screen(self) -> None:
        """Open at 860×620, or as much of it as the screen the app is on has room for."""
        screen = (self.parentWidget() or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 860, 620
        if room is not None:
            width, height = min(width, room.width() - 24), min(height, room.height() - 40)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def _choices_loaded(self, choices: WizardChoices) -> None:
        self.choices = choices
        for page in (self.recipients, self.card, self.output):
            page.set_choices(choices)
        self.recipients.completeChanged.emit()

    def folder_base(self) -> Path:
        stored = self.context.ui_settings.value("mailings/folder_base")
        if isinstance(stored, str) and stored:
            return Path(stored)
        if self.context.paths.mailings_dir is not None:  # CARD_STUDIO_HOME: nothing outside it
            return self.context.paths.mailings_dir
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home()) / "Card Studio"

    def remember_folder_base(self, base: Path) -> None:
        self.context.ui_settings.setValue("mailings/folder_base", str(base))

    def _still_chosen(self, name: str) -> bool:
        """False for a remembered envelope or sheet once Settings' default has changed since
        (Settings then win), or one remembered without its default (before that was kept)."""
        if name not in _SETTINGS_DEFAULT:
            return True
        against = self.context.ui_settings.value(f"mailings/{name}_default")
        return isinstance(against, str) and against == getattr(self.context.settings, _SETTINGS_DEFAULT[name])

    def _remember(self) -> None:
        for name in _REMEMBERED:
            self.context.ui_settings.setValue(f"mailings/{name}", getattr(self.draft, name) or "")
        for name, default in _SETTINGS_DEFAULT.items():
            value = getattr(self.context.settings, default)
            self.context.ui_settings.setValue(f"mailings/{name}_default", value)

    def reject(self) -> None:
        """Cancel: a mailing being made is stopped first (nothing is kept), then the wizard closes."""
        if self.produce.state == "running":
            self.closing_after_cancel = True
            self.produce.cancel()
            return
        super().reject()
