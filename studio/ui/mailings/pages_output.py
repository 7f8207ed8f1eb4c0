"""Wizard page 3: envelopes of a size, or a label sheet with the first free label clicked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from studio.ui.mailings.draft import WizardChoices
from studio.ui.mailings.sheet_diagram import SheetDiagram
from studio.ui.widgets import label

if TYPE_CHECKING:
    from studio.ui.mailings.wizard import MailingWizard


class OutputPage(QWizardPage):
    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._stocks: dict[str, object] = {}
        self.setTitle("Envelopes or labels?")
        self.setSubTitle(
            "Print the addresses straight onto envelopes, or onto a sheet of address labels. "
            "Cards, envelopes and labels come out in the same order."
        )
        self.envelopes = QRadioButton("Envelopes")
        self.labels = QRadioButton("Address labels")
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.envelopes, 0)
        self.kind.addButton(self.labels, 1)
        self.envelope = QComboBox()
        self.stock = QComboBox()
        self.start = QSpinBox()
        self.start.setRange(1, 1)
        self.start.setToolTip("Labels before this one on the first sheet are already used and stay blank")
        self.diagram = SheetDiagram()
        self.order = QComboBox()
        self.order.addItem("By name", "name")
        self.order.addItem("By postal code (for presorted mail)", "postal")

        envelope_box = QGroupBox()
        envelope_form = QFormLayout(envelope_box)
        envelope_form.addRow(self.envelopes)
        envelope_form.addRow("Size", self.envelope)
        self.envelope_note = label("", "muted", wrap=True)
        envelope_form.addRow(self.envelope_note)
        labels_box = QGroupBox()
        labels_row = QHBoxLayout(labels_box)
        labels_form = QFormLayout()
        labels_form.addRow(self.labels)
        labels_form.addRow("Sheet", self.stock)
        labels_form.addRow("Start at label", self.start)
        labels_form.addRow(
            label(
                "On a sheet you used before, click the first free label in the "
                "drawing: the ones before it stay blank.",
                "muted",
                wrap=True,
            )
        )
        holder = QWidget()
        holder.setLayout(labels_form)
        labels_row.addWidget(holder, 1)
        labels_row.addWidget(self.diagram)
        order_row = QHBoxLayout()
        order_row.addWidget(label("Order"))
        order_row.addWidget(self.order)
        order_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(envelope_box)
        layout.addWidget(labels_box, 1)
        layout.addLayout(order_row)

        self.kind.idToggled.connect(lambda *_: self._update())
        self.envelope.currentIndexChanged.connect(lambda *_: self._update())
        self.stock.currentIndexChanged.connect(self._stock_changed)
        self.start.valueChanged.connect(self.diagram.set_start)
        self.diagram.start_changed.connect(self.start.setValue)
        self.start.valueChanged.connect(lambda *_: self._update())
        self.order.currentIndexChanged.connect(lambda *_: self._update())

    def set_choices(self, choices: WizardChoices) -> None:
        """Fill the lists and preselect: the draft's envelope, sheet and order when it has
        them (chosen last time), else the defaults from Settings."""
        draft = self._wizard.draft
        # Filling the lists moves their current item, which would write the first entry into
        # the draft: read the draft first and keep the lists quiet until all is set.
        envelopes = (draft.envelope, choices.default_envelope)
        stocks = (draft.stock, choices.default_stock)
        output, start, order = draft.output, draft.start, draft.order
        quiet = [QSignalBlocker(widget) for widget in (self.envelope, self.stock, self.order, self.kind)]
        for envelope_id, caption in choices.envelopes:
            self.envelope.addItem(caption, envelope_id)
        for sheet in choices.stocks:
            self._stocks[sheet.id] = sheet
            self.stock.addItem(
                f"{sheet.brand} {sheet.part} — {sheet.nx}×{sheet.ny} on {sheet.paper.upper()}", sheet.id
            )
        _preselect(self.envelope, envelopes)
        _preselect(self.stock, stocks)
        self.order.setCurrentIndex(max(self.order.findData(order), 0))
        (self.labels if output == "labels" else self.envelopes).setChecked(True)
        for blocker in quiet:
            blocker.unblock()
        self._stock_changed()  # the drawing and the last label of the sheet, then the draft
        self.start.setValue(start)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Offer only the envelopes the chosen card goes in; when the one chosen before does
        not take it (a 5×7 card and Settings' A2), take the smallest that does, and say so."""
        choices, draft = self._wizard.choices, self._wizard.draft
        fitting = choices.fitting_envelopes.get(draft.template or "", []) if choices else []
        if not fitting:
            return
        model = self.envelope.model()
        for row in range(self.envelope.count()):
            model.item(row).setEnabled(self.envelope.itemData(row) in fitting)  # type: ignore[attr-defined]
        before = self.envelope.currentData()
        if before not in fitting:
            self.envelope.setCurrentIndex(self.envelope.findData(fitting[0]))
            chosen = _short(self.envelope.currentText())
            self.envelope_note.setText(
                f"These cards do not fit {_short(self.envelope.itemText(self.envelope.findData(before)))} "
                f"envelopes: {chosen} chosen, the smallest they fit."
                if before
                else f"{chosen}: the smallest envelope these cards fit."
            )
        else:
            self.envelope_note.setText("")

    def _stock_changed(self, *_: object) -> None:
        stock = self._stocks.get(self.stock.currentData())
        self.diagram.set_stock(stock)  # type: ignore[arg-type]
        self.start.setMaximum(stock.per_sheet if stock is not None else 1)  # type: ignore[attr-defined]
        self._update()

    def _update(self) -> None:
        draft = self._wizard.draft
        labels = self.labels.isChecked()
        draft.output = "labels" if labels else "envelopes"
        draft.envelope = self.envelope.currentData()
        draft.stock = self.stock.currentData()
        draft.start = self.start.value()
        draft.order = self.order.currentData() or "name"
        for widget in (self.stock, self.start, self.diagram):
            widget.setEnabled(labels)
        self.envelope.setEnabled(not labels)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        draft = self._wizard.draft
        return bool(draft.stock if draft.output == "labels" else draft.envelope)


def _short(caption: str) -> str:
    """ "A7 (5 1/4 x 7 1/4 in), for 5 x 7 in cards" → "A7"."""
    return caption.split(" (")[0]


def _preselect(combo: QComboBox, wanted: tuple[str | None, ...]) -> None:
    """Make the first of ``wanted`` that ``combo`` offers current (else its first item)."""
    found = (combo.findData(value) for value in wanted if value)
    combo.setCurrentIndex(next((index for index in found if index >= 0), 0))
