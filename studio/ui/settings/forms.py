"""The base of the Settings page's groups, and the small fields they share.

Each group (`SettingsGroup`) loads from and writes into a `Settings` value: the sender
(`sender`), paper and stock (`paper`), the printer (`printers`), timing and holidays
(`schedule`), the offer (`offer`), the appearance (`appearance`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from studio.settings import Settings


class SettingsGroup(QGroupBox):
    """A titled group of fields; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setVerticalSpacing(9)
        self.form.setHorizontalSpacing(14)

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            for signal in ("textChanged", "valueChanged", "currentIndexChanged", "itemChanged", "toggled"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_: self.changed.emit())
                    break

    def field_for(self, name: str) -> QWidget | None:
        """The widget that edits the dotted setting ``name``, when this group has it."""
        return self.fields.get(name)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {}

    def load(self, settings: Settings) -> None:
        raise NotImplementedError

    def apply(self, settings: Settings) -> None:
        raise NotImplementedError


def line_edit(placeholder: str = "") -> QLineEdit:
    """A one-line text field showing ``placeholder`` while empty."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def set_text_quietly(edit: QLineEdit, text: str) -> None:
    """Show ``text`` in ``edit`` without firing ``textChanged`` (loading is no edit)."""
    edit.blockSignals(True)
    edit.setText(text)
    edit.blockSignals(False)


def narrow_choices(items: Sequence[tuple[str, str]]) -> QComboBox:
    """A choice list that stays narrow (its longest text shows in the open list), so the
    settings still sit in two columns on a small screen."""
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(16)
    return box
