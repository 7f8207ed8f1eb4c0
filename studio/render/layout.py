"""What the renderer is given: finished text and boxes on named panels.

The renderer knows nothing of Jinja or SQLite (see ARCHITECTURE.md): `studio.cards`
fills a template for one contact and hands over a `CardLayout`. Every length is in
millimetres, measured from the panel's top-left corner with y growing downwards, the
way a person measures a card with a ruler. The renderer turns that into PDF points,
rotating panels as the card's fold requires.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# The font family of boxes written in the user's own handwriting font, when one is chosen
# (Settings ▸ Sender), else in the script face.
HANDWRITING = "handwriting"


@dataclass
class TextBox:
    """A box of text. ``text`` is finished paragraph markup.

    Markup: plain text with ``<b>``, ``<i>``, ``<u>``, ``<font color="#rrggbb">``, and
    ``<br/>``; a blank line starts a new paragraph. Text is shrunk from ``size``
    down to ``min_size`` to fit; what still does not fit is reported as overflow.
    """

    name: str
    x: float
    y: float
    width: float
    height: float
    text: str
    font: str = "serif"  # a family id from studio.render.fonts: serif, sans, script
    size: float = 14.0
    min_size: float = 8.0
    color: str = "#222222"
    align: str = "center"  # left, center, right, justify
    valign: str = "middle"  # top, middle, bottom
    leading: float = 1.25  # line height as a multiple of the font size
    font_file: str = ""  # the user's handwriting font, drawing a box in font "handwriting"
    jitter: str = ""  # a seed (the card): each line a little off, as written by hand; "" straight


@dataclass
class ImageBox:
    """A picture placed in a box. ``fit`` is "cover" (fill, crop), "contain" (whole image)
    or "circle" (the largest circle in the box, filled and cropped).

    With ``bleed`` the box is extended by the card's bleed on each side that touches the
    panel edge, so full-page artwork prints to the edge after trimming. A photo kept in
    the store (a contact's) comes as ``data`` instead of a file; ``path`` then only names
    it in messages. ``focus`` (x, y across the picture, 0..1 from its top-left) is kept in
    the middle of a crop; without one, a ``photo`` taller than wide keeps its upper third,
    where the faces are, rather than the exact centre.
    """

    name: str
    x: float
    y: float
    width: float
    height: float
    path: Path
    fit: str = "cover"
    bleed: bool = False
    focus: tuple[float, float] | None = None
    photo: bool = False  # a photo of people: the face-safe crop applies
    data: bytes | None = field(default=None, repr=False)  # the image itself, when it is in no file
    described: str = ""  # how messages name it ("Anna Berg's photo"); "" the file's name


@dataclass
class QrBox:
    """A QR code of ``data`` (a link) in a square ``size`` mm box, its quiet zone included.

    ``level`` is the error correction (L, M, Q, H); ``color`` the dark squares', on white.
    """

    name: str
    x: float
    y: float
    size: float
    data: str
    color: str = "#000000"
    level: str = "M"


@dataclass
class PanelContent:
    """One face of the card ("front", "inside", "back", ...), drawn in its own upright frame."""

    name: str
    background: str | None = None  # a "#rrggbb" colour filling the panel (with bleed)
    images: list[ImageBox] = field(default_factory=list)
    texts: list[TextBox] = field(default_factory=list)
    codes: list[QrBox] = field(default_factory=list)  # drawn over the artwork, under the text


@dataclass
class CardLayout:
    """One filled card ready to draw. ``label`` names it in reports (usually the contact)."""

    format_id: str
    panels: dict[str, PanelContent]
    label: str = ""


@dataclass(frozen=True)
class FitNote:
    """A text box that had to shrink, did not fit at its minimum size, or lost characters.

    ``status`` is "shrunk" (normal: the text still reads), "overflow" (it did not fit) or
    "missing" (``missing`` holds characters no bundled font has, left out of the print;
    with "overflow", the box lost characters as well).
    """

    card: str  # CardLayout.label
    box: str  # TextBox.name
    status: str
    size: float  # the font size finally used
    missing: str = ""

    @property
    def is_problem(self) -> bool:
        """The print is not as written: the user must hear of it (shrinking alone is normal)."""
        return self.status != "shrunk" or bool(self.missing)

    def __str__(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"has {_describe(self.missing)} that no bundled font can print, "
                         f"left out: {self.missing}")
        if self.status == "overflow":
            parts.append(f"does not fit even at {self.size:g} pt")
        elif self.status == "shrunk":
            parts.append(f"shrunk to {self.size:g} pt")
        return f"{self.card}: text in '{self.box}' " + "; and it ".join(parts)


def _describe(chars: str) -> str:
    """"Devanagari characters", "emoji or symbols", ... joined with "and", for a note."""
    kinds: dict[str, None] = {}
    for char in chars:
        if unicodedata.category(char) in ("So", "Sk"):
            kinds["emoji or symbols"] = None
        else:
            script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            kinds[f"{script.title()} characters"] = None
    return " and ".join(kinds)
