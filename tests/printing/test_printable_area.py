"""What a home printer leaves blank at the paper's edge is flagged before it is printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.paths import bundled_dir
from studio.printing.printable_area import print_area_warnings
from studio.render.layout import CardLayout, PanelContent, QrBox, TextBox


def _card(top_mm: float, format_id: str = "a2-folded") -> CardLayout:
    """A card whose front has one text box ``top_mm`` below the card's top edge (an A2 card
    is half a Letter sheet: its top edge is the paper's)."""
    box = TextBox("greeting", 20, top_mm, 40, 12, "Hello")
    return CardLayout(format_id, {"front": PanelContent("front", texts=[box])})


def test_text_near_the_paper_edge_is_flagged_with_its_distance() -> None:
    near, far = print_area_warnings(_card(1.5), "letter"), print_area_warnings(_card(20), "letter")
    assert far == []
    (warning,) = near
    assert warning.box == "greeting" and warning.distance_mm < 4.2 and warning.is_problem
    assert "the text 'greeting' on the front comes" in str(warning)
    assert "most printers leave the outer 4.2 mm blank" in str(warning)
    assert print_area_warnings(_card(1.5), "letter", margin_mm=0) == []  # a borderless printer
    # A postcard sits 5 mm in from every paper edge: the same box is clear of the margin.
    assert print_area_warnings(_card(1.5, "a6-postcard"), "a4") == []


def test_artwork_that_stops_inside_the_blank_margin_is_a_note_with_its_distance() -> None:
    # Two postcards on an A4 sheet sit 31 mm in from its edges: a (made-up) 35 mm blank margin
    # cuts a strip of the coloured front; the usual 4.2 mm leaves it whole.
    card = CardLayout("a6-postcard", {"front": PanelContent("front", background="#c0ffee")})
    (note,) = print_area_warnings(card, "a4", margin_mm=35)
    assert not note.is_problem and 30 < note.distance_mm < 35
    assert str(note).startswith("the artwork of the front comes 31.0 mm from the paper's edge")
    assert "the outer 35 mm blank, so a strip of it will not print" in str(note)
    assert print_area_warnings(card, "a4") == []


def test_a_qr_code_near_the_paper_edge_is_flagged_as_one() -> None:
    code = QrBox("offer-code", 40, 1, 20, "https://shop.example/?c=1")
    (warning,) = print_area_warnings(CardLayout("a2-folded", {"front": PanelContent("front", codes=[code])}),
                                     "letter")
    assert warning.is_problem and "the QR code 'offer-code' on the front comes" in str(warning)


@pytest.mark.parametrize("paper, expected", [("letter", True), ("a4", False)])
def test_full_bleed_artwork_on_a_half_letter_card_needs_borderless_printing(
        paper: str, expected: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.sqlite3")
    samples = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
    assert main(["--db", db, "import", "--quiet", str(samples)]) == 0
    capsys.readouterr()
    out = tmp_path / "cards.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "--paper", paper,
                 "--out", str(out)]) == 0
    err = capsys.readouterr().err
    said = "note: printing: the artwork of the" in err and "borderless printing is needed" in err
    assert said is expected
    assert out.is_file()  # a warning, not a refusal


def test_the_dry_run_and_the_review_page_say_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.sqlite3")
    samples = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
    assert main(["--db", db, "import", "--quiet", str(samples)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "mailing", "--occasion", "thinking-of-you", "--all", "--template",
                 "thinking-of-you", "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    edge = [w for w in plan["print_notes"] if w.startswith("Printing: the artwork of the")]
    assert len(edge) == 1 and "front" in edge[0] and "inside" in edge[0]
    assert not [w for w in plan["warnings"] if w.startswith("Printing:")]  # a note: the text is clear
