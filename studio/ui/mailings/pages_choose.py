"""Wizard pages 1 and 2: who gets a card (an occasion, a tag, or people picked), and which card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from studio.ui.cards.gallery_model import ID_ROLE, OccasionFilterModel, TemplateListModel
from studio.ui.mailings.draft import PERSONAL_OCCASIONS, WizardChoices
from studio.ui.messages.verse_picker import VersePicker, pick_verse
from studio.ui.widgets import gallery_list, label
from studio.verses.library import card_occasions

if TYPE_CHECKING:
    from studio.ui.mailings.wizard import MailingWizard


class RecipientsPage(QWizardPage):
    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Who gets a card?")
        self.setSubTitle(
            "Choose the occasion, then everyone who has it, everyone with a tag, or the people you pick."
        )
        self.occasion = QComboBox()
        self.occasion.setMinimumWidth(260)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setSuffix(" days")
        self.by_occasion = QRadioButton("Everyone who has this occasion")
        self.by_tag = QRadioButton("Everyone tagged")
        self.by_people = QRadioButton("The people I pick")
        self.modes = QButtonGroup(self)
        for number, radio in enumerate((self.by_occasion, self.by_tag, self.by_people)):
            self.modes.addButton(radio, number)
        self.tag = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find people…")
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget()
        self.people.setMinimumHeight(180)
        self.picked = label("", "muted")
        self._holiday = False
        self._loading = False

        top = QGridLayout()
        top.addWidget(label("The card is for"), 0, 0)
        top.addWidget(self.occasion, 0, 1)
        self.year_label = label("Year")
        top.addWidget(self.year_label, 0, 2)
        top.addWidget(self.year, 0, 3)
        self.days_label = label("due within")
        top.addWidget(self.days_label, 0, 2)
        top.addWidget(self.days, 0, 3)
        top.setColumnStretch(4, 1)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.by_tag)
        tag_row.addWidget(self.tag, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.by_occasion)
        layout.addLayout(tag_row)
        layout.addWidget(self.by_people)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.picked)

        self.occasion.currentIndexChanged.connect(self._occasion_changed)
        self.modes.idToggled.connect(lambda *_: self._update())
        self.tag.currentIndexChanged.connect(lambda *_: self._update())
        self.people.itemChanged.connect(lambda *_: self._update())
        self.search.textChanged.connect(self._filter_people)
        self.year.valueChanged.connect(lambda *_: self._update())
        self.days.valueChanged.connect(lambda *_: self._update())

    def set_choices(self, choices: WizardChoices) -> None:
        draft = self._wizard.draft
        self._loading = True  # the widgets are filled from the draft, not the other way round
        self.occasion.blockSignals(True)
        for choice in choices.occasions:
            self.occasion.addItem(choice.name, choice.key)
            self.occasion.setItemData(self.occasion.count() - 1, choice.datable, Qt.ItemDataRole.UserRole + 1)
        self.occasion.setCurrentIndex(max(self.occasion.findData(draft.occasion), 0))
        self.occasion.blockSignals(False)
        for tag, count in choices.tags:
            self.tag.addItem(f"{tag} ({count})", tag)
        if draft.tag:
            self.tag.setCurrentIndex(max(self.tag.findData(draft.tag), 0))
        chosen = set(draft.contact_ids)
        self.people.blockSignals(True)
        for person_id, name in choices.people:
            item = QListWidgetItem(name or "(no name)")
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id in chosen else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.blockSignals(False)
        self.year.setValue(draft.year or self._wizard.today.year)
        self.days.setValue(draft.days)
        {"occasion": self.by_occasion, "tag": self.by_tag, "people": self.by_people}[draft.mode].setChecked(
            True
        )
        self._loading = False
        self._occasion_changed()

    def _occasion_changed(self, *_: object) -> None:
        datable = bool(self.occasion.currentData(Qt.ItemDataRole.UserRole + 1))
        self.by_occasion.setEnabled(datable)
        if not datable and self.by_occasion.isChecked():
            self.by_people.setChecked(True)
        key = self.occasion.currentData()
        personal = key in PERSONAL_OCCASIONS
        holiday = datable and not personal and key != "thank-you"
        self._holiday = holiday
        for widget in (self.year, self.year_label):
            widget.setVisible(holiday)
        for widget in (self.days, self.days_label):
            widget.setVisible(personal)
        self._update()

    def _filter_people(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def checked_ids(self) -> list[int]:
        return [
            self.people.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.people.count())
            if self.people.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _update(self) -> None:
        if self._loading:
            return
        draft = self._wizard.draft
        draft.occasion = self.occasion.currentData()
        draft.mode = ("occasion", "tag", "people")[max(self.modes.checkedId(), 0)]
        draft.tag = self.tag.currentData()
        draft.contact_ids = self.checked_ids()
        draft.year = self.year.value() if self._holiday else None
        draft.days = self.days.value()
        people = self.by_people.isChecked()
        self.search.setEnabled(people)
        self.people.setEnabled(people)
        self.tag.setEnabled(self.by_tag.isChecked())
        self.picked.setText(f"{len(draft.contact_ids)} chosen" if people else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        draft = self._wizard.draft
        if self._wizard.choices is None or not draft.occasion:
            return False
        if draft.mode == "tag":
            return bool(draft.tag)
        if draft.mode == "people":
            return bool(draft.contact_ids)
        return True


class CardPage(QWizardPage):
    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Which card?")
        self.setSubTitle(
            "The cards suited to the occasion come first. Add a personal message, or keep the card's own."
        )
        self.model = TemplateListModel(
            wizard.context.tasks,
            wizard.context.paths.data_dir / "cache" / "thumbnails",
            self.devicePixelRatioF() or 2.0,
        )
        self.proxy = OccasionFilterModel()
        self.proxy.setSourceModel(self.model)
        self.list = gallery_list(self.proxy, icon=QSize(200, 150), grid=QSize(190, 210))
        self.list.selectionModel().currentChanged.connect(lambda *_: self._chosen())
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText(
            "Optional: a message printed in every card instead of the card's own words."
        )
        self.message.setFixedHeight(70)
        self.message.textChanged.connect(self._chosen)
        spelling = wizard.context.spelling
        self.spelling = spelling.attach(self.message) if spelling is not None else None
        self.verse_button = QPushButton("Choose a verse…")
        self.verse_button.setToolTip("Short messages for this card's occasion, warm, fun or formal")
        self.verse_button.clicked.connect(self.choose_verse)
        title = QHBoxLayout()
        title.addWidget(label("Personal message", "sectionTitle"), 1)
        title.addWidget(self.verse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(title)
        layout.addWidget(self.message)

    def choose_verse(self) -> VersePicker:
        """The verse picker for the chosen card; Use puts the verse in the message."""
        choices = self._wizard.choices
        chosen = self._wizard.draft.template
        template = next((t for t in (choices.templates if choices else []) if t.id == chosen), None)
        occasions = card_occasions(template.occasions, template.thanks_for) if template is not None else []
        return pick_verse(self, occasions or [self._wizard.draft.occasion or ""],
                          lambda verse: self.message.setPlainText(verse.text))

    def set_choices(self, choices: WizardChoices) -> None:
        self.model.set_templates(choices.templates)
        if self._wizard.draft.message:
            self.message.setPlainText(self._wizard.draft.message)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        draft = self._wizard.draft
        self.proxy.set_occasion(draft.occasion or "")
        if self.proxy.rowCount() == 0:
            self.proxy.set_occasion("")  # nothing made for it: offer every card
        wanted = draft.template
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if wanted is None or index.data(ID_ROLE) == wanted:
                self.list.setCurrentIndex(index)
                break
        self._chosen()

    def _chosen(self) -> None:
        index = self.list.currentIndex()
        self._wizard.draft.template = index.data(ID_ROLE) if index.isValid() else None
        self._wizard.draft.message = self.message.toPlainText()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self._wizard.draft.template)
