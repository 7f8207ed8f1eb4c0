"""A card template as plain data: what `template.toml` says, ready to edit and save.

The folder form (see templates/cards/README.md) is the source of truth; these
dataclasses mirror it one to one so the desktop designer can change a template in
memory and write it back with `studio.cards.catalog.save_template`. Lengths are mm
from the panel's top-left corner, y down, like `studio.render.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.model import THANKED_KINDS

# What a template may say it suits. Open-ended by design, but a typo ("birthdya") is
# caught because the name must be one of these.
OCCASIONS = (
    "birthday", "thank-you", "christmas", "holiday", "new-year", "thanksgiving", "anniversary",
    "customer-anniversary", "welcome", "thinking-of-you", "valentines", "mothers-day",
    "fathers-day", "hanukkah", "diwali", "lunar-new-year", "easter", "congratulations",
    "get-well", "sympathy", "any",
)
THANKS_FOR = THANKED_KINDS  # what a thank-you card may thank for (the touches that call for one)
FITS = ("cover", "contain", "circle")
ALIGNS = ("left", "center", "right", "justify")
VALIGNS = ("top", "middle", "bottom")
SOURCES = ("bundled", "user")


@dataclass
class TextSpec:
    """A text box; ``text`` is its Jinja source, kept in ``file`` (a .j2 file) or inline."""

    name: str
    x: float
    y: float
    width: float
    height: float
    text: str = ""
    file: str = ""  # relative to the template folder; "" means inline in template.toml
    font: str = "serif"
    size: float = 14.0
    min_size: float = 8.0
    color: str = "#222222"
    align: str = "center"
    valign: str = "middle"
    leading: float = 1.25


@dataclass
class ImageSpec:
    """Artwork placed in a box; ``file`` is relative to the template folder.

    ``source = "signature"`` takes the picture from the sender's signature image instead
    (Settings ▸ Sender), when one is set; ``replaces`` names the text box it stands in for
    (the typed signature), which is then left out. A photo source (`PHOTO_SOURCES`) takes
    the contact's vCard PHOTO, the sender's own photo, or the photo chosen for the run
    (``--photo``); a card without that photo prints without the box. ``focus`` is the
    point of the picture (x, y from its top-left, 0..1) the crop keeps in the middle.
    """

    file: str
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0  # 0 means the panel's whole width (from x)
    height: float = 0.0  # 0 means the panel's whole height (from y)
    fit: str = "cover"
    bleed: bool = False
    name: str = ""
    source: str = ""  # "" (the file), "signature" or one of PHOTO_SOURCES
    replaces: str = ""  # a text box of the panel this picture stands in for
    focus: tuple[float, float] | None = None  # None: the centre (a portrait photo: its upper third)


PHOTO_SOURCES = ("contact.photo", "sender.photo", "mailing.photo")
IMAGE_SOURCES = ("signature", *PHOTO_SOURCES)
QR_LEVELS = ("L", "M", "Q", "H")  # error correction: 7, 15, 25, 30 % of the code may be lost
QR_MIN_SIZE = 15.0  # mm: smaller, a phone held at arm's length over a card struggles to read it


@dataclass
class QrSpec:
    """A QR code of the card's offer link (Settings: ``offer.url``), a square ``size`` mm.

    The box holds the code and its quiet zone (four modules of white), so a code on a
    coloured panel still scans. When no link is set the box is left out.
    """

    name: str
    x: float
    y: float
    size: float = 25.0
    color: str = "#000000"
    level: str = "M"


@dataclass
class PanelSpec:
    """One face of the card, named as the card format names it ("front", "inside", ...)."""

    name: str
    background: str | None = None
    images: list[ImageSpec] = field(default_factory=list)
    texts: list[TextSpec] = field(default_factory=list)
    qr: list[QrSpec] = field(default_factory=list)


@dataclass
class CardTemplate:
    """A card template: the manifest's data plus where it came from.

    ``message`` is the Jinja source of the default personal message (the ``message``
    variable of the text boxes when the user types none); ``openings`` are first lines
    the message queue suggests for writing one of one's own. ``compiled`` is filled by
    `studio.cards.validate.compile_template`; a template is only filled once compiled.
    """

    id: str
    name: str
    format: str
    occasions: list[str] = field(default_factory=list)
    description: str = ""
    requires: list[str] = field(default_factory=list)
    thanks_for: list[str] = field(default_factory=list)  # what a thank-you thanks for (THANKS_FOR); [] = any
    message: str = ""
    openings: list[str] = field(default_factory=list)  # Jinja first lines offered to write a message from
    panels: list[PanelSpec] = field(default_factory=list)
    folder: Path | None = None
    source: str = "user"
    compiled: Any = field(default=None, repr=False, compare=False)

    def panel(self, name: str) -> PanelSpec | None:
        return next((p for p in self.panels if p.name == name), None)

    def message_panel(self) -> str | None:
        """The panel that prints the personal message (the inside of a folded card)."""
        return next((p.name for p in self.panels if any("message" in t.text for t in p.texts)), None)

    @property
    def manifest_path(self) -> Path | None:
        return self.folder / "template.toml" if self.folder else None


def template_to_toml_data(template: CardTemplate) -> dict[str, Any]:
    """The manifest as TOML-ready data (defaults left out so hand-edited files stay short)."""
    data: dict[str, Any] = {"id": template.id, "name": template.name}
    if template.description:
        data["description"] = template.description
    data["occasions"] = list(template.occasions)
    data["format"] = template.format
    data["requires"] = list(template.requires)
    if template.thanks_for:
        data["thanks_for"] = list(template.thanks_for)
    if template.message:
        data["message"] = template.message
    if template.openings:
        data["openings"] = list(template.openings)
    panels = []
    for panel in template.panels:
        entry: dict[str, Any] = {"name": panel.name}
        if panel.background:
            entry["background"] = panel.background
        if panel.images:
            entry["images"] = [_image_data(i) for i in panel.images]
        if panel.texts:
            entry["texts"] = [_text_data(t) for t in panel.texts]
        if panel.qr:
            entry["qr"] = [_qr_data(q) for q in panel.qr]
        panels.append(entry)
    data["panels"] = panels
    return data


def _image_data(image: ImageSpec) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if image.name:
        data["name"] = image.name
    if image.source:
        data["source"] = image.source
        if image.replaces:
            data["replaces"] = image.replaces
    else:
        data["file"] = image.file
    for key in ("x", "y", "width", "height"):
        value = getattr(image, key)
        if value or key in ("x", "y"):
            data[key] = value
    data["fit"] = image.fit
    if image.focus is not None:
        data["focus"] = list(image.focus)
    if image.bleed:
        data["bleed"] = True
    return data


def _text_data(text: TextSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"name": text.name}
    if text.file:
        data["file"] = text.file
    else:
        data["text"] = text.text
    defaults = TextSpec(name="", x=0, y=0, width=0, height=0)
    for key in ("x", "y", "width", "height", "font", "size", "min_size", "color", "align",
                "valign", "leading"):
        value = getattr(text, key)
        always = key in ("x", "y", "width", "height", "font", "size", "min_size")
        if always or value != getattr(defaults, key):
            data[key] = value
    return data


def _qr_data(code: QrSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"name": code.name, "x": code.x, "y": code.y, "size": code.size}
    defaults = QrSpec(name="", x=0, y=0)
    for key in ("color", "level"):
        if getattr(code, key) != getattr(defaults, key):
            data[key] = getattr(code, key)
    return data
