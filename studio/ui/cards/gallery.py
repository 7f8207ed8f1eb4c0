"""The gallery of card templates: thumbnails, filter by occasion, open one in the designer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from studio.cards import CardTemplate
from studio.ui import icons
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

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
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

        self.header = PageHeader(
            "Cards",
            "Pick a card to see it for one of your contacts and make it yours.",
            [button("Open in designer", self._open_current, name="primary")],
        )
        filters = QHBoxLayout()
        filters.addWidget(label("Show cards for", "muted"))
        filters.addWidget(self.occasion)
        filters.addStretch(1)
        filters.addWidget(self.problems_button)

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
        page_layout(self, self.header, filters, self.stack)

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
        self.problems_button.setText(f"{len(broken)} problem(s) in your own templates…")
        self.stack.setCurrentWidget(self.list if templates else self.empty)

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
