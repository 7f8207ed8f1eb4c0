"""Planning a mailing: who gets a card, in which order, who is skipped and why, when to post.

    plan = plan_mailing(store, request, today, paths)  # writes nothing

`plan_mailing` is where `studio.services.mailings.produce_mailing` and ``--dry-run``
both start; the plan's ``warnings`` say what the user should know before printing
(contacts already mailed, cards that do not fit the chosen envelope).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import CardTemplate, card_context, describe_missing, missing_fields
from studio.cards.occasion import NAMES as OCCASION_NAMES
from studio.cards.offer import check_offer
from studio.errors import StudioError, UsageError
from studio.model import Contact, Occasion
from studio.occasions import (
    HolidayCalendar,
    check_occasion_key,
    contact_country,
    occasion_instance,
    transit_days,
)
from studio.occasions.keys import is_repeatable
from studio.occasions.selection import due_soon, holiday_for, holiday_year, occasion_for, occasion_kind
from studio.paths import AppPaths
from studio.postal import address_problem, resolve_country
from studio.postal.us_checks import us_address_doubts
from studio.progress import NO_PROGRESS, Progress
from studio.services import mail_pieces, stock
from studio.services.address_doubts import check_address_reason, doubtful_addresses
from studio.services.addressbook import select_contact_ids
from studio.services.cards import (
    get_template,
    missing_link_warning,
    template_print_area_notes,
    unsigned_warning,
)
from studio.services.handwriting import check_handwriting
from studio.services.mailing_checks import (
    check_envelope,
    check_outputs,
    check_post_on,
    template_mismatch,
    with_output,
)
from studio.services.mailing_repeats import (
    FAR_AHEAD_DAYS,
    CardFor,
    already_warning,
    far_ahead_warning,
    recent_cards,
    recent_warning,
)
from studio.services.message_warnings import message_warnings
from studio.services.occasions import MailedIndex, holiday_calendar
from studio.services.photos import PhotoCheck, card_photo_problem, check_photo_settings, mailing_photo
from studio.services.signature import check_signature
from studio.settings import Settings
from studio.store import Store
from studio.store.history import Event

DEFAULT_DUE_DAYS = 7  # a birthday mailing without recipients takes the cards due this week


@dataclass(frozen=True)
class MailingRequest:
    """What the user asked for. Recipients: ``contact_ids``, a ``tag``, ``everyone``, or
    (none of these) whoever has the ``occasion`` (holiday) or has it due within ``days``."""

    template: str
    occasion: str | None = None  # an occasion key; None: the template's first occasion
    year: int | None = None
    tag: str | None = None
    contact_ids: tuple[int, ...] = ()
    everyone: bool = False
    envelopes: str | None = None  # envelope size id
    labels: str | None = None  # label stock id
    start: int = 1  # first label position on the first sheet (1 = top left)
    force: bool = False  # include contacts already in a mailing of this occasion
    days: int = DEFAULT_DUE_DAYS
    message: str | None = None  # typed message for every card; None: the template's own
    order: str = "name"  # "name" or "postal" (presorted): cards, envelopes and labels share it
    any_template: bool = False  # print a template made for another occasion all the same
    post_on: dt.date | None = None  # the day the cards go in the post; None: today (never earlier)
    photo: Path | None = None  # printed in the template's "mailing.photo" boxes on every card
    messages: tuple[tuple[int, str], ...] = ()  # (contact id, message) written for each person
    photos: tuple[tuple[int, str], ...] = ()  # (contact id, photo file) for that card's "mailing.photo"
    printer: str | None = None  # the printer profile's name; None: the default profile
    duplex: str | None = None  # "long", "short" or "manual" instead of the profile's
    on_page: str | None = None  # envelopes on a "letter"/"a4" page ("none": their own); None: the profile's

    def photo_for(self, contact_id: int | None) -> Path | None:
        """The photo this contact's card takes for its "mailing.photo" boxes: theirs, else ``photo``."""
        own = dict(self.photos).get(contact_id or 0)
        return Path(own) if own else self.photo

    def message_for(self, contact_id: int | None) -> str | None:
        """The message this contact's card carries: their own, else ``message``."""
        return dict(self.messages).get(contact_id or 0, self.message)

    @property
    def output(self) -> str:
        """How the history records the output, e.g. "envelopes:a7" or "labels:avery-5160@4"."""
        parts = []
        if self.envelopes:
            parts.append(f"envelopes:{self.envelopes}")
        if self.labels:
            parts.append(f"labels:{self.labels}" + (f"@{self.start}" if self.start != 1 else ""))
        return "+".join(parts)


