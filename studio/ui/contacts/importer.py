"""Importing vCard files from the app: in the background, with progress, then a report.

`ImportController.start(paths)` runs `studio.services.addressbook.import_vcards` on a
pool thread with a store of its own, shows a progress dialog with Cancel, and ends with
`ImportReportDialog`, which lists every problem by file and line. The same controller
loads the bundled sample contacts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.progress import Progress
from studio.store import Store
from studio.ui.context import AppContext
from studio.ui.jobs import Task
from studio.ui.widgets import label

VCARD_SUFFIXES = (".vcf", ".vcard")
VCARD_FILTER = "Contact files (*.vcf *.vcard *.VCF);;All files (*)"
_PROBLEM = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


def is_vcard_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in VCARD_SUFFIXES


def problem_parts(problem: Any) -> tuple[str, int | None, str]:
    """(file, line, message) of an import problem (its str() is ``FILE:LINE: message``)."""
    match = _PROBLEM.match(str(problem))
    if match:
        return match.group("file"), int(match.group("line")), match.group("message")
    return str(getattr(problem, "path", "") or getattr(problem, "file", "")), None, str(problem)


class ImportReportDialog(QDialog):
    """What an import did: counts first, then each file with its problems by line."""

    def __init__(self, report: Any, parent: QWidget | None = None, title: str = "Import finished") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(640, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "pageTitle"))
        self.headline = label(self._headline(report), "pageSubtitle", wrap=True)
        layout.addWidget(self.headline)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Line", "What happened"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        files: dict[str, QTreeWidgetItem] = {}
        for path, why in report.rejected:
            item = QTreeWidgetItem([Path(path).name, f"Not imported: {why}"])
            item.setToolTip(0, str(path))
            item.setForeground(1, Qt.GlobalColor.darkRed)
            self.tree.addTopLevelItem(item)
        for problem in report.problems:
            file, line, message = problem_parts(problem)
            parent_item = files.get(file)
            if parent_item is None:
                parent_item = QTreeWidgetItem([Path(file).name or "(file)", ""])
                parent_item.setToolTip(0, file)
                files[file] = parent_item
                self.tree.addTopLevelItem(parent_item)
            parent_item.addChild(QTreeWidgetItem(["" if line is None else str(line), message]))
        for item in files.values():
            count = item.childCount()
            item.setText(1, f"{count} problem{'s' if count != 1 else ''} — the rest of the file was imported")
            item.setExpanded(True)
        self.problem_count = len(report.problems)
        if self.tree.topLevelItemCount():
            layout.addWidget(label("Problems, by file and line", "sectionTitle"))
            layout.addWidget(self.tree, 1)
        else:
            layout.addWidget(QLabel("Every card was read without a problem."))
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @staticmethod
    def _headline(report: Any) -> str:
        parts = [f"{report.added} added", f"{report.updated} updated", f"{report.unchanged} unchanged"]
        if report.skipped:
            parts.append(f"{report.skipped} skipped")
        text = ", ".join(parts) + "."
        if report.rejected:
            text += f" {len(report.rejected)} file(s) could not be read."
        return text


class ImportController(QObject):
    """Runs imports for a window. ``finished(report)`` fires after the store changed."""

    finished = Signal(object)

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._context = context
        self._parent = parent_widget
        self.task: Task | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.report_dialog: ImportReportDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def choose_files(self) -> None:
        """Ask for files with the platform's dialog (remembering the folder) and import them."""
        settings = self._context.ui_settings
        start = str(settings.value("import/last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self._parent, "Import contacts", start, VCARD_FILTER)
        if paths:
            settings.setValue("import/last_folder", str(Path(paths[0]).parent))
            self.start(paths)

    def start(self, paths: Sequence[str | Path]) -> None:
        """Import ``paths`` in the background (ignored while another import runs)."""
        if self.busy or not paths:
            return
        names = [Path(p).name for p in paths]
        what = names[0] if len(names) == 1 else f"{len(names)} files"

        def work(store: Store, progress: Progress) -> Any:
            from studio.services.addressbook import import_vcards  # imported off the GUI thread

            return import_vcards(store, [Path(p) for p in paths], progress=progress)

        self._run(work, f"Importing {what}…", "Import finished")

    def load_samples(self) -> None:
        """Import the bundled sample customers, to try the app out."""
        if self.busy:
            return

        def work(store: Store, progress: Progress) -> Any:
            from studio.services.addressbook import load_sample_contacts

            return load_sample_contacts(store, progress=progress)

        self._run(work, "Loading the sample contacts…", "Sample contacts loaded")

    def _run(self, work: Callable[[Store, Progress], Any], caption: str, title: str) -> None:
        dialog = QProgressDialog(caption, "Cancel", 0, 0, self._parent)
        dialog.setWindowTitle("Importing contacts")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        self.progress_dialog = dialog
        tasks = self._context.tasks
        self.task = tasks.start(
            tasks.with_store(work),
            name="import",
            on_progress=self._progress,
            on_done=lambda report: self._done(report, title),
            on_error=self._failed,
            on_cancelled=self._cancelled,
            important=True,
        )
        dialog.canceled.connect(self.task.cancel)

    def _progress(self, done: int, total: int, what: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(max(total, 1))
            self.progress_dialog.setValue(min(done, total))
            if what:
                self.progress_dialog.setLabelText(what)

    def _close_progress(self) -> None:
        self.task = None
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _done(self, report: Any, title: str) -> None:
        self._close_progress()
        self._context.events.contacts_changed.emit()
        self.report_dialog = ImportReportDialog(report, self._parent, title)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog.open()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self._context.events.contacts_changed.emit()  # files finished before the failure are in
        self._context.errors.show(exc, self._parent)

    def _cancelled(self) -> None:
        self._close_progress()
        self._context.events.contacts_changed.emit()
