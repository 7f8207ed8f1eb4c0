"""What the card designer does to a panel's boxes: add, duplicate, delete, restack, picture files.

Each function takes a `PanelSpec` and returns a changed copy (the designer keeps the
old one for Undo); nothing here touches the screen. Text boxes are known by their name;
pictures by `picture_key` (their name, or their place when unnamed, as hand-written
templates often leave them). The order of a panel's lists is the drawing order the
renderer uses and the order `template.toml` lists them in: the last is on top. Pictures
are always drawn under text (`studio.render.panels`), so restacking orders pictures
among pictures and text boxes among text boxes.

A picture the user picks from anywhere on their disk is checked as template artwork is
(`studio.cards.validate.check_artwork`: JPEG or PNG, sane size, readable) and copied into
a working folder in the data folder, a copy of the template's own, which the edited
template then points at; "Save as my card" copies it on into the saved template, so the
card keeps working after the original file is moved or deleted.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from studio.cards import CardTemplate, ImageSpec, PanelSpec, TextSpec
from studio.errors import StudioError
from studio.paths import AppPaths

TEXT, PICTURE = "text", "picture"
RESTACK = ("front", "forward", "backward", "back")
PICTURE_FOLDER = "pictures"
BACKGROUND = "background"


@dataclass(frozen=True)
class Selection:
    """One box of a panel: a text box by name, or a picture by `picture_key`."""

    kind: str  # TEXT or PICTURE
    key: str


@dataclass(frozen=True)
class ImportedPicture:
    """A picture copied into the template's working folder."""

    folder: Path  # the template's (working) folder, which now holds the file
    file: str  # relative to ``folder``, as [[panels.images]] file = "…" says
    width_px: int
    height_px: int


def picture_key(image: ImageSpec, index: int) -> str:
    """How the designer knows a picture: its name, else "#3" for the third unnamed one."""
    return image.name or f"#{index + 1}"


def picture_label(key: str) -> str:
    """What the user reads for a picture's key ("Picture 3" for an unnamed one)."""
    return f"Picture {key[1:]}" if key.startswith("#") else key


def find_picture(panel: PanelSpec, key: str) -> int | None:
    return next((i for i, image in enumerate(panel.images) if picture_key(image, i) == key), None)


def picture_rect(image: ImageSpec, width_mm: float, height_mm: float) -> tuple[float, float, float, float]:
    """Where ``image`` sits on a panel of this size: x, y, width, height (0 sizes mean "the rest")."""
    return (image.x, image.y, image.width or max(width_mm - image.x, 0.0),
            image.height or max(height_mm - image.y, 0.0))


def _names(panel: PanelSpec) -> set[str]:
    pictures = {i.name for i in panel.images if i.name}
    return {t.name for t in panel.texts} | pictures | {q.name for q in panel.qr}