@dataclass(frozen=True)
class Recipient:
    """One card of the mailing. ``contact`` has no photo (kept light); reload it to render."""

    position: int
    contact: Contact
    occasion: Occasion
    arrives: dt.date | None = None  # about when, posted on the plan's ``post_on`` (transit days)
    message: str | None = None  # the message written for this card; None: the template's

    @property
    def days_late(self) -> int:
        """How many days after the occasion the card arrives (0: in time)."""
        return max(0, (self.arrives - self.occasion.date).days) if self.arrives else 0


@dataclass(frozen=True)
class Skipped:
    contact_id: int
    contact_name: str
    reason: str


@dataclass
class MailingPlan:
    """Who gets a card, in mailing order, who does not and why, and when to post."""

    occasion_key: str
    occasion_name: str
    year: int | None
    template: CardTemplate
    recipients: list[Recipient] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    print_notes: list[str] = field(default_factory=list)  # how it prints: artwork with a white edge
    nobody: str = "no contact has this occasion"  # why nobody was even considered, when so
    output: str = ""  # what is printed beside the cards, as `MailingRequest.output` (envelopes chosen)
    mismatch: str | None = None  # why the template is not for this occasion (`template_mismatch`)
    post_on: dt.date | None = None  # the posting day the arrivals are reckoned from

    @property
    def mail_by(self) -> dt.date | None:
        """The earliest mail-by date among the recipients (post the whole batch by then)."""
        return min((r.occasion.mail_by for r in self.recipients), default=None)

    def mail_by_counts(self) -> list[tuple[dt.date, int]]:
        """Each mail-by date with how many cards must go by it (international ones earlier)."""
        counts: dict[dt.date, int] = {}
        for r in self.recipients:
            counts[r.occasion.mail_by] = counts.get(r.occasion.mail_by, 0) + 1
        return sorted(counts.items())


def _address_doubts(contact: Contact, home_country: str) -> list[str]:
    """Warnings for a recipient's US address that USPS would question (it is still mailed)."""
    address = contact.preferred_address()
    if address is None or resolve_country(address.country, home_country) != "US":
        return []
    return [f"Check {contact.name}'s address: {doubt}." for doubt in us_address_doubts(address)]


def _no_occasion_reason(kind: str | None, key: str, name: str, year: int | None,
                        thanks_for: Sequence[str] = ()) -> str:
    if kind == "thank-you" and thanks_for:
        return (f"no {' or '.join(thanks_for)} recorded in the last two weeks "
                f"(this template thanks for {' or '.join(thanks_for)} only)")
    return {
        "birthday": "no birthday on record",
        "anniversary": "no anniversary date on record",
        "customer-anniversary": "no customer-since date on record",
        "thank-you": "no order or referral recorded in the last two weeks",
        "holiday": f"{name} has no date in {year}",
    }.get(kind or "", f"no {key.removeprefix('date:').replace('-', ' ')} date on record")


def _candidates(store: Store, request: MailingRequest) -> list[int] | None:
    """The contact ids chosen explicitly, or None when the occasion is to choose."""
    if request.contact_ids or request.tag or request.everyone:
        return select_contact_ids(store, ids=request.contact_ids or None, tag=request.tag,
                                  everyone=request.everyone)
    return None


def _light(contact: Contact) -> Contact:
    """The contact without its photo: a plan of 5,000 recipients stays small."""
    return dataclasses.replace(contact, photo=None) if contact.photo else contact


def _general_occasion(key: str, contact: Contact, today: dt.date) -> Occasion:
    """A card for no dated occasion ("thinking-of-you", "welcome"): dated today, post today."""
    name = OCCASION_NAMES.get(key, key.replace("-", " ").capitalize())
    return Occasion(kind="card", name=name, date=today, mail_by=today, contact_id=contact.id,
                    contact_name=contact.name, years=None, key=key)


