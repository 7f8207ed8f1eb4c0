"""Envelopes: one PDF page per envelope, the page the size of the envelope (landscape).

Where things go:

* Return address: top left, 3/8 in from the edges (USPS DMM 602.1.4; the same corner
  Deutsche Post, Royal Mail and La Poste ask for).
* Stamp: the top-right corner is kept clear (postage area); an optional dashed box
  shows where the stamp goes.
* Recipient, US sizes: inside the USPS OCR read area (DMM 202.2.1, Quick Service Guide
  201b): at least 1/2 in from the left and right edges, 5/8 in above the bottom (the
  barcode clear zone stays empty) and no higher than 2 3/4 in above the bottom edge;
  the block starts a little left of the middle, as USPS' sample envelopes show.
* Recipient, ISO sizes (C5, C6, DL): the lower right of the face, at least 15 mm from
  the bottom and right edges and clear of the 40 mm franking band at the top (Deutsche
  Post's "Aufschriftfeld", the usual European practice).
* USPS Intelligent Mail barcode (US recipients, when the sender has a mailer ID): in the
  address block, just above the name line (DMM 202.5.3), with its clear zones.

Text is fitted by shrinking, a line too long at a readable size wrapped onto an indented
continuation line (`studio.render.address_block`), and drawn with the render engine's font
fallback, so addresses in any script print as real glyphs. Nothing prints off the
envelope: one whose recipient cannot fit is left out and reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.barcode.usps4s import USPS_4State
from reportlab.lib import colors
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.model import Calibration, EnvelopeSize
from studio.progress import NO_PROGRESS, Progress
from studio.render.address_block import BlockStyle, Box, SetBlock, apply_calibration, draw_block, set_block
from studio.render.barcode import barcode_size, draw_intelligent_mail, intelligent_mail
from studio.render.envelope_feed import EnvelopeFeed, enter_envelope, place_envelope
from studio.render.layout import FitNote
from studio.render.lines import draw_line
from studio.render.pdf import open_canvas

RECIPIENT_STYLE = BlockStyle(family="sans", size=12.0, min_size=7.0, leading=1.2, wrap_below=9.0)
RETURN_STYLE = BlockStyle(family="sans", size=9.0, min_size=6.0, leading=1.15, wrap_below=7.0)
STAMP_WIDTH, STAMP_HEIGHT = 24.0, 28.0  # mm: a stamp and its cancellation
_EDGE = 3 / 8 * 25.4  # mm, return address and stamp from the edges
_BARCODE_GAP = 0.04 * 25.4  # mm between barcode clear zone and the name line


@dataclass(frozen=True)
class EnvelopeText:
    """One envelope: recipient lines, return-address lines, optional IMb codes."""

    name: str
    recipient: tuple[str, ...]
    return_address: tuple[str, ...] = ()
    barcode: tuple[str, str] | None = None  # (tracking, routing), see studio.postal.imb


@dataclass
class EnvelopeRun:
    """What an envelope run produced; ``refused`` are the envelopes left out, as (name, reason)."""

    envelopes: int = 0
    pages: int = 0
    notes: list[FitNote] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Recipient:
    """The recipient block as set for its place, with the barcode above it if any."""

    block: SetBlock
    box: Box
    valign: str
    barcode: USPS_4State | None = None
    barcode_at: tuple[float, float] = (0.0, 0.0)


def postal_style(size: EnvelopeSize, home_country: str = "US") -> str:
    """"us" or "iso": whose placement rules apply (a custom size follows the home country)."""
    if size.region in ("us", "iso"):
        return size.region
    return "us" if home_country.upper() in ("US", "CA", "PR") else "iso"


def address_zone(size: EnvelopeSize, style: str) -> tuple[float, float, float, float]:
    """Where the recipient block may go: (x, y, width, height) in mm from the envelope's
    top-left corner (see the module docstring for the rules)."""
    width, height = size.width, size.height
    if style == "us":
        left, right, bottom = max(0.5 * 25.4, width * 0.36), width - 0.5 * 25.4, height - 5 / 8 * 25.4
        top = max(height - 2.75 * 25.4, height * 0.36)
    else:
        left, right, bottom = width * 0.42, width - 15.0, height - 15.0
        top = max(40.0, height * 0.38)
    return left, top, right - left, bottom - top


def return_zone(size: EnvelopeSize, style: str) -> tuple[float, float, float, float]:
    """Where the return address may go (mm from the top-left): the top-left corner."""
    zone_x, zone_y, _, _ = address_zone(size, style)
    width = min(size.width * 0.45, zone_x + 20) - _EDGE
    return _EDGE, _EDGE, width, max(10.0, zone_y - 3.0 - _EDGE)


def render_envelopes(envelopes: Iterable[EnvelopeText], size: EnvelopeSize, out: str | Path | BinaryIO, *,
                     style: str = "us", calibration: Calibration | None = None, stamp_box: bool = False,
                     total: int | None = None, progress: Progress = NO_PROGRESS,
                     feed: EnvelopeFeed | None = None) -> EnvelopeRun:
    """Write one page per envelope, ``size`` landscape, with ``calibration`` applied.

    ``feed`` turns the envelope and places it on the page as the printer takes it
    (`studio.render.envelope_feed`): on a Letter/A4 carrier page, or on an envelope-sized
    page turned; the calibration moves the page as printed. Raises StudioError when the
    envelope does not fit the carrier page.

    ``style`` is "us" or "iso" (`postal_style`). Returns the count, pages and fit notes;
    an envelope whose recipient cannot fit is left out (no page) and listed in the run's
    ``refused``. Raises StudioError when a return address cannot fit: it is the sender's,
    the same on every envelope, and must be shortened.
    """
    calibration = calibration or Calibration()
    placement = place_envelope(size.width, size.height, feed or EnvelopeFeed(), _short(size))
    page_height = placement.page[1] * mm
    canvas = open_canvas(out, (placement.page[0] * mm, page_height), title=f"Envelopes ({size.name})")
    run = EnvelopeRun()
    zone = _box(size, address_zone(size, style))
    return_box = _box(size, return_zone(size, style))
    returns: dict[tuple[str, ...], SetBlock] = {}
    for number, envelope in enumerate(envelopes, start=1):
        if number % 20 == 0:
            progress.step(number, total or 0, f"Envelope {number}" + (f" of {total}" if total else ""))
        recipient = _set_recipient(envelope, zone)
        if not recipient.block.fits:
            run.refused.append((envelope.name, _refusal(size, recipient.block)))
            continue
        sender = None
        if envelope.return_address:
            sender = returns.get(envelope.return_address)
            if sender is None:
                sender = returns[envelope.return_address] = _set_return(envelope.return_address, return_box,
                                                                        size)
        canvas.saveState()
        apply_calibration(canvas, calibration, page_height)
        enter_envelope(canvas, placement)
        if sender is not None:
            draw_block(canvas, sender, return_box, valign="top")
            run.notes += filter(None, [sender.note(RETURN_STYLE, envelope.name, "return address")])
        if stamp_box:
            _draw_stamp_box(canvas, size)
        if recipient.barcode is not None:
            draw_intelligent_mail(canvas, recipient.barcode, *recipient.barcode_at)
        draw_block(canvas, recipient.block, recipient.box, valign=recipient.valign)
        run.notes += filter(None, [recipient.block.note(RECIPIENT_STYLE, envelope.name, "recipient")])
        canvas.restoreState()
        canvas.showPage()
        run.envelopes += 1
        run.pages += 1
    if run.pages == 0:
        canvas.showPage()
        run.pages = 1
    canvas.save()
    return run


def envelope_refusal(envelope: EnvelopeText, size: EnvelopeSize, style: str = "us") -> str:
    """Why `render_envelopes` would leave ``envelope`` out ("" when its recipient fits)."""
    recipient = _set_recipient(envelope, _box(size, address_zone(size, style)))
    return "" if recipient.block.fits else _refusal(size, recipient.block)


def _refusal(size: EnvelopeSize, block: SetBlock) -> str:
    return f"the address does not fit on the {_short(size)} envelope: {block.problem}"


def _short(size: EnvelopeSize) -> str:
    return size.name.split(",")[0]


def _box(size: EnvelopeSize, zone: tuple[float, float, float, float]) -> Box:
    x, y, width, height = zone
    return Box(x * mm, (size.height - y) * mm, width * mm, height * mm)


def _set_return(lines: tuple[str, ...], box: Box, size: EnvelopeSize) -> SetBlock:
    block = set_block(lines, RETURN_STYLE, box.width, box.height)
    if not block.fits:
        raise StudioError(f"the return address does not fit in the corner of the {_short(size)} envelope "
                          f"({block.problem}); shorten the sender's name or address")
    return block


def _set_recipient(envelope: EnvelopeText, zone: Box) -> _Recipient:
    """The recipient block in the address zone; with an IMb, the barcode just above the
    name line, barcode and block centred in the zone together."""
    barcode = intelligent_mail(*envelope.barcode) if envelope.barcode else None
    if barcode is None:
        block = set_block(envelope.recipient, RECIPIENT_STYLE, zone.width, zone.height)
        return _Recipient(block, zone, "middle")
    bar_width, bar_height = barcode_size(barcode)
    gap = _BARCODE_GAP * mm
    right = zone.left + zone.width
    # The barcode is wider than some zones (A2): then the block moves left so it fits,
    # but never closer than 1/2 in to the left edge.
    left = max(0.5 * inch, min(zone.left, right - bar_width))
    indent = barcode.horizontalClearZone  # the text lines up with the first bar
    text_width, text_room = right - left - indent, zone.height - bar_height - gap
    block = set_block(envelope.recipient, RECIPIENT_STYLE, text_width, text_room)
    top = zone.top - max(0.0, text_room - block.height) / 2
    box = Box(left + indent, top - bar_height - gap, text_width, text_room)
    return _Recipient(block, box, "top", barcode, (left, top - bar_height))


def _draw_stamp_box(canvas: Canvas, size: EnvelopeSize) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
    canvas.setFillColor(colors.Color(0.6, 0.6, 0.6))
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 2)
    x = (size.width - _EDGE * 0.6 - STAMP_WIDTH) * mm
    y = (size.height - _EDGE * 0.6 - STAMP_HEIGHT) * mm
    canvas.rect(x, y, STAMP_WIDTH * mm, STAMP_HEIGHT * mm, stroke=1, fill=0)
    draw_line(canvas, "STAMP", x + STAMP_WIDTH * mm / 2, y + STAMP_HEIGHT * mm / 2 - 2.5, "sans", 7,
              align="center")
    canvas.restoreState()
