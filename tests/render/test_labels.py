"""Label sheets read back from the PDF: every label's text inside that label's rectangle as
the stock defines it; the stock database itself; the calibration page."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from studio.errors import UsageError
from studio.model import Calibration, LabelStock
from studio.render.calibration import render_calibration_page
from studio.render.labels import LabelText, render_labels
from studio.render.stocks import label_rect, load_stocks

CATALOG = load_stocks()
AVERY_5160 = CATALOG.label("avery-5160")


def _label(k: int) -> LabelText:
    lines = (f"Person {k:03d}", f"No. {k:03d} Main Street", f"SPRINGFIELD, IL {62700 + k}")
    return LabelText(f"Person {k}", lines)


def _rect_pt(stock: LabelStock, position: int, calibration: Calibration | None = None
             ) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) in points from the page's top-left, as pdfplumber measures."""
    x, y, width, height = label_rect(stock, position)
    c = calibration or Calibration()
    return ((c.offset_x + c.scale_x * x) * mm, (c.offset_y + c.scale_y * y) * mm,
            (c.offset_x + c.scale_x * (x + width)) * mm, (c.offset_y + c.scale_y * (y + height)) * mm)


def _chars_of(page: pdfplumber.page.Page, text: str) -> list[dict]:
    """The characters of the line ``text`` on the page (a line is chars sharing a baseline)."""
    lines: dict[float, list[dict]] = {}
    for char in page.chars:
        lines.setdefault(round(char["bottom"], 1), []).append(char)
    found = []
    for chars in lines.values():
        chars.sort(key=lambda c: c["x0"])
        joined = "".join(c["text"] for c in chars)
        start = joined.find(text)
        if start >= 0:
            found.extend(chars[start:start + len(text)])
    assert found, f"{text!r} is not on the page"
    return found


def _inside(chars: list[dict], rect: tuple[float, float, float, float], slack: float = 0.01) -> bool:
    x0, top, x1, bottom = rect
    return all(c["x0"] >= x0 - slack and c["x1"] <= x1 + slack and c["top"] >= top - slack
               and c["bottom"] <= bottom + slack for c in chars)


def _assert_label_at(page: pdfplumber.page.Page, k: int, position: int, stock: LabelStock = AVERY_5160,
                     calibration: Calibration | None = None) -> None:
    rect = _rect_pt(stock, position, calibration)
    for line in _label(k).lines:
        assert _inside(_chars_of(page, line), rect), f"label {k}'s {line!r} is outside label {position + 1}"


def test_avery_5160_first_and_last_sheet(tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    run = render_labels((_label(k) for k in range(1, 66)), AVERY_5160, out)  # a generator: streamed
    assert (run.labels, run.pages) == (65, 3)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 3
        first, last = pdf.pages[0], pdf.pages[2]
        assert (first.width, first.height) == pytest.approx((8.5 * 72, 11 * 72))
        for k in (1, 2, 3, 4, 15, 28, 30):
            _assert_label_at(first, k, k - 1)
        for k in (61, 62, 63, 64, 65):
            _assert_label_at(last, k, k - 61)
        assert "Person 066" not in last.extract_text()


def test_start_leaves_the_used_labels_blank(tmp_path: Path) -> None:
    out = tmp_path / "start.pdf"
    run = render_labels([_label(k) for k in range(1, 31)], AVERY_5160, out, start=5)
    assert run.pages == 2
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0]
        for position in range(4):
            x0, top, x1, bottom = _rect_pt(AVERY_5160, position)
            assert not first.within_bbox((x0, top, x1, bottom)).chars, f"label {position + 1} is not blank"
        _assert_label_at(first, 1, 4)
        _assert_label_at(first, 26, 29)
        _assert_label_at(pdf.pages[1], 27, 0)
        _assert_label_at(pdf.pages[1], 30, 3)


def test_calibration_offset_and_scale_move_every_sheet(tmp_path: Path) -> None:
    calibration = Calibration(offset_x=2.0, offset_y=-1.5, scale_x=0.99, scale_y=1.005)
    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    labels = [_label(k) for k in range(1, 36)]
    render_labels(labels, AVERY_5160, plain)
    render_labels(labels, AVERY_5160, moved, calibration=calibration)
    with pdfplumber.open(plain) as before, pdfplumber.open(moved) as after:
        for page_number, k, position in ((0, 1, 0), (0, 30, 29), (1, 35, 4)):
            _assert_label_at(after.pages[page_number], k, position, calibration=calibration)
            old = _chars_of(before.pages[page_number], f"Person {k:03d}")[0]
            new = _chars_of(after.pages[page_number], f"Person {k:03d}")[0]
            assert new["x0"] == pytest.approx(2.0 * mm + 0.99 * old["x0"], abs=0.05)
            assert new["bottom"] == pytest.approx(-1.5 * mm + 1.005 * old["bottom"], abs=0.05)


