"""What a template's values mean, checked: format, panels, boxes, fonts, artwork, Jinja.

`compile_template` checks a parsed `CardTemplate` against its card format and compiles
every Jinja text, reporting each mistake as ``FILE:LINE: message`` (the line found in
template.toml by `KeyLines`; for an edited template not yet saved, line 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from studio.cards.context import REQUIREMENTS
from studio.cards.errors import TemplateError, located
from studio.cards.sandbox import CardSandbox, CardText, compile_text, make_environment
from studio.cards.spec import (
    ALIGNS,
    FITS,
    IMAGE_SOURCES,
    OCCASIONS,
    QR_LEVELS,
    QR_MIN_SIZE,
    THANKS_FOR,
    VALIGNS,
    CardTemplate,
)
from studio.cards.tomllines import KeyLines

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_ARTWORK_PIXELS = 60_000_000  # ~ a full-bleed 5×7 page at 1,200 dpi; more is a mistake or a bomb
_SLOP = 0.05  # mm of tolerance for boxes drawn to the panel edge
# A QR code's dark squares must stand out from its white quiet zone: at most this luminance
# (a contrast of about 4:1 with white) for phone cameras to read it in room light.
_QR_MAX_LUMINANCE = 0.2


@dataclass
class CompiledTemplate:
    """A template's Jinja texts compiled once, and its artwork resolved to files."""

    texts: dict[tuple[str, str], CardText] = field(default_factory=dict)  # (panel, box) -> text
    message: CardText | None = None
    openings: list[CardText] = field(default_factory=list)
    images: dict[tuple[str, int], Path] = field(default_factory=dict)  # (panel, index) -> file
    panel_size: tuple[float, float] = (0.0, 0.0)  # mm


def safe_file(folder: Path, relative: str) -> Path:
    """``relative`` inside ``folder``; ValueError with the reason when it would leave it.

    Absolute paths, ``..`` and symbolic links pointing outside the folder are refused,
    so a template can only use files shipped with it.
    """
    if not relative.strip():
        raise ValueError("the file name is empty")
    candidate = Path(relative)
    if candidate.is_absolute() or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
        raise ValueError(f"'{relative}' is an absolute path; artwork and texts must be files "
                         "in the template's folder")
    if ".." in candidate.parts or ".." in relative.replace("\\", "/").split("/"):
        raise ValueError(f"'{relative}' leaves the template's folder ('..' is not allowed)")
    root = folder.resolve()
    resolved = (folder / candidate).resolve()
    if root != resolved and root not in resolved.parents:
        raise ValueError(f"'{relative}' is a link that points outside the template's folder")
    if not resolved.is_file():
        raise ValueError(f"'{relative}' does not exist in {folder}")
    return resolved


def check_artwork(path: Path) -> str | None:
    """Why ``path`` is not usable artwork (PNG or JPEG, sane size, not truncated), or None."""
    try:
        with Image.open(path) as image:
            if image.format not in ("PNG", "JPEG"):
                return f"'{path.name}' is {image.format or 'not an image'}; artwork must be PNG or JPEG"
            if image.width * image.height > MAX_ARTWORK_PIXELS:
                return (f"'{path.name}' is {image.width}×{image.height} pixels, too large "
                        f"(at most {MAX_ARTWORK_PIXELS:,} pixels)")
            image.verify()
    except Image.DecompressionBombError:
        return f"'{path.name}' is too large to open safely"
    except (UnidentifiedImageError, OSError, SyntaxError):
        return f"'{path.name}' is not a readable PNG or JPEG image"  # the library's words name the path
    return None


