"""Where an envelope lies on the page the printer is sent: turned and placed as it is fed.

A driver that refuses an envelope-sized page still prints a Letter or A4 page; the
envelope, fed into the tray against the centre guides or one side, is then printed on the
part of that page it lies under. The page's top edge goes into the printer first, so the
envelope lies against the page's top edge, centred across it (``feed="centre"``) or
against its left edge (``"edge"``), turned ``rotation`` degrees anticlockwise (the
envelope's own top edge, as it reads, towards the page's left at 90).

Without a carrier page the page is the envelope itself, turned the same way (a portrait
page for a driver that wants the envelope short edge first).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.model import CARRIERS, ENVELOPE_FEEDS, ROTATIONS

CARRIER_SIZES = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}  # mm, portrait


@dataclass(frozen=True)
class EnvelopeFeed:
    """How envelopes go into the printer (from a `PrinterProfile`)."""

    feed: str = "centre"
    rotation: int = 0
    carrier: str = "none"  # "none", "letter" or "a4"

    def __post_init__(self) -> None:
        if self.feed not in ENVELOPE_FEEDS or self.rotation not in ROTATIONS or self.carrier not in CARRIERS:
            raise StudioError(f"an envelope feed of {self.feed!r}, {self.rotation}° on {self.carrier!r} "
                              f"is not one Card Studio knows (feed {', '.join(ENVELOPE_FEEDS)}; rotation "
                              f"{', '.join(map(str, ROTATIONS))}; page {', '.join(CARRIERS)})")


@dataclass(frozen=True)
class Placement:
    """The page (mm) and where the envelope lies on it: its turned box's left and top (mm
    from the page's top-left corner) and size."""

    page: tuple[float, float]
    left: float
    top: float
    width: float  # of the turned envelope on the page
    height: float
    rotation: int

    @property
    def is_plain(self) -> bool:
        """The page is the envelope, not turned: nothing to transform."""
        return (self.rotation == 0 and (self.left, self.top) == (0, 0)
                and self.page == (self.width, self.height))


def place_envelope(width: float, height: float, feed: EnvelopeFeed, name: str = "") -> Placement:
    """Where a ``width`` x ``height`` mm envelope (as it reads) lies on the page fed.

    Raises StudioError when the turned envelope is larger than the carrier page."""
    turned = (height, width) if feed.rotation in (90, 270) else (width, height)
    if feed.carrier == "none":
        return Placement(turned, 0.0, 0.0, *turned, feed.rotation)
    page = CARRIER_SIZES[feed.carrier]
    if turned[0] > page[0] + 0.01 or turned[1] > page[1] + 0.01:
        hint = "; turn it 90 or 270 degrees (envelope_rotation)" if feed.rotation in (0, 180) else ""
        raise StudioError(f"the {name or 'envelope'} envelope, {turned[0]:.0f} x {turned[1]:.0f} mm as it "
                          "is fed, "
                          f"does not fit on a {feed.carrier.upper() if feed.carrier == 'a4' else 'Letter'} "
                          f"page ({page[0]:.0f} x {page[1]:.0f} mm){hint}")
    left = (page[0] - turned[0]) / 2 if feed.feed == "centre" else 0.0
    return Placement(page, left, 0.0, *turned, feed.rotation)


def enter_envelope(canvas: Canvas, placement: Placement) -> None:
    """Make the envelope's own coordinates (points, origin at its bottom-left as it reads)
    land where ``placement`` puts it. Call inside ``saveState``/``restoreState``."""
    if placement.is_plain:
        return
    page_h = placement.page[1]
    x0, y0 = placement.left * mm, (page_h - placement.top - placement.height) * mm
    w, h = placement.width * mm, placement.height * mm  # the turned box
    if placement.rotation == 0:
        canvas.translate(x0, y0)
    elif placement.rotation == 90:
        canvas.translate(x0 + w, y0)
        canvas.rotate(90)
    elif placement.rotation == 180:
        canvas.translate(x0 + w, y0 + h)
        canvas.rotate(180)
    else:
        canvas.translate(x0, y0 + h)
        canvas.rotate(270)
