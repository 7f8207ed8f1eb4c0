"""Scripts beyond the first fonts (Thai; what no font has) and right-to-left order, read back
from the PDF: characters no bundled font draws are reported, never a silent blank, and
right-to-left runs keep the neutrals between their words in the bidi algorithm's order."""

from __future__ import annotations

import unicodedata
from io import BytesIO

import arabic_reshaper
import pdfplumber
import pytest
from bidi import get_display
from pdfcheck import font_problems
from reportlab.lib.units import mm

from studio.render.fonts import FAMILIES, font_runs, missing_glyphs
from studio.render.layout import TextBox
from studio.render.lines import draw_line
from studio.render.pdf import open_canvas
from studio.render.rtl import visual_order
from studio.render.text import draw_text_box

PAGE = (120 * mm, 80 * mm)


def _render(box: TextBox) -> tuple[bytes, object]:
    out = BytesIO()
    canvas = open_canvas(out, PAGE)
    note = draw_text_box(canvas, box, 0, PAGE[1], card="Card 1")
    canvas.showPage()
    canvas.save()
    return out.getvalue(), note


def _lines(pdf: bytes) -> list[str]:
    """Each line of the page as drawn, left to right: characters sorted by x, by baseline
    (fonts differ in height, so a line's characters share their baseline, not their top)."""
    with pdfplumber.open(BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    rows: dict[float, list] = {}
    for char in chars:
        rows.setdefault(round(char["matrix"][5], 1), []).append(char)
    return ["".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])).replace("\u00a0", " ")
            for _, row in sorted(rows.items(), reverse=True)]


def _expected_visual(logical: str) -> str:
    """What python-bidi's Unicode Bidirectional Algorithm draws, Arabic joined."""
    return get_display(arabic_reshaper.reshape(logical))


def _box(text: str, font: str = "serif", width: float = 110) -> TextBox:
    return TextBox("greeting", 5, 5, width, 60, text, font=font, size=16, min_size=8, align="left")


# --- characters no bundled font has ------------------------------------------------------

@pytest.mark.parametrize("family", FAMILIES)
def test_a_thai_name_prints_in_the_bundled_thai_font(family: str) -> None:
    pdf, note = _render(_box("Dear สมชาย ใจดี,", family))
    assert note is None
    assert _lines(pdf) == ["Dear สมชาย ใจดี,"]
    assert font_problems(pdf) == []
    assert any(face.startswith("NotoSansThai") for _, face in font_runs("สมชาย", family))


@pytest.mark.parametrize(("text", "missing", "kind"), [
    ("Dear प्रिया शर्मा,", "प्रियाशम", "Devanagari characters"),
    ("Dear Ánh 🌸,", "🌸", "emoji or symbols"),
])
def test_characters_no_font_has_are_reported_not_printed_blank(text: str, missing: str, kind: str) -> None:
    pdf, note = _render(_box(text))
    assert note is not None and note.is_problem
    assert (note.card, note.box, note.status, note.missing) == ("Card 1", "greeting", "missing", missing)
    assert kind in str(note) and missing in str(note) and str(note).startswith("Card 1: text in 'greeting'")
    drawn = "".join(_lines(pdf))
    assert drawn.startswith("Dear") and not set(missing) & set(drawn)
    assert font_problems(pdf) == []


def test_missing_characters_in_paragraph_markup_are_reported_and_overflow_still_shows() -> None:
    text = "<b>Dear Ánh 🌸,</b><br/>" + "thank you so very much " * 40
    box = TextBox("message", 5, 5, 60, 20, text, font="sans", size=14, min_size=12)
    _, note = _render(box)
    assert note is not None and note.is_problem
    assert (note.status, note.missing) == ("overflow", "🌸")
    assert "does not fit even at 12 pt" in str(note)


def test_invisible_marks_are_not_reported_and_a_family_emoji_is() -> None:
    assert missing_glyphs("Zoë\u200d\ufe0f \u200f", "serif") == ""
    assert missing_glyphs("👨\u200d👩\u200d👧 ok", "script") == "👨👩👧"
    assert font_runs("Dear Ánh 🌸,", "serif") == (("Dear Ánh ,", "EBGaramond"),)


def test_a_line_with_a_missing_character_measures_what_it_draws() -> None:
    out = BytesIO()
    canvas = open_canvas(out, PAGE)
    width = draw_line(canvas, "Ánh 🌸", 10, 10, "sans", 12)
    plain = draw_line(canvas, "Ánh ", 10, 30, "sans", 12)
    assert width == pytest.approx(plain)


# --- right-to-left order -----------------------------------------------------------------

@pytest.mark.parametrize("logical", [
    "Dear דוד & שרה,",  # a Hebrew household: the "&" belongs to the right-to-left run
    "Dear שרה · דוד / כהן!",
    "Hi שרה and محمد و فاطمة, welcome",  # Hebrew and Arabic inside an English line
    "Dear שרה כהן 12, from 5 Elm St",  # a number inside a right-to-left run
    "Our 3 friends: דוד 2 שרה",
])
def test_right_to_left_runs_are_drawn_in_bidi_order(logical: str) -> None:
    pdf, note = _render(_box(logical))
    assert note is None
    assert _lines(pdf) == [_expected_visual(logical)]


def test_a_hebrew_household_reads_david_and_sarah() -> None:
    pdf, _ = _render(_box("Dear דוד & שרה,"))
    (line,) = _lines(pdf)
    assert line == "Dear הרש & דוד,"
    # Read right to left, the run is "David & Sarah".
    run = line[len("Dear "):-1]
    assert unicodedata.normalize("NFC", run[::-1]) == "דוד & שרה"


def test_a_right_to_left_paragraph_keeps_its_english_words_and_numbers() -> None:
    logical = "שלום · עולם and שלום, 12 עולם"
    assert visual_order(logical).replace("\u00a0", " ") == get_display(logical, base_dir="R")
    pdf, _ = _render(_box(logical))
    assert _lines(pdf) == [get_display(logical, base_dir="R")]


def test_the_spaces_of_a_right_to_left_run_do_not_break_across_lines() -> None:
    # A narrow box: the line may wrap between the English words, never inside the Hebrew run.
    pdf, _ = _render(_box("Dear friends of ours דוד & שרה כהן, welcome", width=45))
    lines = _lines(pdf)
    assert any("ןהכ הרש & דוד" in line for line in lines), lines
