"""Wizard pages 5 and 6: make the PDFs in the background (progress, cancel), then use them.

Producing is `studio.services.mailings.produce_mailing` on a pool thread with a store
of its own; the service builds the folder aside and records the mailing only at the
end, so a cancelled mailing leaves no half folder and no history entry.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from studio.services.mailing_timing import arrival_notes
from studio.services.session import Store
from studio.ui import icons
from studio.ui.jobs import Task
from studio.ui.printing import PrintJob, open_path
from studio.ui.widgets import button, label

if TYPE_CHECKING:
    from studio.ui.mailings.wizard import MailingWizard


class ProducePage(QWizardPage):
    """Starts as soon as it is shown; Next is enabled when the PDFs are ready."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.task: Task | None = None
        self.result: Any = None
        self.state = "idle"  # idle, running, done, cancelled, failed
        self.setTitle("Making your mailing")
        self.setSubTitle("You can keep using Card Studio while the cards are drawn.")
        self.what = label("", "sectionTitle")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.detail = label("", "muted", wrap=True)
        self.stop_button = button("Stop", self.cancel)
        self.retry_button = button("Try again", self.start)
        self.retry_button.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.what)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        layout.addStretch(2)
        self._started = 0.0

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.start()

    def start(self) -> None:
        review = self._wizard.review
        request, plan = self._wizard.draft.request(), review.chosen_plan()
        out, today, paths = review.chosen_folder(), self._wizard.today, self._wizard.context.paths
        self.state = "running"
        self.result = None
        self.retry_button.hide()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        count = len(plan.recipients) if plan is not None else 0
        self.what.setText(f"Drawing {count} card{'s' if count != 1 else ''}…")
        self.detail.setText(f"Into {out}")
        self.bar.setRange(0, 0)
        self._started = time.monotonic()
        self.completeChanged.emit()

        def work(store: Store, progress: Any) -> Any:
            from studio.services.mailings import produce_mailing

            out.parent.mkdir(parents=True, exist_ok=True)  # e.g. Documents/Card Studio on the first mailing
            return produce_mailing(store, request, today, out, paths, progress=progress, plan=plan)

        tasks = self._wizard.context.tasks
        self.task = tasks.start(
            tasks.with_store(work),
            name="produce mailing",
            on_progress=self._progress,
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            important=True,
        )

    def cancel(self) -> None:
        if self.task is not None and self.state == "running":
            self.stop_button.setEnabled(False)
            self.detail.setText("Stopping…")
            self.task.cancel()

    def _progress(self, done: int, total: int, what: str) -> None:
        if self.state != "running":  # a report still queued when the mailing was finished or stopped
            return
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if what:
            elapsed = time.monotonic() - self._started
            remaining = ""
            if total and done > 5 and elapsed > 2:
                seconds = elapsed / done * (total - done)
                remaining = (
                    f" — about {max(1, round(seconds))} s left"
                    if seconds < 120
                    else f" — about {round(seconds / 60)} min left"
                )
            self.detail.setText(f"{what}{remaining}")

    def _done(self, result: Any) -> None:
        self.task = None
        self.state = "done"
        self.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.stop_button.hide()
        self.what.setText("Your mailing is ready.")
        self.detail.setText(str(result.folder))
        self._wizard.context.events.mailings_changed.emit()
        self.completeChanged.emit()
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        from studio.ui.errors import user_message

        self.task = None
        self.state = "failed"
        self.stop_button.hide()
        self.retry_button.show()
        self.what.setText("The mailing could not be made.")
        self.detail.setText(user_message(exc, self._wizard.context.paths.log_path)[1])
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.task = None
        self.state = "cancelled"
        self.stop_button.hide()
        self.retry_button.show()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.what.setText("Stopped. Nothing was saved and nothing was recorded.")
        self.detail.setText("Try again when you are ready, or go back to change the mailing.")
        self.completeChanged.emit()
        if self._wizard.closing_after_cancel:
            self._wizard.done(0)

    def isComplete(self) -> bool:  # noqa: N802
        return self.state == "done"


class DonePage(QWizardPage):
    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.print_job: PrintJob | None = None
        self.setTitle("Ready to print")
        self.setSubTitle("Print the cards, then the envelopes or labels: they come out in the same order.")
        self.files = QVBoxLayout()
        self.mark_button = button("Mark as posted today", self.mark_sent, name="primary")
        self.posted = label(
            "Once the cards are in the mail, mark the mailing as posted: only posted "
            "cards count for “not thanked lately”. You can also do it later in Mailings.",
            "muted",
            wrap=True,
        )
        actions = QHBoxLayout()
        actions.addWidget(button("Show folder", self.show_folder, icon=icons.icon("folder")))
        actions.addWidget(button("Print…", self.print_all, icon=icons.icon("print")))
        actions.addStretch(1)
        actions.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.files)
        layout.addSpacing(10)
        layout.addLayout(actions)
        layout.addWidget(self.posted)
        layout.addStretch(1)

    def _result(self) -> Any:
        return self._wizard.produce.result

    def pdfs(self) -> list[Path]:
        result = self._result()
        return [Path(p) for p in result.files if Path(p).suffix == ".pdf"] if result else []

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        while self.files.count():
            item = self.files.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    child = item.layout().takeAt(0)
                    if child.widget() is not None:
                        child.widget().deleteLater()
        result = self._result()
        if result is None:
            return
        plan = result.plan
        when = " ".join(arrival_notes(plan, self._wizard.today))  # never a post-by already gone
        self.setSubTitle(
            f"{len(plan.recipients)} cards for {plan.occasion_name}. {when} Print the cards, "
            "then the envelopes or labels: they come out in the same order."
        )
        for path in result.files:
            row = QHBoxLayout()
            row.addWidget(label(Path(path).name), 1)
            open_button = QPushButton("Open")
            open_button.setAutoDefault(False)  # Return stays with Done (see MailingWizard)
            open_button.clicked.connect(lambda *_, p=Path(path): open_path(p, self))
            row.addWidget(open_button)
            self.files.addLayout(row)
        self.mark_button.setEnabled(True)
        self.mark_button.setText("Mark as posted today")

    def show_folder(self) -> None:
        result = self._result()
        if result is not None:
            open_path(Path(result.folder), self)

    def print_all(self) -> None:
        self.print_job = PrintJob(self.pdfs(), self._wizard.context, self)
        self.print_job.ask()

    def mark_sent(self) -> None:
        result = self._result()
        if result is None:
            return
        today, mailing_id = self._wizard.today, result.mailing_id

        def job(store: Store) -> Any:
            from studio.services.mailings import mark_sent

            return mark_sent(store, mailing_id, today)

        def marked(_: Any) -> None:
            self.mark_button.setEnabled(False)
            self.mark_button.setText("Marked as posted")
            self._wizard.context.events.mailings_changed.emit()

        self._wizard.context.store.submit(job, marked)
