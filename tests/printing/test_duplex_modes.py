"""The printer as the printer test found it: long- or short-edge duplex, or one side at a time."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdf
import pytest

from studio.cli import main
from studio.paths import bundled_dir


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "p.sqlite3")
    samples = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
    assert main(["--db", path, "import", "--quiet", str(samples)]) == 0
    return path


def _hint(path: Path) -> str:
    return str(pypdf.PdfReader(path).trailer["/Root"]["/ViewerPreferences"]["/Duplex"])


def _render(db: str, out: Path, *ids: str) -> None:
    contacts = [arg for contact_id in ids for arg in ("--contact", contact_id)] or ["--all"]
    assert main(["--db", db, "render", "thank-you-order", *contacts, "--out", str(out)]) == 0


def _chars(path: Path, page: int) -> list[tuple[str, float, float]]:
    """Each letter on a page with its centre (x, top), in points."""
    with pdfplumber.open(path) as pdf:
        return [(c["text"], (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)
                for c in pdf.pages[page].chars if c["text"].strip()]


def test_a_short_edge_printer_gets_its_insides_turned_and_a_short_edge_hint(db: str, tmp_path: Path) -> None:
    long_pdf, short_pdf = tmp_path / "long.pdf", tmp_path / "short.pdf"
    _render(db, long_pdf, "1", "2")
    assert main(["--db", db, "settings", "--set", "printer.duplex=short"]) == 0
    _render(db, short_pdf, "1", "2")
    assert _hint(long_pdf) == "/DuplexFlipLongEdge" and _hint(short_pdf) == "/DuplexFlipShortEdge"
    with pdfplumber.open(long_pdf) as pdf:
        width, height = pdf.pages[1].width, pdf.pages[1].height
    assert _chars(long_pdf, 0) == _chars(short_pdf, 0)  # the outside is as it was
    inside_long, inside_short = _chars(long_pdf, 1), _chars(short_pdf, 1)
    assert len(inside_long) == len(inside_short) > 50
    for letter, x, y in inside_long:  # each letter, half a turn round the page's centre
        assert any(other == letter and abs(tx - (width - x)) < 1.5 and abs(ty - (height - y)) < 1.5
                   for other, tx, ty in inside_short), (letter, x, y)


def test_manual_duplex_writes_one_pdf_per_side_with_the_insides_in_sheet_order_for_face_up(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "settings", "--set", "printer.duplex=manual", "--set",
                 "printer.stack=face-up"]) == 0
    out = tmp_path / "cards.pdf"
    capsys.readouterr()
    _render(db, out)
    said = capsys.readouterr().out
    assert f"print {tmp_path / 'cards-outside.pdf'} first" in said and "sheet 1 is now on top" in said
    outside, inside = tmp_path / "cards-outside.pdf", tmp_path / "cards-inside.pdf"
    both = pypdf.PdfReader(out)
    sheets = len(both.pages) // 2
    assert sheets >= 3
    assert len(pypdf.PdfReader(outside).pages) == len(pypdf.PdfReader(inside).pages) == sheets
    assert _hint(outside) == _hint(inside) == "/Simplex" and _hint(out) == "/DuplexFlipLongEdge"
    # The outsides in order; the insides too: the face-up pile (last sheet on top), turned over
    # as the steps say, has sheet 1 on top.
    assert [p.extract_text() for p in pypdf.PdfReader(outside).pages] == [
        both.pages[2 * n].extract_text() for n in range(sheets)]
    assert [p.extract_text() for p in pypdf.PdfReader(inside).pages] == [
        both.pages[2 * n + 1].extract_text() for n in range(sheets)]


def test_face_down_keeps_the_insides_in_order(db: str, tmp_path: Path) -> None:
    assert main(["--db", db, "settings", "--set", "printer.duplex=manual"]) == 0
    out = tmp_path / "cards.pdf"
    _render(db, out)
    both = pypdf.PdfReader(out)
    assert [p.extract_text() for p in pypdf.PdfReader(tmp_path / "cards-inside.pdf").pages] == [
        both.pages[n].extract_text() for n in range(1, len(both.pages), 2)]


def test_the_printer_test_answers_by_which_sentence_reads_upright(db: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "test.pdf"
    assert main(["--db", db, "printer-test", "--out", str(out), "--paper", "a4"]) == 0
    assert "printer.duplex=long" in capsys.readouterr().out
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 4
    assert dict(reader.trailer["/Root"]["/ViewerPreferences"]) == {"/PrintScaling": "/None",
                                                                 "/Duplex": "/DuplexFlipLongEdge"}
    with pdfplumber.open(out) as pdf:
        assert round(pdf.pages[0].width / 72 * 25.4) == 210
        side_two = pdf.pages[1]
        top_half = side_two.crop((0, 0, side_two.width, side_two.height / 2))
        bottom_half = side_two.crop((0, side_two.height / 2, side_two.width, side_two.height))
        assert "LONG edge" in "".join(c["text"] for c in top_half.chars)
        assert "SHORT edge" in "".join(c["text"] for c in bottom_half.chars)
        # The short-edge answer is upside down, so it reads upright after a short-edge flip.
        assert all(c["matrix"][0] > 0 for c in top_half.chars)
        assert all(c["matrix"][0] < 0 for c in bottom_half.chars)
        assert "printer.stack=face-up" in pdf.pages[2].extract_text()
        assert "printer.stack=face-down" in pdf.pages[3].extract_text()


def test_a_duplex_mode_that_does_not_exist_is_refused(db: str, capsys) -> None:
    assert main(["--db", db, "settings", "--set", "printer.duplex=sideways"]) != 0
    err = capsys.readouterr().err
    assert "'sideways' is not a way to print two-sided; use long, short, manual" in err
