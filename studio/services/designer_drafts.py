"""Drafts of the card designer's unsaved edits, kept in the user's data folder.

The designer writes a draft after every edit, so quitting, a crash or a killed process
loses nothing: the next time that template is opened, the designer offers the draft
back. A draft holds what the designer lets the user change: every text box of every
panel (its words, font, size, colour, alignment, place) and the personal message. It is
one small JSON file per template, ``<data folder>/drafts/designer/<template id>.json``,
replaced atomically so a crash mid-write leaves the previous draft, never half a file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import CardTemplate, TextSpec
from studio.paths import AppPaths

_VERSION = 1
_TEXT_FIELDS = {f.name for f in dataclasses.fields(TextSpec)}


@dataclass
class DesignerDraft:
    """The edited state of one template: its text boxes by panel and the personal message."""

    template_id: str
    saved_at: dt.datetime
    message: str = ""
    panels: dict[str, list[TextSpec]] = field(default_factory=dict)


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
        return DesignerDraft(
            template_id=str(data["template_id"]),
            saved_at=dt.datetime.fromisoformat(data["saved_at"]),
            message=str(data.get("message", "")),
            panels=panels,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def discard_draft(paths: AppPaths, template_id: str) -> None:
    """Forget the draft of ``template_id`` (saved, discarded, or undone back to the original)."""
    draft_path(paths, template_id).unlink(missing_ok=True)


def apply_draft(template: CardTemplate, draft: DesignerDraft) -> CardTemplate:
    """A copy of ``template`` with the draft's text boxes in place of its own.

    Boxes are matched by panel and name; a box the draft does not know (the template
    changed since) is kept as it is, and a box the template no longer has is dropped.
    """
    result = dataclasses.replace(template, panels=[dataclasses.replace(p) for p in template.panels])
    for panel in result.panels:
        drafted = {t.name: t for t in draft.panels.get(panel.name, [])}
        panel.texts = [dataclasses.replace(drafted.get(t.name, t)) for t in panel.texts]
    return result


def differs(template: CardTemplate, draft: DesignerDraft, message: str = "") -> bool:
    """Whether ``draft`` changes anything of ``template`` shown with ``message``."""
    return draft.message != message or any(
        apply_draft(template, draft).panel(p.name).texts != p.texts for p in template.panels
    )
