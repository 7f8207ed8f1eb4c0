"""Your own signature on the cards: cleaned from a photo, printed in place of the typed one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from studio.cards.catalog import load_template
from studio.cards.errors import TemplateError
from studio.cli import main
from studio.paths import AppPaths, bundled_dir
from tests.personal.phone_photo import phone_photo

SAMPLES = bundled_dir("assets") / "samples" / "sample-contacts.vcf"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.sqlite3")
    assert main(["--db", path, "import", "--quiet", str(SAMPLES)]) == 0
    assert main(["--db", path, "settings", "--set", "sender.name=Maya Lindqvist",
                 "--set", "sender.signature_line=Warmly, Maya"]) == 0
    return path


def _inside(pdf_path: Path) -> tuple[str, list[dict]]:
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[1]
        return page.extract_text() or "", page.images


def test_the_cleaned_signature_replaces_the_typed_one_on_the_card(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typed = tmp_path / "typed.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "--out", str(typed)]) == 0
    text, images = _inside(typed)
    assert "Warmly, Maya" in text
    capsys.readouterr()
    assert main(["--db", db, "signature", "--from", str(phone_photo(tmp_path / "photo.jpg"))]) == 0
    assert "is now printed on every card with a signature" in capsys.readouterr().out
    signed = tmp_path / "signed.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "--out", str(signed)]) == 0
    text, signed_images = _inside(signed)
    assert "Warmly, Maya" not in text  # the picture stands in for the typed line
    assert len(signed_images) == len(images) + 1
    picture = max(signed_images, key=lambda i: i["top"])  # below the message, where the typed line was
    # In the signature box: 13 mm in from the inside panel's left, 110 mm down, 82 × 16 mm.
    assert picture["height"] <= 16 * mm + 0.5 and picture["width"] <= 82 * mm + 0.5
    assert main(["--db", db, "signature", "--remove"]) == 0
    again = tmp_path / "again.pdf"
    assert main(["--db", db, "render", "thank-you-order", "--contact", "1", "--out", str(again)]) == 0
    assert "Warmly, Maya" in _inside(again)[0]


def test_a_signature_picture_gone_missing_is_named_not_printed_blank(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "signature", "--from", str(phone_photo(tmp_path / "photo.jpg"))]) == 0
    (AppPaths.resolve(db).data_dir / "signature" / "signature.png").unlink()
    capsys.readouterr()
    out = tmp_path / "cards.pdf"
    status = main(["--db", db, "render", "thank-you-order", "--contact", "1", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1 and not out.exists()
    assert "the signature picture" in err and "is not there any more" in err and "Traceback" not in err
    status = main(["--db", db, "mailing", "--occasion", "thinking-of-you", "--all", "--template",
                   "thinking-of-you", "--dry-run"])
    assert status == 1 and "studio signature --from PHOTO" in capsys.readouterr().err


def test_a_photo_that_is_no_signature_is_refused_and_nothing_changes(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("RGB", (800, 600), "white").save(blank)
    capsys.readouterr()
    assert main(["--db", db, "signature", "--from", str(blank)]) == 1
    assert "no writing was found" in capsys.readouterr().err
    assert main(["--db", db, "signature"]) == 0
    assert "No signature picture" in capsys.readouterr().out


@pytest.mark.parametrize("change, problem", [
    ('source = "signature"', "source 'photo' must be one of: signature"),
    ('source = "signature"\nfile = "front.jpg"', "either a file or a source"),
    ('replaces = "signature"', "has no text box 'nope' to replace"),
])
def test_a_signature_image_box_is_checked(tmp_path: Path, change: str, problem: str) -> None:
    folder = tmp_path / "mine"
    shutil.copytree(bundled_dir("templates") / "cards" / "thank-you-order", folder)
    manifest = folder / "template.toml"
    text = manifest.read_text(encoding="utf-8").replace('id = "thank-you-order"', 'id = "mine"')
    broken = {"source = \"signature\"": 'source = "photo"',
              'source = "signature"\nfile = "front.jpg"': 'source = "signature"\nfile = "front.jpg"',
              'replaces = "signature"': 'replaces = "nope"'}[change]
    text = text.replace('source = "signature"  # the sender\'s own signature, when Settings has one',
                        broken if change != 'replaces = "signature"' else 'source = "signature"')
    if change == 'replaces = "signature"':
        text = text.replace('replaces = "signature"', broken)
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match=problem):
        load_template(folder)
