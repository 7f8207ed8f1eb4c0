"""Text boxes and lines: fitting, fallback fonts, right-to-left names, embedding."""

from __future__ import annotations

import unicodedata
from io import BytesIO

import pdfplumber
import pytest
from pdfcheck import font_problems
from reportlab.lib.units import mm

from studio.errors import StudioError
from studio.render.fonts import FAMILIES, covers, font_name, font_runs, with_fallback
from studio.render.layout import TextBox
from studio.render.lines import draw_line, fit_lines, set_lines, text_width, wrap_line
from studio.render.pdf import open_canvas
from studio.render.text import draw_text_box

NAMES = ["Zoë Ångström-Núñez", "王小明", "Анна Смирнова", "Γιώργος Παπαδόπουλος", "さくら 山田", "김민준",
         "שרה כהן", "محمد علي"]
PAGE = (120 * mm, 160 * mm)


def _render(boxes: list[TextBox]) -> tuple[bytes, list]:
    out = BytesIO()
    canvas = open_canvas(out, PAGE)
    notes = [draw_text_box(canvas, box, 0, PAGE[1], card="Card 1") for box in boxes]
    canvas.showPage()
    canvas.save()
    return out.getvalue(), notes


def _text(pdf: bytes) -> str:
    with pdfplumber.open(BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def _logical(visual: str) -> str:
    """Undo drawing order and Arabic joining: what a reader of the right-to-left name reads."""
    return unicodedata.normalize("NFKC", visual[::-1])


@pytest.mark.parametrize("family", FAMILIES)
def test_every_name_prints_in_real_glyphs_of_embedded_fonts(family: str) -> None:
    text = "<br/>".join(f"Dear {name}," for name in NAMES)
    pdf, notes = _render([TextBox("greeting", 5, 5, 110, 150, text, font=family, size=16, min_size=8)])
    assert notes == [None]
    extracted = _text(pdf)
    lines = [line for line in extracted.splitlines() if line.strip()]
    for name in NAMES[:6]:
        assert f"Dear {name}," in extracted
    # Right-to-left names are drawn in visual order: read back right to left they are the names.
    rtl = [line for line in lines if "Dear" in line and not any(name in line for name in NAMES[:6])]
    assert len(rtl) == 2
    readable = [_logical(line.replace("Dear", "").replace(",", "").strip()) for line in rtl]
    assert readable == ["שרה כהן", "محمد علي"]
    assert font_problems(pdf) == []


def test_each_fallback_face_really_has_the_glyphs() -> None:
    for family in FAMILIES:
        for name in NAMES:
            for run, face in font_runs(name, family):
                assert all(char.isspace() or covers(face, char) for char in run), (family, run, face)


def test_arabic_is_joined_and_hebrew_reversed() -> None:
    ((arabic, face),) = font_runs("محمد", "sans")
    assert face == "DejaVuSans"
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in arabic)  # presentation (joined) forms
    assert font_runs("שרה", "serif") == (("הרש", "DejaVuSans"),)


def test_fallback_keeps_bold_and_escapes() -> None:
    markup = with_fallback("<b>Анна &amp; 王</b> &lt;3", "script")
    assert '<font name="EBGaramond-BoldItalic">Анна </font>' in markup
    assert '<font name="DroidSansFallback">王</font>' in markup
    assert "&amp;" in markup and "&lt;3" in markup
    assert with_fallback('<font name="sans">Hi</font>', "serif") == '<font name="DejaVuSans">Hi</font>'


def test_font_names() -> None:
    assert font_name("serif") == "EBGaramond"
    assert font_name("sans", bold=True, italic=True) == "DejaVuSans-BoldOblique"
    assert font_name("script", italic=True) == "DancingScript"
    with pytest.raises(StudioError, match="serif, sans, script"):
        font_name("comic")


def test_text_that_fits_is_not_reported() -> None:
    _, notes = _render([TextBox("short", 10, 10, 100, 30, "Thank you!", size=20, min_size=10)])
    assert notes == [None]


def test_long_text_shrinks_and_reports_it() -> None:
    message = " ".join(["Thank you so much for your order and for being with us."] * 4)
    pdf, notes = _render([TextBox("message", 10, 10, 80, 40, message, size=18, min_size=6)])
    (note,) = notes
    assert note.status == "shrunk" and note.box == "message" and note.card == "Card 1"
    assert 6 <= note.size < 18
    assert "Thank you so much" in _text(pdf)


