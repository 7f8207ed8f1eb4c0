"""Adding, duplicating, deleting, restacking and replacing the designer's boxes and pictures.

Every change is a `PanelChange` on the designer's own undo stack: the panel as it was and
as it becomes (its text boxes, pictures and background, in order), named for Edit ▸ Undo
("Undo Delete “greeting”"). Applying one shows that panel, rebuilds its boxes on the
canvas and chooses the box the step was about, so nothing changes out of sight. What a
step does to the panel is `studio.services.designer_layout`'s; a picture the user picks
is checked and copied there too, on a pool thread.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog

from studio.cards import PanelSpec
from studio.services import designer_layout as layout
from studio.services.designer_layout import PICTURE, TEXT, ImportedPicture, Selection

if TYPE_CHECKING:
    from studio.ui.cards.designer import DesignerPage

PICTURE_FILTER = "Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"
_RESTACK_WORDS = {
    "front": "Bring “{}” to front",
    "forward": "Bring “{}” forward",
    "backward": "Send “{}” backward",
    "back": "Send “{}” to back",
}


class PanelChange(QUndoCommand):
    """A panel's boxes and pictures changed from ``before`` to ``after`` (one undoable step)."""

    def __init__(
        self,
        items: DesignerItems,
        panel: str,
        before: PanelSpec,
        after: PanelSpec,
        text: str,
        chosen: tuple[Selection | None, Selection | None],  # (before, after)
    ) -> None:
        super().__init__(text)
        self._items = items
        self.panel = panel
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)
        self.chosen = chosen

    def redo(self) -> None:
        self._items.apply_panel(self.panel, self.after, self.chosen[1])

    def undo(self) -> None:
        self._items.apply_panel(self.panel, self.before, self.chosen[0])


def _label(chosen: Selection) -> str:
    return layout.picture_label(chosen.key) if chosen.kind == PICTURE else chosen.key


