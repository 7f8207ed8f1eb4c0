"""Card pages: every card of a batch imposed on Letter or A4 sheets, ready for duplex printing.

`render_cards` streams: it draws each `CardLayout` as it is taken from the iterable, a
sheet at a time, so memory does not grow with the number of cards beyond what ReportLab
keeps for the pages it has written. For each sheet it emits the outside page (fronts and
backs), then the inside page, laid out by `studio.render.imposition`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.model import Calibration
from studio.partial_files import temporary_file
from studio.progress import NO_PROGRESS, Progress
from studio.render.address_block import apply_calibration
from studio.render.formats import card_format
from studio.render.images import ImageStore
from studio.render.imposition import SheetPlan, panel_places, plan_sheet
from studio.render.layout import CardLayout, FitNote
from studio.render.marks import draw_marks
from studio.render.panels import check_layout, draw_panel
from studio.render.pdf import DUPLEX_LONG_EDGE, DUPLEX_SHORT_EDGE, SIMPLEX, open_canvas
from studio.render.text import TextCache

SIDES = ("outside", "inside")


def render_cards(layouts: Iterable[CardLayout], out: str | Path | BinaryIO, *, paper: str = "letter",
                 marks: bool = False, progress: Progress = NO_PROGRESS,
                 total: int | None = None, duplex: str = "long",
                 sides: tuple[str, ...] = SIDES, calibration: Calibration | None = None,
                 back_offset: tuple[float, float] = (0.0, 0.0)) -> list[FitNote]:
    """Render every card, in order, into one PDF written to ``out`` (a path or binary file).

    ``paper`` is "letter" or "a4"; ``marks`` adds crop and fold marks. ``duplex`` is how
    the printer turns the sheet: "long" (the imposition's own way) or "short", for which
    each inside page is turned upside down and the PDF asks for a short-edge flip.
    ``sides`` picks the pages: both, or only the outsides or insides (manual two-sided
    printing, where each side is a PDF of its own, asked to print one-sided). ``calibration``
    (a printer profile's for cards) moves and scales every page as printed, turned or not,
    the way labels are (`apply_calibration`). ``back_offset`` (mm, right and down as seen
    from the front against the light) moves each inside page on its own, after the flip
    ``duplex`` names, so the back lines up with the front. ``progress`` is told
    after each card (``total`` if known, else 0) and may cancel. Returns the fit notes
    (text shrunk or overflowing) of all cards. A path is written only when every card has
    been drawn (a failure or cancel leaves any earlier file untouched). Raises StudioError
    for an unknown format, a card that does not fit the paper, bad artwork or markup, or
    an empty batch.
    """
    if duplex not in ("long", "short"):
        raise StudioError(f"duplex {duplex!r} is not long or short")
    options = {"paper": paper, "marks": marks, "progress": progress, "total": total, "duplex": duplex,
               "sides": sides, "calibration": calibration or Calibration(), "back_offset": back_offset}
    if isinstance(out, (str, Path)):
        return _render_to_path(Path(out), layouts, **options)
    return _render(layouts, out, **options)


def _render_to_path(path: Path, layouts: Iterable[CardLayout], **options) -> list[FitNote]:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StudioError(f"Cannot write {path}: the folder {folder} does not exist.")
    if path.exists() and not path.is_file():
        # A device or pipe (/dev/null, /dev/stdout): write straight to it, never rename over it.
        try:
            with path.open("wb") as stream:
                return _render(layouts, stream, **options)
        except OSError as exc:
            raise StudioError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    try:
        temporary = temporary_file(folder / path.name)
    except OSError as exc:
        raise StudioError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    try:
        with temporary.open("wb") as stream:
            notes = _render(layouts, stream, **options)
        # mkstemp makes the file private (0600); a PDF is an ordinary document.
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return notes


def _render(layouts: Iterable[CardLayout], out: BinaryIO, *, paper: str, marks: bool, progress: Progress,
            total: int | None, duplex: str, sides: tuple[str, ...],
            calibration: Calibration, back_offset: tuple[float, float]) -> list[FitNote]:
    notes: list[FitNote] = []
    canvas: Canvas | None = None
    cache: TextCache | None = None
    plan: SheetPlan | None = None
    sheet: list[CardLayout] = []
    done = 0
    with ImageStore() as images:
        for layout in layouts:
            card = card_format(layout.format_id)
            check_layout(layout, card)
            next_plan = plan_sheet(card, paper)
            if canvas is None:
                # The imposition turns each sheet over its long edge (studio.render.imposition);
                # a short-edge printer gets its insides upside down, which it turns right.
                two_sided = DUPLEX_SHORT_EDGE if duplex == "short" else DUPLEX_LONG_EDGE
                hint = SIMPLEX if len(sides) == 1 else two_sided
                canvas = open_canvas(out, next_plan.page_size, title="Cards", duplex=hint)
                cache = TextCache(canvas)
            if sheet and (next_plan is not plan or len(sheet) == len(plan.slots)):
                notes.extend(_draw_sheet(canvas, plan, sheet, images, cache, marks, duplex, sides,
                                         calibration, back_offset))
                sheet = []
            plan = next_plan
            sheet.append(layout)
            done += 1
            progress.step(done, total or 0, layout.label)
        if canvas is None or plan is None:
            raise StudioError("There are no cards to render.")
        notes.extend(_draw_sheet(canvas, plan, sheet, images, cache, marks, duplex, sides,
                                 calibration, back_offset))
        canvas.save()
    return notes


def _draw_sheet(canvas: Canvas, plan: SheetPlan, sheet: list[CardLayout], images: ImageStore,
                cache: TextCache | None, marks: bool, duplex: str, sides: tuple[str, ...],
                calibration: Calibration, back_offset: tuple[float, float]) -> list[FitNote]:
    """The outside page, then the inside page, of one sheet carrying ``sheet``'s cards."""
    notes: list[FitNote] = []
    for side in sides:
        canvas.setPageSize(plan.page_size)
        # The printer's offset is where the page lands as printed: outermost, before any turn.
        canvas.saveState()
        if side == "inside" and any(back_offset):
            right, down = _back_shift(back_offset, duplex)
            canvas.translate(right * mm, -down * mm)
        apply_calibration(canvas, calibration, plan.page_size[1])
        turned = side == "inside" and duplex == "short"
        if turned:  # upside down, about the page's centre
            canvas.saveState()
            canvas.translate(*plan.page_size)
            canvas.rotate(180)
        places = panel_places(plan.card, side)
        for slot, layout in zip(plan.slots, sheet, strict=False):
            cell = slot.cell_outside if side == "outside" else slot.cell_inside
            canvas.saveState()
            # Nothing of this card may reach a neighbour on the sheet, bleed included.
            clip = canvas.beginPath()
            clip.rect(cell[0], cell[1], cell[2] - cell[0], cell[3] - cell[1])
            canvas.clipPath(clip, stroke=0, fill=0)
            canvas.transform(*(slot.outside if side == "outside" else slot.inside))
            for place in places:
                notes.extend(draw_panel(canvas, plan.card, place, layout.panels.get(place.name), images,
                                        layout.label, cache=cache))
            canvas.restoreState()
        if marks:
            draw_marks(canvas, plan, side, len(sheet))
        if turned:
            canvas.restoreState()
        canvas.restoreState()
        canvas.showPage()
    return notes


def _back_shift(back_offset: tuple[float, float], duplex: str) -> tuple[float, float]:
    """The back's offset as seen from the front, in the back page's own right/down: turned
    over the long (side) edge the sheet's right and left swap; over the short (top) edge its
    top and bottom do."""
    across, down = back_offset
    return (across, -down) if duplex == "short" else (-across, down)


def render_card_preview(layout: CardLayout, out_png: Path, *, dpi: int = 100) -> list[FitNote]:
    """One PNG showing the card as the recipient sees it: front, the opened inside, back.

    Unimposed and without bleed; returns the card's fit notes.
    """
    from studio.render.preview import card_preview_pdf, pdf_page_to_png

    pdf, notes = card_preview_pdf(layout)
    pdf_page_to_png(pdf, Path(out_png), dpi=dpi)
    return notes
