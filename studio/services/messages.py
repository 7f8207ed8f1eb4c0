"""Use cases for a message written for each person: the sheet to fill in for a mailing's
recipients (`write_message_sheet`) and reading it back (`load_messages`); the warnings on
what it says are `studio.services.message_warnings`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from studio.cards import card_context, suggested_openings
from studio.errors import StudioError
from studio.messages.sheet import MessageRow, read_sheet, write_sheet
from studio.model import Contact
from studio.paths import AppPaths
from studio.services.mailing_plan import MailingPlan, MailingRequest, Recipient, nobody_to_mail, plan_mailing
from studio.services.occasions import occasion_names
from studio.services.photos import card_photo_problem
from studio.store import Store
from studio.store.history import Event, Mailing, MailingItem


def write_message_sheet(store: Store, paths: AppPaths | None, request: MailingRequest, today: dt.date,
                        out: Path) -> MailingPlan:
    """Write the message sheet for the recipients ``request`` would mail (as its dry run
    would choose them, in mailing order) to ``out``; returns that plan."""
    plan = plan_mailing(store, request, today, paths)
    if not plan.recipients:
        raise nobody_to_mail(plan)
    write_sheet(out, message_rows(store, plan.recipients))
    return plan


def message_rows(store: Store, recipients: Iterable[Recipient]) -> list[MessageRow]:
    """One sheet row per recipient with what the user knows of them."""
    recipients = list(recipients)
    ids = [r.contact.id for r in recipients if r.contact.id is not None]
    orders = _last_orders(store, ids)
    last = store.history.last_cards(ids)
    occasion_name = occasion_names({item.occasion for _mailing, item in last.values()})
    rows = []
    for r in recipients:
        contact = store.contacts.get(r.contact.id or 0) or r.contact
        order = orders.get(contact.id or 0)
        mailing, item = last.get(contact.id or 0, (None, None))
        rows.append(MessageRow(
            contact_id=contact.id or 0, name=contact.name, occasion=r.occasion.name,
            date=r.occasion.date.isoformat(), years="" if r.occasion.years is None else str(r.occasion.years),
            spouse=contact.spouse, children=", ".join(child.name for child in contact.children),
            last_order=order.note if order else "", last_order_date=order.date.isoformat() if order else "",
            notes=contact.notes, last_card=_card_name(mailing, item, occasion_name),
            last_card_date=(mailing.sent_at or mailing.created_at)[:10] if mailing else "",
            last_message=item.message or "" if item else "", message=r.message or ""))
    return rows


@dataclass(frozen=True)
class QueueEntry:
    """One recipient in the desktop's message queue: what is known of them, the openings
    their card suggests, and the contact to preview the card for."""

    row: MessageRow
    openings: list[str]
    contact: Contact


def message_queue(store: Store, plan: MailingPlan, today: dt.date) -> list[QueueEntry]:
    """The plan's recipients, in mailing order, ready to write a message for each."""
    settings = store.settings.load()
    entries = []
    for row, recipient in zip(message_rows(store, plan.recipients), plan.recipients, strict=True):
        contact = store.contacts.get(recipient.contact.id or 0) or recipient.contact  # with the photo
        card = card_context(contact, settings, today=today, kind=plan.occasion_key,
                            occasion=recipient.occasion)
        entries.append(QueueEntry(row, suggested_openings(plan.template, card), contact))
    return entries


@dataclass(frozen=True)
class SheetChoices:
    """What a filled-in sheet asks for: messages and photos, by contact id, in its order."""

    messages: dict[int, str]
    photos: dict[int, Path]


def load_messages(store: Store, path: Path) -> SheetChoices:
    """The messages and photos on the sheet at ``path``.

    Raises `StudioError` naming the file and line for a malformed sheet, a contact id that
    is not in the address book, or a photo that cannot be printed. A relative photo path
    is read from the sheet's folder.
    """
    messages: dict[int, str] = {}
    photos: dict[int, Path] = {}
    for entry in read_sheet(path):
        if store.contacts.get(entry.contact_id) is None:
            raise StudioError(f"{path}, line {entry.line}: there is no contact {entry.contact_id} "
                              "in the address book (see `studio contacts`)")
        if entry.text:
            messages[entry.contact_id] = entry.text
        if entry.photo:
            photo = Path(entry.photo).expanduser()
            photo = photo if photo.is_absolute() else path.parent / photo
            problem = card_photo_problem(photo)
            if problem:
                raise StudioError(f"{path}, line {entry.line}: the photo {entry.photo} {problem}")
            photos[entry.contact_id] = photo
    return SheetChoices(messages, photos)


def _last_orders(store: Store, contact_ids: list[int]) -> dict[int, Event]:
    wanted = set(contact_ids)
    last: dict[int, Event] = {}
    for event in store.history.events():  # oldest first: later orders replace earlier ones
        if event.kind == "order" and event.contact_id in wanted:
            last[event.contact_id] = event
    return last


def _card_name(mailing: Mailing | None, item: MailingItem | None, occasion_name: Mapping[str, str]) -> str:
    """E.g. "Christmas 2026 (holiday-snow)"."""
    if mailing is None or item is None:
        return ""
    year = f" {mailing.year}" if mailing.year else ""
    return f"{occasion_name.get(item.occasion, item.occasion)}{year} ({item.template})"
