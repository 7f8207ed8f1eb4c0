"""Card PDFs read back: page sizes, text order, fonts, folds, artwork, fit notes, errors."""

from __future__ import annotations

import struct
import unicodedata
import zlib
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from cardkit import make_artwork, make_card
from pdfcheck import font_problems, image_xobjects, reader
from PIL import Image
from reportlab.lib.units import mm

from studio.errors import Cancelled, StudioError
from studio.progress import Progress
from studio.render.cards import render_card_preview, render_cards
from studio.render.formats import FORMATS, PAPERS, card_format
from studio.render.imposition import plan_sheet
from studio.render.layout import CardLayout, PanelContent


@pytest.fixture
def artwork(tmp_path: Path) -> Path:
    return make_artwork(tmp_path)


NAMES = ["Zoë Ångström-Núñez", "王小明", "Анна Смирнова", "שרה כהן", "محمد علي", "さくら 山田"]


def _pdf(layouts, **options) -> bytes:
    out = BytesIO()
    render_cards(layouts, out, **options)
    return out.getvalue()


def _words_on(pdf: bytes, page: int, text: str) -> list[dict]:
    with pdfplumber.open(BytesIO(pdf)) as document:
        return [c for c in document.pages[page].chars if c["text"] in text]


def _chars(pdf: bytes, page: int, word: str) -> list[dict]:
    """The characters of ``word`` (a marker text set in the layouts) on a page."""
    with pdfplumber.open(BytesIO(pdf)) as document:
        chars = document.pages[page].chars
    found = []
    joined = "".join(c["text"] for c in chars)
    start = joined.find(word)
    while start != -1:
        found.extend(chars[start:start + len(word)])
        start = joined.find(word, start + 1)
    return found


@pytest.mark.parametrize("format_id", sorted(FORMATS))
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_pages_have_the_paper_size_and_come_in_outside_inside_pairs(format_id: str, paper: str,
                                                                    artwork: Path) -> None:
    per_sheet = len(plan_sheet(card_format(format_id), paper).slots)
    cards = per_sheet + 1  # a full sheet and one more card on a second sheet
    pdf = _pdf((make_card(format_id, f"Person {i}", artwork) for i in range(cards)), paper=paper)
    pages = reader(pdf).pages
    assert len(pages) == 4
    width, height = (size * mm for size in PAPERS[paper])
    for page in pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.01)
    assert font_problems(pdf) == []
    # Every card's front title is on an outside page and its greeting on the inside page.
    assert len(_chars(pdf, 0, "FRONT TITLE")) == len("FRONT TITLE") * per_sheet
    assert len(_chars(pdf, 2, "FRONT TITLE")) == len("FRONT TITLE")
    assert len(_chars(pdf, 1, "Dear Person")) == len("Dear Person") * per_sheet


def test_sheet_counts_match_the_print_shop_conventions() -> None:
    assert len(plan_sheet(card_format("a2-folded"), "letter").slots) == 2
    assert len(plan_sheet(card_format("a2-folded-top"), "letter").slots) == 2
    assert len(plan_sheet(card_format("a6-folded"), "a4").slots) == 2
    assert len(plan_sheet(card_format("a6-folded-top"), "a4").slots) == 2
    assert len(plan_sheet(card_format("5x7-folded"), "letter").slots) == 1
    assert len(plan_sheet(card_format("5x7-folded"), "a4").slots) == 1
    # Postcards keep clear of the paper edge, where no office printer prints: two A6 on A4, not four.
    assert len(plan_sheet(card_format("a6-postcard"), "a4").slots) == 2
    assert len(plan_sheet(card_format("4x6-postcard"), "letter").slots) == 2


def _logical(visual: str) -> str:
    return unicodedata.normalize("NFKC", visual[::-1])


def test_greetings_print_in_order_in_every_script(artwork: Path) -> None:
    pdf = _pdf((make_card("a2-folded", name, artwork) for name in NAMES), paper="letter")
    with pdfplumber.open(BytesIO(pdf)) as document:
        inside_pages = [page.extract_text() for page in document.pages[1::2]]
    assert len(inside_pages) == len(NAMES) / 2  # two cards a sheet, top one first
    greetings = [line for text in inside_pages for line in text.splitlines() if line.startswith("Dear ")]
    assert greetings[0] == "Dear Zoë Ångström-Núñez,"
    assert greetings[1] == "Dear 王小明,"
    assert greetings[2] == "Dear Анна Смирнова,"
    # Hebrew and Arabic are drawn right to left: read back that way they are the names, joined.
    assert _logical(greetings[3].removeprefix("Dear ").rstrip(",")) == "שרה כהן"
    assert _logical(greetings[4].removeprefix("Dear ").rstrip(",")) == "محمد علي"
    assert greetings[5] == "Dear さくら 山田,"
    assert font_problems(pdf) == []


def _matrix(chars: list[dict]) -> set[tuple[int, int, int, int]]:
    return {tuple(round(v) for v in c["matrix"][:4]) for c in chars}


