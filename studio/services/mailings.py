"""Mailings: an occasion, a template and an output made into one folder of PDFs, and their history.

    plan = plan_mailing(store, request, today, paths)           # who gets a card, who is skipped, why
    result = produce_mailing(store, request, today, out, paths)  # cards.pdf + envelopes/labels + mailing.csv
    mark_sent(store, result.mailing_id, today)                    # once posted

Planning lives in `studio.services.mailing_plan` (its names are exported here too, so
callers import every mailing use case from this module). Producing writes one folder:
``cards.pdf``, then ``envelopes.pdf`` and/or ``labels.pdf`` in the same order, and
``mailing.csv`` listing each recipient. The folder is built under a temporary name and
renamed into place, and the history is committed only then: a failed or cancelled
mailing leaves neither a half folder nor a history entry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import card_context, fill_card
from studio.errors import StudioError, UsageError
from studio.model import EnvelopeSize, LabelStock, PrinterProfile
from studio.partial_files import temporary_folder
from studio.paths import AppPaths
from studio.progress import NO_PROGRESS, Progress
from studio.render.layout import CardLayout, FitNote
from studio.render.stocks import StockCatalog
from studio.services import mail_pieces
from studio.services.card_sheets import side_paths, write_card_pdfs
from studio.services.cards import get_template, list_templates
from studio.services.mailing_checks import check_template, with_output
from studio.services.mailing_files import (
    CARDS_PDF,
    CSV_NAME,
    ENVELOPES_PDF,
    LABELS_PDF,
    check_out_folder,
    open_up,
    phase,
    write_mailing_csv,
)
from studio.services.mailing_plan import (
    DEFAULT_DUE_DAYS,
    MailingPlan,
    MailingRequest,
    Recipient,
    Skipped,
    nobody_to_mail,
    plan_mailing,
)
from studio.services.occasions import occasion_names
from studio.services.photos import mailing_photo, printable
from studio.services.printer_profiles import find_profile, with_profile
from studio.services.stock import load_catalog
from studio.settings import Settings
from studio.store import Store
from studio.store.history import Mailing, MailingItem

__all__ = ["DEFAULT_DUE_DAYS", "HistoryNames", "MailingPlan", "MailingRequest", "MailingResult", "Recipient",
           "Skipped", "check_template", "default_stock_ids", "delete_mailing", "describe_output",
           "envelope_short_name",
           "find_mailing", "get_template", "history_names", "label_stock_name", "mailing_history",
           "mark_sent", "plan_mailing", "produce_mailing", "record_posted", "SentMark", "with_output"]


@dataclass(frozen=True)
class MailingResult:
    mailing_id: int
    folder: Path
    files: list[Path]
    plan: MailingPlan
    fit_notes: list[FitNote] = field(default_factory=list)  # text shrunk or overflowing, per card
    profile: PrinterProfile | None = None  # the printer profile it was laid out for



# --- the stock it prints on ----------------------------------------------------------


def default_stock_ids(settings: Settings, paths: AppPaths | None = None) -> tuple[str | None, str | None]:
    """The catalog ids of ``settings``' envelope size and label stock, which a new mailing
    starts from. Settings may hold any name the catalog accepts ("#10" gives "no10",
    "L7160" gives "avery-l7160"); a name it does not know, or a custom envelope size, gives None.
    """
    catalog = load_catalog(paths)
    envelope = stock = None
    with contextlib.suppress(StudioError):
        envelope = catalog.envelope(settings.envelope_size).id if settings.envelope_size else None
    with contextlib.suppress(StudioError):
        stock = catalog.label(settings.label_stock).id if settings.label_stock else None
    return (envelope if envelope in catalog.envelopes else None), stock


def envelope_short_name(size: EnvelopeSize) -> str:
    """What a user calls an envelope: its name without the measurements ("#10", "A2", "C6")."""
    return size.name.split(" (")[0]


def label_stock_name(stock: LabelStock) -> str:
    """What a user calls a label sheet: brand and part ("Avery 5160")."""
    return f"{stock.brand} {stock.part}"


# --- history -------------------------------------------------------------------------


def mailing_history(store: Store) -> list[Mailing]:
    """Every mailing, newest first, with its cards."""
    return store.history.mailings()


@dataclass(frozen=True)
class HistoryNames:
    """What a user reads for the ids a mailing history records: occasion keys, template
    ids and outputs (see `MailingRequest.output`). An id without a name here (a template
    deleted since) is best shown as it was recorded."""

    occasions: dict[str, str] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)


def history_names(mailings: Sequence[Mailing], paths: AppPaths | None = None) -> HistoryNames:
    """The names of everything ``mailings`` record, from the occasion, template and stock catalogs."""
    occasions = {m.occasion for m in mailings} | {i.occasion for m in mailings for i in m.items}
    templates = {t.id: t.name for t in list_templates(paths).templates} if paths is not None else {}
    catalog = load_catalog(paths)
    return HistoryNames(
        occasions=occasion_names(occasions),
        templates={m.template: templates[m.template] for m in mailings if m.template in templates},
        outputs={m.output: describe_output(m.output, catalog) for m in mailings},
    )


def describe_output(output: str, catalog: StockCatalog | None = None) -> str:
    """A recorded output as a user reads it: "envelopes:no10+labels:avery-5160@4" gives
    "#10 envelopes, Avery 5160 labels from label 4". A size or sheet ``catalog`` (the
    bundled stock when None) does not know is shown by its recorded id."""
    catalog = catalog or load_catalog()
    parts = []
    for piece in filter(None, output.split("+")):
        kind, _, spec = piece.partition(":")
        stock, _, start = spec.partition("@")
        if kind == "envelopes":
            try:
                name = envelope_short_name(catalog.envelope(stock))
            except StudioError:
                name = stock
            parts.append(f"{name} envelopes")
        elif kind == "labels":
            try:
                name = label_stock_name(catalog.label(stock))
            except StudioError:
                name = stock
            parts.append(f"{name} labels" + (f" from label {start}" if start else ""))
        else:
            parts.append(piece)
    return ", ".join(parts)


def find_mailing(store: Store, ref: int | str) -> Mailing:
    """The mailing ``ref`` names: its id, or "latest" for the newest one."""
    text = str(ref).strip().casefold()
    if text == "latest":
        mailing_id = store.history.latest_mailing_id()
        if mailing_id is None:
            raise UsageError("there are no mailings yet")
    elif text.isdigit():
        mailing_id = int(text)
    else:
        raise UsageError(f"{ref!r} is not a mailing id (a number, or 'latest')")
    mailing = store.history.mailing(mailing_id)
    if mailing is None:
        raise UsageError(f"there is no mailing {mailing_id} (see `studio history`)")
    return mailing


@dataclass(frozen=True)
class SentMark:
    """What `record_posted` did: the mailing as it now is, and whether it was sent before."""

    mailing: Mailing
    already: bool  # it had been marked sent (on ``mailing.sent_at``); that date was kept


def record_posted(store: Store, ref: int | str, when: dt.date) -> SentMark:
    """Record that mailing ``ref`` was posted on ``when``: its cards now count as sent.

    A mailing already marked sent keeps the day it was marked with (``already`` says so):
    marking it twice does not move the date "not thanked lately" counts from.
    """
    mailing = find_mailing(store, ref)
    assert mailing.id is not None
    if mailing.sent_at:
        return SentMark(mailing, already=True)
    with store.transaction():
        store.history.mark_sent(mailing.id, when)
    return SentMark(find_mailing(store, mailing.id), already=False)


def mark_sent(store: Store, ref: int | str, when: dt.date) -> Mailing:
    """`record_posted`, returning the mailing (its ``sent_at`` is the day it counts as posted)."""
    return record_posted(store, ref, when).mailing


def delete_mailing(store: Store, ref: int | str) -> Mailing:
    """Forget a mailing that was never posted (its cards may be mailed again).

    A mailing marked sent stays: it is what "not thanked lately" and the history rest
    on. The folder of PDFs on disk is left alone (it is the user's). Returns the
    deleted mailing.
    """
    mailing = find_mailing(store, ref)
    assert mailing.id is not None
    if mailing.sent_at:
        raise UsageError(f"mailing {mailing.id} was marked sent on {mailing.sent_at[:10]}; "
                         "a posted mailing stays in the history")
    with store.transaction():
        store.history.delete_mailing(mailing.id)
    return mailing


# --- producing -----------------------------------------------------------------------


def produce_mailing(store: Store, request: MailingRequest, today: dt.date, out: Path,
                    paths: AppPaths | None = None, *, progress: Progress = NO_PROGRESS,
                    plan: MailingPlan | None = None, now: dt.datetime | None = None) -> MailingResult:
    """Make the mailing's folder at ``out`` and record it in the history; returns its id.

    ``out`` must not exist or be empty. Without ``request.envelopes`` or ``labels`` the
    envelopes `with_output` chooses are made; envelopes the cards do not fit, or a template
    for another occasion (unless ``request.any_template``), raise `StudioError`. The history dates the mailing
    ``today`` (at the time of day of ``now``, the clock's by default). Raises `StudioError`
    when nobody is left to mail (every skip reason is in the message), `Cancelled` when
    ``progress`` says so; in both cases nothing is written and nothing recorded.
    """
    out = Path(out)
    profile = find_profile(store, request.printer)
    settings = with_profile(store.settings.load(), profile, request.duplex)
    template = plan.template if plan is not None else get_template(paths, request.template)
    request = with_output(request, settings, template, load_catalog(paths))
    check_out_folder(out)
    plan = plan or plan_mailing(store, request, today, paths, template=template, progress=progress)
    check_template(plan, request)
    if not plan.recipients:
        raise nobody_to_mail(plan)
    count = len(plan.recipients)
    pieces = [kind for kind in ("envelopes", "labels") if getattr(request, kind)]
    grand_total = count * (1 + len(pieces))
    try:
        staging = temporary_folder(out)
    except OSError as exc:
        raise StudioError(f"cannot write the mailing into {out.parent}: {exc.strerror or exc}; "
                          "choose another folder (--out)") from exc
    try:
        notes, _sides = write_card_pdfs(lambda: _layouts(store, plan, settings, today, request),
                                        staging / CARDS_PDF, settings, paper=settings.paper,
                                        progress=phase(progress, 0, grand_total), total=count,
                                        profile=profile, duplex=request.duplex)
        contacts = [r.contact for r in plan.recipients]
        tracking: dict[int, str] = {}
        for index, kind in enumerate(pieces, start=1):
            piece_progress = phase(progress, index * count, grand_total)
            if kind == "envelopes":
                with store.transaction():
                    serials = store.history.reserve_serials(count)
                made = mail_pieces.render_envelopes_for(contacts, request.envelopes, staging / ENVELOPES_PDF,
                                                        settings, serials=serials, paths=paths, total=count,
                                                        progress=piece_progress, profile=profile,
                                                        on_page=request.on_page)
                tracking = made.tracking
            else:
                made = mail_pieces.render_labels_for(contacts, request.labels, staging / LABELS_PDF, settings,
                                                     request.start, paths=paths, total=count,
                                                     progress=piece_progress, profile=profile)
            notes += made.fit_notes
            if made.count != count:  # the plan checked every address; a mismatch would misalign the stacks
                raise StudioError(f"{kind}: {made.count} printed for {count} cards "
                                  f"({'; '.join(f'{n}: {why}' for n, why in made.skipped)})")
        write_mailing_csv(staging / CSV_NAME, plan, settings)
        open_up(staging)
        progress.step(grand_total, grand_total, "Recording the mailing")
        made = dt.datetime.combine(today, (now or dt.datetime.now()).time())
        mailing_id = _record(store, plan, request, staging, out, made, tracking)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    names = (CARDS_PDF, *(p.name for p in side_paths(out / CARDS_PDF)), ENVELOPES_PDF, LABELS_PDF, CSV_NAME)
    files = [out / name for name in names if (out / name).exists()]
    return MailingResult(mailing_id=mailing_id, folder=out, files=files, plan=plan,
                         fit_notes=notes, profile=profile)


def _layouts(store: Store, plan: MailingPlan, settings: Settings, today: dt.date,
             request: MailingRequest) -> Iterator[CardLayout]:
    """Each recipient's card, filled as the renderer asks for it (one full contact at a time)."""
    run_photo = mailing_photo(request.photo)
    own_photos = dict(request.photos)
    for recipient in plan.recipients:
        contact = store.contacts.get(recipient.contact.id or 0) or recipient.contact  # photo reloaded
        card = card_context(printable(contact), settings, today=today, kind=plan.occasion_key,
                            occasion=recipient.occasion, message=recipient.message,
                            mailing_photo=own_photos.get(contact.id or 0, run_photo),
                            posting=plan.post_on)
        yield fill_card(plan.template, card, label=f"{recipient.position}. {contact.name}")


def _record(store: Store, plan: MailingPlan, request: MailingRequest, staging: Path, out: Path,
            made: dt.datetime, tracking: dict[int, str]) -> int:
    """Add the mailing to the history and move the folder into place, both or neither.

    ``tracking`` is the Intelligent Mail code each contact's envelope carries.
    """
    items = [MailingItem(position=r.position, contact_id=r.contact.id, contact_name=r.contact.name,
                         occasion=plan.occasion_key, occasion_date=r.occasion.date, template=plan.template.id,
                         imb=tracking.get(r.contact.id or 0), message=r.message)
             for r in plan.recipients]
    mailing = Mailing(occasion=plan.occasion_key, year=plan.year, template=plan.template.id,
                      output=request.output, folder=str(out.resolve()), items=items,
                      created_at=made.isoformat(timespec="seconds"))
    moved = False
    try:
        with store.transaction():
            mailing_id = store.history.add_mailing(mailing)
            if out.is_dir():
                out.rmdir()  # checked empty before rendering
            staging.rename(out)
            moved = True
    except BaseException:
        if moved:  # the commit failed after the move: take the folder back out
            out.rename(staging)
        raise
    return mailing_id

