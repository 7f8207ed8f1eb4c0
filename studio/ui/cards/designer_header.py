"""The designer's top rows: back to the gallery, the card's name and format, the person the
preview is for, and "Save as my card…"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from studio.ui.cards.designer_people import PeoplePicker
from studio.ui.context import AppContext
from studio.ui.widgets import ElidedLabel, button, label


class DesignerHeader(QWidget):
    """``title``, ``subtitle``, ``people`` and ``save_button``; ``back`` and ``save`` are called
    by their buttons."""

    def __init__(self, context: AppContext, back: Callable[[], None], save: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ElidedLabel("pageTitle")
        self.subtitle = ElidedLabel("pageSubtitle")
        self.people = PeoplePicker(context)
        self.save_button = button("Save as my card…", save, name="primary")
        # Two rows, so the title keeps its room on a small screen:
        #   [← All cards] Title ..................... [Save as my card…]
        #                 format ........ Preview for [person          ]
        preview_for = QHBoxLayout()
        preview_for.setSpacing(8)
        preview_for.addWidget(label("Preview for", "muted"))
        preview_for.addWidget(self.people)
        top = QGridLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.setHorizontalSpacing(12)
        top.setVerticalSpacing(4)
        top.addWidget(button("← All cards", back), 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 0, 1)
        top.addWidget(self.subtitle, 1, 1)
        top.addWidget(self.save_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        top.addLayout(preview_for, 1, 2)
        top.setColumnStretch(1, 1)