def test_top_fold_front_is_upright_below_and_back_upside_down_above(artwork: Path) -> None:
    pdf = _pdf([make_card("5x7-folded-top", "Zoë", artwork)], paper="letter")
    page_h = 11 * 72
    front, back = _chars(pdf, 0, "FRONT TITLE"), _chars(pdf, 0, "BACK LINE")
    assert _matrix(front) == {(1, 0, 0, 1)}
    assert all(c["top"] > page_h / 2 for c in front)  # pdfplumber measures from the top
    assert _matrix(back) == {(-1, 0, 0, -1)}
    assert all(c["bottom"] < page_h / 2 for c in back)
    # Duplex turns the sheet over its long edge, the card opens over its top fold: the
    # inside page carries the opened inside turned 180°, message panel in the upper half.
    greeting, cover = _chars(pdf, 1, "Dear Zoë"), _chars(pdf, 1, "COVER QUOTE")
    assert _matrix(greeting) == {(-1, 0, 0, -1)} and _matrix(cover) == {(-1, 0, 0, -1)}
    assert all(c["bottom"] < page_h / 2 for c in greeting)
    assert all(c["top"] > page_h / 2 for c in cover)


def test_side_fold_front_is_right_of_the_back_and_behind_the_inside_cover(artwork: Path) -> None:
    pdf = _pdf([make_card("a2-folded", "Zoë", artwork)], paper="letter")
    middle = 8.5 * 72 / 2
    front, back = _chars(pdf, 0, "FRONT TITLE"), _chars(pdf, 0, "BACK LINE")
    assert _matrix(front) == {(1, 0, 0, 1)} == _matrix(back)
    assert all(c["x0"] > middle for c in front) and all(c["x1"] < middle for c in back)
    cover, greeting = _chars(pdf, 1, "COVER QUOTE"), _chars(pdf, 1, "Dear Zoë")
    assert all(c["x1"] < middle for c in cover) and all(c["x0"] > middle for c in greeting)
    # Two A2 cards per Letter sheet: the first card takes the upper half.
    assert all(c["bottom"] < 11 * 72 / 2 for c in front)


def test_cards_turned_on_the_sheet_are_turned_a_quarter(artwork: Path) -> None:
    pdf = _pdf([make_card("a2-folded-top", "Zoë", artwork)], paper="letter")
    assert _matrix(_chars(pdf, 0, "FRONT TITLE")) == {(0, 1, -1, 0)}
    assert _matrix(_chars(pdf, 0, "BACK LINE")) == {(0, -1, 1, 0)}


def test_artwork_is_embedded_once_for_twenty_cards(artwork: Path) -> None:
    pdf = _pdf(make_card("a2-folded", f"Person {i}", artwork) for i in range(20))
    assert len(reader(pdf).pages) == 20
    assert len(image_xobjects(pdf)) == 1


def test_background_bleeds_past_the_trim_but_not_past_the_fold() -> None:
    card = card_format("5x7-folded-top")
    layout = CardLayout(card.id, {"front": PanelContent("front", background="#cc3344")}, label="bg")
    pdf = _pdf([layout], paper="letter")
    slot = plan_sheet(card, "letter").slots[0]
    with pdfplumber.open(BytesIO(pdf)) as document:
        page = document.pages[0]
        (rect,) = [r for r in page.rects if r["fill"]]
        height = page.height
    trim_x0, trim_y0, trim_x1, _ = slot.trim_outside
    bleed = 3 * mm
    assert rect["x0"] == pytest.approx(trim_x0 - bleed, abs=0.1)
    assert rect["x1"] == pytest.approx(trim_x1 + bleed, abs=0.1)
    assert height - rect["bottom"] == pytest.approx(trim_y0 - bleed, abs=0.1)
    fold_y = trim_y0 + card.height_mm * mm
    assert height - rect["top"] == pytest.approx(fold_y, abs=0.1)


def test_marks_only_when_asked_and_only_outside_the_cards(artwork: Path) -> None:
    plain = _pdf([make_card("5x7-folded", "Zoë", artwork)])
    marked = _pdf([make_card("5x7-folded", "Zoë", artwork)], marks=True)
    slot = plan_sheet(card_format("5x7-folded"), "letter").slots[0]
    with pdfplumber.open(BytesIO(plain)) as document:
        assert document.pages[0].lines == []
    with pdfplumber.open(BytesIO(marked)) as document:
        page = document.pages[0]
        lines = page.lines
        height = page.height
    assert len(lines) == 10  # two per trim corner, and the fold continued above and below
    x0, y0, x1, y1 = slot.trim_outside
    for line in lines:
        inside_x = x0 < line["x0"] < x1 and x0 < line["x1"] < x1
        inside_y = y0 < height - line["bottom"] < y1 and y0 < height - line["top"] < y1
        assert not (inside_x and inside_y), line


def test_fit_notes_name_the_card_and_box(artwork: Path) -> None:
    long = " ".join(["Thank you so much for your order and for being part of our family."] * 14)
    endless = " ".join(["Thank you so much for your order and for being part of our family."] * 60)
    layouts = [make_card("a2-folded", "Fits", artwork), make_card("a2-folded", "Long", artwork, message=long),
               make_card("a2-folded", "Endless", artwork, message=endless)]
    notes = render_cards(layouts, BytesIO())
    assert [(n.card, n.box, n.status) for n in notes] == [("Long", "message", "shrunk"),
                                                          ("Endless", "message", "overflow")]
    assert notes[1].size == 7


