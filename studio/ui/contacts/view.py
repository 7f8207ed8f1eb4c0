"""The Contacts view: search, tag filter, the table with thumbnails, details, edit, delete.

Every change is committed to the store at once through an undoable command on the
window's `QUndoStack`; the table reloads when `AppEvents.contacts_changed` fires.

The column widths, the sort order, the splitter and the tag filter are remembered in
the app's UI settings (`AppContext.ui_settings`, beside the window's geometry and view)
as soon as the user changes them, and restored the next time.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QWidget,
)

from studio.model import Contact
from studio.services import contacts
from studio.ui import icons
from studio.ui.contacts.detail import ContactDetail
from studio.ui.contacts.editor import ContactEditor
from studio.ui.contacts.importer import ImportController
from studio.ui.contacts.layout import FittedColumns, TableAndDetail
from studio.ui.contacts.model import AVATAR_SIZE, ID_ROLE, ContactFilterModel, ContactTableModel
from studio.ui.contacts.undo import DeleteContacts, SaveContact
from studio.ui.context import AppContext
from studio.ui.widgets import EmptyState, PageHeader, button, page_layout

_ALL_TAGS = ""
_SEARCH_DELAY_MS = 150

# Widths of the columns after the name (Email, City, Birthday, Tags): as first shown, and
# the least each gets on a narrow window. The name stretches and keeps _NAME_MINIMUM.
_COLUMN_WIDTHS = (190, 110, 110, 120)
_COLUMN_MINIMUMS = (90, 70, 105, 50)
_NAME_MINIMUM = 190
_DETAIL_WIDTH = 260

# Keys in AppContext.ui_settings.
_COLUMNS_KEY = "contacts/columns"
_SORT_KEY = "contacts/sort"
_SPLITTER_KEY = "contacts/splitter"
_TAG_KEY = "contacts/tag"


class ContactsView(QWidget):
    def __init__(
        self,
        context: AppContext,
        undo_stack: QUndoStack,
        importer: ImportController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._context = context
        self._undo = undo_stack
        self._importer = importer
        self._known_tags: list[str] = []
        self._restored_tag: str | None = None  # the last run's tag filter, until tags load
        self.editor: ContactEditor | None = None

        self.model = ContactTableModel(context.store, self.devicePixelRatioF() or 1.0)
        self.proxy = ContactFilterModel()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, emails, phones, cities, tags…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(280)
        self.tag_filter = QComboBox()
        self.tag_filter.setMinimumWidth(170)
        self.tag_filter.addItem("All tags", _ALL_TAGS)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._search_timer.start())
        self.tag_filter.currentIndexChanged.connect(lambda *_: self.apply_filter())

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(AVATAR_SIZE + 14)
        self.table.setIconSize(QSize(AVATAR_SIZE, AVATAR_SIZE))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.columns = FittedColumns(self.table, _NAME_MINIMUM, _COLUMN_WIDTHS, _COLUMN_MINIMUMS)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = ContactDetail(context.store, today=context.today)
        self.detail.touched.connect(context.events.touches_changed.emit)
        self.detail.edit_requested.connect(self.edit_selected)

        self.new_action = QAction(icons.icon("add"), "&New Contact…", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_contact)
        self.edit_action = QAction("&Edit Contact…", self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.table.addAction(self.edit_action)
        self.delete_action = QAction(icons.icon("delete"), "&Delete Contact", self)
        self.delete_action.setShortcuts(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.addAction(self.delete_action)
        self.find_action = QAction("&Find Contact", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)

        self.header = PageHeader(
            "Contacts",
            "",
            [
                button(
                    "Import…",
                    importer.choose_files,
                    icon=icons.icon("import"),
                    tooltip="Import contacts from .vcf files (you can also drop them on the window)",
                ),
                button("New contact", self.new_contact, name="primary", icon=icons.icon("add", "#ffffff")),
            ],
        )
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.tag_filter)
        filters.addStretch(1)

        self.empty = EmptyState(
            icons.icon("contacts"),
            "No contacts yet",
            "Import the contacts you exported from your phone or Google, "
            "or load the sample customers to try Card Studio out.",
            [
                button("Import contacts…", importer.choose_files, name="primary"),
                button("Load sample contacts", importer.load_samples),
            ],
        )
        self.no_match = EmptyState(
            icons.icon("search"),
            "No one matches",
            "Try fewer letters, or choose “All tags”.",
            [button("Clear the search", self.clear_filter)],
        )
        self.splitter = TableAndDetail(self.table, self.detail, self.columns.comfortable_width, _DETAIL_WIDTH)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_match)

        page_layout(self, self.header, filters, self.stack)

        self._restore_layout()
        context.events.contacts_changed.connect(self.reload)
        self.reload()

    # --- remembered layout ------------------------------------------------------------

    def _restore_layout(self) -> None:
        """Take back the last run's columns, sort order, splitter and tag filter, then
        remember each as soon as the user changes it."""
        settings = self._context.ui_settings
        widths = _ints(settings.value(_COLUMNS_KEY, ""))
        if len(widths) == len(_COLUMN_WIDTHS):
            self.columns.set_preferred(widths)
        sort = _ints(settings.value(_SORT_KEY, ""))
        if len(sort) == 2 and 0 <= sort[0] < self.model.columnCount() and sort[1] in (0, 1):
            self.table.sortByColumn(sort[0], Qt.SortOrder(sort[1]))
        self.splitter.restore(settings.value(_SPLITTER_KEY))
        self._restored_tag = str(settings.value(_TAG_KEY, _ALL_TAGS) or _ALL_TAGS)

        self.columns.changed.connect(
            lambda: settings.setValue(_COLUMNS_KEY, ",".join(map(str, self.columns.preferred())))
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: settings.setValue(_SORT_KEY, f"{column},{order.value}")
        )
        self.splitter.changed.connect(lambda: settings.setValue(_SPLITTER_KEY, self.splitter.saveState()))
        self.tag_filter.currentIndexChanged.connect(
            lambda *_: settings.setValue(_TAG_KEY, self.tag_filter.currentData() or _ALL_TAGS)
        )

    # --- loading and filtering --------------------------------------------------------

    def reload(self) -> None:
        """Reload rows, tags and the current filter from the store."""
        self.model.reload(self._after_load)
        self._context.store.submit(contacts.tags, self._set_tags)

    def _after_load(self) -> None:
        self.apply_filter()
        self._update_state()

    def _set_tags(self, tags: list[tuple[str, int]]) -> None:
        shown = self.tag_filter.currentData()
        wanted = shown
        if self._restored_tag is not None:  # the first list of tags: the last run's choice
            wanted, self._restored_tag = self._restored_tag, None
        self._known_tags = [tag for tag, _ in tags]
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", _ALL_TAGS)
        for tag, count in tags:
            self.tag_filter.addItem(f"{tag} ({count})", tag)
        index = self.tag_filter.findData(wanted)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
        if self.tag_filter.currentData() != shown:  # restored, or the tag is gone
            self.apply_filter()

    def apply_filter(self) -> None:
        text = self.search.text().strip()
        tag = self.tag_filter.currentData() or None
        if not text and not tag:
            self.proxy.set_visible_ids(None)
            self._update_state()
            return
        asked = (text, tag)

        def answer(ids: list[int]) -> None:
            if asked == (self.search.text().strip(), self.tag_filter.currentData() or None):
                self.proxy.set_visible_ids(ids)
                self._update_state()

        self._context.store.submit(
            lambda store: contacts.matching_ids(store, search=text or None, tag=tag), answer)

    def clear_filter(self) -> None:
        self.search.clear()
        self.tag_filter.setCurrentIndex(0)
        self.apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0 and self.model.loaded:
            self.stack.setCurrentWidget(self.empty)
            self.header.subtitle.setText("Your customers, friends and family, as your phone knows them.")
        elif shown == 0 and self.proxy.filtering:
            self.stack.setCurrentWidget(self.no_match)
            self.header.subtitle.setText(f"{total} people")
        else:
            self.stack.setCurrentIndex(0)
            self.header.subtitle.setText(
                f"{shown} of {total} people" if self.proxy.filtering else f"{total} people"
            )
        self._selection_changed()

    # --- selection, edit, delete ------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, ID_ROLE) for index in rows]

    def select_contact(self, contact_id: int) -> None:
        row = self.model.row_of(contact_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _selection_changed(self, *_: object) -> None:
        ids = self.selected_ids()
        self.delete_action.setEnabled(bool(ids))
        self.edit_action.setEnabled(len(ids) == 1)
        self.detail.show_contact(ids[0] if len(ids) == 1 else None)

    def new_contact(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_contact(ids[0])

    def edit_contact(self, contact_id: int) -> None:
        """Open the editor on one contact (from the table, or a list elsewhere)."""
        self._context.store.submit(lambda store: contacts.get_contact(store, contact_id), self._open_editor)

    def _open_editor(self, contact: Contact | None) -> None:
        editor = ContactEditor(contact, self._known_tags, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._save(contact, editor.result_contact()))
        self.editor = editor
        editor.open()

    def _save(self, before: Contact | None, after: Contact) -> None:
        def saved(contact_id: int) -> None:
            self._context.events.contacts_changed.emit()
            QTimer.singleShot(0, lambda: self._select_when_loaded(contact_id))

        self._undo.push(SaveContact(self._context.store, before, after, saved))

    def _select_when_loaded(self, contact_id: int, attempts: int = 20) -> None:
        if self.model.row_of(contact_id) is not None:
            self.select_contact(contact_id)
        elif attempts:
            QTimer.singleShot(50, lambda: self._select_when_loaded(contact_id, attempts - 1))

    def delete_selected(self) -> None:
        """Move the selected contacts to the bin: a few at once, more than `ASK_ABOVE` after
        asking. Edit ▸ Undo, or the bin, brings them back."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        ids = [self.proxy.data(index, ID_ROLE) for index in rows]
        names = [self.proxy.data(index, Qt.ItemDataRole.DisplayRole) for index in rows]
        if len(ids) > ASK_ABOVE and not self._confirm_delete(names):
            return
        self._undo.push(
            DeleteContacts(self._context.store, ids, names, self._context.events.contacts_changed.emit)
        )
        self.table.clearSelection()

    def _confirm_delete(self, names: list[str]) -> bool:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
        answer = QMessageBox.question(
            self, "Delete contacts",
            f"Delete {len(names):,} contacts ({shown})? They go to the bin (Edit ▸ Bin…), where you "
            "can restore them until you empty it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()


ASK_ABOVE = 3  # deleting more contacts than this at once asks first


def _ints(value: object) -> list[int]:
    """``"200,115"`` (as kept in the UI settings) -> [200, 115]; [] for anything else."""
    try:
        return [int(part) for part in str(value).split(",")] if value else []
    except ValueError:
        return []
