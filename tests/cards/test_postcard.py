"""The A6 thank-you postcard: mailed without an envelope, so its back is a real postcard back
(message on the left, address on the right) and each card is cut to 148 × 105 mm."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from studio.cards import card_context, fill_card, find_templates
from studio.cli import main
from studio.model import Address, Contact, Sender
from studio.render.formats import card_format
from studio.render.imposition import Matrix, plan_sheet
from studio.services.cards import panel_pdf
from studio.settings import Settings
from studio.store import open_store

TEMPLATE = "thank-you-postcard"
CARD = card_format("a6-postcard")
HALF = CARD.width_mm / 2  # the divider between message and address
SAFE = CARD.safe_mm

LUKAS = Contact(given_name="Lukas", family_name="Müller",
                addresses=[Address("Leopoldstraße 57", "München", "", "80802", "Germany")])
NO_ADDRESS = Contact(given_name="Noah", family_name="Anderson")


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, list[int]]:
    """A real address book: Lukas in Munich, Noah without an address; a sender in Stockholm."""
    path = tmp_path / "cards.sqlite3"
    with open_store(path) as store, store.transaction():
        ids = [store.contacts.add(Contact(**vars(person))) for person in (LUKAS, NO_ADDRESS)]
        settings = store.settings.load()
        settings.sender = Sender(name="Maya Lindqvist", signature_line="Warmly, Maya",
                                 address=Address("Hornsgatan 48", "Stockholm", "", "118 21", "Sweden"))
        store.settings.save(settings)
    return path, ids


def _render(capsys: pytest.CaptureFixture[str], db: tuple[Path, list[int]], out: Path, paper: str) -> str:
    path, ids = db
    status = main(["--db", str(path), "render", TEMPLATE, "--contact", *map(str, ids), "--out", str(out),
                   "--paper", paper, "--today", "2026-05-18"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.err


def _unplace(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """Page point (PDF points, y up) back to the panel, in mm from its top-left corner."""
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    px, py = (d * (x - e) - c * (y - f)) / det, (-b * (x - e) + a * (y - f)) / det
    return px / mm, CARD.height_mm - py / mm


def _chars_of(page, word: str) -> list[dict]:
    chars = page.chars
    joined = "".join(c["text"] for c in chars)
    start = joined.find(word)
    assert start != -1, f"{word!r} is not on the page: {joined[:300]}"
    return chars[start:start + len(word)]


def _centre(char: dict, page_height: float) -> tuple[float, float]:
    return (char["x0"] + char["x1"]) / 2, page_height - (char["top"] + char["bottom"]) / 2


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_each_postcard_is_a6_with_the_address_right_of_the_divider(capsys, db, tmp_path: Path,
                                                                   paper: str) -> None:
    out = tmp_path / f"postcards-{paper}.pdf"
    err = _render(capsys, db, out, paper)
    assert "skipped Noah Anderson: lacks a postal address" in err  # no envelope, so no address, no card
    plan = plan_sheet(CARD, paper)
    slot = plan.slots[0]
    trim = slot.trim_inside
    size = sorted(((trim[2] - trim[0]) / mm, (trim[3] - trim[1]) / mm))
    assert size == pytest.approx([105, 148], abs=0.01)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2  # the fronts, then the backs
        back = pdf.pages[1]
        words = {
            "address": [*_chars_of(back, "Lukas Müller"), *_chars_of(back, "Leopoldstraße 57"),
                        *_chars_of(back, "80802")],
            "message": [*_chars_of(back, "Dear Lukas,"), *_chars_of(back, "Warmly, Maya")],
            "return": _chars_of(back, "Hornsgatan 48"),
        }
        where = {name: [_unplace(slot.inside, *_centre(c, back.height)) for c in chars]
                 for name, chars in words.items()}
    for name, points in where.items():
        for x, y in points:
            assert SAFE < x < CARD.width_mm - SAFE and SAFE < y < CARD.height_mm - SAFE, (name, x, y)
    assert all(x > HALF for x, _ in where["address"])
    assert all(x < HALF for x, _ in where["message"] + where["return"])
    assert min(y for _, y in where["return"]) > max(y for _, y in where["message"])  # small, at the bottom


def test_the_back_panel_is_the_a6_trim_size_with_the_address_in_its_right_half() -> None:
    template = find_templates(None).templates[TEMPLATE]
    card = card_context(LUKAS, Settings(sender=Sender(name="Maya Lindqvist")), today=dt.date(2026, 5, 18),
                        kind="thank-you")
    pdf, notes = panel_pdf(fill_card(template, card), "back")
    assert [n for n in notes if n.status == "overflow"] == []
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert (float(box.width) / mm, float(box.height) / mm) == pytest.approx((148, 105), abs=0.01)
    with pdfplumber.open(BytesIO(pdf)) as document:
        page = document.pages[0]
        address = _chars_of(page, "Leopoldstraße 57") + _chars_of(page, "GERMANY")
        greeting = _chars_of(page, "Dear Lukas,")
    assert all(HALF * mm < c["x0"] and c["x1"] < (CARD.width_mm - SAFE) * mm for c in address)
    assert all(c["x1"] < HALF * mm for c in greeting)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_postcards_print_inside_the_printers_margin(capsys, db, tmp_path: Path, paper: str) -> None:
    # Four A6 postcards fill A4 to the paper edge, where an office printer prints nothing.
    from studio.render.imposition import PRINTER_MARGIN_MM

    path, _ = db
    with open_store(path) as store, store.transaction():
        ids = [store.contacts.add(Contact(**{**vars(LUKAS), "given_name": name})) for name in "ABCD"]
    out = tmp_path / "many.pdf"
    status = main(["--db", str(path), "render", TEMPLATE, "--contact", *map(str, ids), "--out", str(out),
                   "--paper", paper, "--today", "2026-05-18"])
    assert status == 0, capsys.readouterr().err
    margin = PRINTER_MARGIN_MM * mm
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            assert len(_all_of(page, " Müller")) == 2 or page.page_number % 2 == 1  # on the backs
            marks = [*page.chars, *page.images, *page.rects]
            assert marks
            for mark in marks:
                assert margin - 0.5 <= mark["x0"] and mark["x1"] <= page.width - margin + 0.5
                assert mark["top"] >= margin - 0.5 and mark["bottom"] <= page.height - margin + 0.5
    assert len(PdfReader(out).pages) == 4  # two cards a sheet, fronts then backs


def _all_of(page, word: str) -> list[int]:
    joined = "".join(c["text"] for c in page.chars)
    return [i for i in range(len(joined)) if joined.startswith(word, i)]


def test_a_postcard_abroad_has_the_senders_country_in_its_return_address(tmp_path: Path, capsys) -> None:
    path = tmp_path / "se.sqlite3"
    anna = Contact(given_name="Anna", family_name="Berg",
                   addresses=[Address("Drottninggatan 5", "Uppsala", "", "753 10", "")])  # domestic
    with open_store(path) as store, store.transaction():
        ids = [store.contacts.add(Contact(**vars(person))) for person in (LUKAS, anna)]
        settings = store.settings.load()
        settings.home_country = "SE"
        settings.sender = Sender(name="Maya Lindqvist",
                                 address=Address("Hornsgatan 48", "Stockholm", "", "118 21"))
        store.settings.save(settings)
    out = tmp_path / "abroad.pdf"
    status = main(["--db", str(path), "render", TEMPLATE, "--contact", *map(str, ids), "--out", str(out),
                   "--paper", "a4", "--today", "2026-05-18"])
    assert status == 0, capsys.readouterr().err
    with pdfplumber.open(out) as pdf:
        back = pdf.pages[1].extract_text()
    returns = [line for line in back.splitlines() if "Hornsgatan 48" in line]  # Anna's card first, by name
    assert returns == ["Hornsgatan 48, SE-118 21 STOCKHOLM",  # domestic: no country line
                       "Hornsgatan 48, SE-118 21 STOCKHOLM, SWEDEN"]  # to Germany: the way home
