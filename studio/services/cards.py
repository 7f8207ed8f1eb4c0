"""Card templates for the faces: listing and finding them, what fills one (a contact's
card or the template's sample), the warnings a set of cards comes out with, the desktop
designer's calls, and the id a card the user saves gets.

The CLI (`studio templates`) and the desktop app call these; rendering a batch or a
preview to files is `studio.services.card_render`. ``today`` is always passed in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import (
    CardContext,
    CardTemplate,
    TemplateError,
    card_context,
    fill_card,
    find_templates,
    load_sample,
)
from studio.errors import UsageError
from studio.model import Contact
from studio.paths import AppPaths
from studio.printing.printable_area import EdgeWarning, print_area_warnings
from studio.render.images import ImageStore
from studio.render.layout import CardLayout, FitNote
from studio.settings import Settings


@dataclass
class TemplateListing:
    """The usable templates (sorted by name) and the problems of broken ones."""

    templates: list[CardTemplate] = field(default_factory=list)
    broken: list[TemplateError] = field(default_factory=list)


def unsigned_warning(template: CardTemplate, settings: Settings) -> str | None:
    """A warning when ``template`` prints the sender's name or signature and Settings set
    neither: the cards would come out unsigned. None when signed, or the card has no sender."""
    sender = settings.sender
    if sender.name.strip() or sender.signature_line.strip() or sender.company.strip():
        return None
    sources = [template.message, *(t.text for panel in template.panels for t in panel.texts)]
    if not any("sender" in source for source in sources):
        return None
    return (f"your name is not set (Settings > Sender, or `studio settings --set sender.name=…`): "
            f"the {template.id} cards come out unsigned")


def missing_link_warning(template: CardTemplate, settings: Settings) -> str | None:
    """A warning when ``template`` has a QR box and Settings has no offer link (``offer.url``):
    the cards come out without their code; or when the link names the referral code
    (``sender.ref``) and none is set: the codes would credit nobody. None otherwise."""
    if not any(panel.qr for panel in template.panels):
        return None
    if not settings.offer.url.strip():
        return ("no offer link is set (Settings > Offer on the cards, or `studio settings --set "
                f"offer.url=…`): the {template.id} cards come out without their QR code")
    if "sender.ref" in settings.offer.url and not settings.sender.ref.strip():
        return ("your referral code is not set (Settings > Offer on the cards, or `studio settings --set "
                f"sender.ref=…`): the links in the {template.id} cards' QR codes carry none")
    return None


def template_json(template: CardTemplate) -> dict[str, object]:
    """A template in the documented JSON form of `studio templates --json`."""
    return {"id": template.id, "name": template.name, "format": template.format,
            "occasions": list(template.occasions), "source": template.source}


def list_templates(paths: AppPaths) -> TemplateListing:
    """Every template, bundled and the user's (a user's overrides a bundled one's id)."""
    catalog = find_templates(paths)
    return TemplateListing(templates=catalog.sorted(), broken=catalog.broken)


