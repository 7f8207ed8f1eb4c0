"""The designer's panel edits at service level: add, duplicate, delete, restack, the user's pictures."""

from __future__ import annotations

import pytest
from PIL import Image

from studio.cards import ImageSpec, PanelSpec, TextSpec
from studio.errors import StudioError
from studio.paths import AppPaths
from studio.services import cards
from studio.services import designer_layout as layout
from studio.services.designer_layout import PICTURE, TEXT, Selection


def _panel() -> PanelSpec:
    return PanelSpec(
        name="front",
        images=[ImageSpec(file="front.jpg", bleed=True), ImageSpec(file="b.png", name="logo", x=5, y=5,
                                                                   width=20, height=20)],
        texts=[TextSpec("greeting", 8, 40, 80, 30), TextSpec("name", 8, 80, 80, 20)],
    )


def test_added_boxes_get_names_no_box_has_and_sit_inside_the_safe_margin() -> None:
    panel = _panel()
    after, name = layout.add_text_box(panel, 108, 140, 5)
    again, second = layout.add_text_box(after, 108, 140, 5)
    assert (name, second) == ("text-1", "text-2") and len(panel.texts) == 2  # the input is untouched
    box = again.texts[-1]
    assert box.x >= 5 and box.x + box.width <= 103 and box.text


def test_duplicate_goes_just_above_the_original_and_stays_on_the_panel() -> None:
    panel = _panel()
    panel.texts[1].x = 25  # at the right edge: the copy goes left instead
    after, twin = layout.duplicate(panel, Selection(TEXT, "name"), width_mm=108, height_mm=140)
    assert twin == Selection(TEXT, "name-copy")
    assert [t.name for t in after.texts] == ["greeting", "name", "name-copy"]
    assert after.texts[2].x == 20 and after.texts[2].y == 85
    pictures, copied = layout.duplicate(panel, Selection(PICTURE, "#1"), width_mm=108, height_mm=140)
    assert copied.key == "picture-1-copy" and pictures.images[1].width == 108  # the "rest" made explicit


def test_delete_frees_a_picture_that_stood_in_for_the_deleted_box() -> None:
    panel = _panel()
    panel.images.append(ImageSpec(file="", source="signature", replaces="name", name="sig"))
    after = layout.delete(panel, Selection(TEXT, "name"))
    assert [t.name for t in after.texts] == ["greeting"] and after.images[-1].replaces == ""
    assert [i.name for i in layout.delete(panel, Selection(PICTURE, "logo")).images] == ["", "sig"]


@pytest.mark.parametrize(("where", "order"), [
    ("front", ["name", "greeting"]), ("back", ["greeting", "name"]),
    ("forward", ["name", "greeting"]), ("backward", ["greeting", "name"]),
])
def test_restack_orders_text_boxes_as_the_template_will_list_them(where, order) -> None:
    after = layout.restack(_panel(), Selection(TEXT, "greeting"), where)
    if where in ("back", "backward"):
        assert after is None  # already at the back
    else:
        assert [t.name for t in after.texts] == order


def test_a_background_picture_covers_the_panel_under_the_others() -> None:
    panel = _panel()
    picture = layout.ImportedPicture(folder=None, file="pictures/mine.png", width_px=10, height_px=10)
    after, key = layout.set_background_picture(panel, picture)
    assert key == "#1" and after.images[0].file == "pictures/mine.png" and len(after.images) == 2
    bare = PanelSpec(name="front", images=[ImageSpec(file="logo.png", x=3, y=3, width=9, height=9)])
    after, key = layout.set_background_picture(bare, picture)
    assert key == "background" and after.images[0].bleed and after.images[1].file == "logo.png"


def test_a_picture_is_checked_as_artwork_and_copied_into_the_working_folder(tmp_path) -> None:
    paths = AppPaths.resolve(tmp_path / "unused.sqlite3")
    template = cards.editable_copy(cards.get_template(paths, "birthday-balloons"))
    photo = tmp_path / "My holiday photo.png"
    Image.new("RGB", (300, 200), "#3366aa").save(photo)
    picture = layout.import_picture(paths, template, photo)
    assert (picture.width_px, picture.height_px) == (300, 200)
    assert picture.file.startswith("pictures/My-holiday-photo-") and picture.file.endswith(".png")
    assert (picture.folder / picture.file).is_file() and (picture.folder / "template.toml").is_file()

    not_art = tmp_path / "notes.png"
    not_art.write_text("not a picture")
    with pytest.raises(StudioError, match="cannot go on a card: 'notes.png' is not a readable PNG or JPEG"):
        layout.import_picture(paths, template, not_art)
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (10, 10)).save(gif)
    with pytest.raises(StudioError, match="artwork must be PNG or JPEG"):
        layout.import_picture(paths, template, gif)
    with pytest.raises(StudioError, match="does not exist"):
        layout.import_picture(paths, template, tmp_path / "gone.jpg")
