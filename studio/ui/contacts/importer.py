"""Importing contact files from the app: in the background, with progress, then a report.

A sheet whose layout Card Studio does not know first gets `ColumnMapDialog`; the map is saved
for that header row, so the import (and every later sheet like it) reads it without asking.
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

from PySide6.QtCore import QModelIndex, QObject, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.progress import Progress
from studio.services.session import Store
from studio.services.sheets import (
    CONTACT_FILE_SUFFIXES,
    Table,
    is_table_path,
    save_column_map,
    sheets_needing_maps,
    suggested_fields,
)
from studio.ui.contacts.column_map_dialog import ColumnMapDialog
from studio.ui.context import AppContext
from studio.ui.jobs import Task
from studio.ui.widgets import label

CONTACT_FILTER = ("Contact files (" + " ".join(f"*{s} *{s.upper()}" for s in CONTACT_FILE_SUFFIXES) + ");;"
                  "vCard (*.vcf *.vcard);;Spreadsheets and CSV (*.csv *.tsv *.xlsx *.xls *.ods);;"
                  "All files (*)")
_PROBLEM = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


def is_contact_file(path: str | Path) -> bool:
    """A file the import reads: a vCard, a CSV or a spreadsheet."""
    return Path(path).suffix.lower() in CONTACT_FILE_SUFFIXES


def problem_parts(problem: Any) -> tuple[str, int | None, str]:
    """(file, line, message) of an import problem (its str() is ``FILE:LINE: message``)."""
    match = _PROBLEM.match(str(problem))
    if match:
        return match.group("file"), int(match.group("line")), match.group("message")
    return str(getattr(problem, "path", "") or getattr(problem, "file", "")), None, str(problem)


class _WrappingDelegate(QStyledItemDelegate):
    """Gives each row of a tree the height its text needs when wrapped to its column.

    `QTreeView` with word wrap draws wrapped text but sizes rows for one line; this asks
    the style for the size at the column's real width. The tree must lay its rows out
    again when a column changes width (see `ImportReportDialog`).
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        width = self._tree.header().sectionSize(index.column())
        if index.column() == 0 or width <= 0:
            return super().sizeHint(option, index)
        height = max(option.rect.height(), 1)
        sized = QStyleOptionViewItem(option)
        self.initStyleOption(sized, index)
        sized.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        sized.rect = QRect(0, 0, width, height)
        # Style sheet padding narrows where the text is drawn, not where it is measured.
        text = self._tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, sized, self._tree)
        padding = width - text.width() if 0 < text.width() <= width else 0
        sized.rect = QRect(0, 0, max(width - padding, 1), height)
        return super().sizeHint(sized, index)


def rejection_message(path: str, why: str) -> str:
    """Why a file was not imported, naming the file by its name instead of its full path."""
    return f"Not imported: {why.replace(str(path), Path(path).name)}"