def plan_mailing(store: Store, request: MailingRequest, today: dt.date, paths: AppPaths | None = None,
                 *, template: CardTemplate | None = None, progress: Progress = NO_PROGRESS) -> MailingPlan:
    """Decide who gets a card and who is skipped (no address, already mailed, missing fields).

    Writes nothing; `produce_mailing` and ``--dry-run`` both start here. Raises
    `UsageError` for an unknown template, tag, contact id or occasion key (suggesting the
    closest one), or an occasion that cannot choose recipients by itself.

    A personal occasion is the one due next (`studio.occasions.selection.personal_for`),
    never next year's because this year's was mailed: that contact is skipped as
    "already in mailing N", whether chosen by hand or by the occasion (``--days``), and
    ``request.force`` includes them again.
    """
    post_on = check_post_on(request.post_on, today)
    from studio.services.printer_profiles import find_profile, with_profile

    settings = with_profile(store.settings.load(), find_profile(store, request.printer), request.duplex)
    check_signature(settings.sender.signature_image)
    check_handwriting(settings.sender.handwriting_font)
    check_offer(settings.offer)
    template = template or get_template(paths, request.template)
    check_photo_settings(template, settings)
    photos = PhotoCheck(template, settings, mailing_photo=mailing_photo(request.photo),
                        own_photos=len(request.photos))
    for contact_id, own in request.photos:
        problem = card_photo_problem(Path(own))
        if problem:
            raise UsageError(f"the photo chosen for contact {contact_id}, {own}, {problem}")
    request = with_output(request, settings, template, stock.load_catalog(paths))
    catalog = check_outputs(request, paths)
    calendar = holiday_calendar()
    key = (check_occasion_key(request.occasion, calendar.catalogue.keys(), template.occasions)
           if request.occasion else next(iter(template.occasions), ""))
    if not key:
        raise UsageError(f"the template {template.id!r} names no occasion; choose one with --occasion")
    kind = occasion_kind(key, calendar)
    name = calendar.catalogue.get(key).name if kind == "holiday" else OCCASION_NAMES.get(
        key, "Thank you" if kind == "thank-you" else key.removeprefix("date:").replace("-", " ").capitalize())
    year = request.year or (holiday_year(key, settings, calendar, today) if kind == "holiday" else None)
    mailed = MailedIndex.load(store)
    events = store.history.events(since=today - dt.timedelta(days=60)) if kind == "thank-you" else []
    if template.thanks_for:  # an order's thank-you card never goes out for a referral
        events = [e for e in events if e.kind in template.thanks_for]
    plan = MailingPlan(occasion_key=key, occasion_name=name, year=year, template=template,
                       output=request.output, mismatch=template_mismatch(template, key, name, kind),
                       post_on=post_on)
    envelope = catalog.envelope(request.envelopes) if request.envelopes else None
    if envelope is not None:
        check_envelope(template, envelope, catalog)
    pieces = mail_pieces.PieceCheck(settings, envelope=envelope,
                                    stock=catalog.label(request.labels) if request.labels else None)

    chosen = _candidates(store, request)
    if chosen is None and kind is None:
        raise UsageError(f"{key!r} is not an occasion Card Studio can date; choose the recipients "
                         "with --tag, --contact or --all")
    pairs: Iterator[tuple[Contact, Occasion | None]]
    if chosen is None and kind == "holiday":
        assert year is not None
        plan.nobody = f"no contact keeps {name} in {year}"
        pairs = ((c, holiday_for(key, c, year, settings, calendar)) for c in store.contacts.iter_all()
                 if calendar.observes(key, contact_country(c, settings.home_country), year, c.tags))
    elif chosen is None:
        plan.nobody = (f"no {name.lower()} card is due by "
                       f"{(today + dt.timedelta(days=request.days)).isoformat()} (--days {request.days})")
        contacts = list(map(_light, store.contacts.iter_all()))
        due = due_soon(key, contacts, settings, calendar, today, request.days, events=events,
                       mailed=mailed.covers)
        by_id = {c.id: c for c in contacts}
        pairs = ((by_id[o.contact_id], o) for o in due)
    else:
        plan.nobody = "none of the chosen contacts is in the address book any more"
        pairs = _chosen_pairs(store, chosen, key, kind, settings, calendar, today, year, events, mailed)

    once = not is_repeatable(key, dated=kind is not None)  # else: may repeat, with a warning when recent
    recent = {} if once else recent_cards(store, key, today)
    doubtful = doubtful_addresses(store)  # a card to that address came back
    kept: list[tuple[Contact, Occasion]] = []
    seen_year: int | None = None  # of the first occasion found, for a mailing everyone is skipped from
    for number, (contact, occasion) in enumerate(pairs):
        if number % 100 == 0:
            progress.step(number, 0, "Choosing recipients")
        assert contact.id is not None
        if occasion is None:
            plan.skipped.append(Skipped(contact.id, contact.name, _no_occasion_reason(kind, key, name, year,
                                                                                  template.thanks_for)))
            continue
        seen_year = seen_year or occasion.date.year
        earlier = mailed.mailing_of(contact.id, key, occasion.date) if once else None
        if earlier is not None and not request.force:
            instance = occasion_instance(key, occasion.date)
            reason = f"already in mailing {earlier} ({instance})"
            plan.skipped.append(Skipped(contact.id, contact.name, reason))
            continue
        instead = calendar.catalogue.kept_instead(key, contact.tags) if kind == "holiday" else None
        if instead is not None:
            reason = (f"tagged {instead.key}: gets a {instead.name} card, not a {name} one "
                      f"(tag them {key} too to send both)")
            plan.skipped.append(Skipped(contact.id, contact.name, reason))
            continue
        problem = address_problem(contact, settings.home_country) or pieces.refusal(contact)
        if not problem and contact.id in doubtful:
            problem = check_address_reason(doubtful[contact.id])
        if problem:
            plan.skipped.append(Skipped(contact.id, contact.name, problem))
            continue
        card = card_context(contact, settings, today=today, kind=key, occasion=occasion,
                            message=request.message_for(contact.id))
        missing = missing_fields(template, card)
        if missing:
            plan.skipped.append(Skipped(contact.id, contact.name, describe_missing(missing)))
            continue
        kept.append((_light(contact), occasion))
        plan.warnings += _address_doubts(contact, settings.home_country)

    unsigned = unsigned_warning(template, settings)
    if unsigned and kept:
        plan.warnings.append(unsigned)
    no_link = missing_link_warning(template, settings)
    if no_link and kept:
        plan.warnings.append(no_link)
    if kept:
        for contact, _ in kept:
            if photos.wants_contact_photos:  # the plan's contacts are light: fetch the photo alone
                photos.add(contact, store.contacts.photo(contact.id))
        plan.warnings += photos.warnings()
    if kept:
        for edge in template_print_area_notes(template, settings, today=today):
            (plan.warnings if edge.is_problem else plan.print_notes).append(f"Printing: {edge}.")
    already = sum(1 for s in plan.skipped if s.reason.startswith("already in mailing"))
    if already:
        of_year = (year or seen_year) if kind is not None else None  # a welcome is of no year
        plan.warnings.append(already_warning(already, name, of_year))
    again = [CardFor(c.name, *recent[c.id]) for c, _ in kept if c.id in recent]
    if again:
        plan.warnings.append(recent_warning(again, name, today))
    if chosen is not None and request.year is None and kind not in (None, "holiday", "thank-you"):
        far = [CardFor(c.name, o.date) for c, o in kept if (o.date - today).days > FAR_AHEAD_DAYS]
        if far:
            plan.warnings.append(far_ahead_warning(far, name, today))
    ordered = mail_pieces.order_recipients([c for c, _ in kept], request.order,
                                           home_country=settings.home_country)
    occasion_of = {c.id: o for c, o in kept}
    plan.recipients = [Recipient(position, contact, occasion_of[contact.id],
                                 _arrival(contact, post_on, settings), request.message_for(contact.id))
                       for position, contact in enumerate(ordered, start=1)]
    if request.messages or request.message:
        names = {r.contact.id: r.contact.name for r in plan.recipients if r.contact.id is not None}
        plan.warnings += message_warnings(store, names, dict(request.messages), request.message)
    if plan.year is None:
        plan.year = plan.recipients[0].occasion.date.year if plan.recipients else seen_year
    return plan