def compile_template(template: CardTemplate, *, lines: KeyLines | None = None,
                     env: CardSandbox | None = None, problems: list[str] | None = None) -> CardTemplate:
    """Check ``template`` and attach its `CompiledTemplate`; raises `TemplateError`.

    ``problems`` already found (by the manifest reader) are reported together with
    these. Returns the same template, ready for `studio.cards.fill`.
    """
    from studio.render.fonts import FAMILIES
    from studio.render.formats import card_format

    problems = list(problems or [])
    env = env or make_environment()
    folder = template.folder or Path(".")
    manifest = template.manifest_path or Path(f"{template.id or 'template'}.toml")

    def where(*path: str | int) -> Callable[[str], None]:
        return lambda message: problems.append(located(manifest, lines.line(*path) if lines else 1, message))

    compiled = CompiledTemplate()
    panel_names: tuple[str, ...] = ()
    if template.format:
        try:
            fmt = card_format(template.format)
            panel_names = tuple(fmt.panels)
            compiled.panel_size = (fmt.width_mm, fmt.height_mm)
        except Exception as exc:  # noqa: BLE001 - the renderer's own error names the known ids
            where("format")(f"unknown card format '{template.format}' ({exc})")
    for occasion in template.occasions:
        if occasion not in OCCASIONS:
            where("occasions")(f"unknown occasion '{occasion}' (known: {', '.join(OCCASIONS)})")
    for thanked in template.thanks_for:
        if thanked not in THANKS_FOR:
            where("thanks_for")(f"unknown thank-you '{thanked}' (known: {', '.join(THANKS_FOR)})")
    for requirement in template.requires:
        if requirement not in REQUIREMENTS:
            where("requires")(f"'{requirement}' can't be required (choose from: {', '.join(REQUIREMENTS)})")
    if template.message:
        text, found = compile_text(env, template.message, manifest, lines.line("message") if lines else 1)
        problems.extend(found)
        compiled.message = text
    for index, opening in enumerate(template.openings):
        text, found = compile_text(env, opening, manifest, lines.line("openings", index) if lines else 1)
        problems.extend(found)
        if text is not None:
            compiled.openings.append(text)

    width, height = compiled.panel_size
    seen_panels: set[str] = set()
    for p, panel in enumerate(template.panels):
        at = ("panels", p)
        if panel.name in seen_panels:
            where(*at, "name")(f"panel '{panel.name}' appears twice")
        seen_panels.add(panel.name)
        if panel_names and panel.name and panel.name not in panel_names:
            where(*at, "name")(f"the {template.format} format has no panel '{panel.name}' "
                               f"(its panels: {', '.join(panel_names)})")
        if panel.background is not None and not _COLOR.match(panel.background):
            where(*at, "background")(f"background '{panel.background}' is not a colour like \"#1f3a5f\"")
        for i, image in enumerate(panel.images):
            here = (*at, "images", i)
            if image.fit not in FITS:
                where(*here, "fit")(f"fit '{image.fit}' must be one of: {', '.join(FITS)}")
            if image.focus is not None and not all(0 <= v <= 1 for v in image.focus):
                where(*here, "focus")(f"focus [{image.focus[0]:g}, {image.focus[1]:g}] must be two numbers "
                                      "from 0 to 1 (x and y across the picture from its top-left)")
            _check_box(where, here, image.x, image.y, image.width or max(width - image.x, 0),
                       image.height or max(height - image.y, 0), width, height, "image")
            if image.source:
                if image.source not in IMAGE_SOURCES:
                    choices = ", ".join(IMAGE_SOURCES)
                    where(*here, "source")(f"source '{image.source}' must be one of: {choices}")
                if image.file:
                    where(*here, "file")("an image takes either a file or a source, not both")
                if image.replaces and image.replaces not in {box.name for box in panel.texts}:
                    where(*here, "replaces")(f"panel '{panel.name}' has no text box '{image.replaces}' "
                                             "to replace")
                continue
            try:
                path = safe_file(folder, image.file)
            except ValueError as exc:
                if image.file:
                    where(*here, "file")(str(exc))
                continue
            why = check_artwork(path)
            if why:
                where(*here, "file")(why)
            compiled.images[(panel.name, i)] = path
        seen_boxes: set[str] = set()
        for t, box in enumerate(panel.texts):
            here = (*at, "texts", t)
            if box.name in seen_boxes:
                where(*here, "name")(f"text box '{box.name}' appears twice on panel '{panel.name}'")
            seen_boxes.add(box.name)
            if box.font not in FAMILIES:
                where(*here, "font")(f"font '{box.font}' must be one of: {', '.join(FAMILIES)}")
            if not 2 <= box.size <= 200:
                where(*here, "size")(f"size {box.size:g} pt must be between 2 and 200")
            if not 2 <= box.min_size <= max(box.size, 2):
                where(*here, "min_size")(
                    f"min_size {box.min_size:g} pt must be between 2 and size ({box.size:g})")
            if not _COLOR.match(box.color):
                where(*here, "color")(f"color '{box.color}' is not a colour like \"#222222\"")
            if box.align not in ALIGNS:
                where(*here, "align")(f"align '{box.align}' must be one of: {', '.join(ALIGNS)}")
            if box.valign not in VALIGNS:
                where(*here, "valign")(f"valign '{box.valign}' must be one of: {', '.join(VALIGNS)}")
            if not 0.8 <= box.leading <= 3:
                where(*here, "leading")(f"leading {box.leading:g} must be between 0.8 and 3")
            _check_box(where, here, box.x, box.y, box.width, box.height, width, height, "text box")
            if box.file:
                try:
                    file, first = safe_file(folder, box.file), 1
                except ValueError:
                    continue  # reported when the file was read
            else:
                file, first = manifest, _inline_first_line(lines, (*here, "text"))
            text, found = compile_text(env, box.text, file, first)
            problems.extend(found)
            if text is not None:
                compiled.texts[(panel.name, box.name)] = text
        names = {box.name for box in panel.texts} | {image.name for image in panel.images if image.name}
        for q, code in enumerate(panel.qr):
            here = (*at, "qr", q)
            if code.name in names:
                where(*here, "name")(f"box '{code.name}' appears twice on panel '{panel.name}'")
            names.add(code.name)
            if code.size < QR_MIN_SIZE:
                where(*here, "size")(f"a QR code of {code.size:g} mm is too small to scan from a card; "
                                     f"make it at least {QR_MIN_SIZE:g} mm")
            else:
                _check_box(where, here, code.x, code.y, code.size, code.size, width, height, "QR code")
            if not _COLOR.match(code.color):
                where(*here, "color")(f"color '{code.color}' is not a colour like \"#000000\"")
            elif _luminance(code.color) > _QR_MAX_LUMINANCE:
                where(*here, "color")(f"color '{code.color}' is too light: a QR code scans only when "
                                      "its dark squares are dark on white")
            if code.level not in QR_LEVELS:
                where(*here, "level")(f"level '{code.level}' must be one of: {', '.join(QR_LEVELS)}")
    if problems:
        raise TemplateError(problems, template=template.id or str(folder))
    template.compiled = compiled
    return template


def _luminance(color: str) -> float:
    """The relative luminance of a "#rrggbb" colour (WCAG), 0 black to 1 white."""
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(color[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _inline_first_line(lines: KeyLines | None, path: tuple[str | int, ...]) -> int:
    if lines is None:
        return 1
    line = lines.line(*path)
    return line + 1 if lines.opens_multiline(line) else line


def _check_box(where: Callable[..., Callable[[str], None]], here: tuple[str | int, ...], x: float, y: float,
               w: float, h: float, width: float, height: float, what: str) -> None:
    if w <= 0 or h <= 0:
        where(*here)(f"the {what} needs a width and a height above 0 mm")
        return
    if x < -_SLOP or y < -_SLOP:
        where(*here, "x" if x < 0 else "y")(
            f"the {what} starts outside the panel (x and y are mm from its top-left)")
    if width and height and (x + w > width + _SLOP or y + h > height + _SLOP):
        where(*here, "width" if x + w > width + _SLOP else "height")(
            f"the {what} ({x:g}, {y:g}, {w:g}×{h:g} mm) runs off the {width:g}×{height:g} mm panel")
