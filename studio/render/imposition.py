"""Where each panel of each card goes on the printed sheet, and which way up.

Vocabulary:

* the *piece*: one card printed flat (both panels side by side for a side fold, one above
  the other for a top fold), in its own coordinates, points, origin bottom-left;
* the *outside* side of the piece (front and back) and the *inside* side as the recipient
  sees it when the card is opened (inside-cover and inside, both upright);
* the *sheet*: a Letter or A4 page carrying one or more pieces, printed duplex: an outside
  page, then an inside page.

Duplex printers turn a portrait sheet over its long edge (the default "flip on long
edge"), so the inside page's point (x, y) lies behind the outside page's (W - x, y). A
side-fold card is opened the same way, but a top-fold card is opened over its horizontal
fold; `Slot.inside` composes these flips so every panel lands behind the right panel and
reads upright once folded. On the outside of a top-fold card the back panel is printed
upside-down: folded, it is upright when the card is turned over.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.units import mm

from studio.errors import StudioError
from studio.render.formats import CardFormat, paper_size_mm

Matrix = tuple[float, float, float, float, float, float]  # PDF order: a b c d e f
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2,
            a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)


def bounds(matrix: Matrix, box: Box) -> Box:
    """The axis-aligned box covering ``box`` after ``matrix`` (exact for right angles)."""
    x0, y0, x1, y1 = box
    corners = [apply(matrix, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs = [x for x, _ in corners]
    ys = [y for _, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class PanelPlace:
    """A panel's rectangle on one side of the piece, upright or turned 180°.

    ``fold_side`` names the panel's edge, in its own upright frame, that lies on the
    fold ("left", "right", "top", "bottom"), or None: artwork bleeds past every other edge.
    """

    name: str
    x: float
    y: float
    width: float
    height: float
    rotation: int  # 0 or 180
    fold_side: str | None

    @property
    def matrix(self) -> Matrix:
        """Panel coordinates (upright, origin bottom-left) to piece coordinates."""
        if self.rotation == 180:
            return (-1.0, 0.0, 0.0, -1.0, self.x + self.width, self.y + self.height)
        return (1.0, 0.0, 0.0, 1.0, self.x, self.y)

    def bleed_box(self, bleed: float) -> Box:
        """The panel rectangle in its own coordinates, grown by ``bleed`` except at the fold."""
        grow = {side: (0.0 if side == self.fold_side else bleed)
                for side in ("left", "right", "top", "bottom")}
        return (-grow["left"], -grow["bottom"], self.width + grow["right"], self.height + grow["top"])


def panel_places(card: CardFormat, side: str) -> tuple[PanelPlace, ...]:
    """The panels of the ``side`` ("outside" or "inside", opened view) of the piece."""
    width, height = card.width_mm * mm, card.height_mm * mm
    if side not in ("outside", "inside"):
        raise ValueError(side)
    if card.fold == "side":
        if side == "outside":
            return (PanelPlace("back", 0, 0, width, height, 0, "right"),
                    PanelPlace("front", width, 0, width, height, 0, "left"))
        return (PanelPlace("inside-cover", 0, 0, width, height, 0, "right"),
                PanelPlace("inside", width, 0, width, height, 0, "left"))
    if card.fold == "top":
        if side == "outside":
            return (PanelPlace("front", 0, 0, width, height, 0, "top"),
                    PanelPlace("back", 0, height, width, height, 180, "top"))
        return (PanelPlace("inside", 0, 0, width, height, 0, "top"),
                PanelPlace("inside-cover", 0, height, width, height, 0, "bottom"))
    return (PanelPlace("front" if side == "outside" else "back", 0, 0, width, height, 0, None),)


def fold_line(card: CardFormat) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The fold as a segment in piece coordinates (same on both sides), or None."""
    width, height = card.width_mm * mm, card.height_mm * mm
    if card.fold == "side":
        return ((width, 0.0), (width, height))
    if card.fold == "top":
        return ((0.0, height), (width, height))
    return None


def piece_flip(card: CardFormat) -> Matrix:
    """Outside piece coordinates to the opened inside view of the same physical point."""
    flat_width, flat_height = (size * mm for size in card.flat_size_mm)
    if card.fold == "top":
        return (1.0, 0.0, 0.0, -1.0, 0.0, flat_height)
    return (-1.0, 0.0, 0.0, 1.0, flat_width, 0.0)


