"""Wizard page 4: who gets a card, who is skipped and why, and when to post (a dry run)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from studio.services.mailing_timing import arrival_text
from studio.services.session import Store
from studio.ui.mailings.recipient_model import RecipientRows
from studio.ui.messages.queue_dialog import MessageQueueDialog
from studio.ui.table_model import RowsModel
from studio.ui.today.groups import friendly_date
from studio.ui.widgets import label

if TYPE_CHECKING:
    from studio.ui.mailings.wizard import MailingWizard


def _table(model: RowsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setDefaultSectionSize(28)
    return table


class ReviewPage(QWizardPage):
    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._generation = 0
        self.plan: Any = None
        self.setTitle("Check the list")
        self.setSubTitle("Nothing is printed yet. These are the cards the mailing will make, in order.")
        self.setCommitPage(True)  # once the PDFs are being made there is no going back
        self.setButtonText(QWizard.WizardButton.CommitButton, "Make the PDFs")
        self.summary = label("Checking who gets a card…", "sectionTitle", wrap=True)
        self.warnings = label("", "muted", wrap=True)
        self.write_button = QPushButton("Write a message for each person…")
        self.write_button.setToolTip("One recipient at a time, with what you know of them and the card "
                                     "as it will print")
        self.write_button.clicked.connect(self.write_messages)
        self.written = label("", "muted")
        self.force = QCheckBox("Include people already in an earlier mailing of this occasion")
        self.force.toggled.connect(self._force_toggled)
        self.recipients = RecipientRows(["#", "Name", "Occasion", "Date", "Arrives"])
        self.recipients.ticks_changed.connect(self._ticks_changed)
        self.post_on = QDateEdit()
        self.post_on.setCalendarPopup(True)
        self.post_on.setDisplayFormat("ddd d MMM yyyy")
        self.post_on.setToolTip("The day you will post the cards: today or later")
        self.post_on.dateChanged.connect(self._post_on_changed)
        self.skipped = RowsModel(["Skipped", "Why"])
        self.recipient_table = _table(self.recipients)
        self.recipient_table.setColumnWidth(0, 48)
        self.recipient_table.setColumnWidth(1, 220)
        self.recipient_table.setColumnWidth(2, 170)
        self.skipped_table = _table(self.skipped)
        self.skipped_table.setColumnWidth(0, 220)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(label("Cards", "muted"))
        top_layout.addWidget(self.recipient_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.skipped_title = label("Skipped", "muted")
        bottom_layout.addWidget(self.skipped_title)
        bottom_layout.addWidget(self.skipped_table)
        splitter = QSplitter()
        splitter.setOrientation(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([300, 140])
        self.folder = QLineEdit()
        self.folder.setToolTip(
            "A new or empty folder: cards.pdf, envelopes.pdf or labels.pdf and mailing.csv"
        )
        choose = QPushButton("Change…")
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(label("Save the PDFs in"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        post_row = QHBoxLayout()
        post_row.addWidget(label("Posted on"))
        post_row.addWidget(self.post_on)
        post_row.addSpacing(12)
        post_row.addWidget(self.force, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addLayout(post_row)
        write_row = QHBoxLayout()
        write_row.addWidget(self.write_button)
        write_row.addWidget(self.written, 1)
        layout.addLayout(write_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(folder_row)
        self.folder.textChanged.connect(lambda *_: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        from studio.ui.mailings.draft import default_folder

        self.folder.setText(
            str(default_folder(self._wizard.folder_base(), self._wizard.draft, self._wizard.today))
        )
        self.force.blockSignals(True)
        self.force.setChecked(self._wizard.draft.force)
        self.force.blockSignals(False)
        today = self._wizard.today
        self.post_on.blockSignals(True)
        self.post_on.setMinimumDate(QDate(today.year, today.month, today.day))  # never in the past
        post_on = max(self._wizard.draft.post_on or today, today)
        self.post_on.setDate(QDate(post_on.year, post_on.month, post_on.day))
        self.post_on.blockSignals(False)
        self._wizard.draft.post_on = post_on
        self.replan()

    def _post_on_changed(self, day: QDate) -> None:
        self._wizard.draft.post_on = dt.date(day.year(), day.month(), day.day())
        self.replan()

    def _ticks_changed(self) -> None:
        if self.plan is not None:
            self._say_when()
        self.completeChanged.emit()

    def chosen_plan(self) -> Any:
        """The plan without the recipients unticked in the list (None while planning)."""
        if self.plan is None:
            return None
        from studio.services.mailing_plan import leave_out

        return leave_out(self.plan, self.recipients.unticked())

    def write_messages(self) -> MessageQueueDialog | None:
        """Open the message queue for the ticked recipients; Done keeps what was written."""
        plan = self.chosen_plan()
        if plan is None or not plan.recipients:
            return None
        draft = self._wizard.draft
        dialog = MessageQueueDialog(self._wizard.context, plan, draft.messages, self._wizard.today,
                                    everyone=draft.message, photos=draft.photos, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def done() -> None:
            draft.messages, draft.photos = dialog.messages(), dialog.photos()
            self.replan()

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def _force_toggled(self, checked: bool) -> None:
        self._wizard.draft.force = checked
        self.replan()

    def replan(self) -> None:
        """Plan the mailing again in the background with the wizard's current choices."""
        self.plan = None
        self._generation += 1
        generation = self._generation
        self.summary.setText("Checking who gets a card…")
        self.warnings.setText("")
        self.recipients.set_rows([])
        self.write_button.setEnabled(False)
        self.skipped.set_rows([])
        self.completeChanged.emit()
        request, today, paths = self._wizard.draft.request(), self._wizard.today, self._wizard.context.paths

        def work(store: Store, progress: Any) -> Any:
            from studio.services.mailings import plan_mailing

            return plan_mailing(store, request, today, paths, progress=progress)

        tasks = self._wizard.context.tasks
        tasks.start(
            tasks.with_store(work),
            name="plan mailing",
            on_done=lambda plan: self._planned(plan, generation),
            on_error=lambda exc: self._failed(exc, generation),
        )

    def _planned(self, plan: Any, generation: int) -> None:
        if generation != self._generation:
            return
        self.plan = plan
        today = self._wizard.today
        self.recipients.set_rows(
            [
                (
                    r.position,
                    r.contact.name,
                    r.occasion.name,
                    friendly_date(r.occasion.date, today),
                    arrival_text(r, today),
                )
                for r in plan.recipients
            ],
            [r.contact.id for r in plan.recipients],
        )
        self.skipped.set_rows(
            [(s.contact_name, s.reason) for s in plan.skipped], [s.contact_id for s in plan.skipped]
        )
        self.skipped_title.setText(
            f"Skipped ({len(plan.skipped)})" if plan.skipped else "Nobody was skipped."
        )
        written = sum(1 for r in plan.recipients if r.contact.id in self._wizard.draft.messages)
        self.written.setText(f"{written} of {len(plan.recipients)} cards have a message of their own."
                             if written else "")
        self.write_button.setEnabled(bool(plan.recipients))
        self._say_when()

    def _say_when(self) -> None:
        """The summary and the arrival sentences for the ticked recipients."""
        from studio.services.mailing_timing import arrival_notes

        plan, today = self.chosen_plan(), self._wizard.today
        count = len(plan.recipients)
        what = f"{plan.occasion_name}{f' {plan.year}' if plan.year else ''}"
        left_out = len(self.plan.recipients) - count
        if count:
            text = f"{count} card{'s' if count != 1 else ''} for {what}"
            self.summary.setText(text + (f" ({left_out} left out)." if left_out else "."))
        elif left_out:
            self.summary.setText(f"Every card for {what} is unticked: tick at least one to make the mailing.")
        else:
            self.summary.setText(f"Nobody to mail for {what}: see who was skipped and why below.")
        self.warnings.setText("\n".join([*arrival_notes(plan, today), *plan.warnings, *plan.print_notes]))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        from studio.ui.errors import user_message

        self.summary.setText("This mailing cannot be made as chosen.")
        self.warnings.setText(user_message(exc, self._wizard.context.paths.log_path)[1])
        self.completeChanged.emit()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Save the mailing in", str(self._wizard.folder_base())
        )
        if chosen:
            from studio.ui.mailings.draft import default_folder

            base = Path(chosen)
            self._wizard.remember_folder_base(base)
            self.folder.setText(str(default_folder(base, self._wizard.draft, self._wizard.today)))

    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def isComplete(self) -> bool:  # noqa: N802
        return (
            self.plan is not None
            and self.recipients.ticked_count() > 0
            and bool(self.folder.text().strip())
        )
