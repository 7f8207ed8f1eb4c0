"""The turn-the-stack dialog: shown after the outsides of a manual two-sided run have printed,
with a picture of how this printer profile's stack goes back in, then Print the insides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from studio.model import PrinterProfile
from studio.printing.manual_duplex import turn_steps
from studio.ui.printer_pictures import StackTurnPicture
from studio.ui.widgets import label


class ManualDuplexDialog(QDialog):
    """Accepted: print the insides now; rejected: not now (the insides PDF stays in its folder)."""

    def __init__(self, outside: Path, inside: Path, profile: PrinterProfile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Turn the stack")
        self.steps = turn_steps(outside, inside, profile)
        layout = QVBoxLayout(self)
        layout.addWidget(label("The outsides are printing. Then turn the stack", "sectionTitle"))
        layout.addWidget(label(f"Printer profile: {profile.name}", "muted"))
        self.picture = StackTurnPicture()
        self.picture.set_profile(profile)
        layout.addWidget(self.picture)
        self.text = label("\n".join(self.steps.after_outsides()), wrap=True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton("Print the insides", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(620, max(440, self.picture.sizeHint().width())))