def test_a4_stock_and_outlines(tmp_path: Path) -> None:
    stock = CATALOG.label("L7160")
    out = tmp_path / "a4.pdf"
    render_labels([_label(k) for k in range(1, 22)], stock, out, outline=True)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((210 * mm, 297 * mm))
        for k in (1, 11, 21):
            _assert_label_at(page, k, k - 1, stock)
        outlines = [c for c in page.curves + page.rects if 60 * mm < c["width"] < 70 * mm]
        assert len(outlines) == stock.per_sheet


def test_text_is_vertically_centred_in_the_label(tmp_path: Path) -> None:
    out = tmp_path / "centre.pdf"
    render_labels([_label(7)], AVERY_5160, out)
    with pdfplumber.open(out) as pdf:
        chars = pdf.pages[0].chars
        _, top, _, bottom = _rect_pt(AVERY_5160, 0)
        above = min(c["top"] for c in chars) - top
        below = bottom - max(c["bottom"] for c in chars)
        assert above == pytest.approx(below, abs=2.5)  # glyph boxes are not the font's ascent


LONG_STREET = "1234567 Extraordinarily Long Boulevard Name That Goes On And On Northwest Building C"
LONG_COMPANY = "International Association of Appreciation Marketing Pros"


def _labels_on(page: pdfplumber.page.Page, stock: LabelStock = AVERY_5160) -> dict[int, list[dict]]:
    """Every character on the page by the label it lies inside; -1 for any outside all labels."""
    found: dict[int, list[dict]] = {}
    for char in page.chars:
        if char["text"].isspace():
            continue
        inside = [p for p in range(stock.per_sheet) if _inside([char], _rect_pt(stock, p))]
        found.setdefault(inside[0] if inside else -1, []).append(char)
    return found


def _text_lines(chars: list[dict]) -> list[tuple[float, str]]:
    """(left edge, text) of each line of ``chars``, top to bottom."""
    rows: dict[float, list[dict]] = {}
    for char in chars:
        rows.setdefault(round(char["bottom"], 1), []).append(char)
    return [(min(c["x0"] for c in row), "".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])))
            for _, row in sorted(rows.items())]


def test_a_line_too_long_wraps_inside_its_label_instead_of_shrinking_the_block(tmp_path: Path) -> None:
    street = LabelText("Street", ("Long Street", LONG_STREET, "SPRINGFIELD, IL 62704"))
    company = LabelText("Company", ("Jane Smith", LONG_COMPANY, "100 Main St", "SPRINGFIELD, IL 62704"))
    plain = [_label(k) for k in range(1, 27)]
    out = tmp_path / "long.pdf"
    # Long ones in the first and the last column, on the first row and at the end of the sheet.
    run = render_labels([street, company, street, *plain, company], AVERY_5160, out)
    assert run.refused == [] and run.labels == 30
    assert run.notes == []  # wrapped at full size: nothing had to shrink
    with pdfplumber.open(out) as pdf:
        on = _labels_on(pdf.pages[0])
        assert -1 not in on, "characters outside every label"
        for position in (0, 1, 2, 29):
            lines = _text_lines(on[position])
            text = " ".join(line for _, line in lines).replace(" ", "")
            wanted = LONG_STREET if position in (0, 2) else LONG_COMPANY
            assert wanted.replace(" ", "") in text
            assert 4 <= len(lines) <= 6
            heights = {round(c["size"], 2) for c in on[position]}
            assert heights == {10.0}
            # Continuation lines are indented.
            first_left = min(left for left, _ in lines)
            assert any(left > first_left + 5 for left, _ in lines)


