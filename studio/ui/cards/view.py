"""The Cards view: the gallery of templates, and the designer for the one chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from studio.cards import CardTemplate
from studio.ui.cards.designer import DesignerPage
from studio.ui.cards.gallery import GalleryPage
from studio.ui.context import AppContext


def pick_template(templates: list[CardTemplate], occasion: str | None) -> CardTemplate | None:
    """The template to open for an occasion: the user's own first, then Card Studio's."""
    suited = [t for t in templates if occasion is None or occasion in t.occasions]
    suited.sort(key=lambda t: (t.source != "user", t.name.casefold()))
    return suited[0] if suited else None


class CardsView(QWidget):
    def __init__(
        self,
        context: AppContext,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        undo_group: QUndoGroup | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._context = context
        self.templates: list[CardTemplate] = []
        self.loaded = False
        self._loading = False
        self._wanted: tuple[str | None, int | None, str | None] | None = None
        # Two histories: the gallery's deletes on the view's stack, and the designer's edits on
        # one of its own in the same undo group, active while the designer is shown. Ctrl+Z in
        # the designer never reaches the gallery (or another view), and opening a card leaves
        # the gallery's history as it was.
        self._group = undo_group
        undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        designer_stack = QUndoStack(self)
        if undo_group is not None:
            undo_group.addStack(designer_stack)
        self.gallery = GalleryPage(context, undo_stack)
        self.designer = DesignerPage(context, designer_stack)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.gallery)
        self.stack.addWidget(self.designer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.stack.currentChanged.connect(lambda _index: self._follow_page())
        self.gallery.open_template.connect(lambda t: self.open_designer(t))
        self.gallery.refresh_requested.connect(self.reload)
        self.designer.back_requested.connect(lambda: self.stack.setCurrentWidget(self.gallery))
        context.events.templates_changed.connect(self.reload)
        context.events.design_card.connect(self.design)
        self.reload()

    def active_undo_stack(self) -> QUndoStack:
        """The history of the page on screen: the designer's or the gallery's."""
        shown = self.stack.currentWidget()
        return self.designer.undo_stack if shown is self.designer else self.gallery.undo_stack

    def _follow_page(self) -> None:
        """Make the shown page's history the window's active one, while Cards is the view shown."""
        mine = (self.gallery.undo_stack, self.designer.undo_stack)
        if self._group is not None and self._group.activeStack() in mine:
            self._group.setActiveStack(self.active_undo_stack())

    def confirm_leave(self, then: Callable[[], None]) -> bool:
        """True when leaving loses nothing; else the designer asks first (and calls ``then``)."""
        if not self.designer.has_unsaved_edits():
            return True
        self.stack.setCurrentWidget(self.designer)  # ask with the edited card in sight
        return self.designer.confirm_leave(then)

    def reload(self) -> None:
        """Find and check every template in the background, then show them."""
        if self._loading:
            return
        self._loading = True
        paths = self._context.paths

        def work(_: Any) -> Any:
            from studio.ui.cards.backend import load_gallery

            return load_gallery(paths)

        self._context.tasks.start(work, on_done=self._gallery_loaded, on_error=self._failed, name="templates")

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._context.errors.show(exc, self)

    def _gallery_loaded(self, gallery: Any) -> None:
        self._loading = False
        self.loaded = True
        self.templates = gallery.templates
        self.gallery.set_templates(gallery.templates, gallery.broken)
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.design(wanted)

    def open_designer(
        self, template: CardTemplate, contact_id: int | None = None, occasion: str | None = None
    ) -> None:
        self.designer.open_template(template, contact_id, occasion)
        self.stack.setCurrentWidget(self.designer)

    def design(self, request: tuple[str | None, int | None, str | None]) -> None:
        """Open the designer for (template id or None, contact id or None, occasion key or None)."""
        if not self.loaded:
            self._wanted = request
            return
        template_id, contact_id, occasion = request
        template = next((t for t in self.templates if t.id == template_id), None) if template_id else None
        template = template or pick_template(self.templates, occasion) or pick_template(self.templates, None)
        if template is None:
            return
        self.gallery.choose_occasion(occasion)
        self.open_designer(template, contact_id, occasion)