def unique_name(panel: PanelSpec, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no box of ``panel`` has yet."""
    taken = _names(panel)
    if base not in taken:
        return base
    stem = re.sub(r"-\d+$", "", base)
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def _copy(panel: PanelSpec) -> PanelSpec:
    return copy.deepcopy(panel)


def add_text_box(panel: PanelSpec, width_mm: float, height_mm: float,
                 safe_mm: float) -> tuple[PanelSpec, str]:
    """``panel`` with a new text box across the middle, inside the safe margin; and its name."""
    result = _copy(panel)
    name = unique_name(result, "text-1")
    box_width = max(width_mm - 2 * safe_mm, 10.0)
    box_height = min(20.0, max(height_mm - 2 * safe_mm, 5.0))
    result.texts.append(TextSpec(
        name=name, x=round((width_mm - box_width) / 2, 2), y=round((height_mm - box_height) / 2, 2),
        width=round(box_width, 2), height=round(box_height, 2), text="Your words here",
        font="serif", size=18.0, min_size=8.0,
    ))
    return result, name


def add_picture(panel: PanelSpec, picture: ImportedPicture, width_mm: float, height_mm: float,
                safe_mm: float) -> tuple[PanelSpec, str]:
    """``panel`` with ``picture`` in the middle (its own proportions, half the panel wide); its key."""
    result = _copy(panel)
    name = unique_name(result, "picture-1")
    box_width = min(width_mm / 2, max(width_mm - 2 * safe_mm, 10.0))
    box_height = box_width * picture.height_px / max(picture.width_px, 1)
    if box_height > height_mm - 2 * safe_mm:  # a tall picture: as tall as the safe area allows
        box_height = max(height_mm - 2 * safe_mm, 10.0)
        box_width = box_height * picture.width_px / max(picture.height_px, 1)
    result.images.append(ImageSpec(
        file=picture.file, name=name, x=round((width_mm - box_width) / 2, 2),
        y=round((height_mm - box_height) / 2, 2), width=round(box_width, 2), height=round(box_height, 2),
        fit="contain",
    ))
    return result, name


def duplicate(panel: PanelSpec, chosen: Selection, offset_mm: float = 5.0,
              width_mm: float | None = None, height_mm: float | None = None) -> tuple[PanelSpec, Selection]:
    """``panel`` with a copy of ``chosen`` just above it in the stack, offset down and right."""
    result = _copy(panel)

    def shifted(x: float, y: float, w: float, h: float) -> tuple[float, float]:
        # Stay on the panel: a copy at the right or bottom edge goes the other way.
        nx, ny = x + offset_mm, y + offset_mm
        if width_mm is not None and nx + w > width_mm:
            nx = max(x - offset_mm, 0.0)
        if height_mm is not None and ny + h > height_mm:
            ny = max(y - offset_mm, 0.0)
        return round(nx, 2), round(ny, 2)

    if chosen.kind == TEXT:
        index = next((i for i, t in enumerate(result.texts) if t.name == chosen.key), None)
        if index is None:
            raise StudioError(f"This side of the card has no text box “{chosen.key}”.")
        source = result.texts[index]
        x, y = shifted(source.x, source.y, source.width, source.height)
        twin = dataclasses.replace(source, name=unique_name(result, f"{source.name}-copy"), x=x, y=y, file="")
        result.texts.insert(index + 1, twin)
        return result, Selection(TEXT, twin.name)
    index = find_picture(result, chosen.key)
    if index is None:
        raise StudioError(f"This side of the card has no picture “{picture_label(chosen.key)}”.")
    source = result.images[index]
    w, h = source.width or 0.0, source.height or 0.0
    if width_mm is not None and height_mm is not None:
        _, _, w, h = picture_rect(source, width_mm, height_mm)
    x, y = shifted(source.x, source.y, w, h)
    base = source.name or "picture-1"
    twin = dataclasses.replace(source, name=unique_name(result, f"{base}-copy"), x=x, y=y,
                               width=round(w, 2) if w else source.width,
                               height=round(h, 2) if h else source.height)
    result.images.insert(index + 1, twin)
    return result, Selection(PICTURE, twin.name)


def delete(panel: PanelSpec, chosen: Selection) -> PanelSpec:
    """``panel`` without ``chosen``; a picture that stood in for a deleted text box stands alone."""
    result = _copy(panel)
    if chosen.kind == TEXT:
        result.texts = [t for t in result.texts if t.name != chosen.key]
        for image in result.images:
            if image.replaces == chosen.key:
                image.replaces = ""
        return result
    index = find_picture(result, chosen.key)
    if index is not None:
        del result.images[index]
    return result


def restack(panel: PanelSpec, chosen: Selection, where: str) -> PanelSpec | None:
    """``panel`` with ``chosen`` moved to the front/back or one step forward/backward; None if it is
    there already. ``where`` is one of `RESTACK`."""
    if where not in RESTACK:
        raise ValueError(f"where must be one of {RESTACK}")
    result = _copy(panel)
    items: list = result.texts if chosen.kind == TEXT else result.images
    if chosen.kind == TEXT:
        index = next((i for i, t in enumerate(items) if t.name == chosen.key), None)
    else:
        index = find_picture(result, chosen.key)
    if index is None:
        return None
    target = {"front": len(items) - 1, "back": 0, "forward": min(index + 1, len(items) - 1),
              "backward": max(index - 1, 0)}[where]
    if target == index:
        return None
    items.insert(target, items.pop(index))
    return result


def move_picture(panel: PanelSpec, key: str, rect: tuple[float, float, float, float]) -> PanelSpec | None:
    """``panel`` with picture ``key`` at ``rect`` (x, y, width, height in mm); None if unchanged."""
    result = _copy(panel)
    index = find_picture(result, key)
    if index is None:
        return None
    image = result.images[index]
    x, y, w, h = (round(v, 2) for v in rect)
    if (image.x, image.y, image.width, image.height) == (x, y, w, h):
        return None
    image.x, image.y, image.width, image.height = x, y, w, h
    return result


def replace_picture(panel: PanelSpec, key: str, picture: ImportedPicture) -> PanelSpec:
    """``panel`` with picture ``key`` showing ``picture``'s file instead (its place and fit kept).

    A signature or photo box becomes a plain picture: the user chose what it shows.
    """
    result = _copy(panel)
    index = find_picture(result, key)
    if index is None:
        raise StudioError(f"This side of the card has no picture “{picture_label(key)}”.")
    image = result.images[index]
    image.file, image.source, image.replaces = picture.file, "", ""
    return result


def is_background(image: ImageSpec) -> bool:
    """Whether ``image`` covers its whole panel from the corner (the panel's background picture)."""
    return not image.source and (image.x, image.y, image.width, image.height) == (0, 0, 0, 0)


def set_background_picture(panel: PanelSpec, picture: ImportedPicture) -> tuple[PanelSpec, str]:
    """``panel`` with ``picture`` as its background: the whole panel and its bleed, under everything.

    The panel's first picture is replaced when it already covers the whole panel; otherwise a
    new one goes under the others. The background colour stays (it shows through a PNG's
    transparent parts). Returns the panel and the background picture's key.
    """
    result = _copy(panel)
    if result.images and is_background(result.images[0]):
        result.images[0].file = picture.file
        result.images[0].fit, result.images[0].bleed = "cover", True
        return result, picture_key(result.images[0], 0)
    name = unique_name(result, BACKGROUND)
    result.images.insert(0, ImageSpec(file=picture.file, name=name, fit="cover", bleed=True))
    return result, name


def remove_background_picture(panel: PanelSpec) -> PanelSpec | None:
    """``panel`` without its background picture (its colour shows again); None when it has none."""
    if not (panel.images and is_background(panel.images[0])):
        return None
    result = _copy(panel)
    del result.images[0]
    return result


# -- The user's own pictures ----------------------------------------------------------------

def working_folder(paths: AppPaths, template_id: str) -> Path:
    """The folder an edited template's files are gathered in while it is edited."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", template_id).strip(".") or "_"
    return paths.data_dir / "drafts" / "designer" / "work" / safe


def import_picture(paths: AppPaths, template: CardTemplate, source: Path) -> ImportedPicture:
    """Check ``source`` as template artwork and copy it into ``template``'s working folder.

    The first picture a template gets copies the template's own folder (its artwork and
    sample) into `working_folder`; the caller points the edited template there
    (``template.folder = result.folder``). Raises `StudioError` with a sentence naming the
    file when it is missing or not usable artwork.
    """
    from PIL import Image

    from studio.cards.validate import check_artwork

    source = Path(source)
    if not source.is_file():
        raise StudioError(f"The picture {source} does not exist (it may have been moved or deleted).")
    problem = check_artwork(source)
    if problem is not None:
        raise StudioError(f"This picture cannot go on a card: {problem}.")
    with Image.open(source) as image:
        kind, width, height = image.format, image.width, image.height
    folder = working_folder(paths, template.id)
    if template.folder is None or template.folder.resolve() != folder.resolve():
        shutil.rmtree(folder, ignore_errors=True)
        if template.folder is not None and template.folder.is_dir():
            shutil.copytree(template.folder, folder, symlinks=False)
        folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", source.stem).strip("-")[:40] or "picture"
    relative = f"{PICTURE_FOLDER}/{stem}-{digest}{'.png' if kind == 'PNG' else '.jpg'}"
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.copyfile(source, target)
    return ImportedPicture(folder=folder, file=relative, width_px=width, height_px=height)
