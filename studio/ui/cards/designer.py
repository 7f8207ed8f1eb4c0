"""The card designer: a live preview for a chosen contact, with text boxes to edit and move.

The picture is the card renderer's own drawing of the panel (filled for the chosen
contact, or the template's sample), drawn again on a pool thread as soon as an edit is
made (one drawing at a time, the latest edit wins). Text boxes are edited on the right
and moved or resized on the canvas; boxes whose text had to shrink or still overflows
are flagged on the canvas and listed under "Fit". "Save as my card…" writes the result as the user's template.

Every edit is a command on the designer's own undo stack (`designer_undo`), which the Cards
view makes the window's active one while the designer is shown; after each one the edited
state is kept as a draft in the data folder (`services.designer_drafts`): leaving with
unsaved edits asks Save / Discard / Cancel, and a draft left by a crash is offered back the
next time its template is opened.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from studio.cards import CardTemplate, TextSpec
from studio.cards.errors import plain_problems
from studio.model import Contact
from studio.services import designer_drafts as drafts
from studio.ui.cards import designer_prompts as prompts
from studio.ui.cards.backend import editable_copy
from studio.ui.cards.canvas import PanelCanvas
from studio.ui.cards.designer_drafting import keep_draft, offer_draft
from studio.ui.cards.designer_fit import fit_report
from studio.ui.cards.designer_header import DesignerHeader
from studio.ui.cards.designer_items import DesignerItems
from studio.ui.cards.designer_save import SaveFlow
from studio.ui.cards.designer_side import DesignerSide
from studio.ui.cards.designer_toolbar import DesignerToolbar
from studio.ui.cards.designer_undo import BoxEdit, HistoryKeys, MessageEdit
from studio.ui.cards.live_preview import LivePreview, PreviewRequest, PreviewResult
from studio.ui.context import AppContext
from studio.ui.widgets import label
from studio.verses.library import card_occasions

_PANEL_NAMES = {"front": "Front", "inside": "Inside", "inside-cover": "Inside cover", "back": "Back"}


def panel_title(name: str) -> str:
    return _PANEL_NAMES.get(name, name.replace("-", " ").capitalize())


class DesignerPage(QWidget):
    back_requested = Signal()
    saved = Signal(str)  # the saved template's id

    def __init__(
        self, context: AppContext, undo_stack: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        # The designer's own history: the Cards view adds it to the window's undo group and
        # makes it the active one while the designer is shown.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _index: keep_draft(self))  # designer_drafting
        self._quiet = False  # True while the designer itself resets the history
        self._applying = False  # True while a history step puts text in the message field
        self._original: CardTemplate | None = None  # the template as opened (or last saved)
        self._saved_message = ""  # the message as it was when opened (or last saved)
        self._draft_id = ""  # the template id the draft is kept under
        self._message_text = ""  # the message as the history last left it
        self.draft_problem = ""  # why the last draft could not be written, if it could not
        self.leave_prompt: QMessageBox | None = None
        self.restore_prompt: QMessageBox | None = None
        self.template: CardTemplate | None = None
        self.panel = "front"
        self.contact: Contact | None = None
        self.occasion: str | None = None
        self.last_result: PreviewResult | None = None
        self.last_error = ""
        self.saving = SaveFlow(self)  # "Save as my card…" (designer_save)
        self.preview = LivePreview(context.tasks, parent=self)
        self.preview.ready.connect(self._rendered)
        self.preview.failed.connect(self._render_failed)

        self.header = DesignerHeader(context, self._back, self.save_as)
        self.title, self.subtitle = self.header.title, self.header.subtitle
        self.people, self.save_button = self.header.people, self.header.save_button
        self.people.chosen.connect(self._person_loaded)

        self.tabs = QTabBar()
        self.tabs.setDrawBase(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.canvas = PanelCanvas()
        self.canvas.box_selected.connect(self._box_selected)
        self.canvas.box_moved.connect(self._box_moved)
        self.items = DesignerItems(self)  # add, duplicate, delete, layers, pictures (designer_items)
        self.toolbar = DesignerToolbar(self.items, self.canvas, self)
        self.status = label("", "muted", wrap=True)

        self.side = DesignerSide()  # the message, the Fit report and the text box
        self.message, self.box_editor = self.side.message, self.side.box_editor
        self.box_hint, self.fit_label = self.side.box_hint, self.side.fit_label
        self.message.textChanged.connect(self._message_changed)
        self.box_editor.edited.connect(self._box_edited)
        self.box_editor.stepped.connect(self._box_stepped)
        self.side.verse_button.clicked.connect(
            lambda: self.side.choose_verse(card_occasions(self.template.occasions, self.template.thanks_for)
                                           if self.template is not None else []))
        if context.spelling is not None:  # underlines and right-click suggestions as they type
            self.box_spelling = context.spelling.attach(self.box_editor.text.editor)
            self.message_spelling = context.spelling.attach(self.message)
        self._history_keys = HistoryKeys(self)
        for field in self.box_editor.text_fields() + [self.message]:
            field.installEventFilter(self._history_keys)

        canvas_column = QVBoxLayout()
        canvas_column.addWidget(self.tabs)
        canvas_column.addWidget(self.toolbar)
        canvas_column.addWidget(self.canvas, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.toolbar.zoom_bar, 0, Qt.AlignmentFlag.AlignTop)
        canvas_column.addLayout(status_row)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(canvas_column, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    # --- opening ----------------------------------------------------------------------

    def open_template(
        self, template: CardTemplate, contact_id: int | None = None, occasion: str | None = None
    ) -> None:
        from studio.render.formats import card_format

        self.template = editable_copy(template)
        self.occasion = occasion
        self.title.setText(template.name)
        try:
            format_name = card_format(template.format).name
        except Exception:  # noqa: BLE001 - the template loaded, so this is only a caption
            format_name = template.format
        self.subtitle.setText(format_name)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for panel in self.template.panels:
            index = self.tabs.addTab(panel_title(panel.name))
            self.tabs.setTabData(index, panel.name)
        self.tabs.blockSignals(False)
        self.panel = self.template.panels[0].name if self.template.panels else "front"
        self.tabs.setCurrentIndex(0)
        self._original = editable_copy(template)
        self._draft_id = template.id
        self._reset_history(message="")
        self._show_panel()
        self.people.load(contact_id)
        offer_draft(self)

    def _person_loaded(self, contact: Contact | None) -> None:
        self.contact = contact
        self.refresh(now=True)

    # --- panels and boxes -------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        name = self.tabs.tabData(index)
        if name and name != self.panel:
            self.panel = name
            self._show_panel()
            self.refresh(now=True)

    def _panel_spec(self):  # noqa: ANN202 - PanelSpec
        return self.template.panel(self.panel) if self.template else None

    def _show_panel(self) -> None:
        if self.template is None:
            return
        self.items.show_panel()
        self.box_editor.show_box(None)
        self.box_hint.show()
        self.last_result = None

    def _box_selected(self, name: str) -> None:
        spec = self._find_box(name)
        self.box_editor.show_box(spec)
        self.box_hint.setVisible(spec is None)
        if spec is not None:  # on a small screen the box's words sit below the fold: bring them up
            self.side.show_box_words()

    def _find_box(self, name: str) -> TextSpec | None:
        panel = self._panel_spec()
        return next((t for t in panel.texts if t.name == name), None) if panel and name else None

    def _box_moved(self, name: str, rect: QRectF) -> None:
        spec = self._find_box(name)
        if spec is None:
            return
        moved = dataclasses.replace(
            spec,
            x=round(rect.x(), 2),
            y=round(rect.y(), 2),
            width=round(rect.width(), 2),
            height=round(rect.height(), 2),
        )
        if moved != spec:  # each drag is a step of its own
            self.undo_stack.push(BoxEdit(self, self.panel, spec, moved, mergeable=False))

    def _box_edited(self, spec: TextSpec) -> None:
        before = self._find_box(spec.name)
        if before is not None and before != spec:
            self.undo_stack.push(BoxEdit(self, self.panel, before, spec))

    def _box_stepped(self, spec: TextSpec, step: str) -> None:
        """A named edit of a box's words (Bold, Insert “First name”): a step of its own."""
        before = self._find_box(spec.name)
        if before is not None and before != spec:
            text = f"{step} in “{spec.name}”"
            self.undo_stack.push(BoxEdit(self, self.panel, before, spec, mergeable=False, text=text))

    def _message_changed(self) -> None:
        text = self.message.toPlainText()
        if self._applying or self._quiet or text == self._message_text:
            return
        self.undo_stack.push(MessageEdit(self, self._message_text, text))

    # --- what the history changes (designer_undo.DesignerState) -------------------------

    def apply_box(self, panel: str, spec: TextSpec) -> None:
        """Put ``spec`` on ``panel`` and show it there, selected: nothing changes out of sight."""
        target = self.template.panel(panel) if self.template else None
        if target is None:
            return
        target.texts = [dataclasses.replace(spec) if t.name == spec.name else t for t in target.texts]
        if panel != self.panel:
            index = next((i for i in range(self.tabs.count()) if self.tabs.tabData(i) == panel), -1)
            self.tabs.setCurrentIndex(index)  # shows that panel's boxes, as they are now
        item = self.canvas.boxes.get(spec.name)
        if item is not None:
            item.set_rect_mm(QRectF(spec.x, spec.y, spec.width, spec.height))
        if self.canvas.selected_box() == spec.name:
            self.box_editor.show_box(spec)
            self.box_hint.hide()
        else:
            self.canvas.select_box(spec.name)  # the side panel follows the selection
        self.refresh()

    def apply_message(self, text: str) -> None:
        """Show ``text`` as the personal message (a step of the history, not a new edit)."""
        self._message_text = text
        if self.message.toPlainText() != text:
            self._applying = True
            try:
                self.message.setPlainText(text)
                cursor = self.message.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                self.message.setTextCursor(cursor)
            finally:
                self._applying = False
        self.refresh()

    # --- unsaved edits: the history, the draft, the leave prompt ------------------------

    def has_unsaved_edits(self) -> bool:
        """Whether the card or the message differ from the template as opened or last saved."""
        if self.template is None or self._original is None:
            return False
        if self._message_text != self._saved_message:
            return True
        return any(
            (self._original.panel(p.name) is None) or self._original.panel(p.name) != p
            for p in self.template.panels
        )

    def _reset_history(self, message: str) -> None:
        """Start a fresh history with ``message`` in the message field (no step, no draft)."""
        self._quiet = True
        try:
            self.undo_stack.clear()
            self._message_text = message
            self._saved_message = message
            if self.message.toPlainText() != message:
                self.message.setPlainText(message)
        finally:
            self._quiet = False

    def restore_draft(self, draft: drafts.DesignerDraft) -> None:
        """Bring ``draft``'s boxes, pictures and message back, as one step Edit ▸ Undo can take back."""
        if self.template is None:
            return
        self.template.folder = drafts.apply_draft(self.template, draft).folder  # its added pictures
        self.items.restore(drafts.changed_panels(self.template, draft), (self._message_text, draft.message))

    def discard_edits(self) -> None:
        """Forget every unsaved edit and its draft: the card is as opened (or last saved)."""
        if self._original is None:
            return
        drafts.discard_draft(self._context.paths, self._draft_id)
        self.template = editable_copy(self._original)
        self._reset_history(self._saved_message)
        self._show_panel()
        self.refresh(now=True)

    def confirm_leave(self, then: Callable[[], None]) -> bool:
        """True when nothing unsaved would be lost; else ask Save / Discard / Cancel, return False.

        The question is asked without blocking: Save goes through "Save as my card…" and
        calls ``then`` once the card is saved; Discard forgets the edits and calls ``then``;
        Cancel (or Escape) stays in the designer.
        """
        if not self.has_unsaved_edits():
            return True
        if self.leave_prompt is not None and self.leave_prompt.isVisible():
            return False  # already asking

        def answered(answer: str) -> None:
            if answer == prompts.LEAVE_SAVE:
                self.saving.after_save = then
                self.save_as()
            elif answer == prompts.LEAVE_DISCARD:
                self.discard_edits()
                then()

        self.leave_prompt = prompts.ask_to_leave(self, self.template.name, answered)
        return False

    def _back(self) -> None:
        if self.confirm_leave(self._to_gallery):
            self._to_gallery()

    def _to_gallery(self) -> None:
        # In the gallery the card is out of sight: Ctrl+Z there must not change it unseen.
        self._reset_history(self._message_text)
        self.back_requested.emit()

    def select_box(self, name: str) -> None:
        self.canvas.select_box(name)

    # --- preview ----------------------------------------------------------------------

    def _dpi(self) -> float:
        from studio.render.formats import card_format

        if self.template is None:
            return 100.0
        card = card_format(self.template.format)
        ratio = self.devicePixelRatioF() or 1.0
        fit = min(
            self.canvas.width() / (card.width_mm / 25.4), self.canvas.height() / (card.height_mm / 25.4)
        )
        zoomed = self.canvas.zoom.scale() * 25.4  # zoomed in, the picture is drawn finer
        return max(72.0, min(220.0, max(fit, zoomed) * ratio))

    def refresh(self, *_: object, now: bool = False) -> None:
        """Ask for a new picture (debounced unless ``now``)."""
        if self.template is None:
            return
        message = self.message.toPlainText()
        self.status.setText("Drawing…")
        self.preview.request(
            PreviewRequest(
                template=self.template,
                panel=self.panel,
                contact=self.contact,
                message=message if message.strip() else None,
                occasion=self.occasion,
                settings=self._context.settings,
                today=self._context.today(),
                dpi=self._dpi(),
            ),
            now=now,
        )

    def _rendered(self, result: PreviewResult) -> None:
        if result.request.panel != self.panel:
            return
        self.last_result = result
        self.last_error = ""
        self.canvas.set_picture(result.image)
        flags, report = fit_report(result)
        self.canvas.set_flags(flags)
        self.fit_label.setText(report)
        who = result.request.contact.name if result.request.contact else "the sample person"
        self.status.setText(f"{panel_title(self.panel)} for {who}, drawn by the card renderer.")

    def _render_failed(self, exc: BaseException) -> None:
        self.last_error = "\n".join(plain_problems(exc))  # the sentences, without the template's path
        self.status.setText("This card cannot be drawn as it is: " + self.last_error)

    # --- saving -----------------------------------------------------------------------

    def save_as(self) -> None:
        """Ask for a name, then save the card as the user's own template (`designer_save`)."""
        self.saving.save_as()

    def _save(self, template_id: str, name: str, default_message: str | None) -> None:
        self.saving.save(template_id, name, default_message)

    @property
    def save_dialog(self) -> QDialog | None:
        """The open "Save as my card" dialog, if any."""
        return self.saving.dialog

    @save_dialog.setter
    def save_dialog(self, dialog: QDialog | None) -> None:
        self.saving.dialog = dialog

    def message_text(self) -> str:
        """The personal message as the history last left it."""
        return self._message_text

    def saved_as(self, saved: CardTemplate, message: str) -> None:
        """``saved`` was written with ``message``: it is now the card as opened, unchanged."""
        self.template = editable_copy(saved)
        # What was saved is the new "unchanged": its draft is no longer needed.
        drafts.discard_draft(self._context.paths, self._draft_id)
        self._original, self._draft_id, self._saved_message = editable_copy(saved), saved.id, message
        self.title.setText(saved.name)
        self.status.setText(f"Saved as “{saved.name}” in {saved.folder}.")
        self._context.events.templates_changed.emit()
        self.saved.emit(saved.id)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().showEvent(event)
        if self.template is not None and self.last_result is None:
            QTimer.singleShot(0, lambda: self.refresh(now=True))
