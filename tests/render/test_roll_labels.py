"""Roll labels for single-label printers (Dymo LabelWriter, Brother QL): one label a page,
the page the size of the label, the address turned to run along a label fed short edge first."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from studio.errors import StudioError
from studio.render.labels import LabelText, render_labels
from studio.render.stocks import load_stocks

ADDRESSES = [
    LabelText("Grace Kim", ("Grace Kim", "4216 Fremont Avenue North", "Seattle WA 98103-1351")),
    LabelText("Priya Raman", ("Priya Raman", "23 Oak Tree Road Apt 4B", "Edison NJ 08817")),
]


@pytest.mark.parametrize("name, stock_id", [
    ("dymo-30252", "dymo-30252"), ("Dymo 30320", "dymo-30252"), ("99010", "dymo-30252"),
    ("dymo-30321", "dymo-30321"), ("dymo-30256", "dymo-30256"), ("DK-11201", "brother-dk-11201"),
    ("brother dk-11208", "brother-dk-11208"), ("DK-22205", "brother-dk-22205"),
])
def test_roll_stocks_are_found_by_their_part_numbers(name: str, stock_id: str) -> None:
    stock = load_stocks().label(name)
    assert stock.id == stock_id and stock.paper == "roll" and stock.per_sheet == 1


def _pages(pdf_path: Path) -> list[tuple[float, float, str, set[bool]]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [(page.width / mm, page.height / mm, page.extract_text() or "",
                 {c["upright"] for c in page.chars}) for page in pdf.pages]


def test_a_dymo_address_label_is_one_page_each_with_the_address_along_the_long_edge(tmp_path: Path) -> None:
    out = tmp_path / "dymo.pdf"
    run = render_labels(ADDRESSES, load_stocks().label("dymo-30252"), out)
    assert (run.labels, run.pages, run.refused) == (2, 2, [])
    pages = _pages(out)
    for width, height, _text, upright in pages:
        assert (round(width, 1), round(height, 1)) == (28.0, 89.0)
        assert upright == {False}  # turned a quarter: it reads along the 89 mm edge
    with pdfplumber.open(out) as pdf:
        chars = pdf.pages[0].chars
        # every letter inside the label, clear of its edges
        assert min(c["x0"] for c in chars) > 1 * mm and max(c["x1"] for c in chars) < 27 * mm
        assert min(c["top"] for c in chars) > 1 * mm and max(c["bottom"] for c in chars) < 88 * mm
        assert "Grace Kim" in "".join(c["text"] for c in sorted(chars, key=lambda c: (c["x0"], -c["top"])))


def test_continuous_tape_reads_across_without_turning(tmp_path: Path) -> None:
    out = tmp_path / "tape.pdf"
    render_labels(ADDRESSES, load_stocks().label("brother-dk-22205"), out)
    (width, height, text, upright), _second = _pages(out)
    assert (round(width), round(height)) == (62, 40)
    assert upright == {True} and "4216 Fremont Avenue North" in text


def test_an_address_too_long_for_a_small_roll_label_is_refused_with_the_reason(tmp_path: Path) -> None:
    street = "1234567 Extraordinarily Long Boulevard Northwest Building C"
    long = LabelText("Lena Long", ("Lena Long", *[street] * 12))
    run = render_labels([long, ADDRESSES[0]], load_stocks().label("dymo-30252"), tmp_path / "x.pdf")
    assert run.labels == 1
    assert run.refused[0][0] == "Lena Long" and "Dymo 30252 label" in run.refused[0][1]


def test_only_a_single_label_roll_can_be_rotated(tmp_path: Path) -> None:
    folder = tmp_path / "stock"
    folder.mkdir()
    (folder / "labels.toml").write_text(
        "[[label]]\nid = 'two-up'\nbrand = 'Own'\npart = '2'\npaper = 'roll'\nsheet_width = 60\n"
        "sheet_height = 30\nlabel_width = 29\nlabel_height = 30\nnx = 2\nny = 1\nx0 = 0\ny0 = 0\n"
        "dx = 31\ndy = 30\nrotate = true\n", encoding="utf-8")
    catalog = load_stocks(folder)
    assert catalog.warnings == [f"{folder / 'labels.toml'}:1: label 'two-up': only a roll of single labels "
                                "(nx = ny = 1) can be rotated; this stock file is skipped"]
    with pytest.raises(StudioError):
        catalog.label("two-up")
