"""The Mailings view: start a mailing (the wizard), and the history of past ones.

The history lists every mailing, newest first; the pane beside it shows what each
contact received in the chosen one, with its folder, printing, "mark as posted" and
deleting a mailing that was never posted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from studio.services.mailings import Mailing
from studio.services.session import Store
from studio.ui import icons
from studio.ui.context import AppContext
from studio.ui.mailings.history_model import MailingHistoryModel
from studio.ui.mailings.preset import MailingPreset
from studio.ui.printing import PrintJob, open_path
from studio.ui.table_model import RowsModel
from studio.ui.widgets import EmptyState, PageHeader, Panel, button, label, page_layout


class MailingsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._context = context
        self.wizard: Any = None
        self.print_job: PrintJob | None = None
        self._naming = 0  # the latest request for names; older answers are dropped
        self.model = MailingHistoryModel()
        self.items = RowsModel(["#", "Who", "Occasion", "Date"])

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (1, 190), (2, 170), (4, 70), (5, 110)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        self.detail_title = label("", "sectionTitle", wrap=True)
        self.detail_info = label("", "muted", wrap=True)
        self.folder_button = button("Show folder", self.show_folder, icon=icons.icon("folder"))
        self.print_button = button("Print…", self.print_mailing, icon=icons.icon("print"))
        self.sent_button = button("Mark as posted", self.mark_sent, name="primary")
        self.delete_button = button(
            "Delete…",
            self.delete_mailing,
            name="danger",
            tooltip="Forget a mailing that was never posted: its people may get the card again",
        )
        self.items_table = QTableView()
        self.items_table.setModel(self.items)
        self.items_table.verticalHeader().hide()
        self.items_table.setShowGrid(False)
        self.items_table.setAlternatingRowColors(True)
        items_header = self.items_table.horizontalHeader()
        items_header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        items_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items_table.setColumnWidth(0, 44)
        self.items_table.setColumnWidth(2, 200)
        self.items_table.setColumnWidth(3, 120)
        self.items_table.verticalHeader().setDefaultSectionSize(30)
        self.detail = Panel(margins=16)
        self.detail.body.addWidget(self.detail_title)
        self.detail.body.addWidget(self.detail_info)
        actions = QHBoxLayout()
        for widget in (self.folder_button, self.print_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.detail.body.addLayout(actions)
        self.detail.body.addWidget(self.sent_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.detail.body.addWidget(label("Who received what", "muted"))
        self.detail.body.addWidget(self.items_table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)  # both get the full width: long lists read better
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 420])
        self.empty = EmptyState(
            icons.icon("mailings"),
            "No mailings yet",
            "A mailing makes the cards for an occasion, with matching envelopes or address "
            "labels, in one go. Every card you make is remembered here, so nobody gets the "
            "same card twice.",
            [button("Start a mailing…", lambda: self.start(None), name="primary")],
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        self.header = PageHeader(
            "Mailings",
            "",
            [
                button(
                    "New mailing…",
                    lambda: self.start(None),
                    name="primary",
                    icon=icons.icon("mailings", "#ffffff"),
                )
            ],
        )
        page_layout(self, self.header, self.stack)

        context.events.mailings_changed.connect(self.reload)
        context.events.templates_changed.connect(lambda: self._learn_names(self.model.mailings()))
        context.events.start_mailing.connect(self.start)
        self.reload()

    # --- history ----------------------------------------------------------------------

    def reload(self) -> None:
        def job(store: Store) -> tuple[list[Mailing], dict[str, str]]:
            from studio.services.mailings import mailing_history
            from studio.ui.mailings.draft import occasion_names

            mailings = mailing_history(store)
            keys = {m.occasion for m in mailings} | {i.occasion for m in mailings for i in m.items}
            return mailings, occasion_names(keys)

        self._context.store.submit(job, self._loaded)

    def _loaded(self, loaded: tuple[list[Mailing], dict[str, str]]) -> None:
        from studio.services.mailings import HistoryNames

        mailings, names = loaded
        selected = self.selected()
        self.model.set_mailings(mailings, HistoryNames(occasions=names))
        cards = sum(len(m.items) for m in mailings)
        posted = sum(len(m.items) for m in mailings if m.sent_at)
        self.header.subtitle.setText(
            f"{len(mailings)} mailing{'s' if len(mailings) != 1 else ''} · "
            f"{cards} cards made, {posted} posted"
            if mailings
            else "Cards for an occasion, with matching envelopes or labels."
        )
        self.stack.setCurrentIndex(0 if mailings else 1)
        row = self.model.row_of(selected.id) if selected is not None and selected.id is not None else None
        self.table.selectRow(row if row is not None else 0)
        self._show_selected()
        self._learn_names(mailings)

    def _learn_names(self, mailings: list[Mailing]) -> None:
        """Look up the names of the mailings' templates and stock (a pool thread: reading the
        template catalog takes a while), then show them instead of the recorded ids."""
        if not mailings:
            return
        paths = self._context.paths
        self._naming += 1
        ticket = self._naming

        def work(_: Any) -> Any:
            from studio.services.mailings import history_names

            return history_names(mailings, paths)

        self._context.tasks.start(
            work,
            name="mailing history names",
            owner=self,
            on_done=lambda names: self._named(ticket, names),
            on_error=lambda exc: self._context.errors.show(exc, self),
        )

    def _named(self, ticket: int, names: Any) -> None:
        if ticket == self._naming:
            self.model.add_names(names)
            self._show_selected()

    def selected(self) -> Mailing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.mailing(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        mailing = self.selected()
        self.detail.setVisible(mailing is not None)
        if mailing is None:
            return
        self.detail_title.setText(
            f"{self.model.occasion_name(mailing.occasion)} {mailing.year or ''}".strip()
            + f" · {self.model.template_name(mailing.template)}"
        )
        posted = f"posted {mailing.sent_at[:10]}" if mailing.sent_at else "not marked as posted yet"
        self.detail_info.setText(
            f"Made {mailing.created_at[:16].replace('T', ' ')} · {len(mailing.items)} cards · "
            f"{self.model.output_name(mailing.output)} · {posted}\n{mailing.folder}"
        )
        exists = bool(mailing.folder) and Path(mailing.folder).is_dir()
        self.folder_button.setEnabled(exists)
        self.print_button.setEnabled(exists)
        self.sent_button.setVisible(not mailing.sent_at)
        self.delete_button.setEnabled(not mailing.sent_at)
        self.items.set_rows(
            [
                (
                    i.position,
                    i.contact_name,
                    self.model.occasion_name(i.occasion),
                    i.occasion_date.isoformat() if i.occasion_date else "",
                )
                for i in mailing.items
            ],
            [i.contact_id for i in mailing.items],
        )

    def show_folder(self) -> None:
        mailing = self.selected()
        if mailing is not None and mailing.folder:
            open_path(Path(mailing.folder), self)

    def print_mailing(self) -> None:
        mailing = self.selected()
        if mailing is None:
            return
        folder = Path(mailing.folder)
        pdfs = [
            folder / name
            for name in ("cards.pdf", "envelopes.pdf", "labels.pdf")
            if (folder / name).is_file()
        ]
        self.print_job = PrintJob(pdfs, self._context, self)
        self.print_job.ask()

    def mark_sent(self) -> None:
        mailing = self.selected()
        if mailing is None or mailing.id is None:
            return
        mailing_id, today = mailing.id, self._context.today()

        def job(store: Store) -> Any:
            from studio.services.mailings import mark_sent

            return mark_sent(store, mailing_id, today)

        self._context.store.submit(job, lambda _: self._context.events.mailings_changed.emit())

    def delete_mailing(self) -> None:
        mailing = self.selected()
        if mailing is None or mailing.id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete mailing",
            f"Forget the mailing of {len(mailing.items)} {self.model.occasion_name(mailing.occasion)} cards? "
            "Its people may then get this card again in a new mailing. The PDFs in its folder are "
            "left where they are.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        mailing_id = mailing.id

        def job(store: Store) -> Any:
            from studio.services.mailings import delete_mailing

            return delete_mailing(store, mailing_id)

        self._context.store.submit(job, lambda _: self._context.events.mailings_changed.emit())

    # --- the wizard -------------------------------------------------------------------

    def start(self, preset: MailingPreset | None) -> None:
        """Open the mailing wizard (preset by Today's "Prepare…", or empty)."""
        from studio.ui.mailings.wizard import MailingWizard

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        self.wizard = MailingWizard(self._context, preset, self.window())
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.finished.connect(lambda *_: setattr(self, "wizard", None))
        self.wizard.fit_to_screen()
        self.wizard.open()
