"""The designer's right-hand column: the personal message, the Fit report and the text box.

It scrolls on a small screen; choosing a box brings the box's words into sight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.ui.cards.box_editor import BoxEditor
from studio.ui.messages.verse_picker import VersePicker, pick_verse
from studio.ui.widgets import Panel, label


class DesignerSide(QScrollArea):
    """``message``, ``fit_label``, ``box_hint`` and ``box_editor``, in three titled panels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText(
            "Type a personal message for this card, or leave it empty to use the card's own words."
        )
        self.message.setFixedHeight(110)
        self.message.setUndoRedoEnabled(False)  # the designer's history undoes it (and names it)
        self.verse_button = QPushButton("Choose a verse…")
        self.verse_button.setToolTip("Short messages for this card's occasion, warm, fun or formal")
        self.box_editor = BoxEditor()
        self.box_hint = label(
            "Click a text box on the card to change its words, font, size, colour "
            "or alignment; drag it to move it, drag its corner to resize it.",
            "muted",
            wrap=True,
        )
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)
        self.fit_label.setTextFormat(Qt.TextFormat.RichText)

        side = QWidget()
        side.setMaximumWidth(386)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 6, 0)
        side_layout.setSpacing(12)
        for title, widgets in (
            ("Personal message", [self.message]),
            ("Fit", [self.fit_label]),
            ("Text box", [self.box_hint, self.box_editor]),
        ):
            panel = Panel(margins=14)
            heading = QHBoxLayout()
            heading.addWidget(label(title, "sectionTitle"), 1)
            if widgets[0] is self.message:
                heading.addWidget(self.verse_button)
            panel.body.addLayout(heading)
            for widget in widgets:
                panel.body.addWidget(widget)
            side_layout.addWidget(panel)
        side_layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(side)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(400)

    def choose_verse(self, occasions: list[str]) -> VersePicker:
        """The verse picker for this card's ``occasions``; Use puts the verse in the message
        (a step of the designer's history, as typing it would be)."""
        return pick_verse(self, occasions, lambda verse: self.message.setPlainText(verse.text))

    def show_box_words(self) -> None:
        """Scroll the box's words into sight (below the fold on a 1024×600 screen)."""
        self.ensureWidgetVisible(self.box_editor.text, 0, 8)
