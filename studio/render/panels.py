"""Drawing one panel of a card: background, artwork, then text, in the panel's upright frame."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.render.formats import CardFormat
from studio.render.images import ImageStore
from studio.render.imposition import PanelPlace
from studio.render.layout import CardLayout, FitNote, PanelContent
from studio.render.qr import draw_qr
from studio.render.text import TextCache, draw_text_box, parse_color


def check_layout(layout: CardLayout, card: CardFormat) -> None:
    """StudioError naming the card when the layout has a panel its format does not."""
    unknown = sorted(set(layout.panels) - set(card.panels))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise StudioError(f"Card '{layout.label or '?'}': format '{card.id}' has no panel {names}; "
                          f"its panels are: {', '.join(card.panels)}.")


def draw_panel(canvas: Canvas, card: CardFormat, place: PanelPlace, content: PanelContent | None,
               images: ImageStore, label: str, *, bleed: bool = True,
               cache: TextCache | None = None) -> list[FitNote]:
    """Draw ``content`` on ``place``; the canvas must be in piece coordinates (points).

    Background and artwork are clipped to the panel plus the bleed on its outer edges
    (``bleed=False``: to the panel itself, for previews); QR codes come over the artwork;
    text is never clipped. Returns
    the fit notes of its text boxes. ``cache`` replays text boxes drawn before on this canvas.
    """
    if content is None or not (content.background or content.images or content.texts or content.codes):
        return []
    notes: list[FitNote] = []
    bleed_pt = card.bleed_mm * mm if bleed else 0.0
    canvas.saveState()
    canvas.transform(*place.matrix)
    if content.background or content.images:
        x0, y0, x1, y1 = place.bleed_box(bleed_pt)
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(x0, y0, x1 - x0, y1 - y0)
        canvas.clipPath(path, stroke=0, fill=0)
        if content.background:
            canvas.setFillColor(parse_color(content.background, f"Card '{label}': panel '{content.name}'"))
            canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
        for image in content.images:
            images.draw(canvas, image, place.width, place.height, bleed_pt)
        canvas.restoreState()
    for code in content.codes:
        draw_qr(canvas, code, place.height, label)
    for box in content.texts:
        note = draw_text_box(canvas, box, 0.0, place.height, card=label, cache=cache)
        if note is not None:
            notes.append(note)
    canvas.restoreState()
    return notes
