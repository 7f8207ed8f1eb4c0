"""The pane beside the contact table: one person at a glance, the touches recorded with them
(one click records a call or a message, with Undo) and the cards they received."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from studio.cards.localized import partial_date_text
from studio.errors import StudioError
from studio.model import Address, Contact
from studio.postal.formatting import format_address
from studio.services import contacts, touches
from studio.services.orders import OrderSummary, order_summary
from studio.services.preferences import load_settings
from studio.services.session import Store
from studio.settings import Settings
from studio.touches.log import CARD, Touch
from studio.ui import style
from studio.ui.jobs import StoreThread
from studio.ui.widgets import Panel, avatar, button, label


@dataclass
class _Shown:
    contact: Contact | None
    received: list[tuple[Any, Any]]
    image: QImage
    settings: Settings
    touches: list[Touch]
    orders: OrderSummary | None = None


def _load(store: Store, contact_id: int) -> _Shown:
    contact = contacts.get_contact(store, contact_id)
    received = contacts.received_cards(store, contact_id) if contact else []
    image = QImage.fromData(contact.photo) if contact and contact.photo else QImage()
    recorded = [t for t in touches.touches_of(store, str(contact_id))[1] if t.kind != CARD] if contact else []
    bought = order_summary(store, contact_id) if contact else None
    return _Shown(contact, received, image, load_settings(store), recorded, bought)


MINIMUM_WIDTH = 200


class ContactDetail(QScrollArea):
    """Shows the selected contact; ``edit_requested`` asks the view to open the editor."""

    edit_requested = Signal()
    touched = Signal()  # a touch was recorded or taken back here: Today's lists change

    def __init__(self, store: StoreThread, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._store = store
        self.today = today
        self._shown: int | None = None
        self.setWidgetResizable(True)
        self.panel = Panel(margins=18)
        self.setWidget(self.panel)
        head = QHBoxLayout()
        self.picture = QLabel()
        self.picture.setFixedSize(64, 64)
        head.addWidget(self.picture)
        names = QVBoxLayout()
        self.name = label("", "sectionTitle", wrap=True)
        self.org = label("", "muted", wrap=True)
        names.addWidget(self.name)
        names.addWidget(self.org)
        head.addLayout(names, 1)
        self.panel.body.addLayout(head)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.body.addWidget(self.body)
        self.edit_button = button("Edit…", self.edit_requested.emit)
        self.called_button = button("Called", lambda: self._touch("call"), tooltip="Record a call today")
        self.messaged_button = button("Messaged", lambda: self._touch("message"),
                                      tooltip="Record a message today")
        self.panel.body.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        touch_row = QHBoxLayout()  # a row of their own: the pane stays as narrow as designed
        for widget in (self.called_button, self.messaged_button):
            touch_row.addWidget(widget)
        touch_row.addStretch(1)
        self.panel.body.addLayout(touch_row)
        self.undo_row = QWidget()
        undo_layout = QHBoxLayout(self.undo_row)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_text = label("", "muted", wrap=True)
        self.undo_button = button("Undo", self._undo_touch, tooltip="Take the touch back")
        undo_layout.addWidget(self.undo_text, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_row.hide()
        self.panel.body.addWidget(self.undo_row)
        self._last_touch: int | None = None  # the event id just recorded here
        self.panel.body.addStretch(1)
        self.clear()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the person shown allows (an email address does not wrap), and at
        least ``MINIMUM_WIDTH``: the pane yields to the table but never scrolls sideways."""
        hint = super().minimumSizeHint()
        content = (
            self.panel.minimumSizeHint().width()
            + 2 * self.frameWidth()
            + self.verticalScrollBar().sizeHint().width()
        )
        return QSize(max(MINIMUM_WIDTH, content), hint.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.show_contact(self._shown)  # light and dark switched: the captions' colour too

    def clear(self) -> None:
        self._shown = None
        self.picture.clear()
        self.picture.hide()
        self.name.setText("No one selected")
        self.org.setText("Pick a contact to see their details and the cards they received.")
        self.body.setText("")
        for widget in (self.edit_button, self.called_button, self.messaged_button, self.undo_row):
            widget.hide()
        self.updateGeometry()

    def show_contact(self, contact_id: int | None) -> None:
        if contact_id is None:
            self.clear()
            return
        self._shown = contact_id
        self._store.submit(lambda store: _load(store, contact_id), self._loaded)

    def _touch(self, kind: str) -> None:
        """One click: a call or a message with the contact shown, today; Undo takes it back."""
        contact_id, name = self._shown, self.name.text()
        if contact_id is None:
            return
        day = self.today()

        def recorded(event_id: int) -> None:
            self._last_touch = event_id
            self.undo_text.setText(f"{'Called' if kind == 'call' else 'Messaged'} {name} today.")
            self.undo_row.show()
            self.touched.emit()
            self.show_contact(contact_id)

        self._store.submit(lambda store: touches.record_touch(store, contact_id, kind, day), recorded)

    def _undo_touch(self) -> None:
        event_id, self._last_touch = self._last_touch, None
        self.undo_row.hide()
        if event_id is not None:
            shown = self._shown
            self._store.submit(lambda store: touches.undo_touch(store, event_id),
                               lambda _: (self.touched.emit(), self.show_contact(shown)))

    def _loaded(self, shown: _Shown) -> None:
        contact, received, image, settings = shown.contact, shown.received, shown.image, shown.settings
        if contact is None or contact.id != self._shown:
            if contact is None:
                self.clear()
            return
        self.picture.setPixmap(avatar(contact.name, 64, self.devicePixelRatioF(), image))
        self.picture.show()
        self.name.setText(contact.name or "(no name)")
        self.org.setText(" · ".join(p for p in (contact.title, contact.organization) if p))
        self.body.setText(contact_html(contact, received, home_country=settings.home_country,
                                       language=settings.language, muted=style.theme_of().muted,
                                       touches=shown.touches, orders=shown.orders))
        for widget in (self.edit_button, self.called_button, self.messaged_button):
            widget.show()
        self.updateGeometry()  # a longer address may need a wider pane


def _section(title: str, lines: list[str], muted: str) -> str:
    if not lines:
        return ""
    items = "<br/>".join(lines)
    return (
        f"<p style='margin-top:10px'><span style='color:{muted};font-weight:600'>"
        f"{html.escape(title)}</span><br/>{items}</p>"
    )


def _address_lines(address: Address, home_country: str, language: str) -> list[str]:
    """The address in its country's order (postcode after the city in the US and UK),
    reusing the envelope formatting; an unrecognised country falls back to plain lines."""
    try:
        return format_address([], address, home_country=home_country, language=language)
    except StudioError:
        return [*address.street.splitlines(),
                " ".join(p for p in (address.postal_code, address.city, address.region) if p),
                address.country]


def contact_html(contact: Contact, received: list[tuple[Any, Any]], *, home_country: str = "US",
                 language: str = "en", muted: str = style.LIGHT.muted, touches: Sequence[Touch] = (),
                 orders: OrderSummary | None = None) -> str:
    """The detail pane's text: reach, addresses, dates, tags, orders, notes, touches, cards received;
    captions and labels in ``muted`` (the theme's secondary text colour)."""
    esc = html.escape
    reach = [
        f"{esc(e.value)} <span style='color:{muted}'>{esc(e.label)}</span>" for e in contact.emails
    ]
    reach += [
        f"{esc(p.value)} <span style='color:{muted}'>{esc(p.label)}</span>" for p in contact.phones
    ]
    addresses = []
    for address in contact.addresses:
        if address.is_empty():
            continue
        lines = _address_lines(address, home_country, language)
        addresses.append("<br/>".join(esc(line) for line in lines if line.strip()))
    dates = []
    for caption, value in (
        ("Birthday", contact.birthday),
        ("Anniversary", contact.anniversary),
        ("Customer since", contact.customer_since),
    ):
        if value is not None:
            dates.append(f"{caption}: {partial_date_text(value, language)}")
    dates += [f"{esc(d.label)}: {partial_date_text(d.date, language)}" for d in contact.dates]
    if contact.spouse:
        dates.append(f"Spouse / partner: {esc(contact.spouse)}")
    for child in contact.children:
        born = f" (birthday {partial_date_text(child.birthday, language)})" if child.birthday else ""
        dates.append(f"Child: {esc(child.name)}{born}")
    if contact.pronouns:
        dates.append(f"Pronouns: {esc(contact.pronouns)}")
    if contact.gram_gender:
        dates.append(f"Addressed as: {esc(contact.gram_gender)}")
    cards = []
    for mailing, item in received[:12]:
        state = f"sent {mailing.sent_at[:10]}" if mailing.sent_at else "printed, not marked sent"
        cards.append(
            f"{esc(item.occasion)} · {esc(item.template)} <span style='color:{muted}'>"
            f"({esc(mailing.created_at[:10])}, {state})</span>"
        )
    touched = [f"{esc(t.date.isoformat())} · {esc(t.kind)}"
               + (f" <span style='color:{muted}'>{esc(t.note)}</span>" if t.note else "")
               + (f" <span style='color:{muted}'>({t.amount:.2f})</span>" if t.amount is not None else "")
               for t in touches[:12]]
    notes = [esc(line) for line in contact.notes.splitlines()]
    tags = [esc(", ".join(contact.tags))] if contact.tags else []
    return "".join(
        (
            _section("Reach", reach, muted),
            _section("Address", ["<br/><br/>".join(addresses)] if addresses else [], muted),
            _section("Dates", dates, muted),
            _section("Tags", tags, muted),
            _section("Orders", _order_lines(orders, muted), muted),
            _section("Touches", touched, muted),
            _section("Cards received", cards or ["None yet"], muted),
            _section("Notes", notes, muted),
        )
    )


RECENT_ORDERS = 5  # the page stays short: the whole list is `studio orders CONTACT`


def _order_lines(orders: OrderSummary | None, muted: str) -> list[str]:
    """What they buy: the totals and reorder date, then the latest orders, newest first."""
    if orders is None or not orders.count:
        return []
    esc = html.escape
    lines = [esc(orders.headline())]
    for order in reversed(orders.orders[-RECENT_ORDERS:]):
        amount = f" · {order.amount:.2f}" if order.amount is not None else ""
        lines.append(f"<span style='color:{muted}'>{order.date.isoformat()}</span> "
                     f"{esc(order.items or 'order')}{amount}")
    return lines
