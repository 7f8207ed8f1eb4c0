"""Drafts of the card designer's unsaved edits, kept in the user's data folder.

The designer writes a draft after every edit, so quitting, a crash or a killed process
loses nothing: the next time that template is opened, the designer offers the draft
back. A draft holds what the designer lets the user change: every text box of every
panel (its words, font, size, colour, alignment, place) in its order, the pictures and
the background, and the personal message. It is one small JSON file per template,
``<data folder>/drafts/designer/<template id>.json``, replaced atomically so a crash
mid-write leaves the previous draft, never half a file. Pictures the user added live in
the template's working folder (`designer_layout.working_folder`), which the draft names.

Version 1 drafts (text boxes only, matched by name) are still read and applied.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import CardTemplate, ImageSpec, PanelSpec, TextSpec
from studio.paths import AppPaths

_VERSION = 2
_TEXT_FIELDS = {f.name for f in dataclasses.fields(TextSpec)}
_IMAGE_FIELDS = {f.name for f in dataclasses.fields(ImageSpec)}


@dataclass
class PanelDraft:
    """A panel's pictures and background as drafted (its text boxes are in ``panels``)."""

    images: list[ImageSpec] = field(default_factory=list)
    background: str | None = None


@dataclass
class DesignerDraft:
    """The edited state of one template: its text boxes by panel and the personal message."""

    template_id: str
    saved_at: dt.datetime
    message: str = ""
    panels: dict[str, list[TextSpec]] = field(default_factory=dict)
    # Version 2: each panel's pictures and background; the boxes above are then the whole list.
    pictures: dict[str, PanelDraft] | None = None
    folder: str = ""  # the template's folder as edited: its working folder once a picture was added


def draft_path(paths: AppPaths, template_id: str) -> Path:
    """Where the draft of ``template_id`` is kept (the id is made safe as a file name)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", template_id).strip(".") or "_"
    return paths.data_dir / "drafts" / "designer" / f"{safe}.json"


def draft_of(template: CardTemplate, message: str, saved_at: dt.datetime) -> DesignerDraft:
    """The draft of ``template`` as edited, with the typed ``message``."""
    return DesignerDraft(
        template_id=template.id,
        saved_at=saved_at,
        message=message,
        panels={p.name: [dataclasses.replace(t) for t in p.texts] for p in template.panels},
        pictures={p.name: PanelDraft([dataclasses.replace(i) for i in p.images], p.background)
                  for p in template.panels},
        folder=str(template.folder or ""),
    )


def save_draft(paths: AppPaths, draft: DesignerDraft) -> Path:
    """Write ``draft`` (replacing the template's previous one) and return its file."""
    target = draft_path(paths, draft.template_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": _VERSION,
        "template_id": draft.template_id,
        "saved_at": draft.saved_at.isoformat(timespec="seconds"),
        "message": draft.message,
        "panels": {name: [dataclasses.asdict(t) for t in texts] for name, texts in draft.panels.items()},
    }
    if draft.pictures is not None:
        data["pictures"] = {
            name: {"images": [_image_json(i) for i in panel.images], "background": panel.background}
            for name, panel in draft.pictures.items()
        }
        data["folder"] = draft.folder
    partial = target.with_name(target.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, target)  # atomic: the old draft or the new one, never half of either
    return target


def load_draft(paths: AppPaths, template_id: str) -> DesignerDraft | None:
    """The draft kept for ``template_id``, or None when there is none or it cannot be read.

    An unreadable draft (hand-edited, from another version) is not an error to show: it
    is as if there were none, and the next edit replaces it.
    """
    try:
        data = json.loads(draft_path(paths, template_id).read_text(encoding="utf-8"))
        panels = {
            str(name): [TextSpec(**{k: v for k, v in box.items() if k in _TEXT_FIELDS}) for box in boxes]
            for name, boxes in data["panels"].items()
        }
        pictures = None
        if "pictures" in data:
            pictures = {
                str(name): PanelDraft(
                    [_image_from_json(i) for i in panel["images"]],
                    None if panel.get("background") is None else str(panel["background"]),
                )
                for name, panel in data["pictures"].items()
            }
        return DesignerDraft(
            template_id=str(data["template_id"]),
            saved_at=dt.datetime.fromisoformat(data["saved_at"]),
            message=str(data.get("message", "")),
            panels=panels,
            pictures=pictures,
            folder=str(data.get("folder", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _image_json(image: ImageSpec) -> dict:
    data = dataclasses.asdict(image)
    data["focus"] = list(image.focus) if image.focus is not None else None
    return data


def _image_from_json(data: dict) -> ImageSpec:
    image = ImageSpec(**{k: v for k, v in data.items() if k in _IMAGE_FIELDS})
    if image.focus is not None:
        image.focus = (float(image.focus[0]), float(image.focus[1]))
    return image


def discard_draft(paths: AppPaths, template_id: str) -> None:
    """Forget the draft of ``template_id`` (saved, discarded, or undone back to the original)."""
    draft_path(paths, template_id).unlink(missing_ok=True)


def apply_draft(template: CardTemplate, draft: DesignerDraft) -> CardTemplate:
    """A copy of ``template`` with the draft's boxes (and, from version 2, pictures) in place of its own.

    A version 2 draft gives each panel it knows its whole list of text boxes, its pictures
    and background, and points the copy at the draft's working folder when that still
    exists. In a version 1 draft boxes are matched by panel and name; a box the draft does
    not know (the template changed since) is kept as it is, and one the template no longer
    has is dropped.
    """
    result = dataclasses.replace(template, panels=[dataclasses.replace(p) for p in template.panels])
    for panel in result.panels:
        if draft.pictures is not None and panel.name in draft.pictures:
            panel.texts = [dataclasses.replace(t) for t in draft.panels.get(panel.name, [])]
            panel.images = [dataclasses.replace(i) for i in draft.pictures[panel.name].images]
            panel.background = draft.pictures[panel.name].background
            continue
        drafted = {t.name: t for t in draft.panels.get(panel.name, [])}
        panel.texts = [dataclasses.replace(drafted.get(t.name, t)) for t in panel.texts]
    if draft.folder and Path(draft.folder).is_dir():
        result.folder = Path(draft.folder)
    return result


def changed_panels(template: CardTemplate, draft: DesignerDraft) -> list[tuple[PanelSpec, PanelSpec]]:
    """The panels ``draft`` changes: (as in ``template``, as drafted), in the template's order."""
    drafted = apply_draft(template, draft)
    return [(p, drafted.panel(p.name)) for p in template.panels if drafted.panel(p.name) != p]


def differs(template: CardTemplate, draft: DesignerDraft, message: str = "") -> bool:
    """Whether ``draft`` changes anything of ``template`` shown with ``message``."""
    return draft.message != message or bool(changed_panels(template, draft))
