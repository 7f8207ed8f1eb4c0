"""Snapping a dragged box to the panel's centre lines and safe margins.

Pure arithmetic in millimetres (the canvas draws the guides): a box edge or its middle
that comes within ``tolerance`` of a centre line or a safe-margin line jumps onto it,
and the lines it snapped to are returned so the canvas can show them while dragging.
The tolerance is a few screen pixels turned into mm, so snapping feels the same at any zoom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SNAP_PIXELS = 6.0  # how near (on screen) a box must come to a line to snap onto it


@dataclass(frozen=True)
class Guide:
    """A line across the panel: vertical at x = ``at`` or horizontal at y = ``at`` (mm)."""

    vertical: bool
    at: float
    kind: str  # "centre" or "margin"


@dataclass(frozen=True)
class Snapped:
    x: float
    y: float
    guides: list[Guide] = field(default_factory=list)


def _lines(length: float, safe: float) -> list[tuple[float, str]]:
    lines = [(length / 2, "centre")]
    if 0 < safe < length / 2:
        lines += [(safe, "margin"), (length - safe, "margin")]
    return lines


def _snap_axis(start: float, size: float, length: float, safe: float,
               tolerance: float) -> tuple[float, tuple[float, str] | None]:
    """The best snapped start of a box along one axis, and the line it snapped to."""
    best: tuple[float, float, tuple[float, str]] | None = None  # (distance, new start, line)
    for line, kind in _lines(length, safe):
        # The box's near edge, middle or far edge onto the line; a margin only takes edges.
        for offset in ((0.0, size / 2, size) if kind == "centre" else (0.0, size)):
            distance = abs(start + offset - line)
            if distance <= tolerance and (best is None or distance < best[0]):
                best = (distance, line - offset, (line, kind))
    if best is None:
        return start, None
    return best[1], best[2]


def snap_box(x: float, y: float, width: float, height: float, panel_width: float, panel_height: float,
             safe: float, tolerance: float) -> Snapped:
    """Where a box of ``width`` × ``height`` dragged to (x, y) lands, and the guides it met."""
    new_x, vertical = _snap_axis(x, width, panel_width, safe, tolerance)
    new_y, horizontal = _snap_axis(y, height, panel_height, safe, tolerance)
    guides = []
    if vertical is not None:
        guides.append(Guide(True, vertical[0], vertical[1]))
    if horizontal is not None:
        guides.append(Guide(False, horizontal[0], horizontal[1]))
    return Snapped(new_x, new_y, guides)