def test_a_line_a_fraction_of_a_point_too_wide_is_not_shrunk() -> None:
    # ReportLab keeps this message's second line whole at 13 pt although it is 0.6 pt wider
    # than the box (it may squeeze spaces); that is invisible and must not shrink the text.
    message = ("Dear Zoë,\n\nThank you so much for your order, and for the trust you place in me. "
               "It truly means a lot. I hope you enjoy every bit of it, and if there is ever anything "
               "I can do for you, I’m only a phone call away.")
    box = TextBox("message", 13, 32, 81.95, 76, message, size=13, min_size=9, align="center",
                  valign="middle")
    pdf, notes = _render([box])
    assert notes == [None]
    with pdfplumber.open(BytesIO(pdf)) as document:
        sizes = {round(char["size"], 2) for char in document.pages[0].chars}
    assert sizes == {13}


def test_tolerance_is_a_fraction_of_a_point_not_a_word() -> None:
    word = "Wolfeschlegelsteinhausenbergerdorff"
    exact = text_width(word, "serif", 20) / mm
    barely = TextBox("name", 10, 10, exact - 0.5 / mm, 30, f"{word} {word}", size=20, min_size=4)
    clearly = TextBox("name", 10, 10, exact - 3 / mm, 30, f"{word} {word}", size=20, min_size=4)
    _, notes = _render([barely, clearly])
    assert notes[0] is None
    assert notes[1].status == "shrunk" and notes[1].size < 20


def test_text_that_never_fits_is_drawn_whole_and_reported_as_overflow() -> None:
    message = " ".join(f"word{i}" for i in range(400))
    pdf, notes = _render([TextBox("message", 10, 10, 50, 20, message, size=14, min_size=9)])
    (note,) = notes
    assert (note.status, note.size) == ("overflow", 9)
    assert "overflow" not in str(note) and "does not fit" in str(note)
    extracted = _text(pdf).replace("\n", " ")
    assert "word0 " in extracted and "word399" in extracted  # never silently clipped


def test_a_long_name_shrinks_rather_than_breaking_mid_word() -> None:
    box = TextBox("name", 10, 10, 30, 30, "Wolfeschlegelsteinhausenbergerdorff", size=24, min_size=4)
    pdf, notes = _render([box])
    assert notes[0].status == "shrunk"
    assert "Wolfeschlegelsteinhausenbergerdorff" in _text(pdf)


def test_paragraphs_and_alignment_positions() -> None:
    box = TextBox("msg", 10, 10, 100, 60, "Left one\n\nLeft two", align="left", valign="top", size=12)
    pdf, _ = _render([box])
    with pdfplumber.open(BytesIO(pdf)) as document:
        words = document.pages[0].extract_words()
    first = next(w for w in words if w["text"] == "one")
    two = next(w for w in words if w["text"] == "two")
    lefts = [w["x0"] for w in words if w["text"] == "Left"]
    assert all(abs(x - 10 * mm) < 1 for x in lefts)
    assert two["top"] - first["top"] > 12 * 1.25  # a paragraph gap beyond one line
    assert 10 * mm <= first["top"] < 10 * mm + 14


def test_bad_markup_and_settings_are_clear_errors() -> None:
    with pytest.raises(StudioError, match="Card 1: text box 'msg'.*markup"):
        _render([TextBox("msg", 0, 0, 50, 50, "<b>unclosed <i>tags</b>")])
    with pytest.raises(StudioError, match="colour 'reddish'"):
        _render([TextBox("msg", 0, 0, 50, 50, "Hi", color="reddish")])
    with pytest.raises(StudioError, match="valign 'centre'"):
        _render([TextBox("msg", 0, 0, 50, 50, "Hi", valign="centre")])


def test_lines_measure_draw_and_fit() -> None:
    out = BytesIO()
    canvas = open_canvas(out, PAGE)
    width = draw_line(canvas, "Анна Смирнова, 王小明", 100, 100, "sans", 12, align="right")
    canvas.showPage()
    canvas.save()
    assert width == pytest.approx(text_width("Анна Смирнова, 王小明", "sans", 12))
    with pdfplumber.open(BytesIO(out.getvalue())) as document:
        chars = document.pages[0].chars
    assert "".join(c["text"] for c in chars) == "Анна Смирнова, 王小明"
    assert max(c["x1"] for c in chars) == pytest.approx(100, abs=0.5)
    assert font_problems(out.getvalue()) == []
    lines = ["A fairly long street address line 12345", "Short"]
    size = fit_lines(lines, "sans", 200, 100, 14, 6)
    assert 6 <= size < 14
    assert text_width(lines[0], "sans", size) <= 200 < text_width(lines[0], "sans", size + 0.25)
    assert fit_lines(["Hi"], "sans", 100, 100, 14, 6) == 14


