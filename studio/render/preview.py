"""Previews: one card laid out as its recipient sees it, and PDF pages turned into PNGs."""

from __future__ import annotations

import contextlib
import threading
from io import BytesIO
from pathlib import Path

import pypdfium2
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.units import mm

from studio.errors import StudioError
from studio.render.formats import card_format
from studio.render.images import ImageStore
from studio.render.imposition import Matrix, PanelPlace, fold_line, panel_places
from studio.render.layout import CardLayout, FitNote
from studio.render.lines import draw_line
from studio.render.panels import check_layout, draw_panel
from studio.render.pdf import open_canvas

_MARGIN = 8 * mm
_GAP = 12 * mm
_CAPTION = 9.0  # points
_PAGE_COLOUR = colors.HexColor("#e9e7e3")
_SHADOW = colors.HexColor("#c9c5bf")


def card_preview_pdf(layout: CardLayout) -> tuple[bytes, list[FitNote]]:
    """A one-page PDF: the front, the inside opened flat, and the back, each upright.

    A folded card shows three pictures (front, inside spread with its fold dashed, back);
    a flat card two (front, back). Artwork is trimmed at the card's edge, as after cutting.
    """
    card = card_format(layout.format_id)
    check_layout(layout, card)
    width, height = card.width_mm * mm, card.height_mm * mm
    flat_w, flat_h = (size * mm for size in card.flat_size_mm)
    if card.folded:
        views = [("Front", "outside", ("front",), width, height),
                 ("Inside", "inside", ("inside-cover", "inside"), flat_w, flat_h),
                 ("Back", "outside", ("back",), width, height)]
    else:
        views = [("Front", "outside", ("front",), width, height),
                 ("Back", "inside", ("back",), width, height)]
    tallest = max(view[4] for view in views)
    page_w = 2 * _MARGIN + sum(view[3] for view in views) + _GAP * (len(views) - 1)
    page_h = 2 * _MARGIN + tallest + 2 * _CAPTION
    out = BytesIO()
    canvas = open_canvas(out, (page_w, page_h), title=f"Preview: {layout.label}")
    canvas.setFillColor(_PAGE_COLOUR)
    canvas.rect(0, 0, page_w, page_h, stroke=0, fill=1)
    notes: list[FitNote] = []
    x = _MARGIN
    base = _MARGIN + 2 * _CAPTION
    with ImageStore() as images:
        for caption, side, names, view_w, view_h in views:
            y = base + (tallest - view_h) / 2
            canvas.setFillColor(_SHADOW)
            canvas.rect(x + 1.5, y - 1.5, view_w, view_h, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.rect(x, y, view_w, view_h, stroke=0, fill=1)
            for place in panel_places(card, side):
                if place.name not in names:
                    continue
                canvas.saveState()
                canvas.translate(x, y)
                if len(names) == 1:
                    # Undo the panel's placement on the piece: it stands upright at the view's corner.
                    canvas.transform(*_unplaced(place))
                canvas.saveState()
                clip = canvas.beginPath()
                clip.rect(place.x, place.y, place.width, place.height)
                canvas.clipPath(clip, stroke=0, fill=0)
                notes.extend(draw_panel(canvas, card, place, layout.panels.get(place.name), images,
                                        layout.label, bleed=False))
                canvas.restoreState()
                canvas.restoreState()
            if len(names) > 1:
                _dashed_fold(canvas, card, x, y)
            canvas.setFillColor(colors.HexColor("#555555"))
            draw_line(canvas, caption, x + view_w / 2, _MARGIN, "sans", _CAPTION, align="center")
            x += view_w + _GAP
    canvas.showPage()
    canvas.save()
    return out.getvalue(), notes


def _unplaced(place: PanelPlace) -> Matrix:
    """The inverse of ``place.matrix`` (a translation, or a half-turn which is its own inverse)."""
    if place.rotation == 180:
        return place.matrix
    return (1.0, 0.0, 0.0, 1.0, -place.x, -place.y)


def _dashed_fold(canvas, card, x: float, y: float) -> None:
    segment = fold_line(card)
    if segment is None:
        return
    (x0, y0), (x1, y1) = segment
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#9a958e"))
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    canvas.line(x + x0, y + y0, x + x1, y + y1)
    canvas.restoreState()


# PDFium is not thread-safe: two threads inside it at once crash the process (seen when
# the desktop gallery drew two thumbnails on its pool). Every use goes through this lock.
_PDFIUM_LOCK = threading.Lock()


def pdf_page_image(pdf: bytes | Path, *, page: int = 0, dpi: float = 100) -> Image.Image:
    """One page (0-based) of a PDF rasterised with pypdfium2, safe from any thread."""
    with _PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
        except pypdfium2.PdfiumError as exc:
            raise StudioError(f"Cannot read the PDF to preview it ({exc}).") from exc
        try:
            if not 0 <= page < len(document):
                raise StudioError(f"The PDF has {len(document)} page(s); there is no page {page + 1}.")
            return document[page].render(scale=dpi / 72).to_pil()
        finally:
            document.close()


def pdf_page_to_png(pdf: bytes | Path, out_png: Path, *, page: int = 0, dpi: int = 100) -> Path:
    """Rasterise one page (0-based) of a PDF to ``out_png``; returns the path."""
    picture = pdf_page_image(pdf, page=page, dpi=dpi)
    out_png = Path(out_png)
    try:
        picture.save(out_png, "PNG")
    except OSError as exc:
        raise StudioError(f"Cannot write the preview {out_png}: {exc.strerror or exc}.") from exc
    return out_png


def panel_preview_pdf(layout: CardLayout, panel: str, *,
                      images: ImageStore | None = None) -> tuple[bytes, list[FitNote]]:
    """One panel of the card, upright, on a page of the finished card's size, without bleed.

    The desktop designer shows this page and draws its text-box handles over it (mm from
    the page's top-left corner, as in the layout). Returns the PDF and the fit notes of
    that panel's text. Raises StudioError for an unknown format or panel. ``images`` is a
    store kept across previews (its artwork prepared once); by default one for this page.
    """
    card = card_format(layout.format_id)
    check_layout(layout, card)
    card.check_panel(panel)
    place = next(p for side in ("outside", "inside") for p in panel_places(card, side) if p.name == panel)
    out = BytesIO()
    canvas = open_canvas(out, (place.width, place.height), title=f"{panel}: {layout.label}")
    canvas.setFillColor(colors.white)
    canvas.rect(0, 0, place.width, place.height, stroke=0, fill=1)
    with contextlib.nullcontext(images) if images is not None else ImageStore() as art:
        canvas.saveState()
        canvas.transform(*_unplaced(place))
        clip = canvas.beginPath()
        clip.rect(place.x, place.y, place.width, place.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        notes = draw_panel(canvas, card, place, layout.panels.get(panel), art, layout.label, bleed=False)
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return out.getvalue(), notes
