"""Save as my card: a name for the user's own template, and whether the message goes with it.

Where the card goes is `studio.services.cards.choose_template_id`'s decision, made
against the templates that exist (read before the dialog opens); the dialog only says
what saving will do: replace one of the user's cards of that name, or keep Card
Studio's own card of that id and save beside it.
"""

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

from studio.services.cards import SaveChoice, TakenTemplates, choose_template_id
from studio.ui.widgets import label


class SaveTemplateDialog(QDialog):
    def __init__(
        self,
        suggested_name: str,
        has_message: bool,
        taken: TakenTemplates,
        based_on: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save as my card")
        self.setMinimumWidth(440)
        self._taken = taken
        self._based_on = based_on
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

    def choice(self) -> SaveChoice:
        """Where saving under the typed name goes (see `choose_template_id`)."""
        return choose_template_id(self.name.text(), self._taken, based_on=self._based_on)

    def template_id(self) -> str:
        return self.choice().template_id

    def _check(self, *_: object) -> None:
        name = self.name.text().strip()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(name))
        choice = self.choice() if name else None
        replaces = choice.replaces if choice is not None else None
        bundled = choice.bundled if choice is not None else None
        save.setText("Replace" if replaces else "Save")
        # A rule of the app's stylesheet, so the colour follows a switch to dark.
        self.note.setObjectName("warningText" if replaces else "muted")
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)
        if replaces:
            self.note.setText(
                f"You already have a card called “{replaces}”: saving replaces it. "
                "Choose another name to keep both."
            )
        elif bundled:
            self.note.setText(
                f"Saved as a card of your own: Card Studio's “{bundled}” stays in the gallery too."
            )
        else:
            self.note.setText("")
