"""Envelopes read back from the PDF: page size, where the blocks sit, the IMb, calibration."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import inch, mm

from studio.errors import StudioError, UsageError
from studio.model import Calibration, EnvelopeSize
from studio.postal.imb import intelligent_mail_codes
from studio.render.envelopes import EnvelopeText, address_zone, postal_style, render_envelopes, return_zone
from studio.render.formats import FORMATS
from studio.render.stocks import custom_envelope, load_stocks, takes_card

CATALOG = load_stocks()
RETURN = ("Dana Whitfield", "Glow Naturals", "42 Elm Street", "SPRINGFIELD, IL 62704")
RECIPIENT = ("Jane Smith", "1600 Amphitheatre Pkwy", "MOUNTAIN VIEW, CA 94043-1351")
SIZES = ["no10", "monarch", "6x9", "a2", "a6", "a7", "a9", "c5", "c6", "dl"]


def _render(tmp_path: Path, size: EnvelopeSize, *envelopes: EnvelopeText, **options) -> Path:
    out = tmp_path / f"{size.id}.pdf"
    render_envelopes(list(envelopes), size, out, style=postal_style(size), **options)
    return out


def _bbox(page: pdfplumber.page.Page, lines: tuple[str, ...]) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) around the characters of ``lines`` (each a whole text line)."""
    found = [line for line in page.extract_text_lines() if line["text"] in lines]
    assert sorted(line["text"] for line in found) == sorted(lines), "not every line was found"
    chars = [char for line in found for char in line["chars"]]
    return (min(c["x0"] for c in chars), min(c["top"] for c in chars),
            max(c["x1"] for c in chars), max(c["bottom"] for c in chars))


