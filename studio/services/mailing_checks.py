"""What a mailing request is checked against before any work: the posting day, the
envelopes and label stock it names (or the envelope its cards go in), and whether the
template is made for the occasion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from studio.cards import CardTemplate
from studio.errors import StudioError, UsageError
from studio.model import Contact, EnvelopeSize
from studio.paths import AppPaths
from studio.render.formats import card_format
from studio.render.labels import check_start
from studio.render.stocks import StockCatalog, takes_card
from studio.services import mail_pieces, stock
from studio.settings import Settings

if TYPE_CHECKING:  # the plan's own module imports these checks
    from studio.services.mailing_plan import MailingPlan, MailingRequest


def check_post_on(post_on: dt.date | None, today: dt.date) -> dt.date:
    """The posting day: ``post_on``, or today when None. Raises `UsageError` for a day before
    today: cards cannot be posted in the past, and their arrival would be reckoned wrong."""
    if post_on is None:
        return today
    if post_on < today:
        raise UsageError(f"the posting date {post_on.isoformat()} is before today ({today.isoformat()}): "
                         "choose today or a later day")
    return post_on


def with_output(request: MailingRequest, settings: Settings, template: CardTemplate | None = None,
                catalog: StockCatalog | None = None) -> MailingRequest:
    """``request``, with envelopes when it asks for no output: those of
    `Settings.envelope_size` if ``template``'s cards go in them, else the smallest
    envelope of ``catalog`` (the bundled stock when None) that takes them (a 5×7 card is
    never put in the default A2)."""
    if request.envelopes or request.labels:
        return request
    envelope = settings.envelope_size
    if template is not None:
        catalog = catalog or stock.load_catalog()
        card = card_format(template.format)
        try:
            fits = takes_card(catalog.envelope(envelope), card)
        except StudioError:
            fits = False
        if not fits:
            smallest = catalog.envelopes_for(card)
            envelope = smallest[0].id if smallest else envelope
    return dataclasses.replace(request, envelopes=envelope)


def check_outputs(request: MailingRequest, paths: AppPaths | None) -> StockCatalog:
    """Fail on an unknown envelope, label stock, start position or order before any work;
    returns the stock catalog they were found in."""
    mail_pieces.order_key(Contact(), request.order)
    catalog = stock.load_catalog(paths)
    if request.envelopes:
        catalog.envelope(request.envelopes)
    if request.labels:
        check_start(catalog.label(request.labels), request.start)
    return catalog


def template_mismatch(template: CardTemplate, key: str, name: str, kind: str | None) -> str | None:
    """One sentence when ``template`` is not made for occasion ``key`` (a birthday card as
    the Christmas mailing), None when it is: the template lists the key, "any", or, for a
    holiday, "holiday" (a "Happy holidays" card)."""
    occasions = {o.casefold() for o in template.occasions}
    if key in occasions or "any" in occasions or (kind == "holiday" and "holiday" in occasions):
        return None
    made_for = ", ".join(template.occasions) or "no occasion"
    return (f"the template {template.id} ({template.name}) is made for {made_for}, not for {name} ({key}); "
            "choose a template for this occasion, or insist with --any-template")


def check_template(plan: MailingPlan, request: MailingRequest) -> None:
    """Raise `StudioError` with `MailingPlan.mismatch` unless ``request.any_template`` insists."""
    if plan.mismatch and not request.any_template:
        raise StudioError(plan.mismatch)


def check_envelope(template: CardTemplate, envelope: EnvelopeSize, catalog: StockCatalog) -> None:
    """Refuse ``envelope`` when the template's cards do not go in it, naming ones they do."""
    card = card_format(template.format)
    if takes_card(envelope, card):
        return
    fitting = [e.id for e in catalog.envelopes_for(card)][:3]
    advice = f"use {', '.join(fitting)} (--envelopes)" if fitting else "choose a custom size (custom:WxH)"
    raise StudioError(f"{template.id} cards ({card.name}) do not fit {envelope.id} envelopes "
                     f"({envelope.width:.0f} x {envelope.height:.0f} mm); {advice}")
