"""Label sheets: address blocks placed on a stock's grid, and the calibration page.

Labels fill a sheet left to right, then top to bottom (the order a person peels them),
like gLabels' page renderer. The text of each label is vertically centred inside the
label with a small inner margin, shrunk to fit, a line too long at a readable size
wrapped (`studio.render.address_block`). Nothing prints past a label: a label whose text
does not fit even at the smallest size is left out, its place taken by the next one,
and reported (`SheetRun.refused`).

Pages are written as they are filled, from an iterator of labels: memory does not grow
with the number of labels beyond what ReportLab keeps per page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import UsageError
from studio.model import Calibration, LabelStock
from studio.progress import NO_PROGRESS, Progress
from studio.render.address_block import BlockStyle, Box, SetBlock, apply_calibration, draw_block, set_block
from studio.render.layout import FitNote
from studio.render.lines import draw_line
from studio.render.pdf import open_canvas
from studio.render.stocks import label_rect

OUTLINE_COLOR = colors.Color(0.55, 0.55, 0.55)
ADDRESS_STYLE = BlockStyle(family="sans", size=10.0, min_size=6.0, leading=1.15, wrap_below=8.0)
RETURN_STYLE = BlockStyle(family="sans", size=8.0, min_size=5.0, leading=1.12, wrap_below=6.5)
_MARGIN_X = 2.5  # mm inside each label, left and right: clear of the die cut and corners
_MARGIN_Y = 1.2  # mm, top and bottom


@dataclass(frozen=True)
class LabelText:
    """One label's lines; ``name`` says whose it is in fit notes (usually the contact)."""

    name: str
    lines: tuple[str, ...]


@dataclass
class SheetRun:
    """What a label run produced; ``refused`` are the labels left out, as (name, reason)."""

    labels: int = 0
    pages: int = 0
    notes: list[FitNote] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def text_box(stock: LabelStock, position: int) -> tuple[float, float, float, float]:
    """The area (x, y, width, height in mm from the sheet's top-left) where a label's text
    may go: the label minus the inner margin (more at rounded corners)."""
    x, y, width, height = label_rect(stock, position)
    margin_x = max(_MARGIN_X, stock.corner_radius * 0.8)
    margin_y = min(_MARGIN_Y, height / 8)
    return x + margin_x, y + margin_y, width - 2 * margin_x, height - 2 * margin_y


def check_start(stock: LabelStock, start: int) -> None:
    """Raise UsageError unless ``start`` names a label of the first sheet (1-based)."""
    if not 1 <= start <= stock.per_sheet:
        raise UsageError(f"--start must be between 1 and {stock.per_sheet} "
                         f"(a {stock.brand} {stock.part} sheet has {stock.per_sheet} labels)")


def render_labels(labels: Iterable[LabelText], stock: LabelStock, out: str | Path | BinaryIO, *,
                  calibration: Calibration | None = None, start: int = 1, outline: bool = False,
                  style: BlockStyle = ADDRESS_STYLE, total: int | None = None,
                  progress: Progress = NO_PROGRESS, title: str = "Address labels") -> SheetRun:
    """Write ``labels`` onto sheets of ``stock`` as a PDF, one page per sheet.

    The first ``start - 1`` labels of the first sheet stay blank (already used).
    ``outline`` draws every label's outline, for a test print on plain paper.
    ``calibration`` moves and scales every page (`apply_calibration`). ``total``, when
    known, is only for progress reports. A label whose text cannot fit is left out and
    listed in the run's ``refused``; the next label takes its place. Raises UsageError
    for a bad ``start``.
    """
    check_start(stock, start)
    calibration = calibration or Calibration()
    page_size = (stock.sheet_width * mm, stock.sheet_height * mm)
    canvas = open_canvas(out, page_size, title=title)
    page_stock, stock = stock, stock.laid_out()  # text is set on the label as it reads
    run = SheetRun()
    position = start - 1
    page_open = False
    for number, label in enumerate(labels, start=1):
        box = _text_box_pt(stock, position)
        block = set_block(label.lines, style, box.width, box.height)
        if number % 100 == 0:
            progress.step(number, total or 0, f"Label {number}" + (f" of {total}" if total else ""))
        if not block.fits:
            run.refused.append((label.name, _refusal(stock, block)))
            continue
        if not page_open:
            _begin_page(canvas, page_stock, calibration, outline)
            page_open = True
        draw_block(canvas, block, box, center_block=True)
        note = block.note(style, label.name, "label")
        if note is not None:
            run.notes.append(note)
        run.labels += 1
        position += 1
        if position == stock.per_sheet:
            _end_page(canvas, run)
            page_open, position = False, 0
    if page_open:
        _end_page(canvas, run)
    if run.pages == 0:  # nothing to print still makes a valid, empty sheet
        _begin_page(canvas, page_stock, calibration, outline)
        _end_page(canvas, run)
    canvas.save()
    return run


def _begin_page(canvas: Canvas, stock: LabelStock, calibration: Calibration, outline: bool) -> None:
    """Start a page of ``stock`` (as printed); drawing then goes on ``stock.laid_out()``."""
    canvas.saveState()
    apply_calibration(canvas, calibration, stock.sheet_height * mm)
    if outline:
        draw_outlines(canvas, stock)
    if stock.rotate:  # a quarter turn anticlockwise: the text reads up the label's long edge
        canvas.translate(stock.sheet_width * mm, 0)
        canvas.rotate(90)


def _end_page(canvas: Canvas, run: SheetRun) -> None:
    canvas.restoreState()
    canvas.showPage()
    run.pages += 1


def label_refusal(label: LabelText, stock: LabelStock, style: BlockStyle = ADDRESS_STYLE) -> str:
    """Why `render_labels` would leave ``label`` out on ``stock`` ("" when it fits)."""
    box = _text_box_pt(stock.laid_out(), 0)  # every label of a sheet has the same size
    block = set_block(label.lines, style, box.width, box.height)
    return "" if block.fits else _refusal(stock, block)


def _refusal(stock: LabelStock, block: SetBlock) -> str:
    where = f"{'an' if stock.brand[:1].lower() in 'aeiou' else 'a'} {stock.brand} {stock.part} label"
    return f"the address does not fit on {where}: {block.problem}"


def _text_box_pt(stock: LabelStock, position: int) -> Box:
    x, y, width, height = text_box(stock, position)
    return Box(x * mm, (stock.sheet_height - y) * mm, width * mm, height * mm)


def draw_outlines(canvas: Canvas, stock: LabelStock, numbered: bool = False) -> None:
    """Every label's outline (rounded as the stock's corners), optionally numbered."""
    canvas.saveState()
    canvas.setStrokeColor(OUTLINE_COLOR)
    canvas.setLineWidth(0.4)
    for position in range(stock.per_sheet):
        x, y, width, height = label_rect(stock, position)
        bottom = (stock.sheet_height - y - height) * mm
        radius = min(stock.corner_radius, width / 2, height / 2) * mm
        canvas.roundRect(x * mm, bottom, width * mm, height * mm, radius, stroke=1, fill=0)
        if numbered:
            canvas.setFillColor(OUTLINE_COLOR)
            size = min(7.0, height * mm / 3)
            draw_line(canvas, str(position + 1), (x + width) * mm - 1.5 * mm, bottom + 1.2 * mm, "sans",
                      size, align="right")
    canvas.restoreState()


def repeat(label: LabelText, count: int) -> Iterator[LabelText]:
    """The same label ``count`` times (a sheet of return-address labels)."""
    for _ in range(count):
        yield label
