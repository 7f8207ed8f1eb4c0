"""Managing one's own templates: rename, duplicate, delete to the bin and back, export and import
(with hostile files refused in a sentence)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from studio.cards.package import PackageError
from studio.errors import UsageError
from studio.model import Contact, PartialDate
from studio.paths import AppPaths
from studio.services import card_render, cards, my_templates
from studio.store import open_store

TODAY = dt.date(2026, 11, 20)
BUNDLED = "thank-you-order"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "home", db_path=tmp_path / "cards.sqlite3")


def _ids(paths: AppPaths) -> dict[str, str]:
    return {t.id: t.name for t in cards.list_templates(paths).templates}


def _mine(paths: AppPaths) -> str:
    return my_templates.duplicate_template(paths, BUNDLED, name="Rosa's thanks").id


def test_duplicate_a_bundled_card_makes_a_user_copy_and_the_original_stays(paths) -> None:
    copy = my_templates.duplicate_template(paths, BUNDLED)
    listed = _ids(paths)
    assert copy.source == "user" and copy.id != BUNDLED and BUNDLED in listed
    assert listed[copy.id].endswith("(copy)")
    assert (paths.user_templates_dir / copy.id / "template.toml").is_file()
    again = my_templates.duplicate_template(paths, BUNDLED)  # never over the first copy
    assert again.id not in (copy.id, BUNDLED) and again.name != copy.name


def test_rename_keeps_the_id_and_lists_the_new_name(paths) -> None:
    template_id = _mine(paths)
    renamed = my_templates.rename_template(paths, template_id, "  Thanks,   Rosa ")
    assert renamed.id == template_id and _ids(paths)[template_id] == "Thanks, Rosa"


def test_bundled_cards_cannot_be_renamed_or_deleted(paths) -> None:
    with pytest.raises(UsageError, match="Card Studio's own cards.*duplicate"):
        my_templates.rename_template(paths, BUNDLED, "Mine now")
    with pytest.raises(UsageError, match="cannot be deleted"):
        my_templates.delete_template(paths, BUNDLED)
    with pytest.raises(UsageError, match="needs a name"):
        my_templates.rename_template(paths, _mine(paths), "   ")


def test_delete_goes_to_the_bin_and_restore_works_from_a_new_start(paths) -> None:
    template_id = _mine(paths)
    binned = my_templates.delete_template(paths, template_id)
    assert template_id not in _ids(paths) and binned.name == "Rosa's thanks"
    # A new start: nothing but the folders on disk carries the bin over.
    fresh = AppPaths(data_dir=paths.data_dir, db_path=paths.db_path)
    assert [b.template_id for b in my_templates.binned_templates(fresh)] == [template_id]
    restored = my_templates.restore_template(fresh, template_id)
    assert restored.id == template_id and _ids(fresh)[template_id] == "Rosa's thanks"
    assert my_templates.binned_templates(fresh) == []
    with pytest.raises(UsageError, match="bin holds no"):
        my_templates.restore_template(fresh, template_id)


def test_restore_never_overwrites_a_card_made_since(paths) -> None:
    template_id = _mine(paths)
    my_templates.delete_template(paths, template_id)
    again = my_templates.duplicate_template(paths, BUNDLED, name="Rosa's thanks")
    assert again.id == template_id  # the id is free again
    restored = my_templates.restore_template(paths, template_id)
    assert restored.id != template_id and {template_id, restored.id} <= set(_ids(paths))


def test_empty_bin_deletes_for_good(paths) -> None:
    my_templates.delete_template(paths, _mine(paths))
    assert my_templates.empty_template_bin(paths) == 1
    assert my_templates.binned_templates(paths) == []


def _pdf_text(paths: AppPaths, template_id: str, out: Path) -> str:
    with open_store(paths.db_path) as store:
        if not store.contacts.count():
            with store.transaction():
                store.contacts.add(Contact(given_name="Zoë", family_name="Ångström",
                                           birthday=PartialDate(12, 14, 1986)))
        card_render.render_for_contacts(store, paths, template_id, [1], out, today=TODAY)
    return "\n".join(page.extract_text() for page in PdfReader(out).pages)


def test_export_then_import_renders_the_same_card(paths, tmp_path) -> None:
    mine = my_templates.rename_template(paths, _mine(paths), "Rosa's thanks")
    package = my_templates.export_template(paths, mine.id, tmp_path / "rosa.cardstudio")
    with zipfile.ZipFile(package) as opened:
        names = set(opened.namelist())
    assert "template.toml" in names and any(n.endswith(".j2") for n in names)
    assert any(n.endswith((".jpg", ".png")) for n in names)

    imported = my_templates.import_template(paths, package)
    assert imported.renamed and imported.wanted_id == mine.id  # never over the one already there
    assert imported.template.name == "Rosa's thanks (2)"
    before = _pdf_text(paths, mine.id, tmp_path / "before.pdf")
    after = _pdf_text(paths, imported.template.id, tmp_path / "after.pdf")
    assert "Zoë" in before and before == after


def test_an_exported_bundled_card_imports_under_a_free_id(paths, tmp_path) -> None:
    package = my_templates.export_template(paths, BUNDLED, tmp_path)
    assert package.name == f"{BUNDLED}.cardstudio"
    imported = my_templates.import_template(paths, package)
    assert imported.template.id == f"{BUNDLED}-2" and imported.template.source == "user"
    assert _ids(paths)[BUNDLED] == cards.get_template(None, BUNDLED).name  # Card Studio's stays


def _zip(path: Path, members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return path


def _good_members(paths: AppPaths, tmp_path: Path) -> dict[str, bytes]:
    package = my_templates.export_template(paths, BUNDLED, tmp_path / "good.cardstudio")
    with zipfile.ZipFile(package) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


@pytest.mark.parametrize(
    ("extra", "sentence"),
    [
        ({"../../escape.j2": b"x"}, "would be written outside the card's own folder"),
        ({"/etc/cron.d/evil.j2": b"x"}, "a path outside the card's own folder"),
        ({"C:\\evil.j2": b"x"}, "a path outside the card's own folder"),
        ({"run.sh": b"#!/bin/sh"}, "'run.sh', which is no part of a card template"),
        ({"fake.png": b"not a picture at all"}, "is not a readable PNG or JPEG image"),
    ],
)
def test_hostile_files_are_refused_with_a_sentence(paths, tmp_path, extra, sentence) -> None:
    bad = _zip(tmp_path / "bad.cardstudio", {**_good_members(paths, tmp_path), **extra})
    with pytest.raises(PackageError, match="'bad.cardstudio' cannot be imported") as refused:
        my_templates.import_template(paths, bad)
    assert sentence in str(refused.value) and "Traceback" not in str(refused.value)
    assert not (tmp_path / "escape.j2").exists() and not paths.user_templates_dir.exists()


def test_a_zip_bomb_stops_at_the_budget(paths, tmp_path) -> None:
    bomb = _zip(tmp_path / "bomb.cardstudio",
                {**_good_members(paths, tmp_path), "huge.txt": b"\0" * (30 * 1024 * 1024)})
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(PackageError, match="zip bomb"):
        my_templates.import_template(paths, bomb)


def test_a_link_member_is_refused(paths, tmp_path) -> None:
    bad = tmp_path / "link.cardstudio"
    _zip(bad, _good_members(paths, tmp_path))
    with zipfile.ZipFile(bad, "a") as out:
        info = zipfile.ZipInfo("front.j2.lnk.j2")
        info.external_attr = (0o120777 << 16)
        out.writestr(info, "/etc/passwd")
    with pytest.raises(PackageError, match="holds a link"):
        my_templates.import_template(paths, bad)


def test_not_a_zip_and_no_manifest_and_a_broken_template(paths, tmp_path) -> None:
    text = tmp_path / "letter.cardstudio"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(PackageError, match="not a Card Studio card file"):
        my_templates.import_template(paths, text)
    empty = _zip(tmp_path / "empty.cardstudio", {"inside.j2": b"Hi"})
    with pytest.raises(PackageError, match="holds no template.toml"):
        my_templates.import_template(paths, empty)
    members = _good_members(paths, tmp_path)
    broken = {**members, "inside.j2": b"Dear {{ contact.given_name \n"}
    with pytest.raises(PackageError, match="the card in it is not usable") as refused:
        my_templates.import_template(paths, _zip(tmp_path / "broken.cardstudio", broken))
    assert "card-import-" not in str(refused.value)  # no scratch path reaches the user


def test_oversized_artwork_is_refused_like_template_artwork(paths, tmp_path) -> None:
    picture = io.BytesIO()
    Image.new("L", (9000, 9000)).save(picture, "PNG")
    members = {**_good_members(paths, tmp_path), "front.png": picture.getvalue()}
    bad = _zip(tmp_path / "big.cardstudio", members)
    with pytest.raises(PackageError, match="too large"):
        my_templates.import_template(paths, bad)
