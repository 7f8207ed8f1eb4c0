"""The Settings group for the call to action: the link a card's QR code opens, your referral
code in it, and the offer line with how long it runs (`studio.cards.offer` fills them)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from studio.services.preferences import OFFER_MAX_DAYS
from studio.settings import Settings
from studio.ui.settings.forms import SettingsGroup, line_edit


class OfferGroup(SettingsGroup):
    """Offer: ``sender.ref``, ``offer.url``, ``offer.text`` and ``offer.days``."""

    def __init__(self) -> None:
        super().__init__("Offer on the cards")
        self.ref = line_edit("your referral or distributor code (optional)")
        self.url = line_edit("https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}")
        self.url.setToolTip("The web address the card's QR code opens, filled for each card; "
                            "empty: no QR code")
        self.text = line_edit("10% off your next order until {{ offer.expires }}")
        self.days = QSpinBox()
        self.days.setRange(0, OFFER_MAX_DAYS)
        self.days.setSuffix(" days")
        self.days.setToolTip("How long the offer runs from the day the cards are posted")
        hint = QLabel("Cards with a QR code (the order thank-you) print it, and the offer under it.")
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.form.addRow("Referral code", self.ref)
        self.form.addRow("Link", self.url)
        self.form.addRow("Offer", self.text)
        self.form.addRow("Runs for", self.days)
        self.form.addRow(hint)
        self.watch(self.ref, self.url, self.text, self.days)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"sender.ref": self.ref, "offer.url": self.url, "offer.text": self.text,
                "offer.days": self.days}

    def load(self, settings: Settings) -> None:
        for edit, value in ((self.ref, settings.sender.ref), (self.url, settings.offer.url),
                            (self.text, settings.offer.text)):
            edit.blockSignals(True)
            edit.setText(value)
            edit.blockSignals(False)
        self.days.blockSignals(True)
        self.days.setValue(settings.offer.days)
        self.days.blockSignals(False)

    def apply(self, settings: Settings) -> None:
        settings.sender.ref = self.ref.text().strip()
        settings.offer.url, settings.offer.text = self.url.text().strip(), self.text.text().strip()
        settings.offer.days = self.days.value()