def _zone_pt(zone: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x, y, width, height = zone
    return x * mm, y * mm, (x + width) * mm, (y + height) * mm


def _within(box: tuple[float, ...], zone: tuple[float, ...], slack: float = 0.01) -> bool:
    return (box[0] >= zone[0] - slack and box[1] >= zone[1] - slack and box[2] <= zone[2] + slack
            and box[3] <= zone[3] + slack)


@pytest.mark.parametrize("size_id", SIZES)
def test_page_is_the_envelope_and_blocks_sit_in_their_zones(tmp_path: Path, size_id: str) -> None:
    size = CATALOG.envelope(size_id)
    out = _render(tmp_path, size, EnvelopeText("Jane", RECIPIENT, RETURN), EnvelopeText("Jane", RECIPIENT))
    style = postal_style(size)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((size.width * mm, size.height * mm), abs=0.01)
        assert page.width > page.height  # landscape
        recipient = _bbox(page, RECIPIENT)
        assert _within(recipient, _zone_pt(address_zone(size, style)))
        assert _within(_bbox(page, RETURN), _zone_pt(return_zone(size, style)))
        assert "Dana Whitfield" not in pdf.pages[1].extract_text()  # no return address given


@pytest.mark.parametrize("size_id", ["no10", "monarch", "6x9", "a2", "a6", "a7", "a9"])
def test_us_envelopes_put_the_address_in_the_usps_ocr_read_area(tmp_path: Path, size_id: str) -> None:
    size = CATALOG.envelope(size_id)
    with pdfplumber.open(_render(tmp_path, size, EnvelopeText("Jane", RECIPIENT, RETURN))) as pdf:
        page = pdf.pages[0]
        x0, top, x1, bottom = _bbox(page, RECIPIENT)
        assert x0 >= 0.5 * inch and x1 <= page.width - 0.5 * inch
        assert page.height - bottom >= 5 / 8 * inch  # barcode clear zone stays empty
        assert page.height - top <= 2.75 * inch
        assert x0 > page.width * 0.3  # right of the return address, not under it


@pytest.mark.parametrize("size_id", ["c5", "c6", "dl"])
def test_iso_envelopes_put_the_address_lower_right(tmp_path: Path, size_id: str) -> None:
    size = CATALOG.envelope(size_id)
    hans = ("Hans Müller", "Marienplatz 8", "80331 MÜNCHEN", "GERMANY")
    with pdfplumber.open(_render(tmp_path, size, EnvelopeText("Hans", hans))) as pdf:
        page = pdf.pages[0]
        x0, top, x1, bottom = _bbox(page, hans)
        assert x0 >= page.width * 0.4 and page.width - x1 >= 15 * mm
        assert top >= 40 * mm and page.height - bottom >= 15 * mm


def test_intelligent_mail_barcode_sits_just_above_the_name(tmp_path: Path) -> None:
    size = CATALOG.envelope("a2")
    codes = intelligent_mail_codes("123456", 7, "94043-1351")
    out = _render(tmp_path, size, EnvelopeText("Jane", RECIPIENT, RETURN, codes),
                  EnvelopeText("Jane", RECIPIENT))
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        bars = [r for r in page.rects if r["width"] < 0.03 * inch]
        assert len(bars) == 65  # USPS-B-3200: 65 bars
        x0, top, x1, bottom = _bbox(page, RECIPIENT)
        assert max(b["bottom"] for b in bars) <= top  # above the name line, not over it
        assert top - max(b["bottom"] for b in bars) < 0.5 * inch
        assert min(b["x0"] for b in bars) >= 0.5 * inch
        assert page.height - max(b["bottom"] for b in bars) >= 5 / 8 * inch
        assert not [r for r in pdf.pages[1].rects if r["width"] < 0.03 * inch]


def test_calibration_moves_everything(tmp_path: Path) -> None:
    size = CATALOG.envelope("no10")
    plain = _render(tmp_path, size, EnvelopeText("Jane", RECIPIENT, RETURN))
    moved = tmp_path / "moved.pdf"
    render_envelopes([EnvelopeText("Jane", RECIPIENT, RETURN)], size, moved,
                     calibration=Calibration(offset_x=-1.0, offset_y=2.5))
    with pdfplumber.open(plain) as a, pdfplumber.open(moved) as b:
        before, after = _bbox(a.pages[0], RECIPIENT), _bbox(b.pages[0], RECIPIENT)
        assert after[0] - before[0] == pytest.approx(-1.0 * mm, abs=0.01)
        assert after[1] - before[1] == pytest.approx(2.5 * mm, abs=0.01)


def test_long_lines_wrap_and_scripts_print_as_glyphs(tmp_path: Path) -> None:
    size = CATALOG.envelope("a2")
    jp = ("〒100-8111", "東京都千代田区", "千代田1-1", "山田 太郎", "JAPAN")
    long = ("Dr. Maximilian Alexander von Hohenzollern-Sigmaringen",
            "Hauptstraße 1234, Hinterhaus, 3. OG links", "80331 MÜNCHEN", "GERMANY")
    out = tmp_path / "fit.pdf"
    run = render_envelopes([EnvelopeText("Taro", jp), EnvelopeText("Max", long)], size, out)
    assert run.notes == [] and run.refused == []  # wrapped at full size
    with pdfplumber.open(out) as pdf:
        zone = _zone_pt(address_zone(size, "us"))
        assert _within(_bbox(pdf.pages[0], jp), zone)
        lines = [line["text"] for line in pdf.pages[1].extract_text_lines()]
        # Broken at spaces, after a comma where one is near the end of the room.
        assert lines == ["Dr. Maximilian Alexander von", "Hohenzollern-Sigmaringen",
                         "Hauptstraße 1234, Hinterhaus,", "3. OG links", "80331 MÜNCHEN", "GERMANY"]
        assert _within(_bbox(pdf.pages[1], tuple(lines)), zone)
        fonts = {c["fontname"].split("+")[-1] for c in pdf.pages[0].chars if c["text"] == "東"}
        assert fonts == {"DroidSansFallback"}


LONG_STREET = "1234567 Extraordinarily Long Boulevard Name That Goes On And On Northwest Building C"
LONG = ("Long Street", LONG_STREET, "SPRINGFIELD, IL 62704")
LONG_RETURN = ("Dana Whitfield", "International Association of Appreciation Marketing Pros",
               "42 Elm Street, Building 7, Suite 1200, Attention Shipping Department",
               "SPRINGFIELD, IL 62704")


@pytest.mark.parametrize("size_id", SIZES + ["custom:120x90"])
@pytest.mark.parametrize("barcode", [False, True])
def test_a_very_long_street_stays_in_the_address_zone_on_every_envelope(tmp_path: Path, size_id: str,
                                                                       barcode: bool) -> None:
    size = CATALOG.envelope(size_id)
    codes = intelligent_mail_codes("123456", 7, "62704") if barcode else None
    out = tmp_path / "long.pdf"
    style = postal_style(size)
    run = render_envelopes([EnvelopeText("Long", LONG, LONG_RETURN, codes)], size, out, style=style)
    assert run.refused == [] and run.envelopes == 1
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        zone, corner = _zone_pt(address_zone(size, style)), _zone_pt(return_zone(size, style))
        if barcode:  # a barcode wider than the zone moves the block left, to 1/2 in from the edge
            zone = (min(zone[0], 0.5 * inch), *zone[1:])
        assert page.chars
        for char in page.chars:
            assert 0 <= char["x0"] and char["x1"] <= page.width and 0 <= char["top"] \
                and char["bottom"] <= page.height, f"{char['text']!r} off the envelope"
            assert _within((char["x0"], char["top"], char["x1"], char["bottom"]), zone) or \
                _within((char["x0"], char["top"], char["x1"], char["bottom"]), corner), char["text"]
        text = page.extract_text().replace("\n", " ").replace(" ", "")
        assert LONG_STREET.replace(" ", "") in text
        assert min(c["size"] for c in page.chars) >= 7


def test_an_envelope_whose_address_cannot_fit_is_refused_and_gets_no_page(tmp_path: Path) -> None:
    size = CATALOG.envelope("a2")
    crowded = tuple(f"Line {n} of an address that is far too long" for n in range(25))
    out = tmp_path / "refused.pdf"
    run = render_envelopes([EnvelopeText("Jane", RECIPIENT), EnvelopeText("Crowded", crowded),
                            EnvelopeText("Jane again", RECIPIENT)], size, out)
    assert (run.envelopes, run.pages) == (2, 2)
    assert run.refused == [("Crowded", "the address does not fit on the A2 (4 3/8 x 5 3/4 in) envelope: "
                                       "its 25 lines are too many even at 7 pt")]
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2 and "Line 0" not in "".join(p.extract_text() for p in pdf.pages)


def test_a_return_address_that_cannot_fit_stops_the_run_with_the_reason(tmp_path: Path) -> None:
    size = CATALOG.envelope("a2")
    sender = tuple(f"Return line {n}" for n in range(30))
    with pytest.raises(StudioError, match=r"the return address does not fit in the corner of the A2 .*"
                                          r"30 lines are too many"):
        render_envelopes([EnvelopeText("Jane", RECIPIENT, sender)], size, tmp_path / "x.pdf")


def test_stamp_box_is_optional(tmp_path: Path) -> None:
    size = CATALOG.envelope("c6")
    with_box = tmp_path / "box.pdf"
    render_envelopes([EnvelopeText("A", RECIPIENT)], size, with_box, style="iso", stamp_box=True)
    with pdfplumber.open(with_box) as pdf:
        page = pdf.pages[0]
        assert "STAMP" in page.extract_text()
        box = next(r for r in page.rects if r["width"] > 20 * mm)
        assert box["x1"] <= page.width and box["x0"] > page.width * 0.7 and box["top"] < 10 * mm


def test_custom_sizes_in_mm_and_inches() -> None:
    assert (custom_envelope("custom:190x120").width, custom_envelope("custom:120x190").height) == (190, 120)
    inches = CATALOG.envelope("custom:7.5x4.75in")
    assert (inches.width, inches.height) == pytest.approx((190.5, 120.65))
    with pytest.raises(UsageError):
        CATALOG.envelope("custom:ten by five")
    with pytest.raises(UsageError):
        CATALOG.envelope("custom:20x10")


def test_the_envelope_sizes_of_the_issue_are_known() -> None:
    expected = {"no10": (241.3, 104.775), "monarch": (190.5, 98.425), "6x9": (228.6, 152.4),
                "a2": (146.05, 111.125), "a6": (165.1, 120.65), "a7": (184.15, 133.35),
                "a9": (222.25, 146.05), "c5": (229, 162), "c6": (162, 114), "dl": (220, 110)}
    for name, (width, height) in expected.items():
        size = CATALOG.envelope(name)
        assert (size.width, size.height) == pytest.approx((width, height)), name
    assert CATALOG.envelope("#10").id == "no10" and CATALOG.envelope("DL").id == "dl"


def test_each_envelope_lists_the_card_formats_it_takes() -> None:
    takes = {size.id: set(size.fits) for size in CATALOG.envelopes.values()}
    assert {"a2-folded", "a2-folded-top"} <= takes["a2"]
    assert {"5x7-folded", "5x7-folded-top", "5x7-flat"} <= takes["a7"]
    assert {"a6-folded", "a6-folded-top", "a6-postcard"} <= takes["c6"] & takes["a6"]
    assert "4x6-postcard" in takes["a6"] & takes["6x9"]
    assert not takes["a2"] & {"5x7-folded", "a6-folded", "4x6-postcard"}  # too small for those
    assert takes["monarch"] == set()
    for card in FORMATS.values():
        # Every format goes in the envelope it names, and every listed card really slides in.
        assert card.id in takes[card.envelope], card.id
        for size in CATALOG.envelopes.values():
            assert takes_card(size, card) == takes_card(replace(size, fits=()), card), (size.id, card.id)


def test_a_custom_envelope_takes_a_card_at_least_3_mm_smaller_both_ways() -> None:
    card = FORMATS["5x7-folded"]  # 127 x 177.8 mm
    assert takes_card(custom_envelope("custom:181x130"), card)
    assert takes_card(custom_envelope("custom:130x181"), card)  # turned to go in
    assert not takes_card(custom_envelope("custom:180x130"), card)
    assert CATALOG.envelopes_for(card)[0].id == "a7"  # the snuggest first


def test_an_envelope_listing_an_unknown_card_format_is_named_in_the_error(tmp_path: Path) -> None:
    (tmp_path / "envelopes.toml").write_text('[[envelope]]\nid = "mine"\nwidth = 190\nheight = 130\n'
                                             'fits = ["5x7-folded", "5x7-foldd"]\n', encoding="utf-8")
    catalog = load_stocks(tmp_path)
    [warning] = catalog.warnings
    assert warning.startswith(f"{tmp_path / 'envelopes.toml'}:1: envelope 'mine': fits names unknown card "
                              "formats '5x7-foldd'")
    assert "mine" not in catalog.envelopes and "no10" in catalog.envelopes
