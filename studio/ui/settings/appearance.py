"""The Settings group for how the app looks: its colours follow the desktop, or stay light
or dark (`studio.ui.appearance` applies the choice)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from studio.settings import Settings
from studio.ui.settings.forms import SettingsGroup

_CHOICES = (("System", "system"), ("Light", "light"), ("Dark", "dark"))


class AppearanceGroup(SettingsGroup):
    """Appearance: System (the desktop's light or dark), Light or Dark."""

    def __init__(self) -> None:
        super().__init__("Appearance")
        self.appearance = QComboBox()
        for text, value in _CHOICES:
            self.appearance.addItem(text, value)
        hint = QLabel("Cards and their previews stay as printed, on white paper.")
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.form.addRow("Colours", self.appearance)
        self.form.addRow(hint)
        self.watch(self.appearance)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"appearance": self.appearance}

    def load(self, settings: Settings) -> None:
        self.appearance.blockSignals(True)
        self.appearance.setCurrentIndex(max(self.appearance.findData(settings.appearance), 0))
        self.appearance.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        settings.appearance = self.appearance.currentData() or "system"
