"""Photo boxes in the renderer: cover, contain and circle crops, focus, the face-safe crop,
EXIF orientation, and each distinct photo embedded once per PDF."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.units import mm

from studio.errors import StudioError
from studio.render.cards import render_cards
from studio.render.formats import card_format
from studio.render.layout import CardLayout, ImageBox, PanelContent
from studio.render.preview import panel_preview_pdf
from tests.render.pdfcheck import image_xobjects, reader

FORMAT = "a2-folded"


def photo_bytes(colour: str, size: tuple[int, int] = (600, 900), *, orientation: int = 1) -> bytes:
    """A JPEG of a face-like disc on ``colour``; with ``orientation`` an EXIF rotation tag."""
    image = Image.new("RGB", size, colour)
    face = [size[0] // 4, size[1] // 8, size[0] * 3 // 4, size[1] // 2]
    ImageDraw.Draw(image).ellipse(face, fill="#f1c27d")
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def photo_card(label: str, data: bytes, *, fit: str = "cover", box: tuple[float, float, float, float] = (
        20, 20, 60, 60), focus: tuple[float, float] | None = None) -> CardLayout:
    x, y, w, h = box
    front = PanelContent("front", images=[ImageBox("photo", x, y, w, h, Path(f"{label}.photo"), fit=fit,
                                                   focus=focus, photo=True, data=data,
                                                   described=f"{label}'s photo")])
    return CardLayout(FORMAT, {"front": front}, label=label)


def _front_images(layout: CardLayout) -> list[dict]:
    pdf, _ = panel_preview_pdf(layout, "front")
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        return opened.pages[0].images


def test_three_cards_with_two_distinct_photos_embed_two_images(tmp_path: Path) -> None:
    anna, ben = photo_bytes("#336699"), photo_bytes("#993366")
    out = tmp_path / "cards.pdf"
    render_cards([photo_card("Anna", anna), photo_card("Ben", ben), photo_card("Anna again", anna)], out)
    assert len(image_xobjects(out)) == 2


def test_a_photo_turned_by_exif_is_printed_upright(tmp_path: Path) -> None:
    # Stored 600×900 with "rotate 90°": the camera held sideways; upright it is 900×600.
    layout = photo_card("Cleo", photo_bytes("#336699", orientation=6))
    out = tmp_path / "cards.pdf"
    render_cards([layout], out)
    [number] = image_xobjects(out)
    image = reader(out).get_object(number)
    assert (image["/Width"], image["/Height"]) == (900, 600)


def test_cover_fills_the_box_and_contain_fits_inside_it() -> None:
    wide = photo_bytes("#336699", (1200, 600))
    [cover] = _front_images(photo_card("A", wide, fit="cover", box=(20, 20, 60, 60)))
    assert cover["height"] == pytest.approx(60 * mm, abs=0.5)
    assert cover["width"] == pytest.approx(120 * mm, abs=0.5)
    [contain] = _front_images(photo_card("A", wide, fit="contain", box=(20, 20, 60, 60)))
    assert contain["width"] == pytest.approx(60 * mm, abs=0.5)
    assert contain["height"] == pytest.approx(30 * mm, abs=0.5)
    assert contain["top"] == pytest.approx(35 * mm, abs=0.5)  # centred: (60 - 30) / 2 below the box's top


def test_focus_keeps_its_point_in_the_middle_without_leaving_a_gap() -> None:
    wide = photo_bytes("#336699", (1200, 600))  # drawn 120 mm wide in a 60 mm box
    [left] = _front_images(photo_card("A", wide, focus=(0.0, 0.5)))
    assert left["x0"] == pytest.approx(20 * mm, abs=0.5)  # as far left as it goes, never a gap
    [quarter] = _front_images(photo_card("A", wide, focus=(0.75, 0.5)))
    # The point 3/4 across (90 mm into the picture) sits mid-box, 50 mm from the panel edge.
    assert quarter["x0"] == pytest.approx((50 - 90) * mm, abs=0.5)


def test_a_portrait_without_focus_keeps_its_upper_third() -> None:
    tall = photo_bytes("#336699", (600, 1200))  # drawn 120 mm tall in a 60 mm box
    [image] = _front_images(photo_card("A", tall))
    # The point 1/3 down (40 mm into the picture) sits mid-box, 50 mm from the top.
    assert image["top"] == pytest.approx((50 - 40) * mm, abs=0.5)
    artwork = dataclasses.replace(photo_card("A", tall).panels["front"].images[0], photo=False)
    [centred] = _front_images(CardLayout(FORMAT, {"front": PanelContent("front", images=[artwork])}))
    assert centred["top"] == pytest.approx((50 - 60) * mm, abs=0.5)  # artwork is cropped about its centre


def test_circle_is_the_largest_circle_in_the_box_and_shows_no_corner(tmp_path: Path) -> None:
    layout = photo_card("A", photo_bytes("#cc0000", (800, 800)), fit="circle", box=(20, 20, 70, 50))
    [image] = _front_images(layout)
    assert image["width"] == pytest.approx(50 * mm, abs=0.5)  # the square of the box's short side
    assert image["x0"] == pytest.approx(30 * mm, abs=0.5)  # centred across the 70 mm
    from studio.render.preview import pdf_page_to_png

    pdf, _ = panel_preview_pdf(layout, "front")
    png = tmp_path / "front.png"
    pdf_page_to_png(pdf, png, dpi=72)
    with Image.open(png) as page:
        page = page.convert("RGB")
        scale = page.width / (card_format(FORMAT).width_mm * mm)
        corner = page.getpixel((int((30 * mm + 3) * scale), int((20 * mm + 3) * scale)))
        inside = page.getpixel((int(55 * mm * scale), int(65 * mm * scale)))  # below the face
    assert corner == (255, 255, 255)  # the square's corner is outside the circle: paper
    assert inside[0] > 150 and inside[1] < 80  # inside the circle: the red photo


def test_an_unreadable_photo_is_named(tmp_path: Path) -> None:
    layout = photo_card("Dana Ortiz", b"\xff\xd8\xff this is not a jpeg")
    with pytest.raises(StudioError, match="Dana Ortiz's photo"):
        render_cards([layout], tmp_path / "cards.pdf")
