"""The Settings group for the sender: who the cards come from, the return address, the
signature picture, the handwriting font, the sender's photo and the Intelligent Mail
mailer ID."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from studio.model import Address
from studio.services.preferences import MAIL_SERVICE_TYPES
from studio.settings import Settings
from studio.ui.settings.forms import SettingsGroup, line_edit, narrow_choices, set_text_quietly

_IMAGES = "Images (*.png *.jpg *.jpeg)"


def _chosen_file(parent: QWidget, title: str, kinds: str) -> str:
    """The file the user picks, starting in their home folder; "" when they cancel."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), kinds)
    return path


def _file_buttons(choose: Callable[[], None], field: QLineEdit) -> QHBoxLayout:
    """ "Choose…" (``choose`` asks for the file) and "Remove" (empties ``field``), in a row
    the caller adds the file's preview to."""
    row = QHBoxLayout()
    browse = QPushButton("Choose…")
    browse.clicked.connect(choose)
    remove = QPushButton("Remove")
    remove.clicked.connect(lambda: field.clear())
    row.addWidget(browse)
    row.addWidget(remove)
    return row


def _picture_preview(tooltip: str) -> QLabel:
    """A small picture beside its field, hidden until there is a file to show."""
    preview = QLabel()
    preview.setFixedHeight(44)
    preview.setToolTip(tooltip)
    preview.hide()
    return preview


def _show_picture(preview: QLabel, path: str) -> None:
    """The picture at ``path`` in ``preview``, or why it cannot be shown; hidden without a path."""
    pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
    preview.setVisible(bool(path))
    if pixmap.isNull():
        preview.setText("Card Studio cannot read this file as a picture." if path else "")
    else:
        preview.setPixmap(pixmap.scaledToHeight(40, Qt.TransformationMode.SmoothTransformation))


class SenderGroup(SettingsGroup):
    """Who the cards come from; a chosen signature photo is handed on to be cleaned
    (``signature_photo_chosen``) and comes back as the ink picture the cards print."""

    signature_photo_chosen = Signal(str)
    handwriting_font_chosen = Signal(str)
    own_photo_chosen = Signal(str)  # a photo of the sender, to be checked and kept

    def __init__(self) -> None:
        super().__init__("You, the sender")
        self.name, self.company = line_edit("e.g. Maria Lopez"), line_edit("optional")
        self.signature = line_edit("e.g. With gratitude, Maria")
        self.phone, self.email = line_edit(), line_edit()
        self.street = QPlainTextEdit()
        self.street.setFixedHeight(58)
        self.street.setPlaceholderText("Street and number")
        self.city, self.region, self.postal_code = line_edit(), line_edit(), line_edit("kept as typed")
        self.country = line_edit("e.g. United States")
        self.mailer_id = line_edit("USPS Intelligent Mail mailer ID (optional)")
        services = [(f"{meaning} ({code})", code) for code, meaning in MAIL_SERVICE_TYPES.items()]
        self.mail_service = narrow_choices(services)
        self.mail_service.setToolTip("The service the Intelligent Mail barcode asks for (US mail only)")
        self.image_path = line_edit("a photo or scan of your signature (PNG or JPEG), cleaned into ink")
        self.image_preview = _picture_preview("The ink printed on the cards")
        self.photo_preview = _picture_preview("The photo it was cleaned from")
        self.hand_font = line_edit("a TrueType font of your handwriting (.ttf), e.g. from Calligraphr")
        self.hand_font.setReadOnly(True)
        self.hand_note = QLabel()
        self._font_letters: dict[str, str] = {}  # font path -> the letters it varies
        self.hand_note.setWordWrap(True)
        self.hand_note.setObjectName("hint")
        self.own_photo = line_edit("a photo of you (JPEG or PNG) for cards with a place for it")
        self.own_photo.setReadOnly(True)
        self.own_photo_preview = _picture_preview("Printed on the cards with a place for your photo")
        photo_buttons = _file_buttons(self._choose_own_photo, self.own_photo)
        photo_buttons.addWidget(self.own_photo_preview)
        photo_buttons.addStretch(1)  # the buttons keep their size while the preview is hidden
        self.jitter = QCheckBox("Uneven lines, different on each card")
        self.jitter.setToolTip("Each handwritten line sits a little higher or lower and a little "
                               "smaller, as no two handwritten cards are alike")
        font_buttons = _file_buttons(self._choose_font, self.hand_font)
        font_buttons.addStretch(1)
        image_buttons = _file_buttons(self._choose_image, self.image_path)
        image_buttons.addWidget(self.photo_preview)
        image_buttons.addWidget(self.image_preview)
        image_buttons.addStretch(1)
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
        path = _chosen_file(self, "Signature image", _IMAGES)
        if path:
            self.show_photo(path)
            self.signature_photo_chosen.emit(path)

    def _choose_own_photo(self) -> None:
        path = _chosen_file(self, "Your photo", _IMAGES)
        if path:
            self.own_photo_chosen.emit(path)

    def _own_photo_preview(self, path: str) -> None:
        _show_picture(self.own_photo_preview, path)

    def _choose_font(self) -> None:
        path = _chosen_file(self, "Handwriting font", "TrueType fonts (*.ttf *.otf)")
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
        _show_picture(self.image_preview, path)

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
            set_text_quietly(edit, value)
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
