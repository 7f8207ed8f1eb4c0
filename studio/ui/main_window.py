"""The main window: a sidebar of views, the menus, drag-and-drop import, remembered layout.

Views are built the first time they are shown (their modules are imported then too),
so the window paints quickly however large the address book is; the contact list
itself loads on the store thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio import __version__
from studio.services import contacts
from studio.services.preferences import load_settings
from studio.ui import icons, style
from studio.ui.contacts.importer import ImportController, is_contact_file
from studio.ui.contacts.order_importer import OrderImportController
from studio.ui.context import AppContext

NAV = (
    ("today", "Today"),
    ("contacts", "Contacts"),
    ("cards", "Cards"),
    ("mailings", "Mailings"),
    ("settings", "Settings"),
)


class MainWindow(QMainWindow):
    closed = Signal()  # the user closed the window (the app ends then, whatever else is open)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle("Card Studio")
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(760, 520))  # a small laptop screen still fits
        # One undo history per view: Ctrl+Z undoes what was done in the view on screen, and
        # Edit ▸ Undo names it. Cards keeps two, the gallery's and the
        # designer's, and makes the one of the page on screen the active one.
        self.undo_group = QUndoGroup(self)
        self.undo_stacks: dict[str, QUndoStack] = {name: QUndoStack(self.undo_group) for name, _ in NAV}
        self.undo_stack = self.undo_stacks["contacts"]
        self.importer = ImportController(context, self)
        self.order_importer = OrderImportController(context, self)
        self.views: dict[str, QWidget] = {}
        self.store_empty: bool | None = None

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for name, title in NAV:
            item = QListWidgetItem(icons.icon(name, style.SIDEBAR_TEXT, "#ffffff"), f"  {title}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setSizeHint(QSize(180, 44))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(lambda row: self.show_view(NAV[row][0]))
        pane = QWidget()
        pane.setObjectName("sidebarPane")
        pane.setFixedWidth(200)
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.setSpacing(0)
        brand = QLabel("Card Studio")
        brand.setObjectName("brand")
        pane_layout.addWidget(brand)
        sub = QLabel("appreciation, on paper")
        sub.setObjectName("brandSub")
        pane_layout.addWidget(sub)
        pane_layout.addWidget(self.sidebar, 1)

        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(pane)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        from studio.ui.first_run import WelcomePage

        self.welcome = WelcomePage(self.importer.choose_files, self.importer.load_samples)
        # Scrolls on a 1024×600 netbook screen rather than making the window taller than it.
        self.welcome_scroll = QScrollArea()
        self.welcome_scroll.setWidgetResizable(True)
        self.welcome_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.welcome_scroll.setWidget(self.welcome)
        self.stack.addWidget(self.welcome_scroll)
        self.contacts_view = self._view("contacts")
        self._build_menus()
        self.statusBar().hide()  # shown only while it has something to say
        self.statusBar().messageChanged.connect(lambda text: self.statusBar().setVisible(bool(text)))

        context.store.failed.connect(lambda exc: context.errors.show(exc, self))
        context.store.waiting.connect(self._say_store_busy)
        context.events.contacts_changed.connect(self._check_empty)
        context.events.open_view.connect(self.show_view)
        context.store.submit(load_settings, self._settings_loaded)
        self._restore_layout()
        self._check_empty()

    # --- views ------------------------------------------------------------------------

    def _view(self, name: str) -> QWidget:
        view = self.views.get(name)
        if view is None:
            view = self._make_view(name)
            self.views[name] = view
            self.stack.addWidget(view)
        return view

    def _make_view(self, name: str) -> QWidget:
        # Imported here so a view's code loads only when the user first opens it.
        if name == "contacts":
            from studio.ui.contacts.view import ContactsView

            return ContactsView(self.context, self.undo_stack, self.importer)
        if name == "today":
            from studio.ui.today.view import TodayView

            return TodayView(self.context)
        if name == "cards":
            from studio.ui.cards.view import CardsView

            return CardsView(self.context, self.undo_stacks["cards"], undo_group=self.undo_group)
        if name == "mailings":
            from studio.ui.mailings.view import MailingsView

            return MailingsView(self.context)
        if name == "settings":
            from studio.ui.settings.view import SettingsView

            return SettingsView(self.context)
        raise KeyError(name)

    def show_view(self, name: str) -> QWidget:
        """Show a view by name (building it the first time); the sidebar follows.

        A view with unsaved work (the card designer) is asked first; while it asks, it stays.
        """
        leaving, wanted = self.stack.currentWidget(), name
        confirm = getattr(leaving, "confirm_leave", None)
        if (
            callable(confirm)
            and leaving is not self.views.get(wanted)
            and not confirm(lambda: self.show_view(wanted))
        ):
            name = next(n for n, view in self.views.items() if view is leaving)
        if name == "today" and self.store_empty:
            widget: QWidget = self.welcome
        else:
            widget = self._view(name)
        self.stack.setCurrentWidget(self.welcome_scroll if widget is self.welcome else widget)
        # A view of two pages (Cards: gallery and designer) says whose history is on screen.
        page_stack = getattr(widget, "active_undo_stack", None)
        self.undo_group.setActiveStack(page_stack() if callable(page_stack) else self.undo_stacks[name])
        row = [n for n, _ in NAV].index(name)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        self.context.ui_settings.setValue("window/view", name)
        return widget

    def current_view_name(self) -> str:
        return NAV[self.sidebar.currentRow()][0] if self.sidebar.currentRow() >= 0 else "today"

    def _check_empty(self) -> None:
        self.context.store.submit(contacts.is_empty, self._empty_known)

    def _empty_known(self, empty: bool) -> None:
        was = self.store_empty
        self.store_empty = empty
        if empty != was and self.current_view_name() == "today":
            self.show_view("today")

    def _settings_loaded(self, settings: object) -> None:
        self.context.settings = settings  # type: ignore[assignment]
        self.context.events.settings_changed.emit(settings)

    # --- menus ------------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda *_: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        contacts = self.contacts_view
        file_menu = bar.addMenu("&File")
        self.import_action = self._action(
            "&Import Contacts…", self.importer.choose_files, QKeySequence.StandardKey.Open
        )
        file_menu.addAction(self.import_action)
        self.import_orders_action = self._action("Import &Orders…", self.order_importer.choose_files)
        file_menu.addAction(self.import_orders_action)
        file_menu.addAction(self._action("Load &Sample Contacts", self.importer.load_samples))
        file_menu.addAction(self._action("&Live Address Books…", self.show_accounts))
        file_menu.addAction(self._action("Missing &Details…", self.show_missing_details))
        file_menu.addSeparator()
        file_menu.addAction(contacts.new_action)
        self.new_mailing_action = self._action(
            "New &Mailing…", self._new_mailing, QKeySequence("Ctrl+Shift+M")
        )
        file_menu.addAction(self.new_mailing_action)
        file_menu.addSeparator()
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(contacts.edit_action)
        edit_menu.addAction(contacts.delete_action)
        edit_menu.addAction(self._action("&Bin…", self.show_bin))
        edit_menu.addAction(self._action("Possible &Duplicates…", self.show_duplicates))
        edit_menu.addSeparator()
        find = self._action("&Find Contact", self._find, QKeySequence.StandardKey.Find)
        edit_menu.addAction(find)
        edit_menu.addSeparator()
        preferences = self._action(
            "Se&ttings…", lambda: self.show_view("settings"), QKeySequence.StandardKey.Preferences
        )
        if preferences.shortcut().isEmpty():  # Linux and Windows have no standard key for it
            preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(preferences)

        view_menu = bar.addMenu("&View")
        for number, (name, title) in enumerate(NAV, start=1):
            view_menu.addAction(
                self._action(f"&{title}", lambda n=name: self.show_view(n), QKeySequence(f"Ctrl+{number}"))
            )
        view_menu.addSeparator()
        full = self._action("&Full Screen", self._toggle_full_screen, QKeySequence.StandardKey.FullScreen)
        view_menu.addAction(full)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(
            self._action("How to &Export Your Contacts…", self._how_to, QKeySequence.StandardKey.HelpContents)
        )
        about = self._action("&About Card Studio", self._about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    def _say_store_busy(self, message: str) -> None:
        self.statusBar().showMessage(message[:1].upper() + message[1:], 15000)

    def show_bin(self) -> None:
        from studio.ui.contacts.bin_dialog import BinDialog

        self.bin_dialog = BinDialog(self.context, self)
        self.bin_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.bin_dialog.open()

    def show_duplicates(self) -> None:
        from studio.ui.contacts.duplicates_dialog import DuplicatesDialog

        self.duplicates_dialog = DuplicatesDialog(self.context, self)
        self.duplicates_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.duplicates_dialog.open()

    def show_accounts(self) -> None:
        from studio.ui.accounts.dialog import AccountsDialog

        self.accounts_dialog = AccountsDialog(self.context, self)
        self.accounts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.accounts_dialog.open()

    def show_missing_details(self) -> None:
        from studio.ui.contacts.missing_dialog import MissingDetailsDialog

        dialog = MissingDetailsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.edit_requested.connect(lambda contact_id: (self.show_view("contacts"),
                                                          self.contacts_view.edit_contact(contact_id)))
        self.missing_dialog = dialog
        dialog.open()

    def _find(self) -> None:
        self.show_view("contacts")
        self.contacts_view.focus_search()

    def _new_mailing(self) -> None:
        self.show_view("mailings")
        self.context.events.start_mailing.emit(None)

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _how_to(self) -> None:
        from studio.ui.first_run import HowToDialog

        dialog = HowToDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Card Studio",
            f"<h3>Card Studio {__version__}</h3>"
            "<p>Appreciation-marketing cards, envelopes and labels from your phone's "
            "contacts.</p><p>Your data stays on this computer, in:<br/>"
            f"<code>{self.context.paths.db_path}</code></p>",
        )

    # --- drag and drop import ---------------------------------------------------------

    @staticmethod
    def _dropped_contact_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and is_contact_file(url.toLocalFile())
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._dropped_contact_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = self._dropped_contact_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Start after the drop returns, so the source application is not kept waiting.
        QTimer.singleShot(0, lambda: self.importer.start(paths))

    # --- remembered layout ------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.ui_settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width = min(1280, int(available.width() * 0.85)) if available else 1200
            height = min(820, int(available.height() * 0.85)) if available else 780
            self.resize(max(width, 900), max(height, 600))
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        last = str(settings.value("window/view", "today"))
        self.show_view(last if last in dict(NAV) else "today")

    def save_layout(self) -> None:
        settings = self.context.ui_settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/view", self.current_view_name())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for view in self.views.values():  # unsaved designer edits: Save / Discard / Cancel first
            confirm = getattr(view, "confirm_leave", None)
            if callable(confirm) and not confirm(self.close):
                event.ignore()
                return
        busy = self.context.tasks.important_active
        if busy:
            answer = QMessageBox.question(
                self,
                "Quit Card Studio",
                "Card Studio is still working (an import or a mailing). Stop it and quit? "
                "What was finished is kept.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.flush_pending_saves()
        self.save_layout()
        event.accept()
        self.closed.emit()

    def flush_pending_saves(self) -> None:
        """Hand the store every edit a view still holds back (Settings saves a moment after a change).

        The store thread finishes the jobs queued before it stops, so nothing typed just
        before quitting is lost.
        """
        for view in self.views.values():
            flush = getattr(view, "flush_pending_saves", None)
            if callable(flush):
                flush()
