"""A profile's back offset, read back from the card PDFs: only the inside pages move, turned
the way the sheet is flipped (long edge: right and left swap; short edge: up and down)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from studio.cli import main
from tests.printing.test_profile_pdfs import MM, _set, _shift, db  # noqa: F401 - db is a fixture


def _render(db: str, out: Path, *extra: str) -> None:  # noqa: F811 - db is the fixture's value
    assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "2", "--out", str(out),
                 *extra]) == 0


def test_the_back_offset_moves_only_the_insides_mirrored_for_the_flip(db: str, tmp_path: Path) -> None:  # noqa: F811
    _set(db, "Shifted.back_offset_x=1.5", "Shifted.back_offset_y=-1")
    for name, duplex in (("long", "long"), ("short", "short")):
        _render(db, tmp_path / f"plain-{name}.pdf", "--duplex", duplex)
        _render(db, tmp_path / f"moved-{name}.pdf", "--printer", "Shifted", "--duplex", duplex)
    # Seen from the front 1.5 mm right and 1 mm up: over the long edge the back page itself
    # moves left and up; over the short edge right and down.
    assert _shift(tmp_path / "plain-long.pdf", tmp_path / "moved-long.pdf", 0) == (0.0, 0.0)
    assert _shift(tmp_path / "plain-long.pdf", tmp_path / "moved-long.pdf", 1) == (-1.5, -1.0)
    assert _shift(tmp_path / "plain-short.pdf", tmp_path / "moved-short.pdf", 0) == (0.0, 0.0)
    assert _shift(tmp_path / "plain-short.pdf", tmp_path / "moved-short.pdf", 1) == (1.5, 1.0)


def test_manual_insides_take_the_back_offset_for_the_turn_by_hand(db: str, tmp_path: Path) -> None:  # noqa: F811
    _set(db, "Default.manual_turn=short", "Shifted.manual_turn=short", "Shifted.back_offset_y=2")
    _render(db, tmp_path / "plain.pdf", "--duplex", "manual")
    _render(db, tmp_path / "moved.pdf", "--printer", "Shifted", "--duplex", "manual")
    assert _shift(tmp_path / "plain-outside.pdf", tmp_path / "moved-outside.pdf") == (0.0, 0.0)
    assert _shift(tmp_path / "plain-inside.pdf", tmp_path / "moved-inside.pdf") == (0.0, -2.0)


def test_each_answer_on_the_printer_test_has_its_cross_behind_side_ones(tmp_path: Path) -> None:
    out = tmp_path / "test.pdf"
    assert main(["printer-test", "--out", str(out), "--paper", "a4"]) == 0
    with pdfplumber.open(out) as pdf:
        width, height = pdf.pages[0].width / MM, pdf.pages[0].height / MM

        def crosses(page: int) -> set[tuple[int, int]]:
            # The cross's long arms are 24 mm: the only lines that long on the sheet.
            found = set()
            for line in pdf.pages[page].lines:
                if abs((line["x1"] - line["x0"]) / MM - 24) < 0.1:
                    found.add((round((line["x0"] + line["x1"]) / 2 / MM), round(line["top"] / MM)))
            return found

        front, back = crosses(0), crosses(1)
    assert front == {(40, 140)}
    long_turned = {(round(width - x), y) for x, y in back}  # turned over the side edge
    short_turned = {(x, round(height - y)) for x, y in back}  # turned over the top edge
    assert (40, 140) in long_turned and (40, 140) in short_turned
