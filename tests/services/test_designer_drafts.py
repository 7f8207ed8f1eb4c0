"""Designer drafts: kept in the data folder, read back as written, never half a file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from studio.cards import load_template
from studio.paths import AppPaths, bundled_dir
from studio.services import designer_drafts as drafts

WHEN = dt.datetime(2026, 11, 20, 9, 12)


def _paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "home", db_path=tmp_path / "db.sqlite3")


def _balloons():  # noqa: ANN202
    return load_template(bundled_dir("templates") / "cards" / "birthday-balloons")


def test_a_draft_is_read_back_as_written_and_applies_to_its_template(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    template = _balloons()
    front = template.panel("front")
    front.texts[0] = dataclasses.replace(front.texts[0], x=12.5, color="#123456", text="Hallo Zoë")
    path = drafts.save_draft(paths, drafts.draft_of(template, "Alles Gute!", WHEN))

    assert path.parent == paths.data_dir / "drafts" / "designer" and not list(path.parent.glob("*.part"))
    draft = drafts.load_draft(paths, template.id)
    assert draft is not None and draft.saved_at == WHEN and draft.message == "Alles Gute!"
    restored = drafts.apply_draft(_balloons(), draft)
    box = restored.panel("front").texts[0]
    assert (box.x, box.color, box.text) == (12.5, "#123456", "Hallo Zoë")
    assert drafts.differs(_balloons(), draft) and not drafts.differs(template, draft, "Alles Gute!")

    drafts.discard_draft(paths, template.id)
    assert drafts.load_draft(paths, template.id) is None and not path.exists()


def test_an_unreadable_draft_counts_as_none(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    target = drafts.draft_path(paths, "../evil id")
    assert target.parent == paths.data_dir / "drafts" / "designer"  # the id cannot leave the folder
    target.parent.mkdir(parents=True)
    target.write_text("{ half a fi", encoding="utf-8")
    assert drafts.load_draft(paths, "../evil id") is None


def test_a_draft_keeps_the_order_of_boxes_and_the_pictures(tmp_path: Path) -> None:
    from studio.cards import ImageSpec

    paths = _paths(tmp_path)
    template = _balloons()
    front = template.panel("front")
    front.texts.reverse()
    front.images.append(ImageSpec(file="front.jpg", name="again", x=3, y=4, width=20, height=10,
                                  fit="contain", focus=(0.5, 0.25)))
    drafts.save_draft(paths, drafts.draft_of(template, "", WHEN))
    draft = drafts.load_draft(paths, template.id)
    restored = drafts.apply_draft(_balloons(), draft)
    assert restored.panel("front") == front and restored.folder == template.folder
    assert [p.name for p, _ in drafts.changed_panels(_balloons(), draft)] == ["front"]


def test_a_version_1_draft_still_applies_by_box_name(tmp_path: Path) -> None:
    import json

    paths = _paths(tmp_path)
    target = drafts.draft_path(paths, "birthday-balloons")
    target.parent.mkdir(parents=True)
    box = dataclasses.asdict(_balloons().panel("front").texts[0]) | {"x": 1.5}
    old = {"version": 1, "template_id": "birthday-balloons", "saved_at": WHEN.isoformat(), "message": "",
           "panels": {"front": [box]}}
    target.write_text(json.dumps(old), encoding="utf-8")
    restored = drafts.apply_draft(_balloons(), drafts.load_draft(paths, "birthday-balloons"))
    assert restored.panel("front").texts[0].x == 1.5 and len(restored.panel("front").texts) == 2
    assert restored.panel("front").images == _balloons().panel("front").images