def get_template(paths: AppPaths | None, template_id: str) -> CardTemplate:
    """The template with ``template_id``.

    Raises `TemplateError` (every problem, with file and line) when that template is
    broken, and `UsageError` naming the known ids when there is none.
    """
    catalog = find_templates(paths)
    if template_id in catalog.templates:
        return catalog.templates[template_id]
    for error in catalog.broken:
        if error.template == template_id or any(f"/{template_id}/" in p for p in error.problems):
            raise error
    known = sorted(catalog.templates)
    close = difflib.get_close_matches(template_id, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UsageError(f"there is no card template '{template_id}'.{hint} "
                     f"Known templates: {', '.join(known) or 'none'} (see `studio templates`).")


def card_for(template: CardTemplate, contact: Contact | None, settings: Settings, *, today: dt.date,
              message: str | None, occasion: str | None = None) -> CardContext:
    """What fills ``template``: ``contact``'s card, or the template's sample without one.

    With the sample, the user's own sender and offer replace the sample's, set or not: a
    preview signed "Maya" while the printed cards come out unsigned would mislead (only the
    sample's photo stays, while the user has none). The sample's language and country stay
    until a sender is set. The occasion defaults to the template's first.
    """
    if contact is None:
        sample = load_sample(template)
        # The sample's photo stands in for the user's until they set one: a photo box
        # shown empty would hide what the card looks like.
        sender = dataclasses.replace(settings.sender, photo=settings.sender.photo or sample.sender.photo)
        card = dataclasses.replace(sample, sender=sender, offer=settings.offer)
        if settings.sender.name.strip():
            card = dataclasses.replace(card, language=settings.language, home_country=settings.home_country)
        return dataclasses.replace(card, message=message) if message else card
    kind = occasion or (template.occasions[0] if template.occasions else "any")
    return card_context(contact, settings, today=today, kind=kind, message=message)


# -- The desktop designer: one function per thing its user does -------------------------


def editable_copy(template: CardTemplate) -> CardTemplate:
    """A copy of ``template`` to edit in the designer (the compiled form is rebuilt per preview)."""
    import copy

    return copy.deepcopy(dataclasses.replace(template, compiled=None))


def designer_fill(template: CardTemplate, *, contact: Contact | None, settings: Settings, today: dt.date,
                  message: str | None, occasion: str | None = None) -> CardLayout:
    """Compile ``template`` (as edited) and fill it for ``contact``, or its sample without one.

    With the sample, the user's own sender replaces the sample's, set or not (`card_for`, as
    `card_render.preview_png` does). The occasion defaults to the template's first. Raises
    `TemplateError` listing what is wrong with the edited template.
    """
    from studio.cards import compile_template

    working = compile_template(dataclasses.replace(template, compiled=None))
    card = card_for(working, contact, settings, today=today, message=message, occasion=occasion)
    return fill_card(working, card)


def print_area_notes(layout: CardLayout, settings: Settings, *, paper: str | None = None,
                     panel: str | None = None) -> list[EdgeWarning]:
    """Where ``layout`` on its sheet reaches into the printer's blank margin (Settings ▸
    Printer); only ``panel``'s, if given. A text box there is a problem (`is_problem`);
    artwork running to the edge is a note (it prints, with a white edge)."""
    return print_area_warnings(layout, paper or settings.paper, settings.printer.margin_mm, panel=panel)


def template_print_area_notes(template: CardTemplate, settings: Settings, *, paper: str | None = None,
                              today: dt.date) -> list[EdgeWarning]:
    """`print_area_notes` of ``template`` filled with its sample (every card has its boxes)."""
    sample = fill_card(template, card_for(template, None, settings, today=today, message=None))
    return print_area_notes(sample, settings, paper=paper)


def panel_pdf(layout: CardLayout, panel: str, *,
              images: ImageStore | None = None) -> tuple[bytes, list[FitNote]]:
    """One panel of a filled card as a one-page PDF by the card renderer, and its fit notes;
    ``images``: a preview's store kept across renders (`studio.render.images.ImageStore`)."""
    from studio.render.preview import panel_preview_pdf

    return panel_preview_pdf(layout, panel, images=images)


def sample_front_pdf(template: CardTemplate) -> tuple[bytes, float]:
    """The front of ``template`` filled with its sample (a gallery thumbnail), and the card width in mm."""
    from studio.render.formats import card_format

    pdf, _ = panel_pdf(fill_card(template, load_sample(template)), "front")
    return pdf, card_format(template.format).width_mm


def save_user_template(paths: AppPaths, template: CardTemplate, *, template_id: str, name: str,
                       default_message: str | None = None) -> CardTemplate:
    """Save the edited ``template`` as the user's own, in the template folder format.

    The folder is ``paths.user_templates_dir / template_id``, replacing one already there;
    a user template with the id of a bundled one overrides it. The designer picks
    ``template_id`` with `choose_template_id`, which never does either silently. Raises
    `TemplateError` if the result does not load.
    """
    from studio.cards import save_template

    mine = dataclasses.replace(template, id=template_id, name=name, source="user", compiled=None)
    if default_message is not None and default_message.strip():
        mine.message = default_message.strip()
    return save_template(mine, paths.user_templates_dir / template_id)


# -- Choosing the id of a card the user saves ---------------------------------------------

_ID_LENGTH = 64  # what a manifest's id may hold (studio.cards.manifest)
_FALLBACK_ID = "my-card"
# Latin letters that Unicode does not decompose into a base letter and an accent.
_LATIN = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
                        "ı": "i", "ŋ": "n", "ħ": "h"})