class DesignerItems:
    """The designer's item commands; ``page`` is the `DesignerPage` they edit."""

    def __init__(self, page: DesignerPage) -> None:
        self._page = page
        self.file_dialog: QFileDialog | None = None  # the open "Choose a picture" dialog, if any
        self.importing = False  # a picture is being checked and copied
        page.canvas.picture_moved.connect(self._picture_moved)

    # --- what is shown ------------------------------------------------------------------

    def _card(self):  # noqa: ANN202 - CardFormat
        from studio.render.formats import card_format

        return card_format(self._page.template.format)

    def show_panel(self, *, keep_picture: bool = False) -> None:
        """Put the current panel's boxes and pictures on the canvas."""
        page = self._page
        if page.template is None:
            return
        card = self._card()
        spec = page.template.panel(page.panel)
        page.canvas.set_panel(
            card.width_mm,
            card.height_mm,
            spec.texts if spec else [],
            spec.images if spec else [],
            safe_mm=card.safe_mm,
            keep_picture=keep_picture,
        )

    def selection(self) -> Selection | None:
        """The chosen text box or picture, if any."""
        canvas = self._page.canvas
        if canvas.selected_box():
            return Selection(TEXT, canvas.selected_box())
        if canvas.selected_picture():
            return Selection(PICTURE, canvas.selected_picture())
        return None

    def apply_panel(self, panel: str, spec: PanelSpec, chosen: Selection | None) -> None:
        """Make ``panel`` hold ``spec``'s boxes and pictures and show it, ``chosen`` chosen."""
        page = self._page
        target = page.template.panel(panel) if page.template else None
        if target is None:
            return
        fresh = copy.deepcopy(spec)
        target.texts, target.images, target.background = fresh.texts, fresh.images, fresh.background
        if panel != page.panel:
            index = next((i for i in range(page.tabs.count()) if page.tabs.tabData(i) == panel), -1)
            page.tabs.setCurrentIndex(index)  # shows that panel as it is now
        else:
            self.show_panel(keep_picture=True)
        if chosen is not None:
            page.canvas.select(chosen.kind, chosen.key)
        else:
            page.canvas.select(TEXT, "")
        page.refresh()

    # --- the commands --------------------------------------------------------------------

    def _push(self, after: PanelSpec | None, text: str, chosen_after: Selection | None) -> None:
        page = self._page
        before = page.template.panel(page.panel) if page.template else None
        if before is None or after is None or after == before:
            return
        chosen = (self.selection(), chosen_after)
        page.undo_stack.push(PanelChange(self, page.panel, before, after, text, chosen))

    def _current(self) -> PanelSpec | None:
        page = self._page
        return page.template.panel(page.panel) if page.template else None

    def restore(self, panels: list[tuple[PanelSpec, PanelSpec]], message: tuple[str, str]) -> None:
        """Panels (before, after) and the message (before, after) of a kept draft, as one step."""
        from studio.ui.cards.designer_undo import MessageEdit

        page = self._page
        page.undo_stack.beginMacro("Restore unsaved changes")
        for before, after in panels:
            page.undo_stack.push(PanelChange(self, before.name, before, after, "", (None, None)))
        if message[0] != message[1]:
            page.undo_stack.push(MessageEdit(page, *message))
        page.undo_stack.endMacro()

    def has_background(self) -> bool:
        panel = self._current()
        return bool(panel and panel.images and layout.is_background(panel.images[0]))

    def add_text(self) -> None:
        panel = self._current()
        if panel is None:
            return
        card = self._card()
        after, name = layout.add_text_box(panel, card.width_mm, card.height_mm, card.safe_mm)
        self._push(after, f"Add text box “{name}”", Selection(TEXT, name))

    def duplicate(self) -> None:
        panel, chosen = self._current(), self.selection()
        if panel is None or chosen is None:
            return
        card = self._card()
        after, twin = layout.duplicate(panel, chosen, width_mm=card.width_mm, height_mm=card.height_mm)
        self._push(after, f"Duplicate “{_label(chosen)}”", twin)

    def delete(self) -> None:
        panel, chosen = self._current(), self.selection()
        if panel is None or chosen is None:
            return
        self._push(layout.delete(panel, chosen), f"Delete “{_label(chosen)}”", None)

    def restack(self, where: str) -> None:
        panel, chosen = self._current(), self.selection()
        if panel is None or chosen is None:
            return
        after = layout.restack(panel, chosen, where)
        if after is None:
            return
        moved = chosen
        if chosen.kind == PICTURE:  # an unnamed picture is known by its place, which this changes
            image = panel.images[layout.find_picture(panel, chosen.key)]
            new_index = after.images.index(image)
            moved = Selection(PICTURE, layout.picture_key(after.images[new_index], new_index))
        self._push(after, _RESTACK_WORDS[where].format(_label(chosen)), moved)

    def remove_background(self) -> None:
        panel = self._current()
        if panel is not None:
            self._push(layout.remove_background_picture(panel), "Remove background picture", None)

    def _picture_moved(self, key: str, rect: QRectF) -> None:
        panel = self._current()
        if panel is None:
            return
        after = layout.move_picture(panel, key, (rect.x(), rect.y(), rect.width(), rect.height()))
        if after is None:
            return
        index = layout.find_picture(panel, key)
        old = panel.images[index]
        _, _, w, h = layout.picture_rect(old, self._card().width_mm, self._card().height_mm)
        verb = "Move" if (round(w, 2), round(h, 2)) == (round(rect.width(), 2), round(rect.height(), 2)) \
            else "Resize"
        self._push(after, f"{verb} “{layout.picture_label(key)}”", Selection(PICTURE, key))

    # --- the user's own pictures ---------------------------------------------------------

    def choose_picture(self, purpose: str) -> None:
        """Ask for a JPEG or PNG file (without blocking), then add, replace or set the background.

        ``purpose`` is "add", "replace" or "background".
        """
        if self._page.template is None:
            return
        dialog = QFileDialog(self._page, _CHOOSE_TITLES[purpose], str(Path.home()), PICTURE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.use_picture(Path(path), purpose))
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def use_picture(self, path: Path, purpose: str) -> None:
        """Check and copy ``path`` on a pool thread, then make it the step ``purpose`` names."""
        page = self._page
        if page.template is None:
            return
        template, paths = page.template, page._context.paths
        chosen, panel_name = self.selection(), page.panel
        self.importing = True

        def done(picture: ImportedPicture) -> None:
            self.importing = False
            if page.template is not template or page.panel != panel_name:
                return  # another card or side was opened meanwhile
            template.folder = picture.folder  # the edited card's files are gathered there now
            self._picture_ready(picture, purpose, chosen)

        def failed(exc: BaseException) -> None:
            self.importing = False
            page._context.errors.show(exc, page)

        page._context.tasks.start(
            lambda _p: layout.import_picture(paths, template, path), on_done=done, on_error=failed,
            name="picture",
        )

    def _picture_ready(self, picture: ImportedPicture, purpose: str, chosen: Selection | None) -> None:
        panel = self._current()
        if panel is None:
            return
        if purpose == "replace" and chosen is not None and chosen.kind == PICTURE:
            after = layout.replace_picture(panel, chosen.key, picture)
            self._push(after, f"Replace “{_label(chosen)}”", chosen)
        elif purpose == "background":
            after, key = layout.set_background_picture(panel, picture)
            self._push(after, "Background picture", Selection(PICTURE, key))
        else:
            card = self._card()
            after, key = layout.add_picture(panel, picture, card.width_mm, card.height_mm, card.safe_mm)
            self._push(after, f"Add picture “{key}”", Selection(PICTURE, key))


_CHOOSE_TITLES = {
    "add": "Add a picture",
    "replace": "Replace the picture",
    "background": "Choose a background picture",
}
