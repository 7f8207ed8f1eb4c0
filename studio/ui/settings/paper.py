"""The Settings group for paper and stock: the paper size, the home country, the language
on the cards, and the default envelope and label stock."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from studio.services.preferences import (
    countries,
    language_name,
    languages,
    resolve_home_country,
    resolve_language,
)
from studio.settings import Settings
from studio.ui.settings.forms import SettingsGroup
from studio.ui.settings.pickers import CodePicker


def _stock_combo() -> QComboBox:
    """A picker of long stock names that does not ask for the longest one's width.

    The chosen name is also its tooltip, for when the field is too narrow to show all of it.
    """
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


class PaperGroup(SettingsGroup):
    """Paper size, home country, language, and the default envelope and label stock."""

    def __init__(self, language: str = "en") -> None:
        super().__init__("Paper and stock")
        self.paper = QComboBox()
        self.paper.addItem("US Letter (8½ × 11 in)", "letter")
        self.paper.addItem("A4 (210 × 297 mm)", "a4")
        # Names in the user's own language; the settings keep the codes ("DE", "de").
        self._ui_language = language
        self.home_country = CodePicker(resolve_home_country)
        self.home_country.set_choices(countries(language))
        self.home_country.lineEdit().setPlaceholderText("type to search, e.g. Germany")
        self.language = CodePicker(lambda text: resolve_language(text, language))
        self.language.set_choices(languages(language))
        self.language.lineEdit().setPlaceholderText("type to search, e.g. English")
        self.envelope = _stock_combo()
        self.labels = _stock_combo()
        for caption, widget in (
            ("Paper", self.paper),
            ("Home country", self.home_country),
            ("Language on cards", self.language),
            ("Envelope size", self.envelope),
            ("Label sheets", self.labels),
        ):
            self.form.addRow(caption, widget)
        self.watch(self.paper, self.envelope, self.labels)
        for picker in (self.home_country, self.language):
            picker.currentIndexChanged.connect(lambda *_: self.changed.emit())
            # A name half typed is not a choice yet: it counts when the field is left.
            picker.lineEdit().editingFinished.connect(self.changed.emit)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"paper": self.paper, "home_country": self.home_country, "language": self.language,
                "envelope_size": self.envelope, "label_stock": self.labels}

    def set_choices(
        self, envelopes: Sequence[tuple[str, str]], stocks: Sequence[tuple[str, str]], settings: Settings
    ) -> None:
        """Fill the stock pickers with (id, description) pairs, keeping the saved choice."""
        for combo, items, current in (
            (self.envelope, envelopes, settings.envelope_size),
            (self.labels, stocks, settings.label_stock),
        ):
            combo.blockSignals(True)
            combo.clear()
            for stock_id, text in items:
                combo.addItem(text, stock_id)
            if combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(combo.findData(current))
            combo.setToolTip(combo.currentText())
            combo.blockSignals(False)
            # The list that drops down shows the whole names, however narrow the field.
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)

    def load(self, settings: Settings) -> None:
        self.paper.blockSignals(True)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper), 0))
        self.paper.blockSignals(False)
        self.home_country.set_code(settings.home_country)
        if self.language.findData(settings.language) < 0 and settings.language:
            # A regional language saved earlier ("de_CH") stays a choice of its own.
            self.language.addItem(language_name(settings.language, self._ui_language), settings.language)
        self.language.set_code(settings.language)
        for combo, current in ((self.envelope, settings.envelope_size), (self.labels, settings.label_stock)):
            combo.blockSignals(True)
            if combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(combo.findData(current))
            combo.setToolTip(combo.currentText())
            combo.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        settings.paper = self.paper.currentData() or "letter"
        settings.home_country = self.home_country.code() or "US"
        settings.language = self.language.code() or "en"
        settings.envelope_size = self.envelope.currentData() or settings.envelope_size
        settings.label_stock = self.labels.currentData() or settings.label_stock
