"""The groups of the Settings page; each loads from and writes into a `Settings` value.

This module: the group base, the sender, paper and stock (the printer: `printers`).
`studio.ui.settings.schedule` has timing and holidays.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from studio.model import Address
from studio.services.preferences import (
    MAIL_SERVICE_TYPES,
    countries,
    language_name,
    languages,
    resolve_home_country,
    resolve_language,
)
from studio.settings import Settings
from studio.ui.settings.pickers import CodePicker


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


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def _set(edit: QLineEdit, text: str) -> None:
    edit.blockSignals(True)
    edit.setText(text)
    edit.blockSignals(False)


class SenderGroup(SettingsGroup):
    """Who the cards come from; a chosen signature photo is handed on to be cleaned
    (``signature_photo_chosen``) and comes back as the ink picture the cards print."""

    signature_photo_chosen = Signal(str)
    handwriting_font_chosen = Signal(str)
    own_photo_chosen = Signal(str)  # a photo of the sender, to be checked and kept

    def __init__(self) -> None:
        super().__init__("You, the sender")
        self.name, self.company = _line("e.g. Maria Lopez"), _line("optional")
        self.signature = _line("e.g. With gratitude, Maria")
        self.phone, self.email = _line(), _line()
        self.street = QPlainTextEdit()
        self.street.setFixedHeight(58)
        self.street.setPlaceholderText("Street and number")
        self.city, self.region, self.postal_code = _line(), _line(), _line("kept as typed")
        self.country = _line("e.g. United States")
        self.mailer_id = _line("USPS Intelligent Mail mailer ID (optional)")
        services = [(f"{meaning} ({code})", code) for code, meaning in MAIL_SERVICE_TYPES.items()]
        self.mail_service = _choices(services)
        self.mail_service.setToolTip("The service the Intelligent Mail barcode asks for (US mail only)")
        self.image_path = _line("a photo or scan of your signature (PNG or JPEG), cleaned into ink")
        self.image_preview = QLabel()
        self.image_preview.setFixedHeight(44)
        self.image_preview.setToolTip("The ink printed on the cards")
        self.image_preview.hide()
        self.photo_preview = QLabel()
        self.photo_preview.setFixedHeight(44)
        self.photo_preview.setToolTip("The photo it was cleaned from")
        self.photo_preview.hide()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_image)
        clear = QPushButton("Remove")
        clear.clicked.connect(lambda: self.image_path.clear())
        self.hand_font = _line("a TrueType font of your handwriting (.ttf), e.g. from Calligraphr")
        self.hand_font.setReadOnly(True)
        self.hand_note = QLabel()
        self._font_letters: dict[str, str] = {}  # font path -> the letters it varies
        self.hand_note.setWordWrap(True)
        self.hand_note.setObjectName("hint")
        choose_font = QPushButton("Choose…")
        choose_font.clicked.connect(self._choose_font)
        clear_font = QPushButton("Remove")
        clear_font.clicked.connect(lambda: self.hand_font.clear())
        self.own_photo = _line("a photo of you (JPEG or PNG) for cards with a place for it")
        self.own_photo.setReadOnly(True)
        self.own_photo_preview = QLabel()
        self.own_photo_preview.setFixedHeight(44)
        self.own_photo_preview.setToolTip("Printed on the cards with a place for your photo")
        self.own_photo_preview.hide()
        choose_photo = QPushButton("Choose…")
        choose_photo.clicked.connect(self._choose_own_photo)
        clear_photo = QPushButton("Remove")
        clear_photo.clicked.connect(lambda: self.own_photo.clear())
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(choose_photo)
        photo_buttons.addWidget(clear_photo)
        photo_buttons.addWidget(self.own_photo_preview, 1)
        self.jitter = QCheckBox("Uneven lines, different on each card")
        self.jitter.setToolTip("Each handwritten line sits a little higher or lower and a little "
                               "smaller, as no two handwritten cards are alike")
        font_buttons = QHBoxLayout()
        font_buttons.addWidget(choose_font)
        font_buttons.addWidget(clear_font)
        font_buttons.addStretch(1)
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(browse)
        image_buttons.addWidget(clear)
        image_buttons.addWidget(self.photo_preview)
        image_buttons.addWidget(self.image_preview, 1)
        for caption, widget in (
            ("Name", self.name),
            ("Company", self.company),
            ("Signature line", self.signature),
            ("Phone", self.phone),
            ("Email", self.email),
            ("Return address", self.street),
            ("City", self.city),
            ("State / region", self.region),
            ("Postal code", self.postal_code),
            ("Country", self.country),
            ("Signature image", self.image_path),
        ):
            self.form.addRow(caption, widget)
        self.form.addRow("", image_buttons)
        self.form.addRow("Handwriting font", self.hand_font)
        self.form.addRow("", font_buttons)
        self.form.addRow("", self.jitter)  # a row of its own keeps the column narrow enough for two
        self.form.addRow("", self.hand_note)
        self.form.addRow("Your photo", self.own_photo)
        self.form.addRow("", photo_buttons)
        self.form.addRow("Mailer ID", self.mailer_id)
        self.form.addRow("Mail service", self.mail_service)
        self.watch(
            self.name,
            self.company,
            self.signature,
            self.phone,
            self.email,
            self.street,
            self.city,
            self.region,
            self.postal_code,
            self.country,
            self.mailer_id,
            self.mail_service,
            self.image_path,
            self.hand_font,
            self.jitter,
            self.own_photo,
        )
        self.image_path.textChanged.connect(self._preview)
        self.own_photo.textChanged.connect(self._own_photo_preview)
        self.hand_font.textChanged.connect(self._font_note)

    @property
    def fields(self) -> dict[str, QWidget]:
        address = {"street": self.street, "city": self.city, "region": self.region,
                   "postal_code": self.postal_code, "country": self.country}
        own = {"name": self.name, "company": self.company, "signature": self.signature,
               "phone": self.phone, "email": self.email, "mailer_id": self.mailer_id,
               "imb_service": self.mail_service, "signature_image": self.image_path,
               "handwriting_font": self.hand_font, "handwriting_jitter": self.jitter,
               "photo": self.own_photo}
        return {**{f"sender.{key}": w for key, w in own.items()},
                **{f"sender.address.{key}": w for key, w in address.items()}}

    def _choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Signature image", str(Path.home()), "Images (*.png *.jpg *.jpeg)"
        )
        if path:
            self.show_photo(path)
            self.signature_photo_chosen.emit(path)

    def _choose_own_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Your photo", str(Path.home()), "Images (*.png *.jpg *.jpeg)"
        )
        if path:
            self.own_photo_chosen.emit(path)

    def _own_photo_preview(self, path: str) -> None:
        pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        self.own_photo_preview.setVisible(bool(path))
        if pixmap.isNull():
            self.own_photo_preview.setText("Card Studio cannot read this file as a picture." if path else "")
        else:
            smooth = Qt.TransformationMode.SmoothTransformation
            self.own_photo_preview.setPixmap(pixmap.scaledToHeight(40, smooth))

    def _choose_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Handwriting font", str(Path.home()), "TrueType fonts (*.ttf *.otf)"
        )
        if path:
            self.handwriting_font_chosen.emit(path)

    def _font_note(self, path: str) -> None:
        if not path:
            self.hand_note.setText("Without a font of your own, the handwriting boxes (the signature, and "
                                   "messages where a card writes them) use the bundled script face.")
        elif path in self._font_letters:
            letters = self._font_letters[path]
            self.hand_note.setText(
                f"Repeated letters change shape: {letters}." if letters else
                "This font has no alternate letter shapes: repeated letters look alike.")
        else:
            self.hand_note.setText("The handwriting boxes (the signature, and messages where a card "
                                   "writes them) use your font.")

    def show_font(self, path: str, letters: str) -> None:
        """The kept copy of a chosen font, and what it does with repeated letters."""
        self._font_letters[path] = letters
        self.hand_font.setText("")  # the same file name again must still count as a change
        self.hand_font.setText(path)

    def show_photo(self, path: str) -> None:
        """The photo as chosen, beside the ink it becomes: before and after."""
        pixmap = QPixmap(path)
        self.photo_preview.setVisible(not pixmap.isNull())
        if not pixmap.isNull():
            smooth = Qt.TransformationMode.SmoothTransformation
            self.photo_preview.setPixmap(pixmap.scaledToHeight(40, smooth))

    def _preview(self, path: str) -> None:
        pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        self.image_preview.setVisible(bool(path))
        if pixmap.isNull():
            self.image_preview.setText("Card Studio cannot read this file as a picture." if path else "")
        else:
            self.image_preview.setPixmap(
                pixmap.scaledToHeight(40, Qt.TransformationMode.SmoothTransformation)
            )

    def load(self, settings: Settings) -> None:
        s = settings.sender
        for edit, value in (
            (self.name, s.name),
            (self.company, s.company),
            (self.signature, s.signature_line),
            (self.phone, s.phone),
            (self.email, s.email),
            (self.city, s.address.city),
            (self.region, s.address.region),
            (self.postal_code, s.address.postal_code),
            (self.country, s.address.country),
            (self.mailer_id, s.mailer_id),
            (self.image_path, s.signature_image),
            (self.hand_font, s.handwriting_font),
            (self.own_photo, s.photo),
        ):
            _set(edit, value)
        self.jitter.blockSignals(True)
        self.jitter.setChecked(s.handwriting_jitter)
        self.jitter.blockSignals(False)
        self._font_note(s.handwriting_font)
        self.street.blockSignals(True)
        self.street.setPlainText(s.address.street)
        self.street.blockSignals(False)
        self.mail_service.blockSignals(True)
        self.mail_service.setCurrentIndex(max(0, self.mail_service.findData(s.imb_service)))
        self.mail_service.blockSignals(False)
        self._preview(s.signature_image)
        self._own_photo_preview(s.photo)

    def apply(self, settings: Settings) -> None:
        s = settings.sender
        s.name, s.company = self.name.text().strip(), self.company.text().strip()
        s.signature_line, s.phone = self.signature.text().strip(), self.phone.text().strip()
        s.email, s.mailer_id = self.email.text().strip(), self.mailer_id.text().strip()
        s.signature_image = self.image_path.text().strip()
        s.handwriting_font, s.handwriting_jitter = self.hand_font.text().strip(), self.jitter.isChecked()
        s.photo = self.own_photo.text().strip()
        s.imb_service = self.mail_service.currentData()
        s.address = Address(
            street=self.street.toPlainText().strip(),
            city=self.city.text().strip(),
            region=self.region.text().strip(),
            postal_code=self.postal_code.text().strip(),
            country=self.country.text().strip(),
            label="return",
        )


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


def _choices(items: Sequence[tuple[str, str]]) -> QComboBox:
    """A choice list that stays narrow (its longest text shows in the open list), so the
    settings still sit in two columns on a small screen."""
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(16)
    return box
