"""The designer's toolbar and the canvas's right-click menu: one set of actions for both.

Shortcuts that edit the card (Delete, Ctrl+D, the layer keys) belong to the canvas only,
so Delete in a text field still deletes a letter; the zoom keys work anywhere in the
designer. The toolbar folds what does not fit behind its » button on a small screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton, QWidget

from studio.ui.cards.canvas import PanelCanvas
from studio.ui.cards.designer_items import DesignerItems

if TYPE_CHECKING:
    from studio.ui.cards.designer import DesignerPage


class DesignerToolbar(QToolBar):
    """Add / Duplicate / Delete / Arrange / Picture; ``zoom_bar`` holds the zoom (−, +, 100 %, Fit)."""

    def __init__(self, items: DesignerItems, canvas: PanelCanvas, page: DesignerPage) -> None:
        super().__init__()
        self.setObjectName("designerToolbar")
        self.setIconSize(QSize(16, 16))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._items, self._canvas = items, canvas
        self.last_menu: QMenu | None = None  # the right-click menu shown last
        zoom = canvas.zoom

        def action(text: str, slot, keys: list[str] | None = None, owner: QWidget | None = None,  # noqa: ANN001
                   tip: str = "") -> QAction:
            made = QAction(text, page)
            made.triggered.connect(lambda _checked=False: slot())
            if keys:
                made.setShortcuts([QKeySequence(k) for k in keys])
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                (owner or canvas).addAction(made)
            made.setToolTip(tip or text)
            return made

        self.add_text = action("Add text box", items.add_text, tip="Add a text box to this side of the card")
        self.add_picture = action("Add picture…", lambda: items.choose_picture("add"),
                                  tip="Add a picture of your own (JPEG or PNG)")
        self.duplicate = action("Duplicate", items.duplicate, ["Ctrl+D"])
        self.delete = action("Delete", items.delete, ["Delete", "Backspace"])
        self.front = action("Bring to front", lambda: items.restack("front"), ["Ctrl+Shift+]"])
        self.forward = action("Bring forward", lambda: items.restack("forward"), ["Ctrl+]"])
        self.backward = action("Send backward", lambda: items.restack("backward"), ["Ctrl+["])
        self.back = action("Send to back", lambda: items.restack("back"), ["Ctrl+Shift+["])
        self.replace = action("Replace picture…", lambda: items.choose_picture("replace"),
                              tip="Show a picture of your own in the chosen picture's place")
        self.background = action("Background picture…", lambda: items.choose_picture("background"),
                                 tip="Cover this side of the card with a picture of your own")
        self.no_background = action("Remove background picture", items.remove_background,
                                    tip="Take this side's background picture away (its colour shows)")
        self.zoom_out = action("−", zoom.zoom_out, ["Ctrl+-"], page, "Zoom out (Ctrl+minus, Ctrl+wheel)")
        self.zoom_in = action("+", zoom.zoom_in, ["Ctrl++", "Ctrl+="], page,
                              "Zoom in (Ctrl+plus, Ctrl+wheel)")
        self.real_size = action("100 %", zoom.real_size, tip="The card at its real size on this screen")
        self.fit = action("Fit", zoom.fit, ["Ctrl+0"], page, "The whole side of the card (Ctrl+0)")

        self._menu_button("Add", [self.add_text, self.add_picture])
        self.addAction(self.duplicate)
        self.addAction(self.delete)
        self._menu_button("Arrange", [self.front, self.forward, self.backward, self.back])
        self._menu_button("Picture", [self.replace, self.background, self.no_background])
        # The zoom sits under the canvas, beside the status line: on a small screen the edit
        # row above the canvas has no room left for it.
        self.zoom_bar = QToolBar()
        self.zoom_bar.setObjectName("designerZoom")
        self.zoom_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.zoom_bar.addAction(self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("muted")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_bar.addWidget(self.zoom_label)
        self.zoom_bar.addAction(self.zoom_in)
        self.zoom_bar.addAction(self.real_size)
        self.zoom_bar.addAction(self.fit)

        canvas.box_selected.connect(lambda _name: self.update_state())
        page.undo_stack.indexChanged.connect(lambda _index: self.update_state())
        page.tabs.currentChanged.connect(lambda _index: self.update_state())
        canvas.menu_requested.connect(self.show_menu)
        zoom.changed.connect(self._show_zoom)
        self.update_state()
        self._show_zoom()

    def _menu_button(self, text: str, actions: list[QAction]) -> QToolButton:
        menu = QMenu(text, self)
        menu.addActions(actions)
        button = QToolButton()
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addWidget(button)
        return button

    def update_state(self) -> None:
        """Enable what applies to the chosen box (nothing chosen: only adding)."""
        chosen = self._items.selection()
        for action in (self.duplicate, self.delete, self.front, self.forward, self.backward, self.back):
            action.setEnabled(chosen is not None)
        self.replace.setEnabled(chosen is not None and chosen.kind == "picture")
        self.no_background.setEnabled(self._items.has_background())

    def _show_zoom(self) -> None:
        zoom = self._canvas.zoom
        self.zoom_label.setText(f"{zoom.percent()} %")
        self.fit.setCheckable(True)
        self.fit.setChecked(zoom.fitting)

    def context_menu(self) -> QMenu:
        """The right-click menu for what is chosen on the canvas."""
        self.update_state()
        menu = QMenu(self)
        if self._items.selection() is not None:
            menu.addActions([self.duplicate, self.delete])
            menu.addSeparator()
            menu.addActions([self.front, self.forward, self.backward, self.back])
            menu.addSeparator()
            if self.replace.isEnabled():
                menu.addAction(self.replace)
        menu.addActions([self.add_text, self.add_picture, self.background])
        return menu

    def show_menu(self, where: QPoint) -> None:
        self.last_menu = self.context_menu()
        self.last_menu.popup(where)