@pytest.mark.parametrize("align", ["left", "center", "right"])
@pytest.mark.parametrize("valign", ["top", "middle", "bottom"])
def test_a_plain_line_sits_where_the_same_line_as_a_paragraph_would(align: str, valign: str) -> None:
    plain = TextBox("a", 10, 10, 90, 30, "Dear Zoë,", font="script", size=20, align=align, valign=valign)
    marked = TextBox("b", 10, 70, 90, 30, "<font color='#222222'>Dear Zoë,</font>", font="script", size=20,
                     align=align, valign=valign)
    pdf, _ = _render([plain, marked])
    with pdfplumber.open(BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    first, second = chars[: len("Dear Zoë,")], chars[len("Dear Zoë,"):]
    assert "".join(c["text"] for c in first) == "".join(c["text"] for c in second) == "Dear Zoë,"
    for a, b in zip(first, second, strict=True):
        assert a["x0"] == pytest.approx(b["x0"], abs=0.2)
        assert a["top"] + 60 * mm == pytest.approx(b["top"], abs=0.2)


def test_a_cache_replays_identical_boxes_exactly() -> None:
    from studio.render.text import TextCache

    text = "Thank you for <b>everything</b> this year. " * 14
    box = TextBox("msg", 10, 10, 80, 60, text, size=14, min_size=6)
    outputs = []
    for use_cache in (False, True):
        out = BytesIO()
        canvas = open_canvas(out, PAGE)
        cache = TextCache(canvas) if use_cache else None
        notes = [draw_text_box(canvas, box, 0, PAGE[1], card=f"C{i}", cache=cache) for i in range(3)]
        canvas.showPage()
        canvas.save()
        outputs.append((_text(out.getvalue()), [(n.card, n.status, n.size) for n in notes]))
    assert outputs[0] == outputs[1]
    assert [card for card, _, _ in outputs[1][1]] == ["C0", "C1", "C2"]


def test_a_hebrew_message_wraps_in_reading_order_with_its_full_stop_on_the_left() -> None:
    message = "יום הולדת שמח! אנחנו מודים לך על הנאמנות שלך ומאחלים לך שנה נפלאה מלאה בבריאות ובשמחה."
    pdf, notes = _render([TextBox("msg", 10, 10, 80, 40, message, font="serif", size=14, min_size=8)])
    assert notes == [None]
    lines = [line for line in _text(pdf).splitlines() if line.strip()]
    assert len(lines) >= 2
    # Each line read right to left continues where the previous one stopped.
    readable = " ".join(_logical(line) for line in lines)
    assert readable == message
    assert lines[-1].startswith(".")


def test_a_line_wraps_at_spaces_after_a_comma_if_it_can_and_never_inside_a_word() -> None:
    street = "1234567 Extraordinarily Long Boulevard Name That Goes On And On Northwest Building C"
    pieces = wrap_line(street, "sans", 10, 175, indent_pt=10)
    assert " ".join(pieces) == street and len(pieces) == 3
    assert text_width(pieces[0], "sans", 10) <= 175
    assert all(text_width(piece, "sans", 10) <= 165 for piece in pieces[1:])  # room left by the indent
    assert wrap_line("Hauptstraße 1234, Hinterhaus, 3. OG links", "sans", 10, 160) == [
        "Hauptstraße 1234, Hinterhaus,", "3. OG links"]
    assert wrap_line("Supercalifragilisticexpialidocious word", "sans", 10, 50) == [
        "Supercalifragilisticexpialidocious", "word"]  # too wide, but whole
    japanese = wrap_line("東京都渋谷区桜丘町26-1セルリアンタワー6階", "sans", 10, 60)
    assert len(japanese) > 1 and "".join(japanese) == "東京都渋谷区桜丘町26-1セルリアンタワー6階"


def test_set_lines_shrinks_whole_to_the_readable_size_then_wraps_then_refuses() -> None:
    short = ["Jane Smith", "A street name a little too long for this box"]  # 210 pt at 10 pt
    slightly = set_lines(short, "sans", 180, 100, 10, 6, wrap_below=8)
    assert slightly.fits and not slightly.wrapped and 8 <= slightly.size < 10
    long = ["Jane Smith", "A street so long that it could only fit on one line at a size nobody can read"]
    wrapped = set_lines(long, "sans", 180, 100, 10, 6, wrap_below=8)
    assert wrapped.fits and wrapped.wrapped and wrapped.size == 10
    assert [indent for _, indent in wrapped.lines] == [0.0, 0.0] + [10.0] * (len(wrapped.lines) - 2)
    assert set_lines(long, "sans", 180, 100, 10, 6).size < 8  # without wrapping: tiny
    crowded = set_lines([f"Line {n}" for n in range(40)], "sans", 180, 100, 10, 6, wrap_below=8)
    assert not crowded.fits and crowded.problem == "its 40 lines are too many even at 6 pt"
    word = set_lines(["Pneumonoultramicroscopicsilicovolcanoconiosis"], "sans", 60, 100, 10, 6, wrap_below=8)
    assert not word.fits and word.problem.endswith("is too wide even at 6 pt")
