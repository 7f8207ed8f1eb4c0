"""What a home printer cannot print: the outer few millimetres of the paper.

Most lasers leave 4.2 mm blank at every edge, inkjets 3 to 5 mm. A card's text that comes
closer to the paper's edge (where its sheet puts it) may be cut off; artwork that runs to
the edge prints with a white border unless the printer prints borderless. The check is made
on a card as it lies on its sheet (`studio.render.imposition`), once per template: every
card of a template has the same boxes in the same places.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from studio.render.formats import card_format
from studio.render.imposition import Matrix, PanelPlace, panel_places, plan_sheet
from studio.render.layout import CardLayout

DEFAULT_MARGIN_MM = 4.2
_TOUCHING_MM = 0.5  # artwork this close to the paper's edge is meant to run off it


@dataclass(frozen=True)
class EdgeWarning:
    """A text box or QR code, or a panel's artwork, inside the printer's unprintable margin."""

    panel: str
    box: str  # the text box's (or QR code's) name; "" for the panel's background and pictures
    distance_mm: float  # from the paper's nearest edge
    margin_mm: float
    what: str = "text"  # what ``box`` is: "text", or "QR code" (which no longer scans when cut)

    @property
    def is_problem(self) -> bool:
        """Text or a code may be cut off; artwork only gets a white edge (a note, not a warning)."""
        return bool(self.box)

    def __str__(self) -> str:
        where = self.panel.replace("-", " ")
        if self.box:
            return (f"the {self.what} '{self.box}' on the {where} comes {self.distance_mm:.1f} mm from "
                    f"the paper's edge; most printers leave the outer {self.margin_mm:g} mm blank, so it "
                    "may be cut off: move it inward")
        if self.distance_mm >= _TOUCHING_MM:
            return (f"the artwork of the {where} comes {self.distance_mm:.1f} mm from the paper's edge; most "
                    f"printers leave the outer {self.margin_mm:g} mm blank, so a strip of it will not print: "
                    "print borderless if your printer can")
        return (f"the artwork of the {where} runs to the paper's edge: borderless printing is needed, or "
                "the edge will be white (or print crop marks and trim along them for a clean edge)")


def print_area_warnings(layout: CardLayout, paper: str, margin_mm: float = DEFAULT_MARGIN_MM,
                        panel: str | None = None) -> list[EdgeWarning]:
    """Where ``layout``, imposed on ``paper``, reaches into the outer ``margin_mm`` of the
    sheet (the nearest of its places on the sheet counts); only ``panel``'s, if given."""
    card = card_format(layout.format_id)
    plan = plan_sheet(card, paper)
    page_w, page_h = plan.page_size
    nearest: dict[tuple[str, str], float] = {}
    kinds: dict[str, str] = {}  # box name -> what it is, for the warning
    for side in ("outside", "inside"):
        for place in panel_places(card, side):
            content = layout.panels.get(place.name)
            if content is None or (panel is not None and place.name != panel):
                continue
            rects: list[tuple[str, tuple[float, float, float, float]]] = [
                (box.name, (box.x * mm, place.height - (box.y + box.height) * mm,
                            (box.x + box.width) * mm, place.height - box.y * mm))
                for box in content.texts if box.text.strip()]
            for code in content.codes:
                rects.append((code.name, (code.x * mm, place.height - (code.y + code.size) * mm,
                                          (code.x + code.size) * mm, place.height - code.y * mm)))
                kinds[code.name] = "QR code"
            if content.background or content.images:
                rects.append(("", (0.0, 0.0, place.width, place.height)))
            for slot in plan.slots:
                sheet = slot.outside if side == "outside" else slot.inside
                for name, rect in rects:
                    distance = _edge_distance(_on_page(rect, place, sheet), page_w, page_h) / mm
                    key = (place.name, name)
                    nearest[key] = min(nearest.get(key, distance), distance)
    warnings = [EdgeWarning(name, box, max(distance, 0.0), margin_mm, kinds.get(box, "text"))
                for (name, box), distance in nearest.items() if box and distance < margin_mm]
    bleeding = [name for name in card.panels
                if margin_mm > 0 and nearest.get((name, ""), float("inf")) < _TOUCHING_MM]
    if bleeding:  # one warning for the card's artwork, naming its panels
        warnings.append(EdgeWarning(_named(bleeding), "", 0.0, margin_mm))
    # Artwork that stops short of the paper's edge but inside the blank margin: a strip is cut.
    cut: dict[float, list[str]] = {}
    for name in card.panels:
        distance = nearest.get((name, ""), float("inf"))
        if margin_mm > 0 and _TOUCHING_MM <= distance < margin_mm:
            cut.setdefault(round(distance, 1), []).append(name)
    warnings += [EdgeWarning(_named(names), "", distance, margin_mm)
                 for distance, names in sorted(cut.items())]
    return warnings


def _named(panels: list[str]) -> str:
    """ "front, inside and back" """
    return ", ".join(panels[:-1]) + (" and " if len(panels) > 1 else "") + panels[-1]


def _on_page(rect: tuple[float, float, float, float], place: PanelPlace,
             sheet: Matrix) -> tuple[float, float, float, float]:
    """``rect`` (panel points) as the bounding box of its corners on the page."""
    corners = [(x, y) for x in (rect[0], rect[2]) for y in (rect[1], rect[3])]
    points = [_apply(sheet, _apply(place.matrix, corner)) for corner in corners]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _apply(matrix: Matrix, point: tuple[float, float]) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    x, y = point
    return a * x + c * y + e, b * x + d * y + f


def _edge_distance(rect: tuple[float, float, float, float], width: float, height: float) -> float:
    x0, y0, x1, y1 = rect
    return min(x0, y0, width - x1, height - y1)