@dataclass(frozen=True)
class TakenTemplates:
    """The templates a newly saved card must not collide with, by id: id -> name.

    ``mine`` also holds every folder in the user's template folder by its name (a save
    writes into the folder named after the id), with the name "" when its manifest
    cannot be read.
    """

    bundled: dict[str, str] = field(default_factory=dict)
    mine: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveChoice:
    """Where a card saved under a name goes, and what the user should be told first."""

    template_id: str
    replaces: str | None = None  # the name of the user's own card that saving replaces
    bundled: str | None = None  # Card Studio's card of that id or name (kept: both are listed)


def template_id_for(name: str) -> str:
    """The id a name suggests, in lower-case Latin letters, digits and dashes.

    "Lavender Birthday!" -> "lavender-birthday", "Fête à Noël" -> "fete-a-noel"; "" for a
    name with no Latin letters or digits ("Открытка", "生日卡片"): no transliteration
    library is a dependency, so `choose_template_id` falls back to another id.
    """
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_LATIN))
    plain = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:_ID_LENGTH].rstrip("-")


def manifest_id_and_name(folder: Path) -> tuple[str, str]:
    """The id and name a template folder's manifest gives (the folder's name, "" when unreadable)."""
    from studio.cards.catalog import MANIFEST

    try:
        with open(folder / MANIFEST, "rb") as manifest:
            data = tomllib.load(manifest)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return folder.name, ""
    template_id, name = data.get("id"), data.get("name")
    return (template_id if isinstance(template_id, str) and template_id else folder.name,
            name if isinstance(name, str) else "")


def taken_templates(paths: AppPaths, *, bundled: Path | None = None) -> TakenTemplates:
    """The ids of Card Studio's templates and the user's, with their names (manifests only).

    Cheap enough to call before every save: the manifests are read, nothing is compiled.
    """
    from studio.cards import bundled_templates_dir
    from studio.cards.catalog import MANIFEST

    def folders(root: Path) -> list[Path]:
        if not root.is_dir():
            return []
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))

    ours: dict[str, str] = {}
    for folder in folders(bundled or bundled_templates_dir()):
        if (folder / MANIFEST).is_file():
            template_id, name = manifest_id_and_name(folder)
            ours[template_id] = name
    mine: dict[str, str] = {}
    for folder in folders(paths.user_templates_dir):
        template_id, name = manifest_id_and_name(folder)
        mine.setdefault(folder.name, name)
        mine.setdefault(template_id, name)
    return TakenTemplates(bundled=ours, mine=mine)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def choose_template_id(name: str, taken: TakenTemplates, *, based_on: str | None = None) -> SaveChoice:
    """Where a card saved as ``name`` goes: never over a card the user is not told about.

    * The user's own card of the same name (case and spacing aside) is replaced, and
      ``replaces`` says so, so the dialog can warn.
    * Otherwise the id comes from the name (`template_id_for`); for a name without Latin
      letters it is "my-" and the id of the template the card is ``based_on`` (or
      "my-card"). An id already used by one of the user's other cards gets "-2", "-3"…
    * A bundled template's id is never taken (a user template with it would hide Card
      Studio's own): the id gets "my-" in front. ``bundled`` names the card of Card
      Studio's with that id or that name, which stays in the gallery beside the user's.
    """
    name = name.strip()
    for template_id in sorted(taken.mine):
        if template_id not in taken.bundled and name and _same_name(taken.mine[template_id], name):
            return SaveChoice(template_id, replaces=taken.mine[template_id])
    base = template_id_for(name)
    if not base:
        origin = (based_on or "").strip()
        base = origin if origin.startswith("my-") else (f"my-{origin}" if origin else _FALLBACK_ID)
        base = base[:_ID_LENGTH].rstrip("-")
    clash = taken.bundled.get(base)
    if clash is not None:
        base = f"my-{base}"[:_ID_LENGTH].rstrip("-")
    candidate, number = base, 1
    while candidate in taken.bundled or candidate in taken.mine:
        number += 1
        suffix = f"-{number}"
        candidate = base[:_ID_LENGTH - len(suffix)].rstrip("-") + suffix
    if clash is None:  # a card of Card Studio's with the same name: the two show side by side
        clash = next((ours for ours in taken.bundled.values() if name and _same_name(ours, name)), None)
    return SaveChoice(candidate, bundled=clash)
