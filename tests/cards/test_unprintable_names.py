"""`studio render` with names in scripts beyond the bundled fonts and right-to-left households:
what a font cannot print is reported, never a silent "Dear ,"; read back from the PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest

from studio.cli import main
from studio.model import Contact
from studio.store import open_store

PEOPLE = [
    Contact(given_name="สมชาย", family_name="ใจดี", display_name="สมชาย ใจดี"),
    Contact(given_name="प्रिया", family_name="शर्मा", display_name="प्रिया शर्मा"),
    Contact(given_name="Thị Ánh", family_name="Nguyễn", display_name="Nguyễn Thị Ánh", nickname="Ánh 🌸"),
    Contact(given_name="דוד", family_name="כהן", display_name="דוד כהן", spouse="שרה"),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cards.sqlite3"
    with open_store(path) as store, store.transaction():
        for contact in PEOPLE:
            store.contacts.add(Contact(**vars(contact)))
    return path


def _greetings(pdf: Path) -> list[str]:
    """Every line starting "Dear", characters in drawing order (left to right, by baseline)."""
    lines = []
    with pdfplumber.open(BytesIO(pdf.read_bytes())) as document:
        for page in document.pages:
            rows: dict[tuple[int, float], list] = {}
            for char in page.chars:
                rows.setdefault((round(char["x0"] // 200), round(char["matrix"][5], 1)), []).append(char)
            for row in rows.values():
                text = "".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])).replace("\u00a0", " ")
                if text.startswith("Dear"):
                    lines.append(text)
    return lines


def test_render_reports_what_no_font_prints_and_orders_a_hebrew_household(capsys, db: Path,
                                                                            tmp_path: Path) -> None:
    out = tmp_path / "thanks.pdf"
    status = main(["render", "thank-you-order", "--db", str(db), "--all", "--out", str(out),
                   "--today", "2026-06-15"])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    report = printed.out + printed.err
    assert "प्रिया शर्मा: text in 'message' has Devanagari characters that no bundled font can print" in report
    assert "Nguyễn Thị Ánh: text in 'message' has emoji or symbols" in report and "🌸" in report
    greetings = _greetings(out)
    assert "Dear สมชาย," in greetings  # Thai, in the bundled Noto Sans Thai
    assert "Dear Ánh ," in greetings  # the emoji left out, and said so


HOUSEHOLD = """\
id = "household"
name = "Household"
occasions = ["any"]
format = "a2-folded"

[[panels]]
name = "inside"

[[panels.texts]]
name = "greeting"
text = "Dear {{ contact|household }},"
x = 10
y = 10
width = 88
height = 20
font = "serif"
size = 16
"""


def test_a_hebrew_household_prints_in_right_to_left_order(capsys, db: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    folder = home / "templates" / "cards" / "household"
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(HOUSEHOLD, encoding="utf-8")
    monkeypatch.setenv("CARD_STUDIO_HOME", str(home))
    out = tmp_path / "household.pdf"
    status = main(["render", "household", "--db", str(db), "--all", "--out", str(out),
                   "--today", "2026-06-15"])
    assert status == 0, capsys.readouterr().err
    # Drawn left to right it is "Dear הרש & דוד,": read right to left, "David & Sarah".
    assert "Dear הרש & דוד," in _greetings(out)