def test_labels_that_cannot_fit_are_refused_and_the_next_takes_their_place(tmp_path: Path) -> None:
    impossible = LabelText("Huge", tuple(f"Line {n} of a label that is far too full" for n in range(12)))
    place = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch-Uchaf-Isaf"  # no space to wrap at
    word = LabelText("Word", ("Ann Lee", place, "GWYNEDD"))
    out = tmp_path / "fit.pdf"
    run = render_labels([_label(1), impossible, word, _label(2)], AVERY_5160, out)
    assert run.labels == 2
    assert run.refused == [
        ("Huge", "the address does not fit on an Avery 5160 label: its 12 lines are too many even at 6 pt"),
        ("Word", "the address does not fit on an Avery 5160 label: "
                 "'Llanfairpwllgwyngyllgogerychwyrndrobwll…' is too wide even at 6 pt")]
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        _assert_label_at(page, 1, 0)
        _assert_label_at(page, 2, 1)  # right after label 1: the refused ones left no gap
        assert "Line 11" not in page.extract_text() and "Llanfair" not in page.extract_text()


def test_a_long_line_shrinks_a_little_before_it_wraps(tmp_path: Path) -> None:
    long = LabelText("Long", ("Dr. Maximilian Alexander von Hohenzollern", "Hauptstraße 12", "80331 MÜNCHEN",
                              "GERMANY"))
    out = tmp_path / "shrink.pdf"
    run = render_labels([long], AVERY_5160, out)
    assert [(n.card, n.status) for n in run.notes] == [("Long", "shrunk")] and 8 <= run.notes[0].size < 10
    with pdfplumber.open(out) as pdf:
        assert _inside(_chars_of(pdf.pages[0], "Dr. Maximilian Alexander von Hohenzollern"),
                       _rect_pt(AVERY_5160, 0))


def test_non_latin_addresses_print_in_their_script(tmp_path: Path) -> None:
    out = tmp_path / "scripts.pdf"
    labels = [LabelText("jp", ("〒100-8111", "東京都千代田区", "千代田1-1", "山田 太郎", "JAPAN")),
              LabelText("ru", ("Иван Петров", "УЛ. ТВЕРСКАЯ, Д. 7", "МОСКВА", "125009", "RUSSIA"))]
    render_labels(labels, AVERY_5160, out)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert _inside(_chars_of(page, "東京都千代田区"), _rect_pt(AVERY_5160, 0))
        assert _inside(_chars_of(page, "МОСКВА"), _rect_pt(AVERY_5160, 1))
        fonts = {c["fontname"].split("+")[-1] for c in _chars_of(page, "東京都千代田区")}
        assert fonts == {"DroidSansFallback"}


def test_a_name_no_font_can_print_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    out = tmp_path / "devanagari.pdf"
    run = render_labels([LabelText("priya", ("प्रिया शर्मा", "12 MG Road", "BENGALURU 560001", "INDIA")),
                         _label(2)], AVERY_5160, out)
    assert run.labels == 2
    (note,) = run.notes
    assert note.is_problem and note.box == "label" and note.card == "priya"
    assert "Devanagari characters" in str(note) and "प" in note.missing
    with pdfplumber.open(out) as pdf:
        assert "12 MG Road" in pdf.pages[0].extract_text()


def test_bad_start_is_refused() -> None:
    with pytest.raises(UsageError, match="between 1 and 30"):
        render_labels([_label(1)], AVERY_5160, Path("/nonexistent/x.pdf"), start=31)


# --- the stock database -----------------------------------------------------------------

REQUIRED = ["5160", "8160", "5960", "5161", "5162", "5163", "5164", "5167", "5195", "18160", "L7160",
            "L7161", "L7162", "L7163", "L7165", "L7159", "J8160", "J8163"]


@pytest.mark.parametrize("part", REQUIRED)
def test_the_common_stocks_are_known_by_part_number(part: str) -> None:
    stock = CATALOG.label(part)
    assert stock.brand == "Avery"
    assert part in (stock.part, *stock.equivalents)


def test_at_least_25_stocks_for_letter_and_a4_with_herma_and_zweckform() -> None:
    stocks = list(CATALOG.labels.values())
    assert len(stocks) >= 25
    assert {s.paper for s in stocks} == {"letter", "a4", "roll"}
    assert {"Avery", "Herma", "Zweckform"} <= {s.brand for s in stocks}
    assert {"address", "return-address"} <= {s.kind for s in stocks}


def test_every_stock_fits_its_sheet() -> None:
    for stock in CATALOG.labels.values():
        right, top, width, height = label_rect(stock, stock.per_sheet - 1)
        assert right + width <= stock.sheet_width + 0.5, stock.id
        assert top + height <= stock.sheet_height + 0.5, stock.id
        assert stock.dx >= stock.label_width - 0.1 and stock.dy >= stock.label_height - 0.1, stock.id


