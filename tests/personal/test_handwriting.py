"""Your own handwriting font: repeated letters in different shapes, lines a little uneven,
chosen with `studio handwriting` and checked before a card is drawn."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont as FontFile
from pypdf import PdfReader

from studio.cli import main
from studio.paths import bundled_dir
from studio.personal.handwriting import jittered, letter_alternates, vary_letters
from studio.services.handwriting import handwriting_problem
from tests.personal.handwriting_font import build_handwriting_font

SAMPLES = bundled_dir("assets") / "samples" / "sample-contacts.vcf"


@pytest.fixture
def font(tmp_path: Path) -> Path:
    return build_handwriting_font(tmp_path / "my-hand.ttf")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.sqlite3")
    assert main(["--db", path, "import", "--quiet", str(SAMPLES)]) == 0
    assert main(["--db", path, "settings", "--set", "sender.name=Maya Lindqvist"]) == 0
    return path


def test_alternates_are_found_by_glyph_name_and_by_the_salt_feature(font: Path, tmp_path: Path) -> None:
    found = letter_alternates(font.read_bytes())
    assert set(found) == {"t", "e"}
    assert len(found["t"]) == 2 and len(found["e"]) == 1  # t.alt01, t.alt02; e from salt
    plain = build_handwriting_font(tmp_path / "plain.ttf", alternates=False)
    assert letter_alternates(plain.read_bytes()) == {}


def test_each_repeat_of_a_letter_takes_the_next_shape() -> None:
    shapes = {"t": ("T1", "T2")}
    varied = vary_letters("letter", shapes, seed="card 1")
    assert varied[0:2] == "le" and varied[-2:] == "er"
    assert varied[2] != varied[3]  # the two t's of "letter" differ
    assert vary_letters("letter", shapes, seed="card 1") == varied  # the same card, the same writing
    cards = {vary_letters("letter", shapes, seed=f"card {n}") for n in range(12)}
    assert len(cards) > 1  # but not every card alike
    assert vary_letters("<b>t</b> &amp; tt", {"t": ("x",), "a": ("y",), "b": ("z",)}, "s").startswith("<b>")
    assert "&amp;" in vary_letters("&amp;", {"a": ("y",)}, "s")


def test_lines_are_a_little_uneven_never_larger_and_markup_lines_stay_straight() -> None:
    text = "Dear Anna,<br/>thank you so much!\n\nWarmly<br/><b>Maya</b>"
    once = jittered(text, 14, "card 1")
    assert once == jittered(text, 14, "card 1") and once != jittered(text, 14, "card 2")
    assert once.endswith("<br/><b>Maya</b>")  # a line with markup of its own is left as it is
    assert once.count('rise="') == 3
    sizes = [float(part.split('"')[0]) for part in once.split('size="')[1:]]
    assert all(-0.03 * 14 - 1e-9 <= size <= 0 for size in sizes)


def _handwritten(pdf: Path, page: int = 1) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [c["text"] for c in document.pages[page].chars if "Test-Hand" in c["fontname"]]


def test_a_card_written_in_ones_own_font_uses_its_alternates(
        db: str, font: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "handwriting", "--font", str(font)]) == 0
    said = capsys.readouterr().out
    assert "change shape when they repeat: et" in said
    out = tmp_path / "card.pdf"
    assert main(["--db", db, "render", "thinking-of-you", "--contact", "1", "--message", "letter",
                 "--out", str(out)]) == 0
    written = "".join(_handwritten(out))
    letter = written[written.index("l"):][:6]  # "letter", some letters in their other shapes
    assert letter[-1] == "r" and letter[2] != letter[3]  # two different glyphs for the two t's
    # The embedded subset holds the alternates' own outlines: t.alt01 and t.alt02 stand taller.
    reader = PdfReader(out)
    fonts = [f.get_object() for f in reader.pages[1]["/Resources"]["/Font"].values()]
    hand = next(f for f in fonts if "Test-Hand" in f["/BaseFont"])
    data = hand["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    (tmp_path / "subset.ttf").write_bytes(data)
    subset = FontFile(tmp_path / "subset.ttf")
    heights = {subset["glyf"][name].yMax for name in subset.getGlyphOrder()
               if subset["glyf"][name].numberOfContours > 0}
    assert len(heights) >= 3  # the letters' own shape, and the alternates drawn differently


def test_uneven_lines_differ_between_two_people_and_can_be_turned_off(
        db: str, font: Path, tmp_path: Path) -> None:
    assert main(["--db", db, "handwriting", "--font", str(font)]) == 0
    out = tmp_path / "two.pdf"
    assert main(["--db", db, "render", "thinking-of-you", "--contact", "1", "2", "--message",
                 "Same words for both", "--out", str(out)]) == 0

    def tops(pdf: Path) -> tuple[list[float], list[float]]:
        """Each card's handwritten lines, from its first: two A2 cards share a Letter sheet."""
        with pdfplumber.open(pdf) as document:
            page = document.pages[1]
            chars = [c for c in page.chars if "Test-Hand" in c["fontname"]]
            cards = ([c for c in chars if c["top"] < page.height / 2],
                     [c for c in chars if c["top"] >= page.height / 2])
            return tuple(sorted({round(c["top"] - card[0]["top"], 2) for c in card}) for card in cards)

    first, second = tops(out)
    assert first and first != second  # the same message sits differently on two cards
    assert main(["--db", db, "handwriting", "--jitter", "off"]) == 0
    straight = tmp_path / "straight.pdf"
    assert main(["--db", db, "render", "thinking-of-you", "--contact", "1", "2", "--message",
                 "Same words for both", "--out", str(straight)]) == 0
    first, second = tops(straight)
    assert first == second


def test_a_font_that_cannot_be_used_is_refused_in_words(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("my handwriting", encoding="utf-8")
    assert main(["--db", db, "handwriting", "--font", str(not_a_font)]) == 1
    err = capsys.readouterr().err
    assert "notes.ttf cannot be used" in err and "TrueType" in err and "Traceback" not in err
    assert main(["--db", db, "handwriting", "--font", str(tmp_path / "gone.ttf")]) == 1
    assert "gone.ttf is not a file" in capsys.readouterr().err
    assert handwriting_problem(str(tmp_path / "gone.ttf")).startswith("the handwriting font")
    assert handwriting_problem("") is None


def test_a_chosen_font_gone_missing_stops_the_render_naming_it(
        db: str, font: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "settings", "--set", f"sender.handwriting_font={tmp_path / 'moved.ttf'}"]) != 0
    assert "moved.ttf is not there any more" in capsys.readouterr().err  # Settings checks it too
    assert main(["--db", db, "handwriting", "--font", str(font)]) == 0
    font.unlink()  # the original may go: Card Studio keeps its own copy in the data folder
    out = tmp_path / "after.pdf"
    assert main(["--db", db, "render", "thinking-of-you", "--contact", "1", "--out", str(out)]) == 0
