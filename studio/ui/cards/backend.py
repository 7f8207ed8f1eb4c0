"""What the Cards view asks of the card core, run on pool threads (never the GUI thread).

Each function here is one call into `studio.services.cards` (list, fill, render a panel,
save), the same services as the CLI, plus the turning of a rendered page into a `QImage`
for the screen and a thumbnail cache. Nothing here decides how a card looks: the
template and the renderer do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QImage

from studio.cards import CardTemplate
from studio.cards.errors import Problem, TemplateError
from studio.model import Contact
from studio.paths import AppPaths
from studio.render.images import ImageStore
from studio.render.layout import CardLayout, FitNote
from studio.services import cards as card_service
from studio.settings import Settings


@dataclass(frozen=True)
class TemplateSummary:
    """A template as the gallery lists it."""

    id: str
    name: str
    format: str
    occasions: tuple[str, ...]
    source: str  # "bundled" or "user"
    description: str
    folder: Path | None
    signature: str  # changes whenever the template's files change (thumbnail cache key)


@dataclass
class Gallery:
    templates: list[CardTemplate] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # "card: sentence" lines, no paths


def _signature(template: CardTemplate) -> str:
    digest = hashlib.sha1(template.id.encode())
    if template.folder is not None and template.folder.is_dir():
        for path in sorted(template.folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def summary(template: CardTemplate) -> TemplateSummary:
    return TemplateSummary(
        id=template.id,
        name=template.name,
        format=template.format,
        occasions=tuple(template.occasions),
        source=template.source,
        description=template.description,
        folder=template.folder,
        signature=_signature(template),
    )


def load_gallery(paths: AppPaths) -> Gallery:
    """Every usable template (bundled and the user's) and the problems of broken ones."""
    listing = card_service.list_templates(paths)
    broken = [f"“{_card_of(error, problem)}”: {problem.message if isinstance(problem, Problem) else problem}"
              for error in listing.broken for problem in error.problems]
    return Gallery(templates=listing.templates, broken=broken)


def _card_of(error: TemplateError, problem: str) -> str:
    """The card a problem is in, by its id (its folder's name): a path means nothing here."""
    if error.template:
        return error.template
    return Path(problem.file).parent.name if isinstance(problem, Problem) else "a card"


def editable_copy(template: CardTemplate) -> CardTemplate:
    """A copy to edit in the designer (the compiled form is rebuilt for each preview)."""
    return card_service.editable_copy(template)


def fill(
    template: CardTemplate,
    *,
    contact: Contact | None,
    settings: Settings,
    today: dt.date,
    message: str | None,
    occasion: str | None = None,
) -> CardLayout:
    """``template`` (as edited) filled for ``contact`` or its sample: `card_service.designer_fill`."""
    return card_service.designer_fill(
        template, contact=contact, settings=settings, today=today, message=message, occasion=occasion
    )


def edge_notes(layout: CardLayout, settings: Settings, panel: str) -> list[str]:
    """What of ``panel`` reaches the printer's blank margin on the card's sheet, in words."""
    return [str(edge) for edge in card_service.print_area_notes(layout, settings, panel=panel)]


def render_panel(
    layout: CardLayout, panel: str, dpi: float, images: ImageStore | None = None
) -> tuple[QImage, list[FitNote]]:
    """One panel rendered by the card renderer, as an image of ``dpi`` dots per inch
    (``images``: the preview's artwork, kept across renders)."""
    pdf, notes = card_service.panel_pdf(layout, panel, images=images)
    return _pdf_image(pdf, dpi), notes


def _pdf_image(pdf: bytes, dpi: float) -> QImage:
    """The first page of ``pdf`` as an image of ``dpi`` dots per inch."""
    from studio.render.preview import pdf_page_image

    picture = pdf_page_image(pdf, dpi=dpi).convert("RGBA")
    image = QImage(
        picture.tobytes("raw", "RGBA"),
        picture.width,
        picture.height,
        picture.width * 4,
        QImage.Format.Format_RGBA8888,
    ).copy()  # copy: the bytes object goes away
    return image


def thumbnail(template: CardTemplate, cache_dir: Path, width_px: int) -> QImage:
    """The front of ``template`` filled with its sample, from the cache or freshly rendered."""
    key = _signature(template)
    cached = cache_dir / f"{template.id}-{key}-{width_px}.png"
    if cached.is_file():
        image = QImage(str(cached))
        if not image.isNull():
            return image
    pdf, width_mm = card_service.sample_front_pdf(template)
    image = _pdf_image(pdf, width_px / (width_mm / 25.4))
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob(f"{template.id}-*-{width_px}.png"):
        old.unlink(missing_ok=True)
    image.save(str(cached), "PNG")
    return image


def taken_templates(paths: AppPaths) -> card_service.TakenTemplates:
    """The ids and names a saved card must not collide with: `card_service.taken_templates`."""
    return card_service.taken_templates(paths)


def save_user_template(
    template: CardTemplate, paths: AppPaths, *, template_id: str, name: str, default_message: str | None
) -> CardTemplate:
    """Save the edited ``template`` as the user's own: `card_service.save_user_template`."""
    return card_service.save_user_template(
        paths, template, template_id=template_id, name=name, default_message=default_message
    )
