"""What envelopes and label sheets share: a block of address lines fitted into a box, and
the printer calibration every mail-piece page is drawn through.

Lines are set and drawn with the render engine's plain-line text code (`studio.render.text`,
`studio.render.fonts`): per-character font fallback, so Chinese, Japanese, Cyrillic and
Hebrew addresses print in their own script, and right-to-left runs in visual order. A
block shrinks to fit; a line still too long at a readable size wraps onto an indented
continuation line rather than the whole block shrinking tiny; a block that cannot fit
even so is not drawn (the caller refuses that piece and says why): nothing ever prints
past a label or off the envelope.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

from studio.model import Calibration
from studio.render.fonts import covers, font_name, font_runs, missing_glyphs
from studio.render.layout import FitNote
from studio.render.lines import set_lines

_TOLERANCE = 0.01  # points


@dataclass(frozen=True)
class BlockStyle:
    """How a block of lines is set: family id, largest and smallest size (pt), leading, and
    ``wrap_below``: the smallest size a line is shrunk to whole before it is wrapped instead
    (continuation lines indented by ``indent`` ems). None: lines never wrap."""

    family: str = "sans"
    size: float = 11.0
    min_size: float = 6.0
    leading: float = 1.18
    wrap_below: float | None = None
    indent: float = 1.0


@dataclass(frozen=True)
class Box:
    """A box on the page in PDF points: left edge, top edge (y grows upwards), size."""

    left: float
    top: float
    width: float
    height: float


def apply_calibration(canvas: Canvas, calibration: Calibration, page_height: float) -> None:
    """Make everything drawn next land where this printer needs it.

    A point ``(x, y)`` mm from the sheet's top-left corner is printed at
    ``(offset_x + scale_x * x, offset_y + scale_y * y)``: offsets move the whole page
    right/down, scales stretch it from the top-left corner (where sheets are fed from).
    Call inside ``saveState``/``restoreState``.
    """
    if calibration == Calibration():
        return
    canvas.translate(calibration.offset_x * mm, -calibration.offset_y * mm)
    canvas.translate(0, page_height)
    canvas.scale(calibration.scale_x, calibration.scale_y)
    canvas.translate(0, -page_height)


@dataclass(frozen=True)
class _Measured:
    """Lines split into font runs, with each line's width at 1 pt (widths scale linearly)."""

    runs: tuple[tuple[tuple[str, str], ...], ...]
    widths: tuple[float, ...]
    ascent: float  # per point of size, of the family's primary face
    descent: float
    missing: str = ""  # characters no bundled font has: left out of the lines


@dataclass(frozen=True)
class SetBlock:
    """A block of lines set for a box (`set_block`): what to draw, at which size, and
    whether it fits; when it does not, ``problem`` says why in words for the user."""

    size: float
    fits: bool
    problem: str
    width: float  # points, the widest line with its indent
    height: float  # points, first line's ascender to last line's descender
    indents: tuple[float, ...]  # points, per line (continuation lines of a wrapped line)
    leading: float
    measured: _Measured

    @property
    def wrapped(self) -> bool:
        return any(self.indents)

    def note(self, style: BlockStyle, piece: str, name: str) -> FitNote | None:
        """A note when the block is set below the style's size ("shrunk") or lost
        characters no font has ("missing"), else None."""
        shrunk = self.size < style.size - 1e-6
        if shrunk or self.measured.missing:
            return FitNote(card=piece, box=name, status="shrunk" if shrunk else "missing", size=self.size,
                           missing=self.measured.missing)
        return None


@functools.lru_cache(maxsize=16)
def _face_metrics(face: str) -> tuple[float, float]:
    return getAscentDescent(face, 1.0)


def _measure(lines: Sequence[str], family: str) -> _Measured:
    primary = font_name(family)
    runs = []
    missing = ""
    for line in lines:
        # A Latin line the primary face covers is one run (no right-to-left text below
        # U+0250): font_runs' own result, without its per-call checks, because a label run
        # sets tens of thousands of distinct lines. Anything else goes through font_runs.
        simple = line.isascii() or (max(map(ord, line)) < 0x250 and all(covers(primary, ch) for ch in line))
        runs.append(((line, primary),) if simple else font_runs(line, family))
        if not simple:
            missing += "".join(ch for ch in missing_glyphs(line, family) if ch not in missing)
    widths = tuple(sum(stringWidth(run, face, 1.0) for run, face in line_runs) for line_runs in runs)
    ascent, descent = _face_metrics(primary)
    return _Measured(tuple(runs), widths, ascent, descent, missing)


def _height(measured: _Measured, style: BlockStyle, size: float) -> float:
    return (measured.ascent - measured.descent + (len(measured.widths) - 1) * style.leading) * size


def set_block(lines: Sequence[str], style: BlockStyle, width: float, height: float) -> SetBlock:
    """``lines`` set for a ``width`` x ``height`` pt box: at ``style.size`` when they fit,
    else as `studio.render.text.set_lines` sets them (shrunk, wrapped below
    ``style.wrap_below``). Nothing is drawn; check ``fits`` before `draw_block`."""
    measured = _measure(lines, style.family)
    size = style.size
    widest = max(measured.widths, default=0.0)
    if widest * size <= width + _TOLERANCE and _height(measured, style, size) <= height + _TOLERANCE:
        # The usual case: everything fits at full size, no search needed.
        return SetBlock(size, True, "", widest * size, _height(measured, style, size), (0.0,) * len(lines),
                        style.leading, measured)
    set_ = set_lines(lines, style.family, width, height, style.size, style.min_size, leading=style.leading,
                     extent=measured.ascent - measured.descent, wrap_below=style.wrap_below,
                     indent=style.indent)
    if set_.wrapped:
        measured = _measure([text for text, _ in set_.lines], style.family)
    indents = tuple(indent for _, indent in set_.lines)
    widest = max((w * set_.size + indent for w, indent in zip(measured.widths, indents, strict=True)),
                 default=0.0)
    return SetBlock(set_.size, set_.fits, set_.problem, widest, _height(measured, style, set_.size), indents,
                    style.leading, measured)


def draw_block(canvas: Canvas, block: SetBlock, box: Box, *, valign: str = "middle",
               center_block: bool = False) -> None:
    """Draw a `set_block` result left-aligned in ``box`` (the box it was set for).

    ``valign`` places the block at the top, middle or bottom of the box; with
    ``center_block`` the block (not each line) is centred across the box. A block that
    does not fit is not drawn at all: callers refuse it (nothing may print past the
    label or the page).
    """
    if not block.fits or not block.indents:
        return
    measured, size = block.measured, block.size
    left = box.left + ((box.width - block.width) / 2 if center_block else 0.0)
    spare = box.height - block.height
    top = box.top - {"top": 0.0, "middle": spare / 2, "bottom": spare}[valign]
    # One text object per block, the font set only when it changes, each next line by a
    # relative move: the smallest PDF and the fewest ReportLab calls for big runs.
    text = canvas.beginText(left, top - measured.ascent * size)
    current = None
    indent = 0.0
    for index, line_runs in enumerate(measured.runs):
        if index:
            text.moveCursor(block.indents[index] - indent, size * block.leading)
            indent = block.indents[index]
        for run, face in line_runs:
            if face != current:
                text.setFont(face, size)
                current = face
            text.textOut(run)
    canvas.drawText(text)