def nobody_to_mail(plan: MailingPlan) -> StudioError:
    """The error for a plan without recipients: every skip reason, or why nobody was considered."""
    reasons = "; ".join(f"{s.contact_name}: {s.reason}" for s in plan.skipped[:10])
    more = f" and {len(plan.skipped) - 10} more" if len(plan.skipped) > 10 else ""
    again = any(s.reason.startswith("already in mailing") for s in plan.skipped)
    return StudioError(f"nobody to mail for {plan.occasion_name}"
                       + (f" ({reasons}{more})" if reasons else f" ({plan.nobody})")
                       + ("; --force mails those already in a mailing again" if again else ""))


def _arrival(contact: Contact, post_on: dt.date, settings: Settings) -> dt.date:
    country = contact_country(contact, settings.home_country)
    return post_on + dt.timedelta(days=transit_days(country, settings))


def leave_out(plan: MailingPlan, contact_ids: Iterable[int]) -> MailingPlan:
    """``plan`` without the recipients in ``contact_ids`` (unticked on review), numbered again
    from 1 so the cards, envelopes, labels and mailing.csv stay in one order."""
    dropped = set(contact_ids)
    if not dropped:
        return plan
    kept = [r for r in plan.recipients if r.contact.id not in dropped]
    return dataclasses.replace(plan, recipients=[dataclasses.replace(r, position=number)
                                                 for number, r in enumerate(kept, start=1)])


def _chosen_pairs(store: Store, ids: Sequence[int], key: str, kind: str | None, settings: Settings,
                  calendar: HolidayCalendar, today: dt.date, year: int | None, events: Sequence[Event],
                  mailed: MailedIndex) -> Iterator[tuple[Contact, Occasion | None]]:
    """Hand-picked or tagged contacts with their occasion (None: they have none)."""
    for contact_id in ids:
        contact = store.contacts.get(contact_id)
        if contact is None:
            continue  # deleted since it was chosen
        if kind is None:
            yield contact, _general_occasion(key, contact, today)
        else:
            yield contact, occasion_for(key, contact, settings, calendar, today, year=year, events=events,
                                        mailed=mailed.covers)
