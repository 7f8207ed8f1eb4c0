"""Filling a compiled template for one card: Jinja texts in, a `CardLayout` out.

The layout carries finished paragraph markup and boxes in mm; the renderer
(`studio.render.cards`) draws it without knowing about Jinja.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from markupsafe import Markup

from studio.cards.context import CardContext, jinja_variables, missing_requirements, typed_message
from studio.cards.errors import TemplateError
from studio.cards.occasion import OccasionDating
from studio.cards.offer import offer_view
from studio.cards.spec import CardTemplate
from studio.model import Contact, Occasion
from studio.render.layout import HANDWRITING, CardLayout, ImageBox, PanelContent, QrBox, TextBox
from studio.settings import Settings

_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def _compiled(template: CardTemplate):  # noqa: ANN202 - CompiledTemplate, imported lazily
    if template.compiled is None:
        raise TemplateError([f"{template.manifest_path or template.id}:1: the template was not "
                             "checked before use (load it with studio.cards.load_template)"],
                            template=template.id)
    return template.compiled


def card_context(contact: Contact, settings: Settings, *, today: dt.date, kind: str,
                 occasion: Occasion | None = None, message: str | None = None,
                 dating: OccasionDating | None = None, mailing_photo: str = "",
                 posting: dt.date | None = None) -> CardContext:
    """The context for a card to ``contact`` from the sender, language and offer in ``settings``.

    Without an ``occasion``, the next ``kind`` occasion is used (``dating``, kept across
    a batch, caches the holiday calendars). ``mailing_photo`` is the photo chosen for the
    whole run (the "mailing.photo" boxes). ``posting`` is the day the card goes in the
    post (today when None): the offer's expiry counts from it.
    """
    if occasion is None:
        occasion = (dating or OccasionDating(settings)).occasion_for(kind, contact, today)
    return CardContext(contact=contact, occasion=occasion, sender=settings.sender, today=today,
                       language=settings.language, home_country=settings.home_country,
                       feb29=settings.feb29, message=message, mailing_photo=mailing_photo,
                       offer=settings.offer, posting=posting)


def missing_fields(template: CardTemplate, card: CardContext) -> list[str]:
    """The template's required fields (``requires``) this card lacks, e.g. ["contact.birthday"].

    Check it before rendering: a contact lacking a required field gets no card.
    """
    return missing_requirements(template.requires, jinja_variables(card))


def fill_card(template: CardTemplate, card: CardContext, *, label: str | None = None) -> CardLayout:
    """The card ``template`` makes for ``card``; raises `TemplateError` if a text fails.

    ``message`` is the user's typed message (escaped, line breaks kept) when the
    context has one, else the template's default message filled for this card. A QR box
    prints the offer's link (Settings: ``offer.url``) and is left out when none is set.
    """
    compiled = _compiled(template)
    variables = jinja_variables(card)
    offer = offer_view(card, variables)
    variables["offer"] = offer
    if card.message is not None and card.message.strip():
        message = typed_message(card.message)
    elif compiled.message is not None:
        message = _tidy(compiled.message.render({**variables, "message": Markup("")}))
    else:
        message = Markup("")
    variables["message"] = message
    panels: dict[str, PanelContent] = {}
    for panel in template.panels:
        content = PanelContent(name=panel.name, background=panel.background)
        width, height = compiled.panel_size
        replaced: set[str] = set()
        for index, image in enumerate(panel.images):
            box = ImageBox(name=image.name or f"{panel.name}-image-{index + 1}", x=image.x, y=image.y,
                           width=image.width or width - image.x, height=image.height or height - image.y,
                           path=Path(image.file), fit=image.fit, bleed=image.bleed, focus=image.focus)
            if image.source:
                sourced = sourced_image(image.source, card, box)
                if sourced is None:
                    continue  # no such picture for this card: the box is left out, the rest prints
                box = sourced
                replaced.add(image.replaces)
            else:
                box.path = compiled.images[(panel.name, index)]
            content.images.append(box)
        if offer.url:  # Missing (false) when no link is set: the code is left out
            content.codes.extend(QrBox(name=code.name, x=code.x, y=code.y, size=code.size,
                                       data=str(offer.url), color=code.color, level=code.level)
                                 for code in panel.qr)
        own_hand = card.sender.handwriting_font.strip()  # "": the script face, written straight
        for box in panel.texts:
            if box.name in replaced:
                continue
            text = compiled.texts[(panel.name, box.name)].render(variables)
            written = box.font == HANDWRITING
            content.texts.append(TextBox(
                name=box.name, x=box.x, y=box.y, width=box.width, height=box.height, text=_tidy(text),
                font=box.font, size=box.size, min_size=box.min_size, color=box.color,
                align=box.align, valign=box.valign, leading=box.leading,
                font_file=own_hand if written else "",
                jitter=_jitter_seed(card) if written and own_hand and card.sender.handwriting_jitter else ""))
        panels[panel.name] = content
    return CardLayout(format_id=template.format, panels=panels,
                      label=label if label is not None else card.contact.name or template.name)


def suggested_openings(template: CardTemplate, card: CardContext) -> list[str]:
    """The template's ``openings`` filled for ``card``, as plain text to start a message from."""
    variables = {**jinja_variables(card), "message": Markup("")}
    openings = _compiled(template).openings
    filled = [" ".join(opening.render(variables).striptags().split()) for opening in openings]
    return [text for text in filled if text]


def fill_for_contact(template: CardTemplate, contact: Contact, settings: Settings, *, today: dt.date,
                     occasion: Occasion | None = None, message: str | None = None,
                     dating: OccasionDating | None = None) -> CardLayout:
    """Fill ``template`` for ``contact`` (the occasion defaults to the template's first)."""
    kind = template.occasions[0] if template.occasions else "any"
    card = card_context(contact, settings, today=today, kind=kind, occasion=occasion, message=message,
                        dating=dating)
    return fill_card(template, card)


def sourced_image(source: str, card: CardContext, box: ImageBox) -> ImageBox | None:
    """``box`` filled with the picture ``source`` names for ``card``; None when the card has
    none (no signature picture, a contact without a photo, no photo chosen for the run)."""
    if source == "signature":
        path = card.sender.signature_image.strip()
        return dataclasses.replace(box, path=Path(path)) if path else None
    if source == "contact.photo":
        if not card.contact.photo:
            return None
        name = card.contact.name or "the contact"
        return dataclasses.replace(box, path=Path(f"{name}.photo"), data=card.contact.photo, photo=True,
                                   described=f"{name}'s photo")
    if source == "sender.photo":
        path = card.sender.photo.strip()
        return dataclasses.replace(box, path=Path(path), photo=True,
                                   described=f"Your photo {path}") if path else None
    if source == "mailing.photo":
        path = card.mailing_photo.strip()
        return dataclasses.replace(box, path=Path(path), photo=True,
                                   described=f"The photo {path} chosen for this run") if path else None
    raise TemplateError([f"image source '{source}' is unknown"])


def _jitter_seed(card: CardContext) -> str:
    """The same for one person's card every time it is printed, different between people."""
    return f"{card.contact.id or ''}:{card.contact.name}"


def _tidy(text: str) -> Markup:
    """Trim the text and fold runs of blank lines (Jinja's block tags leave them) into one."""
    return Markup(_BLANK_LINES.sub("\n\n", str(text).strip()))
