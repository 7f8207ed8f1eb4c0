"""PDFs as a printer profile lays them out, read back: offsets per kind of piece, manual
two-sided order and turn, envelopes on a Letter/A4 page where the printer feeds them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdf
import pytest

from studio.cli import main
from studio.paths import bundled_dir

MM = 72 / 25.4


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "p.sqlite3")
    samples = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
    assert main(["--db", path, "import", "--quiet", str(samples)]) == 0
    assert main(["--db", path, "printers", "--add", "Shifted"]) == 0
    return path


def _set(db: str, *assignments: str) -> None:
    args = [arg for assignment in assignments for arg in ("--set", assignment)]
    assert main(["--db", db, "printers", *args]) == 0


def _chars(path: Path, page: int = 0) -> list[tuple[str, float, float, tuple[float, ...]]]:
    """Each letter on a page: (text, x, y) of its centre in points from the top-left, and its
    text matrix."""
    with pdfplumber.open(path) as pdf:
        return [(c["text"], (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, tuple(c["matrix"][:4]))
                for c in pdf.pages[page].chars if c["text"].strip()]


def _shift(plain: Path, moved: Path, page: int = 0) -> tuple[float, float]:
    """How far every letter of ``moved`` lies from the same letter of ``plain`` (mm, right, down)."""
    a, b = _chars(plain, page), _chars(moved, page)
    assert len(a) == len(b) > 20
    dx = {round((m[1] - p[1]) / MM, 2) for p, m in zip(a, b, strict=True)}
    dy = {round((m[2] - p[2]) / MM, 2) for p, m in zip(a, b, strict=True)}
    assert len(dx) == 1 and len(dy) == 1, (dx, dy)  # the whole page moved as one
    return dx.pop(), dy.pop()


def test_each_kind_takes_its_own_offset(db: str, tmp_path: Path) -> None:
    _set(db, "Shifted.cards.offset_x=3", "Shifted.cards.offset_y=2", "Shifted.envelopes.offset_x=-2.5",
         "Shifted.labels.offset_y=1.5")
    for printer in ("Default", "Shifted"):
        assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "2", "--printer", printer,
                     "--out", str(tmp_path / f"cards-{printer}.pdf")]) == 0
        assert main(["--db", db, "envelopes", "--contact", "1", "--size", "a2", "--printer", printer,
                     "--out", str(tmp_path / f"env-{printer}.pdf")]) == 0
        assert main(["--db", db, "labels", "--contact", "1", "2", "--stock", "avery-5160",
                     "--printer", printer,
                     "--out", str(tmp_path / f"labels-{printer}.pdf")]) == 0
    assert _shift(tmp_path / "cards-Default.pdf", tmp_path / "cards-Shifted.pdf", 0) == (3.0, 2.0)
    assert _shift(tmp_path / "cards-Default.pdf", tmp_path / "cards-Shifted.pdf", 1) == (3.0, 2.0)
    assert _shift(tmp_path / "env-Default.pdf", tmp_path / "env-Shifted.pdf") == (-2.5, 0.0)
    assert _shift(tmp_path / "labels-Default.pdf", tmp_path / "labels-Shifted.pdf") == (0.0, 1.5)
    # Without --printer: the default profile, unshifted.
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "a2",
                 "--out", str(tmp_path / "env.pdf")]) == 0
    assert _shift(tmp_path / "env-Default.pdf", tmp_path / "env.pdf") == (0.0, 0.0)
    # The default profile changed: commands without --printer follow it.
    assert main(["--db", db, "printers", "--default", "Shifted"]) == 0
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "a2",
                 "--out", str(tmp_path / "env2.pdf")]) == 0
    assert _shift(tmp_path / "env-Default.pdf", tmp_path / "env2.pdf") == (-2.5, 0.0)


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_manual_duplex_from_the_command_line_turns_and_orders_the_insides(db: str, tmp_path: Path) -> None:
    both = tmp_path / "both.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--all", "--out", str(both)]) == 0
    _set(db, "Shifted.stack=face-up", "Shifted.manual_turn=short")
    out = tmp_path / "cards.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--all", "--printer", "Shifted",
                 "--duplex", "manual", "--out", str(out)]) == 0
    outside, inside = tmp_path / "cards-outside.pdf", tmp_path / "cards-inside.pdf"
    whole = _texts(both)
    sheets = len(whole) // 2
    assert sheets >= 3 and len(_texts(outside)) == len(_texts(inside)) == sheets
    assert _texts(outside) == [whole[2 * n] for n in range(sheets)]
    # Face up, turned over: sheet 1's inside first; over the top edge: every inside upside down.
    with pdfplumber.open(both) as pdf:
        width, height = pdf.pages[1].width, pdf.pages[1].height
    for position, sheet in enumerate(range(sheets)):
        upright, turned = _chars(both, 2 * sheet + 1), _chars(inside, position)
        assert len(upright) == len(turned) > 20
        assert all(matrix[0] > 0 for *_, matrix in upright) and all(matrix[0] < 0 for *_, matrix in turned)
        letter, x, top, _ = upright[0]
        assert any(t == letter and abs((width - tx) - x) < 1.5 and abs((height - tt) - top) < 1.5
                   for t, tx, tt, _ in turned)
    reader = pypdf.PdfReader(inside)
    assert str(reader.trailer["/Root"]["/ViewerPreferences"]["/Duplex"]) == "/Simplex"


def test_a_profile_whose_duplex_is_manual_gives_a_mailing_two_side_files(db: str, tmp_path: Path) -> None:
    _set(db, "Shifted.duplex=manual")
    out = tmp_path / "mailing"
    assert main(["--db", db, "mailing", "--template", "holiday-snow", "--occasion", "christmas", "--year",
                 "2026", "--today", "2026-11-20", "--contact", "1", "--printer", "Shifted",
                 "--envelopes", "a7", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "cards-outside.pdf" in names and "cards-inside.pdf" in names


def _page_mm(path: Path) -> tuple[float, float]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return round(float(box.width) / MM, 1), round(float(box.height) / MM, 1)


def test_an_envelope_on_a_letter_page_lies_where_the_printer_feeds_it(db: str, tmp_path: Path) -> None:
    plain, centred, edge = tmp_path / "plain.pdf", tmp_path / "centred.pdf", tmp_path / "edge.pdf"
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "a2", "--out", str(plain)]) == 0
    assert _page_mm(plain) == (146.0, 111.1)
    # Unturned, centred on A4: every letter moved right by half the width left over.
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "a2", "--on-page", "a4",
                 "--out", str(centred)]) == 0
    assert _page_mm(centred) == (210.0, 297.0)
    dx, dy = _shift(plain, centred)
    assert dx == pytest.approx((210.0 - 146.05) / 2, abs=0.05) and dy == 0.0
    # A No. 10 turned a quarter, fed against the left edge of a Letter page: its text lies
    # inside the 105 x 241 mm strip along the left of the top of the page, turned.
    _set(db, "Shifted.envelope_rotation=90", "Shifted.envelope_feed=edge", "Shifted.envelope_carrier=letter")
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "no10", "--printer", "Shifted",
                 "--out", str(edge)]) == 0
    assert _page_mm(edge) == (215.9, 279.4)
    chars = _chars(edge)
    assert chars and all(x < 105 * MM and top < 241.3 * MM for _, x, top, _ in chars)
    assert all(abs(matrix[0]) < 1e-6 and matrix[1] > 0 for *_, matrix in chars)  # a quarter turn
    # Centred, the same strip moves to the middle of the page.
    _set(db, "Shifted.envelope_feed=centre")
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "no10", "--printer", "Shifted",
                 "--out", str(centred)]) == 0
    left = (215.9 - 104.8) / 2
    assert all(left * MM - 1 < x < (left + 104.8) * MM for _, x, _, _ in _chars(centred))


def test_an_envelope_too_big_for_the_page_is_refused_with_what_to_do(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", db, "envelopes", "--contact", "1", "--size", "no10", "--on-page", "letter",
                 "--out", str(tmp_path / "e.pdf")]) == 1
    err = capsys.readouterr().err
    assert "does not fit on a Letter page" in err and "envelope_rotation" in err
    assert not (tmp_path / "e.pdf").exists()
