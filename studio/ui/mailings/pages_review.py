"""Wizard page 4: who gets a card, who is skipped and why, and when to post (a dry run)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from studio.services.session import Store
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
        self.force = QCheckBox("Include people already in an earlier mailing of this occasion")
        self.force.toggled.connect(self._force_toggled)
        self.recipients = RowsModel(["#", "Name", "Occasion", "Date", "Post by"])
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(self.force)
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
        self.replan()

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
                    friendly_date(r.occasion.mail_by, today),
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
        count = len(plan.recipients)
        what = f"{plan.occasion_name}{f' {plan.year}' if plan.year else ''}"
        if count:
            text = f"{count} card{'s' if count != 1 else ''} for {what}"
            if plan.mail_by is not None:
                late = plan.mail_by < today
                text += (
                    " — already late: post as soon as you can"
                    if late
                    else f" — post by {friendly_date(plan.mail_by, today)}"
                )
            self.summary.setText(text + ".")
        else:
            self.summary.setText(f"Nobody to mail for {what}: see who was skipped and why below.")
        notes = list(plan.warnings)
        counts = plan.mail_by_counts()
        if len(counts) > 1:
            notes.append(
                "Cards going further must leave earlier: "
                + ", ".join(f"{n} by {friendly_date(day, today)}" for day, n in counts)
                + "."
            )
        self.warnings.setText("\n".join(notes))
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
        return self.plan is not None and bool(self.plan.recipients) and bool(self.folder.text().strip())
