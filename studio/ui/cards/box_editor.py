"""The properties of the selected text box: its words, font, size, colour, alignment, place.

The words are edited in `rich_editor.RichTextField`, whose toolbar row also holds this
box's size and alignment (they belong to the whole box, so they are the box's fields,
not a second copy of them)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QWidget,
)

from studio.cards import TextSpec
from studio.ui import icons
from studio.ui.cards.rich_editor import RichTextField
from studio.ui.widgets import number_field

FONTS = (
    ("serif", "Serif (EB Garamond)"),
    ("sans", "Sans (DejaVu Sans)"),
    ("script", "Script (Dancing Script)"),
    ("handwriting", "Your handwriting (Settings ▸ Sender)"),
)
ALIGNS = (("left", "Left"), ("center", "Centre"), ("right", "Right"), ("justify", "Justify"))
VALIGNS = (("top", "Top"), ("middle", "Middle"), ("bottom", "Bottom"))


def _choose(combo: QComboBox, key: str) -> None:
    """Show ``key`` in ``combo``, adding it when the list does not have it (a hand-written template)."""
    index = combo.findData(key)
    if index < 0:
        combo.addItem(key, key)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def _spin(low: float, high: float, step: float, suffix: str) -> QDoubleSpinBox:
    spin = number_field(low, high, step, suffix)  # two decimals: templates place boxes to 0.01 mm
    spin.setProperty("unit", suffix)  # taken off while no box is selected (an empty field)
    spin.setKeyboardTracking(False)
    spin.setMinimumWidth(64)  # two sit side by side in a narrow column
    return spin


class BoxEditor(QWidget):
    """Edits one `TextSpec`; ``edited`` carries the changed copy (the designer keeps it).

    ``stepped`` carries a copy changed by a named step of its own (Bold, Insert field…)
    with that step's name; ``edited`` is for everything else (typing merges into one step).
    """

    edited = Signal(object)
    stepped = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: TextSpec | None = None
        self.text = RichTextField()
        self.font_choice = QComboBox()
        for key, name in FONTS:
            self.font_choice.addItem(name, key)
        self.size = _spin(4, 120, 0.5, " pt")
        self.size.setToolTip("Text size")
        self.min_size = _spin(4, 120, 0.5, " pt")
        self.min_size.setToolTip("Text shrinks down to this size to fit; below it, the box is flagged")
        self.colour = QPushButton()
        self.colour.setToolTip("Text colour")
        self.colour.clicked.connect(self._choose_colour)
        self.align = QButtonGroup(self)
        align_row = self.text.box_row  # on the words' toolbar, beside bold and colour
        align_row.addWidget(self.size)
        align_row.addSpacing(4)
        for index, (key, name) in enumerate(ALIGNS):
            tool = QToolButton()
            tool.setObjectName("flat")
            tool.setIcon(icons.icon(f"align-{key}"))  # teal when chosen, in the theme of the moment
            tool.setIconSize(QSize(16, 16))
            tool.setToolTip(f"Align {name.lower()}")
            tool.setCheckable(True)
            tool.setProperty("align", key)
            self.align.addButton(tool, index)
            align_row.addWidget(tool)
        self.valign = QComboBox()
        for key, name in VALIGNS:
            self.valign.addItem(name, key)
        self.x, self.y = _spin(0, 500, 0.5, " mm"), _spin(0, 500, 0.5, " mm")
        self.width, self.height = _spin(4, 500, 0.5, " mm"), _spin(4, 500, 0.5, " mm")
        place = QHBoxLayout()
        for spin in (self.x, self.y):
            place.addWidget(spin)
        size_row = QHBoxLayout()
        for spin in (self.width, self.height):
            size_row.addWidget(spin)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.text)
        form.addRow("Font", self.font_choice)
        form.addRow("Smallest size", self.min_size)
        form.addRow("Colour", self.colour)
        form.addRow("Vertical", self.valign)
        form.addRow("Left, top", place)
        form.addRow("Width, height", size_row)

        self.text.changed.connect(self._words_changed)
        self.font_choice.currentIndexChanged.connect(self._changed)
        self.valign.currentIndexChanged.connect(self._changed)
        self.align.idClicked.connect(self._changed)
        for spin in (self.size, self.min_size, self.x, self.y, self.width, self.height):
            spin.valueChanged.connect(self._changed)
        self.setEnabled(False)

    def text_fields(self) -> list[QWidget]:
        """The fields that would otherwise keep an undo history of their own (Ctrl+Z)."""
        return self.text.text_fields() + [self.size, self.min_size, self.x, self.y, self.width, self.height]

    def spec(self) -> TextSpec | None:
        return self._spec

    def show_box(self, spec: TextSpec | None) -> None:
        """Show every value of ``spec`` without announcing an edit; None empties and disables all.

        Every field is set from ``spec`` (none is left as the previous box had it), and a
        font or alignment the lists do not offer is shown as it is, not as the first entry.
        """
        self._spec = dataclasses.replace(spec) if spec is not None else None
        self.setEnabled(spec is not None)
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.text,
                self.font_choice,
                self.valign,
                self.size,
                self.min_size,
                self.x,
                self.y,
                self.width,
                self.height,
            )
        ]
        if spec is None:
            self._show_nothing()
            del blockers
            return
        self.text.set_source(spec.text)
        _choose(self.font_choice, spec.font)
        _choose(self.valign, spec.valign)
        for spin, value in (
            (self.size, spec.size),
            (self.min_size, spec.min_size),
            (self.x, spec.x),
            (self.y, spec.y),
            (self.width, spec.width),
            (self.height, spec.height),
        ):
            spin.setSuffix(spin.property("unit"))
            spin.setValue(value)
        self._check_align(spec.align)
        self._show_colour(spec.color)
        del blockers

    def _show_nothing(self) -> None:
        """No box selected: no field shows a value (a box's values belong to that box)."""
        self.text.clear_box()
        self.font_choice.setCurrentIndex(-1)
        self.valign.setCurrentIndex(-1)
        for spin in (self.size, self.min_size, self.x, self.y, self.width, self.height):
            spin.setSuffix("")
            spin.clear()
        self._check_align("")
        self.colour.setText("")
        self.colour.setStyleSheet("")

    def _check_align(self, align: str) -> None:
        # An exclusive group always keeps one button checked; "none checked" needs it off a moment.
        self.align.setExclusive(False)
        for button in self.align.buttons():
            button.setChecked(button.property("align") == align)
        self.align.setExclusive(True)

    def _show_colour(self, colour: str) -> None:
        self.colour.setText(colour)
        text = "#ffffff" if QColor(colour).lightness() < 140 else "#23313a"
        self.colour.setStyleSheet(f"QPushButton {{ background: {colour}; color: {text}; }}")

    def _choose_colour(self) -> None:
        if self._spec is None:
            return
        chosen = QColorDialog.getColor(QColor(self._spec.color), self, "Text colour")
        if chosen.isValid():
            self._spec.color = chosen.name()
            self._show_colour(self._spec.color)
            self.edited.emit(dataclasses.replace(self._spec))

    def set_colour(self, colour: str) -> None:
        """Set the colour as if chosen in the colour dialog."""
        if self._spec is not None:
            self._spec.color = QColor(colour).name()
            self._show_colour(self._spec.color)
            self.edited.emit(dataclasses.replace(self._spec))

    def _words_changed(self, source: str, step: str) -> None:
        if self._spec is None:
            return
        if not step:
            self._changed()
            return
        self._spec.text = source
        self.stepped.emit(dataclasses.replace(self._spec), step)

    def _changed(self, *_: object) -> None:
        spec = self._spec
        if spec is None:
            return
        spec.text = self.text.source()
        spec.font = self.font_choice.currentData()
        spec.valign = self.valign.currentData()
        spec.size = self.size.value()
        spec.min_size = min(self.min_size.value(), spec.size)
        checked = self.align.checkedButton()
        if checked is not None:
            spec.align = checked.property("align")
        spec.x, spec.y = self.x.value(), self.y.value()
        spec.width, spec.height = self.width.value(), self.height.value()
        self.edited.emit(dataclasses.replace(spec))