class ImportReportDialog(QDialog):
    """What an import did: counts first, then each file with its problems by line.

    Files are named by their name (the full path is in the tooltip); every message is
    shown whole, wrapped to the width of the dialog, which can be resized.
    """

    def __init__(self, report: Any, parent: QWidget | None = None, title: str = "Import finished") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(520, 360)
        self.resize(720, 480)
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "pageTitle"))
        self.headline = label(self._headline(report), "pageSubtitle", wrap=True)
        layout.addWidget(self.headline)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Line", "What happened"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        files: dict[str, QTreeWidgetItem] = {}
        for path, why in report.rejected:
            item = QTreeWidgetItem([Path(path).name, rejection_message(path, why)])
            item.setToolTip(0, str(path))
            item.setToolTip(1, f"Not imported: {why}")
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
            child = QTreeWidgetItem(["" if line is None else str(line), message])
            child.setToolTip(0, f"{file}, line {line}" if line is not None else file)
            child.setToolTip(1, message)
            parent_item.addChild(child)
        for item in files.values():
            count = item.childCount()
            item.setText(1, f"{count} problem{'s' if count != 1 else ''} — the rest of the file was imported")
            item.setExpanded(True)
        created = getattr(report, "created", [])  # an order import's new customers
        if created:
            item = QTreeWidgetItem(["New", f"{len(created)} new customer{'s' if len(created) != 1 else ''}, "
                                           "tagged customer"])
            for contact_id, name in created:
                item.addChild(QTreeWidgetItem([f"#{contact_id}", name]))
            self.tree.addTopLevelItem(item)
        self.problem_count = len(report.problems)
        if self.tree.topLevelItemCount():
            layout.addWidget(label("Problems, by file and line" if self.problem_count or report.rejected
                                   else "What was added", "sectionTitle"))
            layout.addWidget(self.tree, 1)
        else:
            layout.addWidget(QLabel(getattr(report, "no_problems", "Every card was read without a problem.")))
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @staticmethod
    def _headline(report: Any) -> str:
        if hasattr(report, "headline"):  # an order import says what it did itself
            return report.headline() + "."
        parts = [f"{report.added} added", f"{report.updated} updated", f"{report.unchanged} unchanged"]
        if report.skipped:
            parts.append(f"{report.skipped} skipped")
        text = ", ".join(parts) + "."
        if report.rejected:
            text += f" {len(report.rejected)} file(s) could not be read."
        pairs = getattr(report, "possible_duplicates", 0)
        if pairs:
            text += (f" {pairs} pair{'s' if pairs != 1 else ''} may be one person: "
                     "review them in Edit ▸ Possible Duplicates…")
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
        self.column_dialog: ColumnMapDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def choose_files(self) -> None:
        """Ask for files with the platform's dialog (remembering the folder) and import them."""
        settings = self._context.ui_settings
        start = str(settings.value("import/last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self._parent, "Import contacts", start, CONTACT_FILTER)
        if paths:
            settings.setValue("import/last_folder", str(Path(paths[0]).parent))
            self.start(paths)

    def start(self, paths: Sequence[str | Path]) -> None:
        """Import ``paths`` in the background (ignored while another import runs); first ask
        what the columns hold of each sheet whose layout is not known."""
        if self.busy or not paths:
            return
        files = [Path(p) for p in paths]
        if not any(is_table_path(p) for p in files):
            self._import(files)
            return
        self._context.store.submit(lambda store: sheets_needing_maps(store, files),
                                   lambda tables: self._ask_maps(files, list(tables)))

    def _ask_maps(self, files: list[Path], tables: list[Table]) -> None:
        if not tables:
            self._import(files)
            return
        table = tables.pop(0)
        dialog = ColumnMapDialog(table, suggested_fields(table.headers), self._parent)
        self.column_dialog = dialog

        def chosen() -> None:
            mapping, headers, name = dialog.mapping(), table.headers, Path(table.source).stem
            self._context.store.submit(lambda store: save_column_map(store, name, headers, mapping),
                                       lambda _: self._ask_maps(files, tables))

        def skipped() -> None:  # the user cancelled this sheet: import the other files
            remaining = [f for f in files if str(f) != table.source]
            if remaining:
                self._ask_maps(remaining, tables)

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(skipped)
        dialog.open()

    def _import(self, paths: Sequence[Path]) -> None:
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

    def _run(self, work: Callable[[Store, Progress], Any], caption: str, title: str,
             window_title: str = "Importing contacts") -> None:
        dialog = QProgressDialog(caption, "Cancel", 0, 0, self._parent)
        dialog.setWindowTitle(window_title)
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
        """Show a step of the import: ``done`` of ``total`` contacts (total 0: still reading).

        ``QProgressDialog.setValue`` on a window-modal dialog processes events, so the
        import may finish (and `_done` close the dialog) inside it: the value is set last
        and nothing touches the dialog afterwards.
        """
        dialog = self.progress_dialog
        if dialog is None:
            return
        if what:
            dialog.setLabelText(what)
        if total <= 0:
            dialog.setRange(0, 0)  # a busy indicator until the number of contacts is known
            return
        if dialog.maximum() != total:
            dialog.setRange(0, total)
        dialog.setValue(min(done, total))

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
