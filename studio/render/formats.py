"""Card formats: finished size, fold, panels, the papers they print on and the envelope.

A folded card is printed flat on one piece of card stock, twice the finished size, and
folded once: along its left edge (``fold="side"``, the usual portrait greeting card) or
along its top edge (``fold="top"``, a landscape "tent" card). A flat card (postcard) is
one panel each side. Panels, as templates name them:

* folded: ``front`` (what you see first), ``inside`` (the main message panel: the right
  half when open for a side fold, the bottom half for a top fold), ``inside-cover`` (the
  other inside panel, the back of the front) and ``back``;
* flat: ``front`` and ``back``.

Sizes are millimetres, width first, of the finished (folded, trimmed) card. Panel
placement on the printed sheet lives in `studio.render.imposition`.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.errors import StudioError

INCH = 25.4

FOLDED_PANELS = ("front", "inside-cover", "inside", "back")
FLAT_PANELS = ("front", "back")

# Paper sheets (portrait, mm). Letter is the North American default, A4 everyone else's.
PAPERS: dict[str, tuple[float, float]] = {
    "letter": (8.5 * INCH, 11 * INCH),
    "a4": (210.0, 297.0),
}


@dataclass(frozen=True)
class CardFormat:
    """One card format.

    ``width_mm`` x ``height_mm`` is the finished card as the recipient holds it.
    ``papers`` are the sheets it is laid out on; ``envelope`` the id of the envelope size
    it fits (see the envelope stock). ``bleed_mm`` is how far full-panel artwork runs past
    the trim so no white edge shows after cutting; ``safe_mm`` the margin inside the trim
    and the fold where text should stay, since cutting and folding are never exact.
    """

    id: str
    name: str
    width_mm: float
    height_mm: float
    folded: bool
    fold: str | None  # "side", "top" or None for flat cards
    papers: tuple[str, ...]
    panels: tuple[str, ...]
    envelope: str
    bleed_mm: float = 3.0
    safe_mm: float = 5.0

    @property
    def flat_size_mm(self) -> tuple[float, float]:
        """The printed piece before folding: (width, height) in mm, as printed upright."""
        if self.fold == "side":
            return (2 * self.width_mm, self.height_mm)
        if self.fold == "top":
            return (self.width_mm, 2 * self.height_mm)
        return (self.width_mm, self.height_mm)

    def panel_size_mm(self, panel: str) -> tuple[float, float]:
        """Every panel of a card is the finished card's size: (width, height) in mm."""
        self.check_panel(panel)
        return (self.width_mm, self.height_mm)

    def check_panel(self, panel: str) -> str:
        if panel not in self.panels:
            raise StudioError(f"Format '{self.id}' has no panel '{panel}'; its panels are: "
                              f"{', '.join(self.panels)}.")
        return panel


def _folded(format_id: str, name: str, width: float, height: float, fold: str, envelope: str) -> CardFormat:
    return CardFormat(id=format_id, name=name, width_mm=width, height_mm=height, folded=True, fold=fold,
                      papers=("letter", "a4"), panels=FOLDED_PANELS, envelope=envelope)


def _flat(format_id: str, name: str, width: float, height: float, envelope: str) -> CardFormat:
    return CardFormat(id=format_id, name=name, width_mm=width, height_mm=height, folded=False, fold=None,
                      papers=("letter", "a4"), panels=FLAT_PANELS, envelope=envelope)


FORMATS: dict[str, CardFormat] = {
    card.id: card
    for card in (
        _folded("a2-folded", "A2 folded card, 4¼×5½ in, side fold", 4.25 * INCH, 5.5 * INCH, "side", "a2"),
        _folded("a2-folded-top", "A2 folded card, 5½×4¼ in, top fold", 5.5 * INCH, 4.25 * INCH, "top", "a2"),
        _folded("5x7-folded", "5×7 in folded card, side fold", 5 * INCH, 7 * INCH, "side", "a7"),
        _folded("5x7-folded-top", "7×5 in folded card, top fold", 7 * INCH, 5 * INCH, "top", "a7"),
        _flat("4x6-postcard", "4×6 in postcard", 6 * INCH, 4 * INCH, "a6"),
        _flat("5x7-flat", "5×7 in flat card", 5 * INCH, 7 * INCH, "a7"),
        _folded("a6-folded", "A6 folded card, 105×148 mm, side fold", 105.0, 148.0, "side", "c6"),
        _folded("a6-folded-top", "A6 folded card, 148×105 mm, top fold", 148.0, 105.0, "top", "c6"),
        _flat("a6-postcard", "A6 postcard, 148×105 mm", 148.0, 105.0, "c6"),
    )
}


def card_format(format_id: str) -> CardFormat:
    """The format with this id; StudioError listing the known ids otherwise."""
    try:
        return FORMATS[format_id]
    except KeyError:
        known = ", ".join(FORMATS)
        raise StudioError(f"Unknown card format '{format_id}'; known formats: {known}.") from None


def paper_size_mm(paper: str) -> tuple[float, float]:
    """(width, height) in mm of a paper id ("letter" or "a4"), portrait."""
    try:
        return PAPERS[paper.lower()]
    except KeyError:
        raise StudioError(f"Unknown paper '{paper}'; use one of: {', '.join(PAPERS)}.") from None
