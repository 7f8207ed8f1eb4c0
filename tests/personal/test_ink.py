"""A phone photo of a signature comes out as clean ink on transparency, strokes kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from studio.errors import StudioError
from studio.personal.ink import extract_ink
from tests.personal.phone_photo import SIZE, phone_photo, signature_strokes


def test_a_phone_photo_becomes_ink_on_transparency_with_every_stroke_kept(tmp_path: Path) -> None:
    result = extract_ink(phone_photo(tmp_path / "signature.jpg"), ink="#102040")
    ink = result.image
    assert ink.mode == "RGBA"
    points = [p for stroke in signature_strokes() for p in stroke]
    left, top = min(x for x, _ in points), min(y for _, y in points)
    right, bottom = max(x for x, _ in points), max(y for _, y in points)
    # Cropped to the ink, with a small margin: the page and its shadow are gone.
    assert ink.width < (right - left) * 1.2 and ink.height < (bottom - top) * 1.25
    offset_x, offset_y = result.box[:2]
    assert result.box[0] <= left - 3 and result.box[2] >= right + 3  # nothing of a stroke cut off
    alpha = ink.getchannel("A")
    kept = [alpha.getpixel((round(x - offset_x), round(y - offset_y))) for x, y in points]
    assert sum(a > 128 for a in kept) / len(kept) > 0.97  # the strokes are there, whole
    assert ink.getpixel((ink.width // 2, 2))[3] == 0  # paper is transparent, even in the shadow
    assert ink.getpixel((ink.width - 3, ink.height - 3))[3] == 0
    opaque = [ink.getpixel((round(x - offset_x), round(y - offset_y))) for x, y in points[::10]]
    assert all(pixel[:3] == (0x10, 0x20, 0x40) for pixel in opaque)  # one ink colour
    assert 0.02 < result.ink_share < 0.3


def test_a_blank_page_or_a_dark_picture_is_refused_in_words(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jpg"
    Image.new("RGB", SIZE, (235, 230, 220)).save(blank, "JPEG")
    with pytest.raises(StudioError, match="no writing was found"):
        extract_ink(blank)
    dark = tmp_path / "dark.png"
    Image.linear_gradient("L").resize((400, 400)).point(lambda v: v // 3).save(dark)
    with pytest.raises(StudioError, match="too dark"):
        extract_ink(dark)
    scribble = Image.new("L", (400, 400), 230)
    for x in range(0, 400, 6):  # dense strokes all over the page: not a signature
        scribble.paste(20, (x, 0, x + 4, 400))
    with pytest.raises(StudioError, match="does not look like a signature"):
        extract_ink(scribble)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(StudioError, match="not a picture Card Studio can read"):
        extract_ink(broken)
