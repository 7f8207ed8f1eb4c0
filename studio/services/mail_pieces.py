"""Envelopes, address labels, return-address labels, the calibration page and the stock list.

Two ways in:

* for a user's command (`make_envelopes`, `make_labels`): choose contacts (ids, a tag or
  everyone), put them in the job's order, skip and report those without a usable postal
  address, and render;
* for callers that already hold an ordered list of contacts (a mailing, the desktop app):
  `render_envelopes_for`, `render_labels_for`. Cards, envelopes and labels of one batch
  must come out in the same order: everyone orders with `order_recipients`.

PDFs are written to a temporary file beside ``out`` and moved into place when complete,
so a failed or cancelled run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import StudioError, UsageError
from studio.model import Calibration, Contact, EnvelopeSize, LabelStock, PrinterProfile
from studio.partial_files import temporary_file
from studio.paths import AppPaths
from studio.postal import address_problem, format_address, postal_sort_key, recipient_name_lines
from studio.postal.countries import resolve_country
from studio.postal.imb import check_mailer_id, intelligent_mail_codes
from studio.printing.profiles import CALIBRATION_LIMITS  # noqa: F401 - where callers have found it
from studio.progress import NO_PROGRESS, Progress
from studio.render.calibration import render_calibration_page
from studio.render.envelope_feed import EnvelopeFeed
from studio.render.envelopes import EnvelopeText, envelope_refusal, postal_style, render_envelopes
from studio.render.labels import RETURN_STYLE, LabelText, check_start, label_refusal, render_labels, repeat
from studio.render.layout import FitNote
from studio.services.addressbook import select_contact_ids
from studio.services.card_sheets import profile_of
from studio.services.stock import envelope_size, label_stock
from studio.settings import Settings
from studio.store import Store
from studio.store.contact_rows import sort_name

ORDERS = ("name", "postal")


@dataclass
class MailPieceSummary:
    """What a run made: pieces printed, pages, who was skipped and why, text that had to shrink."""

    out: Path
    count: int = 0
    pages: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (contact name, reason)
    fit_notes: list[FitNote] = field(default_factory=list)
    tracking: dict[int, str] = field(default_factory=dict)  # contact id -> Intelligent Mail code

    @property
    def problems(self) -> list[FitNote]:
        """Notes of pieces not printed as written (overflowing, or characters left out)."""
        return [note for note in self.fit_notes if note.is_problem]


# --- order and addresses ---------------------------------------------------------------

def order_key(contact: Contact, by: str, home_country: str = "") -> tuple[Any, ...]:
    """The sort key of `order_recipients` for one contact."""
    if by == "name":
        return (sort_name(contact), contact.id or 0)
    if by == "postal":
        return (postal_sort_key(contact.preferred_address(), home_country or "US"), sort_name(contact),
                contact.id or 0)
    raise UsageError(f"--order must be one of {', '.join(ORDERS)}, not {by!r}")


def order_recipients(contacts: Iterable[Contact], by: str = "name", *,
                     home_country: str = "") -> list[Contact]:
    """The one order of a job's cards, envelopes and labels, so the stacks match.

    "name": family name, then given name (the address book's order). "postal": for
    presorted mail, domestic pieces (``home_country``) first in postcode order, then
    each other country in postcode order; ties by name.
    """
    return sorted(contacts, key=lambda contact: order_key(contact, by, home_country))


def recipient_lines(contact: Contact, settings: Settings) -> list[str]:
    """The contact's name and preferred address as printed for ``settings``' sender."""
    address = contact.preferred_address()
    if address is None:
        raise StudioError(f"{contact.name} has no postal address")
    return format_address(recipient_name_lines(contact), address, home_country=settings.home_country,
                          language=settings.language)


def return_address_lines(settings: Settings, destination: str | None = None) -> list[str]:
    """The sender's name and address from settings, with the sender's country added when
    mail goes to another country (``destination``, an ISO code); [] without an address."""
    sender = settings.sender
    names = [line for line in (sender.name.strip(), sender.company.strip()) if line]
    if sender.address.is_empty():
        return names
    address = dataclasses.replace(sender.address, country=sender.address.country or settings.home_country)
    if resolve_country(address.country) is None:
        raise StudioError(f"the sender's country {address.country!r} in settings is not one Card Studio "
                          "recognises; correct it under Settings > Sender")
    return format_address(names, address, home_country=destination or settings.home_country,
                          language=settings.language)


class _EnvelopeTexts:
    """What one contact's envelope says; return addresses made once per destination country.

    ``serials`` gives each barcoded piece its own serial number and ``tracking`` collects
    the codes printed (contact id -> code); without them (a fit check, nothing printed)
    every barcode carries serial 0, which is as wide as any other.
    """

    def __init__(self, settings: Settings, serials: Iterator[int] | None = None,
                 tracking: dict[int, str] | None = None) -> None:
        self._settings = settings
        mailer_id = settings.sender.mailer_id.strip()
        self._mailer_id = check_mailer_id(mailer_id) if mailer_id else ""
        self._returns: dict[str, tuple[str, ...]] = {}
        self._serials = serials
        self._tracking = tracking if tracking is not None else {}

    def __call__(self, contact: Contact) -> EnvelopeText:
        settings = self._settings
        address = contact.preferred_address()
        assert address is not None  # _mailable let only contacts with an address through
        country = resolve_country(address.country, settings.home_country) or ""
        if country not in self._returns:
            self._returns[country] = tuple(return_address_lines(settings, country))
        barcode = None
        if self._mailer_id and country == "US":
            serial = next(self._serials, None) if self._serials is not None else 0
            if serial is None:
                raise StudioError("more envelopes than serial numbers were reserved for them")
            barcode = intelligent_mail_codes(self._mailer_id, serial, address.postal_code,
                                             settings.sender.imb_service)
            if barcode is not None and self._serials is not None:
                self._tracking[contact.id or 0] = barcode[0]
        return EnvelopeText(contact.name, tuple(recipient_lines(contact, settings)), self._returns[country],
                            barcode)


class _LabelTexts:
    """What one contact's address label says."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def __call__(self, contact: Contact) -> LabelText:
        return LabelText(contact.name, tuple(recipient_lines(contact, self._settings)))


class PieceCheck:
    """Whether a contact's address fits the mailing's envelope or label (`piece_refusal`),
    checked while a mailing is planned so that cards, envelopes and labels stay in step."""

    def __init__(self, settings: Settings, *, envelope: EnvelopeSize | str | None = None,
                 stock: LabelStock | str | None = None, paths: AppPaths | None = None) -> None:
        self._envelope = envelope_size(envelope, settings, paths) if envelope else None
        self._stock = label_stock(stock, settings, paths) if stock else None
        self._style = postal_style(self._envelope, settings.home_country) if self._envelope else "us"
        self._envelope_text = _EnvelopeTexts(settings) if self._envelope else None
        self._label_text = _LabelTexts(settings)

    def refusal(self, contact: Contact) -> str:
        """Why the contact's envelope or label would be left out ("" when it fits).

        The contact must have a usable address (`address_problem` is checked first).
        """
        if self._envelope is not None and self._envelope_text is not None:
            why = envelope_refusal(self._envelope_text(contact), self._envelope, self._style)
            if why:
                return why
        if self._stock is not None:
            return label_refusal(self._label_text(contact), self._stock)
        return ""


def _mailable(contacts: Iterable[Contact], settings: Settings, skipped: list[tuple[str, str]],
              make: Callable[[Contact], Any]) -> Iterator[Any]:
    """``make(contact)`` for each contact with a usable address; the others go to ``skipped``."""
    for contact in contacts:
        problem = address_problem(contact, settings.home_country)
        if problem:
            skipped.append((contact.name or f"contact {contact.id}", problem))
            continue
        yield make(contact)


@contextlib.contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out``, moved onto ``out`` when the block succeeds."""
    out = Path(out)
    if out.is_dir():
        raise UsageError(f"{out} is a folder; give a file name such as {out / 'out.pdf'}")
    try:
        temporary = temporary_file(out)
    except OSError as exc:
        raise StudioError(f"cannot write {out}: {exc.strerror or exc}") from exc
    try:
        yield temporary
        try:
            os.replace(temporary, out)
        except OSError as exc:
            raise StudioError(f"cannot write {out}: {exc.strerror or exc}") from exc
    finally:
        temporary.unlink(missing_ok=True)


def _nobody(skipped: list[tuple[str, str]]) -> StudioError:
    reasons = "; ".join(f"{name}: {why}" for name, why in skipped[:10])
    more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
    return StudioError("no contact to print"
                       + (f": every one was skipped ({reasons}{more})" if reasons else ""))


# --- rendering for an ordered list -----------------------------------------------------

def render_envelopes_for(contacts: Iterable[Contact], size: EnvelopeSize | str | None, out: Path,
                         settings: Settings, *, serials: Iterable[int] | None = None, stamp_box: bool = False,
                         paths: AppPaths | None = None, total: int | None = None,
                         progress: Progress = NO_PROGRESS, profile: PrinterProfile | None = None,
                         on_page: str | None = None) -> MailPieceSummary:
    """One envelope per contact, in the given order (see `order_recipients`).

    ``size`` is an EnvelopeSize, a name ("no10", "c6", "custom:190x120") or None for
    the settings' envelope. Contacts without a usable address, or whose address cannot
    fit the envelope even wrapped and at the smallest size, are skipped and listed.
    A US recipient gets an Intelligent Mail barcode when the sender has a mailer ID, with
    the next of ``serials`` (`HistoryRepository.reserve_serials`, one per contact) as its
    serial number; ``summary.tracking`` says which code each contact's envelope carries.
    ``profile`` is the printer's (default: the settings' one printer): its envelope
    calibration and feed; ``on_page`` ("none", "letter", "a4") overrides its carrier page.
    Raises StudioError when nobody is left (no file is written).
    """
    envelope = envelope_size(size, settings, paths)
    profile = profile or profile_of(settings)
    feed = EnvelopeFeed(profile.envelope_feed, profile.envelope_rotation, on_page or profile.envelope_carrier)
    summary = MailPieceSummary(out=Path(out))
    texts = _EnvelopeTexts(settings, iter(serials) if serials is not None else None, summary.tracking)
    with _atomic(summary.out) as temporary:
        run = render_envelopes(_mailable(contacts, settings, summary.skipped, texts),
                               envelope, temporary,
                               style=postal_style(envelope, settings.home_country),
                               calibration=profile.envelopes, stamp_box=stamp_box, total=total,
                               progress=progress, feed=feed)
        summary.skipped += run.refused
        if run.envelopes == 0:
            raise _nobody(summary.skipped)
    summary.count, summary.pages, summary.fit_notes = run.envelopes, run.pages, run.notes
    return summary


def render_labels_for(contacts: Iterable[Contact], stock: LabelStock | str | None, out: Path,
                      settings: Settings, start: int = 1, outline: bool = False, *,
                      paths: AppPaths | None = None, total: int | None = None,
                      progress: Progress = NO_PROGRESS,
                      profile: PrinterProfile | None = None) -> MailPieceSummary:
    """One address label per contact on sheets of ``stock``, in the given order, through
    ``profile``'s label calibration (default: the settings' one printer's).

    ``stock`` is a LabelStock, a name ("avery-5160", "L7160") or None for the settings'
    stock; ``start`` is the first free label of the first sheet (1-based); ``outline``
    draws the label outlines. Contacts may be a generator: labels stream onto pages.
    Contacts without a usable address, or whose address cannot fit a label even wrapped
    and at the smallest size, are skipped and listed (the next label takes their place).
    Raises StudioError when nobody is left (no file is written).
    """
    sheet = label_stock(stock, settings, paths)
    check_start(sheet, start)
    summary = MailPieceSummary(out=Path(out))
    with _atomic(summary.out) as temporary:
        run = render_labels(_mailable(contacts, settings, summary.skipped, _LabelTexts(settings)), sheet,
                            temporary,
                            calibration=(profile or profile_of(settings)).labels, start=start,
                            outline=outline,
                            total=total,
                            progress=progress)
        summary.skipped += run.refused
        if run.labels == 0:
            raise _nobody(summary.skipped)
    summary.count, summary.pages, summary.fit_notes = run.labels, run.pages, run.notes
    return summary


def return_address_labels(stock: LabelStock | str | None, out: Path, settings: Settings, start: int = 1,
                          outline: bool = False, *, sheets: int = 1,
                          paths: AppPaths | None = None,
                          profile: PrinterProfile | None = None) -> MailPieceSummary:
    """The sender's address repeated on ``sheets`` whole sheets (from label ``start`` on
    the first). Raises StudioError when settings hold no sender address or it cannot fit
    the label."""
    sheet = label_stock(stock, settings, paths)
    check_start(sheet, start)
    if settings.sender.address.is_empty() or not settings.sender.address.street.strip():
        raise StudioError("there is no sender address in settings to print; set it with "
                          "`studio settings --set sender.address.street=…` (and city, postal code) "
                          "or in the app under Settings > Sender")
    if sheets < 1:
        raise UsageError("--sheets must be 1 or more")
    lines = tuple(return_address_lines(settings))
    count = sheet.per_sheet * sheets - (start - 1)
    summary = MailPieceSummary(out=Path(out))
    with _atomic(summary.out) as temporary:
        run = render_labels(repeat(LabelText("return address", lines), count), sheet, temporary,
                            calibration=(profile or profile_of(settings)).labels, start=start,
                            outline=outline,
                            style=RETURN_STYLE, title="Return-address labels")
        if run.refused:
            raise StudioError(f"your return address cannot be printed: {run.refused[0][1]}; shorten it under "
                              "Settings > Sender")
    summary.count, summary.pages = run.labels, run.pages
    # One note says it: every label holds the same text.
    summary.fit_notes = run.notes[:1]
    return summary


def calibration_page(stock: LabelStock | str | Settings | None, out: Path, settings: Settings | None = None,
                     *, paths: AppPaths | None = None, profile: PrinterProfile | None = None) -> Path:
    """The calibration page for ``stock`` (None: the settings' stock), drawn through the
    settings' current calibration. Returns ``out``.

    For the desktop app's older call ``calibration_page(settings, out)``, a Settings in
    first place means "the stock chosen in these settings".
    """
    if isinstance(stock, Settings):
        stock, settings = None, stock
    settings = settings or Settings()
    sheet = label_stock(stock, settings, paths)
    with _atomic(Path(out)) as temporary:
        render_calibration_page(sheet, temporary, calibration=(profile or profile_of(settings)).labels)
    return Path(out)


# --- user commands ---------------------------------------------------------------------

def _ordered_ids(store: Store, ids: list[int], by: str, home_country: str) -> list[int]:
    """``ids`` in the job's order, loading one contact at a time (photos are not kept)."""
    keyed = []
    for contact_id in ids:
        contact = store.contacts.get(contact_id)
        if contact is not None:
            keyed.append((order_key(contact, by, home_country), contact_id))
    return [contact_id for _, contact_id in sorted(keyed)]


def _stream(store: Store, ids: list[int]) -> Iterator[Contact]:
    for contact_id in ids:
        contact = store.contacts.get(contact_id)
        if contact is not None:
            contact.photo = None  # labels and envelopes never print it; keep memory flat
            yield contact


def make_envelopes(store: Store, out: Path, *, ids: Iterable[int] | None = None, tag: str | None = None,
                   everyone: bool = False, size: str | None = None, order: str = "name",
                   stamp_box: bool = False, paths: AppPaths | None = None,
                   progress: Progress = NO_PROGRESS, printer: str | None = None,
                   on_page: str | None = None) -> MailPieceSummary:
    """`studio envelopes`: the chosen contacts' envelopes in ``order`` ("name" or "postal"),
    for the printer profile ``printer`` (default: the default one)."""
    from studio.services.printer_profiles import find_profile

    settings = store.settings.load()
    profile = find_profile(store, printer)
    order_key(Contact(), order)  # a bad --order fails before any work
    chosen = _ordered_ids(store, select_contact_ids(store, ids=ids, tag=tag, everyone=everyone), order,
                          settings.home_country)
    with store.transaction():  # numbers handed out are never handed out again, printed or not
        serials = store.history.reserve_serials(len(chosen))
    return render_envelopes_for(_stream(store, chosen), size, out, settings, serials=serials,
                                stamp_box=stamp_box, profile=profile, on_page=on_page,
                                paths=paths, total=len(chosen), progress=progress)


def make_labels(store: Store, out: Path, *, ids: Iterable[int] | None = None, tag: str | None = None,
                everyone: bool = False, stock: str | None = None, start: int = 1, outline: bool = False,
                order: str = "name", paths: AppPaths | None = None,
                progress: Progress = NO_PROGRESS, printer: str | None = None) -> MailPieceSummary:
    """`studio labels`: the chosen contacts' address labels in ``order``, for ``printer``."""
    from studio.services.printer_profiles import find_profile

    settings = store.settings.load()
    profile = find_profile(store, printer)
    order_key(Contact(), order)
    chosen = _ordered_ids(store, select_contact_ids(store, ids=ids, tag=tag, everyone=everyone), order,
                          settings.home_country)
    return render_labels_for(_stream(store, chosen), stock, out, settings, start, outline, paths=paths,
                             total=len(chosen), progress=progress, profile=profile)


def set_calibration(store: Store, *, offset_x: float | None = None, offset_y: float | None = None,
                    scale_x: float | None = None, scale_y: float | None = None,
                    reset: bool = False, printer: str | None = None,
                    kinds: tuple[str, ...] = ("labels", "envelopes")) -> Calibration:
    """Change the printer calibration of ``kinds`` on the profile ``printer`` (default: the
    default profile's labels and envelopes, which the one calibration always covered);
    returns the first kind's calibration now in force.

    Offsets are millimetres, scales factors, within `CALIBRATION_LIMITS`.
    """
    from studio.services.printer_profiles import calibrate

    profile = calibrate(store, printer=printer, kinds=kinds, offset_x=offset_x, offset_y=offset_y,
                        scale_x=scale_x, scale_y=scale_y, reset=reset)
    return profile.calibration(kinds[0])
