"""Save as my card: a name for the user's own template, and whether the message goes with it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.ui.cards.backend import slug
from studio.ui.widgets import label


class SaveTemplateDialog(QDialog):
    def __init__(
        self, suggested_name: str, has_message: bool, taken_ids: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save as my card")
        self.setMinimumWidth(440)
        self._taken = taken_ids
        self.name = QLineEdit(suggested_name)
        self.name.selectAll()
        self.keep_message = QCheckBox("Make my personal message this card's own message")
        self.keep_message.setChecked(has_message)
        self.keep_message.setVisible(has_message)
        self.note = label("", "muted", wrap=True)
        form = QFormLayout()
        form.addRow("Name", self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                "Your card is saved with your templates, in the same folder format as "
                "Card Studio's own, and appears in the gallery.",
                "muted",
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.keep_message)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def template_id(self) -> str:
        return slug(self.name.text())

    def _check(self, *_: object) -> None:
        name = self.name.text().strip()
        ok = bool(name)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        if ok and self.template_id() in self._taken:
            self.note.setText(
                f"A card called “{name}” exists; saving replaces your version of it "
                "(Card Studio's own designs are never changed)."
            )
        else:
            self.note.setText("")