def test_avery_5160_is_exactly_glabels_geometry_in_millimetres() -> None:
    # gLabels avery-us-templates.xml: 2.625in x 1in, round 0.0625in, nx=3 ny=10,
    # x0=0.15625in y0=0.5in dx=2.78125in dy=1in.
    s = AVERY_5160
    inch = 25.4
    assert (s.sheet_width, s.sheet_height) == (215.9, 279.4)
    assert (s.label_width, s.label_height) == pytest.approx((2.625 * inch, inch))
    assert s.corner_radius == pytest.approx(0.0625 * inch)
    assert (s.nx, s.ny) == (3, 10)
    assert (s.x0, s.y0, s.dx, s.dy) == pytest.approx((0.15625 * inch, 0.5 * inch, 2.78125 * inch, inch))


def test_a_users_stock_file_adds_and_overrides_by_id(tmp_path: Path) -> None:
    (tmp_path / "labels.toml").write_text('''
[[label]]
id = "avery-5160"
brand = "Avery"
part = "5160"
description = "Address Labels (my printer's sheets run 1 mm low)"
paper = "letter"
label_width = 66.675
label_height = 25.4
nx = 3
ny = 10
x0 = 3.96875
y0 = 13.7
dx = 70.64375
dy = 25.4

[[label]]
id = "shop-brand-21"
brand = "ShopBrand"
part = "SB-21"
paper = "a4"
label_width = 70
label_height = 42.3
nx = 3
ny = 7
x0 = 0
y0 = 0
dx = 70
dy = 42.3
''', encoding="utf-8")
    catalog = load_stocks(tmp_path)
    assert catalog.label("avery-5160").y0 == 13.7
    assert catalog.label("8160").y0 == 13.7  # equivalents follow the override
    mine = catalog.label("sb-21")
    assert (mine.sheet_width, mine.sheet_height, mine.per_sheet) == (210.0, 297.0, 21)
    assert len(catalog.labels) == len(CATALOG.labels) + 1


def test_a_broken_user_stock_file_is_skipped_with_its_file_and_line(tmp_path: Path) -> None:
    good = ('[[label]]\nid = "mine-1"\nbrand = "B"\npart = "1"\npaper = "a4"\nlabel_width = 70\n'
            'label_height = 20\nnx = 1\nny = 1\nx0 = 0\ny0 = 0\ndx = 70\ndy = 20\n')
    (tmp_path / "labels.toml").write_text(good + "\n" + good.replace("mine-1", "x").replace(
        "label_width = 70", "label_width = 300"), encoding="utf-8")
    catalog = load_stocks(tmp_path)
    [warning] = catalog.warnings
    # The second [[label]] header is on line 15; the whole file is skipped, the bundled stock stays.
    assert warning.startswith(f"{tmp_path / 'labels.toml'}:15: label 'x': the labels run off")
    assert "mine-1" not in catalog.labels and "x" not in catalog.labels
    assert catalog.label("avery-5160").nx == 3
    (tmp_path / "labels.toml").write_text("\n\n[[label]\nid=", encoding="utf-8")
    catalog = load_stocks(tmp_path)
    [warning] = catalog.warnings
    assert warning.startswith(f"{tmp_path / 'labels.toml'}:3: is not valid TOML")
    assert len(catalog.labels) == len(CATALOG.labels)


def test_unknown_stock_suggests_close_ones() -> None:
    with pytest.raises(UsageError, match="avery-5160"):
        CATALOG.label("avery-5106")


# --- calibration page ---------------------------------------------------------------------

def test_calibration_page_has_outlines_rulers_and_instructions(tmp_path: Path) -> None:
    out = tmp_path / "calibration.pdf"
    render_calibration_page(AVERY_5160, out, calibration=Calibration(offset_x=1.0))
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((8.5 * 72, 11 * 72))
        text = page.extract_text()
        for phrase in ("Printer calibration: Avery 5160", "actual size", "studio calibrate",
                       "offset x +1.0 mm"):
            assert phrase in text
        outlines = [c for c in page.curves + page.rects if 60 * mm < c["width"] < 70 * mm]
        assert len(outlines) == AVERY_5160.per_sheet
        ticks = [line for line in page.lines if abs(line["x0"] - line["x1"]) < 0.01]  # top ruler ticks
        assert len(ticks) >= 200
        # The 100 mm mark of the top ruler sits 100 mm (+1 mm offset) from the left edge.
        hundred = _chars_of(page, "100")[0]
        assert hundred["x0"] == pytest.approx(101.4 * mm, abs=0.3 * mm)