@dataclass(frozen=True)
class Slot:
    """One piece on the sheet: matrices from piece coordinates to each page, the trimmed
    piece's box on each page, and the box its bleed may fill (never a neighbour's)."""

    outside: Matrix
    inside: Matrix
    trim_outside: Box
    trim_inside: Box
    cell_outside: Box
    cell_inside: Box


@dataclass(frozen=True)
class SheetPlan:
    """How ``card`` is laid out on ``paper``: page size in points and the slots in order
    (top to bottom, then left to right on the outside page)."""

    card: CardFormat
    paper: str
    page_size: tuple[float, float]
    slots: tuple[Slot, ...]
    rotated: bool


# What an office printer leaves unprinted at each paper edge: 4.2 mm on most lasers, 3 to 5 mm
# on inkjets (the larger bottom margin of older inkjets is 6.35 mm on Letter, rarely hit here).
PRINTER_MARGIN_MM = 5.0


@functools.lru_cache(maxsize=64)
def plan_sheet(card: CardFormat, paper: str) -> SheetPlan:
    """Fit as many pieces of ``card`` on ``paper`` as possible, turned 90° if that fits more.

    Pieces are centred on the sheet with gutters between them (up to twice the bleed) when
    there is room. A flat card (a postcard) keeps `PRINTER_MARGIN_MM` clear of every paper
    edge, so its picture and its address side print whole: four A6 postcards would fill A4
    to the edge, where no office printer prints, so A4 takes two. A folded card's flat piece
    is half a sheet by convention (two A2 cards on Letter, cut apart), and stays so.
    Raises StudioError if not even one piece fits.
    """
    page_w, page_h = (size * mm for size in paper_size_mm(paper))
    flat_w, flat_h = (size * mm for size in card.flat_size_mm)
    bleed = card.bleed_mm * mm
    margin = 0.0 if card.folded else 2 * PRINTER_MARGIN_MM * mm
    best: tuple[int, bool, int, int] | None = None
    for rotated in (False, True):
        piece_w, piece_h = (flat_h, flat_w) if rotated else (flat_w, flat_h)
        across = int((page_w - margin + 0.01) // piece_w)
        down = int((page_h - margin + 0.01) // piece_h)
        if across * down and (best is None or across * down > best[0]):
            best = (across * down, rotated, across, down)
    if best is None:
        raise StudioError(
            f"A {card.name} ({card.flat_size_mm[0]:.0f}×{card.flat_size_mm[1]:.0f} mm flat) does not fit "
            f"on {paper} paper; choose one of: {', '.join(card.papers)}.")
    _, rotated, across, down = best
    piece_w, piece_h = (flat_h, flat_w) if rotated else (flat_w, flat_h)
    gutter_x = min((page_w - across * piece_w) / (across + 1), 2 * bleed) if across > 1 else 0.0
    gutter_y = min((page_h - down * piece_h) / (down + 1), 2 * bleed) if down > 1 else 0.0
    left = (page_w - across * piece_w - (across - 1) * gutter_x) / 2
    bottom = (page_h - down * piece_h - (down - 1) * gutter_y) / 2
    reach_x = bleed if across == 1 else min(bleed, gutter_x / 2)
    reach_y = bleed if down == 1 else min(bleed, gutter_y / 2)
    sheet_flip: Matrix = (-1.0, 0.0, 0.0, 1.0, page_w, 0.0)
    flip = piece_flip(card)
    slots = []
    for row in range(down):
        for column in range(across):
            x = left + column * (piece_w + gutter_x)
            y = bottom + (down - 1 - row) * (piece_h + gutter_y)
            # Turned pieces are rotated 90° anticlockwise: the piece's bottom edge faces right.
            outside: Matrix = (0.0, 1.0, -1.0, 0.0, x + flat_h, y) if rotated else (1.0, 0.0, 0.0, 1.0, x, y)
            inside = compose(compose(sheet_flip, outside), flip)
            piece: Box = (0.0, 0.0, flat_w, flat_h)
            trim_out, trim_in = bounds(outside, piece), bounds(inside, piece)
            slots.append(Slot(outside, inside, trim_out, trim_in,
                              _grow(trim_out, reach_x, reach_y), _grow(trim_in, reach_x, reach_y)))
    return SheetPlan(card, paper, (page_w, page_h), tuple(slots), rotated)


def _grow(box: Box, dx: float, dy: float) -> Box:
    return (box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy)
