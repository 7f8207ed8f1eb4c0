"""QR codes on printed cards: they scan back to their link from the rendered page."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.errors import StudioError
from studio.render.cards import render_cards
from studio.render.layout import CardLayout, QrBox
from studio.render.preview import panel_preview_pdf
from tests.render.cardkit import make_card
from tests.render.pdfcheck import qr_texts, reader

LINK = "https://shop.example/?ref=maya42&c=7"


def card_with_code(name: str, data: str, *, size: float = 25, background: str | None = None,
                   color: str = "#000000") -> CardLayout:
    card = make_card("a2-folded", name)
    back = card.panels["back"]
    back.background = background
    back.codes.append(QrBox("code", 41.475, 40, size, data, color=color))
    return card


def test_the_code_on_a_printed_sheet_scans_back_to_its_link(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    render_cards([card_with_code("Zoë", LINK), card_with_code("Ben", LINK.replace("c=7", "c=8"))], out)
    # Two A2 cards to a Letter sheet: both backs are on the outside page.
    assert qr_texts(out, page=0, dpi=200) == [LINK, LINK.replace("c=7", "c=8")]
    assert qr_texts(out, page=1, dpi=200) == []  # nothing of it leaks onto the inside


def test_the_smallest_code_on_dark_artwork_still_scans_at_print_resolution(tmp_path: Path) -> None:
    long_link = "https://shop.example/thank-you/offer?ref=maya-lindqvist-42&c=12345&campaign=winter-2026"
    card = card_with_code("Zoë", long_link, size=15, background="#17325A", color="#2F4A3A")
    pdf, _ = panel_preview_pdf(card, "back")
    assert qr_texts(pdf, dpi=300) == [long_link]  # the white quiet zone keeps the navy panel off it


def test_the_code_is_vector_squares_not_a_picture(tmp_path: Path) -> None:
    pdf, _ = panel_preview_pdf(card_with_code("Zoë", LINK), "back")
    page = reader(pdf).pages[0]
    assert "/XObject" not in page.get("/Resources", {})  # no bitmap to blur at any printer resolution


def test_a_link_too_long_for_any_qr_code_names_the_card_and_box(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match="Card 'Zoë': QR code 'code' cannot hold"):
        render_cards([card_with_code("Zoë", "https://shop.example/" + "x" * 8000)], tmp_path / "c.pdf")