def test_cards_are_drawn_as_they_are_taken_and_progress_can_cancel(tmp_path: Path, artwork: Path) -> None:
    events: list[str] = []

    def layouts():
        for i in range(5):
            events.append(f"take {i}")
            yield make_card("a2-folded", f"P{i}", artwork)

    def report(done: int, total: int, what: str) -> None:
        events.append(f"done {done}/{total} {what}")

    render_cards(layouts(), tmp_path / "cards.pdf", progress=Progress(report=report), total=5)
    assert events[:4] == ["take 0", "done 1/5 P0", "take 1", "done 2/5 P1"]
    assert (tmp_path / "cards.pdf").stat().st_size > 0

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        render_cards(layouts(), target, progress=Progress(cancelled=lambda: len(events) > 14))
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_writing_to_a_device_writes_through_it_and_files_are_readable(tmp_path: Path, artwork: Path) -> None:
    devnull = Path("/dev/null")
    if not devnull.is_char_device():
        pytest.skip("no /dev/null here")
    render_cards([make_card("a2-folded", "Zoë", artwork)], devnull)
    assert devnull.is_char_device()  # not replaced by a regular file
    target = tmp_path / "cards.pdf"
    render_cards([make_card("a2-folded", "Zoë", artwork)], target)
    assert target.stat().st_mode & 0o044 == 0o044
    with pytest.raises(StudioError, match="Cannot write"):
        render_cards([make_card("a2-folded", "Zoë", artwork)], tmp_path)


def _png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that claims to be ``width``×``height`` (a decompression bomb's calling card)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16))
                     + chunk(b"IEND", b""))
    return path


def test_broken_or_hostile_artwork_is_a_clear_error_naming_the_file(tmp_path: Path, artwork: Path) -> None:
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(artwork.read_bytes()[:2000])
    not_image = tmp_path / "notes.png"
    not_image.write_text("this is not a picture")
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (10, 10)).save(gif)
    cases = {
        truncated: "damaged",
        not_image: "not an image",
        tmp_path / "missing.jpg": "does not exist",
        gif: "GIF",
        _png_header(tmp_path / "bomb.png", 100_000, 100_000): "decompression bomb",
        _png_header(tmp_path / "huge.png", 9_000, 9_000): "too large",
    }
    for path, words in cases.items():
        with pytest.raises(StudioError, match=words) as error:
            render_cards([make_card("a2-folded", "Zoë", path)], BytesIO())
        assert str(path) in str(error.value)


def test_phone_photo_rotated_by_exif_is_printed_upright(tmp_path: Path) -> None:
    photo = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    Image.new("RGB", (400, 300), "#336699").save(photo, exif=exif)
    pdf = _pdf([make_card("a2-folded", "Zoë", photo)])
    with pdfplumber.open(BytesIO(pdf)) as document:
        (image,) = document.pages[0].images
    assert image["srcsize"] == (300, 400)


def test_unknown_format_panel_and_paper_are_clear_errors(artwork: Path) -> None:
    with pytest.raises(StudioError, match="known formats: a2-folded"):
        render_cards([CardLayout("a3-poster", {})], BytesIO())
    bad = CardLayout("a2-folded", {"inside-left": PanelContent("inside-left")}, label="Zoë")
    with pytest.raises(StudioError, match="Zoë.*no panel 'inside-left'.*front, inside-cover, inside, back"):
        render_cards([bad], BytesIO())
    with pytest.raises(StudioError, match="Unknown paper 'legal'"):
        render_cards([make_card("a2-folded", "Zoë", artwork)], BytesIO(), paper="legal")
    with pytest.raises(StudioError, match="no cards"):
        render_cards([], BytesIO())


def test_a_batch_may_mix_formats_each_on_its_own_sheets(artwork: Path) -> None:
    layouts = [make_card("a2-folded", "A", artwork), make_card("5x7-flat", "B", artwork),
               make_card("a2-folded", "C", artwork)]
    assert len(reader(_pdf(layouts)).pages) == 6


@pytest.mark.parametrize("format_id", ["a2-folded", "5x7-folded-top", "4x6-postcard"])
def test_preview_shows_front_inside_and_back_upright(tmp_path: Path, artwork: Path, format_id: str) -> None:
    out = tmp_path / "preview.png"
    notes = render_card_preview(make_card(format_id, "Zoë", artwork), out, dpi=50)
    assert notes == []
    with Image.open(out) as image:
        card = card_format(format_id)
        views = 3 if card.folded else 2
        assert image.width > views * card.width_mm / 25.4 * 50
        # The front is the first picture: the artwork's blue fills its middle.
        left_margin = round(8 / 25.4 * 50)
        r, g, b = image.convert("RGB").getpixel((left_margin + 5, image.height // 2))
        assert b > r and b > 100
