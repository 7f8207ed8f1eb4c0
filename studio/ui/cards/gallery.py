"""The gallery of card templates: thumbnails, filter by occasion, open one in the designer,
and manage one's own cards (rename, duplicate, delete with undo, export, import:
`studio.ui.cards.gallery_actions`), from the buttons under the filter or a card's context menu."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from studio.cards import CardTemplate
from studio.cards.package import SUFFIX
from studio.services.my_templates import ImportedTemplate
from studio.ui import icons
from studio.ui.cards.gallery_actions import DeleteTemplate, TemplateActions, UndoBar
from studio.ui.cards.gallery_model import (
    ANY_OCCASION,
    TEMPLATE_ROLE,
    OccasionFilterModel,
    TemplateListModel,
    occasion_label,
)
from studio.ui.context import AppContext
from studio.ui.widgets import EmptyState, PageHeader, button, gallery_list, label, page_layout

_OCCASION_KEY = "cards/occasion"  # the occasion filter, in the UI settings


class GalleryPage(QWidget):
    """``open_template`` is emitted with the chosen `CardTemplate`."""

    open_template = Signal(object)
    refresh_requested = Signal()

    def __init__(
        self, context: AppContext, undo_stack: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.actions = TemplateActions(context, self)
        self._select_after: str | None = None  # the card to select once the gallery has reloaded
        self._broken: list[str] = []
        self._listed = False  # set_templates has run once
        self.model = TemplateListModel(
            context.tasks, context.paths.data_dir / "cache" / "thumbnails", self.devicePixelRatioF() or 2.0
        )
        self.proxy = OccasionFilterModel()
        self.proxy.setSourceModel(self.model)

        self.occasion = QComboBox()
        self.occasion.setMinimumWidth(200)
        self.occasion.addItem("Every occasion", ANY_OCCASION)
        self.occasion.currentIndexChanged.connect(self._occasion_changed)
        self.problems_button = button("", self._show_problems, name="link")
        self.problems_button.hide()

        self.list = gallery_list(self.proxy, icon=QSize(260, 178), grid=QSize(232, 240))
        self.list.activated.connect(self._activated)
        self.list.doubleClicked.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        delete = QAction("Delete", self.list)
        delete.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete),
                             QKeySequence(Qt.Key.Key_Backspace)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_current)
        self.list.addAction(delete)

        self.header = PageHeader(
            "Cards",
            "Pick a card to see it for one of your contacts and make it yours.",
            [button("Import a card…", self.import_card, tooltip=f"Add a card someone shared ({SUFFIX} file)"),
             button("Open in designer", self._open_current, name="primary")],
        )
        self.rename_button = button("Rename…", self.rename_current, tooltip="Give your card a new name")
        self.duplicate_button = button("Duplicate", self.duplicate_current,
                                       tooltip="Make your own copy of this card")
        self.export_button = button("Export…", self.export_current,
                                    tooltip=f"Save this card as one {SUFFIX} file to share")
        self.delete_button = button("Delete", self.delete_current, tooltip="Move your card to the bin (Undo)")
        filters = QHBoxLayout()
        filters.addWidget(label("Show cards for", "muted"))
        filters.addWidget(self.occasion)
        filters.addStretch(1)
        filters.addWidget(self.problems_button)
        for widget in (self.rename_button, self.duplicate_button, self.export_button, self.delete_button):
            filters.addWidget(widget)
        self.undo_bar = UndoBar()
        self.undo_bar.undo_button.clicked.connect(self.undo_last_delete)
        self._last_delete: DeleteTemplate | None = None
        self._update_buttons()

        self.empty = EmptyState(
            icons.icon("cards"),
            "No card templates found",
            "Card Studio's own templates should be here. If you removed the "
            "templates folder, reinstall the app; your own templates live in "
            f"{context.paths.user_templates_dir}.",
            [button("Look again", self.refresh_requested.emit)],
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        page_layout(self, self.header, filters, self.stack).addWidget(self.undo_bar)  # no stretch: a bar

    def set_templates(self, templates: Sequence[CardTemplate], broken: Sequence[str]) -> None:
        # The first time, the filter the user left on last time (remembered across runs).
        current = self.occasion.currentData() if self._listed else self._remembered_occasion()
        self._listed = True
        self.model.set_templates(templates)
        occasions = sorted({o for t in templates for o in t.occasions if o != "any"}, key=occasion_label)
        self.occasion.blockSignals(True)
        self.occasion.clear()
        self.occasion.addItem("Every occasion", ANY_OCCASION)
        for key in occasions:
            self.occasion.addItem(occasion_label(key), key)
        self.occasion.setCurrentIndex(max(self.occasion.findData(current), 0))
        self.occasion.blockSignals(False)
        self.proxy.set_occasion(self.occasion.currentData() or ANY_OCCASION)
        self.header.subtitle.setText(
            f"{len(templates)} card designs. Pick one to see it for one of your contacts and make it yours."
        )
        self._broken = list(broken)
        self.problems_button.setVisible(bool(broken))
        count = len(broken)
        self.problems_button.setText(f"{count} problem{'s' if count != 1 else ''} in your own cards…")
        self.stack.setCurrentWidget(self.list if templates else self.empty)
        if self._select_after is not None and self.select_template(self._select_after):
            self._select_after = None
        self._update_buttons()

    def _occasion_changed(self, *_: object) -> None:
        occasion = self.occasion.currentData() or ANY_OCCASION
        self.proxy.set_occasion(occasion)
        self._context.ui_settings.setValue(_OCCASION_KEY, occasion)

    def _remembered_occasion(self) -> str:
        return str(self._context.ui_settings.value(_OCCASION_KEY, ANY_OCCASION) or ANY_OCCASION)

    def choose_occasion(self, occasion: str | None) -> None:
        index = self.occasion.findData(occasion or ANY_OCCASION)
        if index >= 0:
            self.occasion.setCurrentIndex(index)

    def _activated(self, index: QModelIndex) -> None:
        template = index.data(TEMPLATE_ROLE)
        if template is not None:
            self.open_template.emit(template)

    def _open_current(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if index.isValid():
            self._activated(index)

    # --- managing one's own cards --------------------------------------------------------

    def current_template(self) -> CardTemplate | None:
        index = self.list.currentIndex()
        return index.data(TEMPLATE_ROLE) if index.isValid() else None

    def select_template(self, template_id: str) -> bool:
        row = self.model.row_of(template_id)
        if row is None:
            return False
        self.list.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row)))
        return True

    def _update_buttons(self) -> None:
        template = self.current_template()
        mine = template is not None and template.source == "user"
        for widget in (self.duplicate_button, self.export_button):
            widget.setEnabled(template is not None)
        for widget in (self.rename_button, self.delete_button):
            widget.setEnabled(mine)
            widget.setToolTip("" if mine or template is None else
                              "Card Studio's own cards stay as they are: duplicate one to make it yours")

    def _context_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():  # the Menu key (or Shift+F10): the current card's menu, beside it
            index = self.list.currentIndex()
            if not index.isValid():
                return
            point = self.list.visualRect(index).center()
        self.list.setCurrentIndex(index)
        self.context_menu().popup(self.list.viewport().mapToGlobal(point))

    def context_menu(self) -> QMenu:
        """The menu of the current card (built fresh: what is allowed depends on the card)."""
        template = self.current_template()
        mine = template is not None and template.source == "user"
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Open in designer", self._open_current)
        menu.addSeparator()
        menu.addAction("Rename…", self.rename_current).setEnabled(mine)
        menu.addAction("Duplicate", self.duplicate_current)
        menu.addAction("Export to a file…", self.export_current)
        menu.addSeparator()
        menu.addAction("Delete", self.delete_current).setEnabled(mine)
        return menu

    def ask_name(self, current: str) -> str | None:
        name, ok = QInputDialog.getText(self, "Rename card", "New name for this card:", text=current)
        return name if ok else None

    def ask_export_file(self, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export card", str(Path.home() / suggested),
                                                f"Card Studio cards (*{SUFFIX})")
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(SUFFIX)

    def ask_import_file(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import a card", str(Path.home()),
                                                f"Card Studio cards (*{SUFFIX});;All files (*)")
        return Path(chosen) if chosen else None

    def rename_current(self) -> None:
        template = self.current_template()
        if template is None or template.source != "user":
            return
        name = self.ask_name(template.name)
        if name is not None and name.strip() and name.strip() != template.name:
            self.actions.rename(template.id, name)

    def duplicate_current(self) -> None:
        template = self.current_template()
        if template is not None:
            self.actions.duplicate(template.id, lambda copy: self._after_reload(copy.id))

    def export_current(self) -> None:
        template = self.current_template()
        if template is None:
            return
        out = self.ask_export_file(f"{template.id}{SUFFIX}")
        if out is not None:
            self.actions.export(template.id, out, lambda path: self.undo_bar.show_message(
                f"Saved '{template.name}' as {path.name}", undo=False))

    def import_card(self) -> None:
        file = self.ask_import_file()
        if file is not None:
            self.actions.import_file(file, self._imported)

    def _imported(self, imported: ImportedTemplate) -> None:
        template = imported.template
        note = f" (as {template.id}: '{imported.wanted_id}' was taken)" if imported.renamed else ""
        self.undo_bar.show_message(f"Added '{template.name}'{note}", undo=False)
        self._after_reload(template.id)

    def delete_current(self) -> None:
        """Delete the current card of the user's at once; the bar and Ctrl+Z offer it back."""
        template = self.current_template()
        if template is None or template.source != "user":
            return
        name = template.name
        self._last_delete = DeleteTemplate(
            self.actions, template.id, name,
            deleted=lambda _binned: self.undo_bar.show_message(f"Deleted '{name}'", undo=True))
        self.undo_stack.push(self._last_delete)

    def undo_last_delete(self) -> None:
        """The bar's Undo: the stack's step when the delete is still its latest, else (the
        designer has started a history of its own since) straight from the bin."""
        command, self._last_delete = self._last_delete, None
        self.undo_bar.hide()
        if command is None:
            return
        index = self.undo_stack.index()
        if index > 0 and self.undo_stack.command(index - 1) is command:
            self.undo_stack.undo()
        else:
            command.restore_directly()

    def _after_reload(self, template_id: str) -> None:
        """Select ``template_id`` once the gallery has listed it (after the reload it asked for)."""
        self._select_after = template_id

    def _show_problems(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Templates with problems",
            "These templates were left out until they are fixed:",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setDetailedText("\n".join(self._broken))
        box.setInformativeText("\n".join(self._broken[:6]) + ("\n…" if len(self._broken) > 6 else ""))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
