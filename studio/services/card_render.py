"""Cards to files: a PDF of a batch for chosen contacts, a PNG preview of one card.

`render_for_contacts` is `studio render` (and a mailing's cards); `preview_png` is
`studio preview`. Templates, the sample card and the warnings come from
`studio.services.cards`; contacts from the store, the sender and language from the stored
settings; ``today`` is always passed in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import (
    OccasionDating,
    TemplateError,
    card_context,
    describe_missing,
    fill_card,
    missing_fields,
)
from studio.cards.offer import check_offer
from studio.errors import StudioError, UsageError
from studio.model import Contact, PrinterProfile
from studio.paths import AppPaths
from studio.printing.printable_area import EdgeWarning
from studio.progress import NO_PROGRESS, Progress
from studio.render.layout import CardLayout, FitNote
from studio.services.card_sheets import write_card_pdfs
from studio.services.cards import (
    card_for,
    get_template,
    missing_link_warning,
    template_print_area_notes,
    unsigned_warning,
)
from studio.services.handwriting import check_handwriting
from studio.services.message_warnings import message_warnings
from studio.services.photos import PhotoCheck, check_photo_settings, mailing_photo, printable
from studio.services.signature import check_signature
from studio.store import Store


@dataclass
class RenderSummary:
    """What `render_for_contacts` did."""

    out: Path
    cards: int = 0
    fit_notes: list[FitNote] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (contact name, reason)
    unsigned: str | None = None  # `unsigned_warning`: the cards came out without a sender
    no_link: str | None = None  # `missing_link_warning`: the cards came out without their QR code
    side_files: list[Path] = field(default_factory=list)  # outsides, insides: manual two-sided
    print_area: list[EdgeWarning] = field(default_factory=list)  # what reaches the printer's blank edge
    message_warnings: list[str] = field(default_factory=list)  # shared or repeated written messages
    photos: list[str] = field(default_factory=list)  # `PhotoCheck.warnings`: empty photo boxes, soft photos
    profile: PrinterProfile | None = None  # the printer profile the cards were laid out for


def render_for_contacts(store: Store, paths: AppPaths, template_id: str, contact_ids: Sequence[int],
                        out: Path, *, paper: str | None = None, marks: bool = False,
                        message: str | None = None, messages: Mapping[int, str] | None = None,
                        photos: Mapping[int, Path] | None = None,
                        today: dt.date, order: str | None = None, photo: Path | None = None,
                        progress: Progress = NO_PROGRESS, printer: str | None = None,
                        duplex: str | None = None) -> RenderSummary:
    """Render one PDF with a card per contact, in the order of ``contact_ids``, or by
    ``order`` ("name" or "postal", `studio.services.mail_pieces.order_recipients`: the
    order envelopes and labels of the same batch come out in). ``messages`` (contact id:
    text, `studio.services.messages.load_messages`) are written for some of them; the rest
    get ``message``, or the template's own.

    Contacts lacking a field the template requires are skipped and listed in
    ``skipped`` (checked before anything is drawn). Cards are filled one at a time as
    the renderer asks for them, so memory stays flat however many there are. ``paper``
    defaults to the one in settings. ``photo`` is printed in the template's "mailing.photo"
    boxes; ``photos`` lists the cards printing without their photo, and photos too small
    to print sharply. ``printer`` names the printer profile (default: the default one),
    whose duplex (or ``duplex``), stacking, card calibration and margin the PDFs follow.
    Raises `StudioError` when no contact can get a card.
    """
    from studio.services.mail_pieces import order_key, order_recipients
    from studio.services.printer_profiles import find_profile, with_profile

    template = get_template(paths, template_id)
    profile = find_profile(store, printer)
    settings = with_profile(store.settings.load(), profile, duplex)
    check_signature(settings.sender.signature_image)  # a missing picture is named, not a blank box
    check_handwriting(settings.sender.handwriting_font)
    check_photo_settings(template, settings)
    run_photo = mailing_photo(photo)
    check_offer(settings.offer)  # a stored link that cannot fill a card stops before any work
    if order is not None:
        order_key(Contact(), order)  # an unknown order fails before any work
    dating = OccasionDating(settings)
    kind = template.occasions[0] if template.occasions else "any"
    summary = RenderSummary(out=Path(out))
    own_photos = {contact_id: str(photo) for contact_id, photo in (photos or {}).items()}
    photo_check = PhotoCheck(template, settings, mailing_photo=run_photo, own_photos=len(own_photos))
    usable: list[int] = []
    names: dict[int, str] = {}
    light: list[Contact] = []  # the usable contacts without photos, to order
    for contact_id in contact_ids:
        contact = store.contacts.get(contact_id)
        if contact is None:
            summary.skipped.append((f"#{contact_id}", "is no longer in the address book"))
            continue
        card = card_context(contact, settings, today=today, kind=kind, dating=dating)
        lacking = missing_fields(template, card)
        if lacking:
            summary.skipped.append((contact.name or f"#{contact_id}", describe_missing(lacking)))
        else:
            usable.append(contact_id)
            names[contact_id] = contact.name
            photo_check.add(contact, contact.photo)
            if order is not None:
                light.append(dataclasses.replace(contact, photo=None))
    if order is not None:
        usable = [c.id for c in order_recipients(light, order, home_country=settings.home_country)
                  if c.id is not None]
    if not usable:
        reasons = "; ".join(f"{name} {why}" for name, why in summary.skipped[:5])
        raise StudioError(f"no card to render: every chosen contact lacks what '{template.id}' needs "
                          f"({reasons})")

    personal = dict(messages or {})
    if personal or message:
        summary.message_warnings = message_warnings(store, names, personal, message)

    def layouts() -> Iterator[CardLayout]:
        for contact_id in usable:
            contact = store.contacts.get(contact_id)
            if contact is None:
                continue
            card = card_context(printable(contact), settings, today=today, kind=kind, dating=dating,
                                message=personal.get(contact_id, message),
                                mailing_photo=own_photos.get(contact_id, run_photo),
                                posting=today)
            try:
                yield fill_card(template, card)
            except TemplateError as exc:
                raise StudioError(f"card for {contact.name or f'#{contact_id}'}: {exc}") from exc

    summary.fit_notes, summary.side_files = write_card_pdfs(
        layouts, summary.out, settings, paper=paper or settings.paper, marks=marks, progress=progress,
        total=len(usable), profile=profile, duplex=duplex)
    summary.cards = len(usable)
    summary.profile = profile
    summary.unsigned = unsigned_warning(template, settings)
    summary.photos = photo_check.warnings()
    summary.no_link = missing_link_warning(template, settings)
    summary.print_area = template_print_area_notes(template, settings, paper=paper or settings.paper,
                                                   today=today)
    return summary


@dataclass
class PreviewSummary:
    """What `preview_png` drew: fit notes, and the required fields the contact lacks."""

    out: Path
    fit_notes: list[FitNote] = field(default_factory=list)
    missing: str = ""  # e.g. "lacks a birthday": `studio render` would skip this contact
    unsigned: str | None = None  # `unsigned_warning`: the cards print without a sender
    no_link: str | None = None  # `missing_link_warning`: the cards print without their QR code


def preview_png(store: Store, paths: AppPaths, template_id: str, out_png: Path, *,
                contact_id: int | None = None, message: str | None = None, today: dt.date,
                dpi: int = 100) -> PreviewSummary:
    """A PNG of one card, outside and inside, for ``contact_id`` or the template's sample.

    The card is signed as the printed ones will be: by the user's own sender, unsigned
    (and ``unsigned`` says so) when none is set, even with the sample contact. A
    contact lacking a required field is still previewed (and ``missing`` says what).
    """
    template = get_template(paths, template_id)
    settings = store.settings.load()
    contact = None
    if contact_id is not None:
        contact = store.contacts.get(contact_id)
        if contact is None:
            raise UsageError(f"no contact with id {contact_id} (see `studio contacts` for the ids)")
    card = card_for(template, contact, settings, today=today, message=message)
    lacking = missing_fields(template, card)
    layout = fill_card(template, card)
    from studio.render.cards import render_card_preview

    out_png = Path(out_png)
    try:
        out_png.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StudioError(f"cannot write {out_png}: {exc.strerror or exc}") from exc
    notes = render_card_preview(layout, out_png, dpi=dpi)
    return PreviewSummary(out=out_png, fit_notes=notes, missing=describe_missing(lacking) if lacking else "",
                          unsigned=unsigned_warning(template, settings),
                          no_link=missing_link_warning(template, settings))
