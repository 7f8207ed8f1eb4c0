"""Photos on cards from the command line: the contact's, your own (`studio photo`), the one
chosen for a run (`--photo`), and the warnings before printing."""

from __future__ import annotations

import base64
import datetime as dt
import io
import textwrap
from pathlib import Path

import pdfplumber
from PIL import Image, ImageDraw

from studio.model import Sender
from studio.paths import AppPaths
from studio.services.cards import designer_fill, get_template
from studio.settings import Settings
from tests.render.pdfcheck import image_xobjects

TODAY = "2026-03-01"
# A user template: the contact's photo in a circle on the front, a run photo and the
# sender's photo inside; no artwork, so every image in the PDF is a photo.
MANIFEST = """\
id = "photo-test"
name = "Photo test"
occasions = ["thinking-of-you"]
format = "a2-folded"

[[panels]]
name = "front"

[[panels.images]]
name = "their-photo"
source = "contact.photo"
x = 17
y = 20
width = 74
height = 74
fit = "circle"

[[panels.texts]]
name = "title"
text = "Hello {{ contact.given_name }}"
x = 10
y = 110
width = 88
height = 20

[[panels]]
name = "inside"

[[panels.images]]
name = "run-photo"
source = "mailing.photo"
x = 10
y = 10
width = 40
height = 40

[[panels.images]]
name = "my-photo"
source = "sender.photo"
x = 58
y = 10
width = 40
height = 40
"""


def jpeg(colour: str, size: tuple[int, int] = (800, 800)) -> bytes:
    image = Image.new("RGB", size, colour)
    face = [size[0] // 4, size[1] // 8, size[0] * 3 // 4, size[1] // 2]
    ImageDraw.Draw(image).ellipse(face, fill="#f1c27d")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def vcard(given: str, family: str, photo: bytes | None) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{given} {family}",
             "ADR;TYPE=HOME:;;12 Oak Street;Springfield;IL;62704;USA"]
    if photo is not None:
        lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(photo).decode("ascii"))
    return "\r\n".join([*lines, "END:VCARD"]) + "\r\n"


def photo_db(tmp_path: Path, cli, people: list[tuple[str, str, bytes | None]]) -> Path:  # noqa: ANN001
    db = tmp_path / "photos.sqlite3"
    cards = tmp_path / "people.vcf"
    cards.write_text("".join(vcard(*person) for person in people), encoding="utf-8")
    assert cli(db, "import", str(cards))[0] == 0
    assert cli(db, "settings", "--set", "sender.name=Maya Lindqvist")[0] == 0
    folder = AppPaths.resolve(str(db)).user_templates_dir / "photo-test"
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(textwrap.dedent(MANIFEST), encoding="utf-8")
    return db


def test_each_distinct_photo_is_embedded_once_and_a_card_without_one_still_prints(
        tmp_path: Path, cli) -> None:  # noqa: ANN001
    anna, ben = jpeg("#336699"), jpeg("#993366")
    db = photo_db(tmp_path, cli, [("Anna", "Berg", anna), ("Ben", "Cole", ben), ("Cara", "Berg", anna),
                                  ("Dan", "Ek", None)])
    three = tmp_path / "three.pdf"
    status, out, err = cli(db, "render", "photo-test", "--contact", "1", "--contact", "2", "--contact", "3",
                           "--out", str(three), "--today", TODAY)
    assert status == 0, err
    assert len(image_xobjects(three)) == 2  # Anna's and Cara's photo are the same picture

    four = tmp_path / "four.pdf"
    status, out, err = cli(db, "render", "photo-test", "--all", "--out", str(four), "--today", TODAY)
    assert status == 0, err
    assert "Rendered 4 cards" in out
    assert "1 card without a photo" in err and "Dan Ek" in err and "Traceback" not in err
    assert "you set none" in err and "chose none (--photo FILE)" in err  # the empty inside boxes
    with pdfplumber.open(four) as pdf:
        outsides = pdf.pages[0::2]  # two cards a sheet: outside, inside, outside, inside
        assert sum(len(page.images) for page in outsides) == 3  # Dan's front has no photo ...
        assert sum(page.extract_text().count("Hello") for page in outsides) == 4  # ... but his card prints


def test_your_photo_and_the_run_photo_print_inside_and_soft_photos_are_named(
        tmp_path: Path, cli) -> None:  # noqa: ANN001
    small = jpeg("#336699", (200, 200))  # 200 px across a 74 mm circle: 69 dpi
    db = photo_db(tmp_path, cli, [("Anna", "Berg", small), ("Ben", "Cole", jpeg("#993366"))])
    me = tmp_path / "me.jpg"
    me.write_bytes(jpeg("#228833", (1200, 1600)))
    status, out, _ = cli(db, "photo", "--file", str(me))
    assert status == 0 and "printed on every card with a place for it" in out
    assert cli(db, "photo")[1].startswith("Your photo: ")
    team = tmp_path / "team.jpg"
    team.write_bytes(jpeg("#aa7700", (120, 90)))  # 90 px down a 40 mm square box: 57 dpi
    cards = tmp_path / "cards.pdf"
    status, out, err = cli(db, "render", "photo-test", "--all", "--photo", str(team), "--out", str(cards),
                           "--today", TODAY)
    assert status == 0, err
    assert "1 photo under 150 dpi at the printed size may print blurred: Anna Berg (69 dpi)" in err
    assert f"the photo chosen with --photo {team} is 57 dpi at its printed size" in err
    with pdfplumber.open(cards) as pdf:
        assert len(pdf.pages[1].images) == 4  # two cards, each with the run's photo and yours
    assert len(image_xobjects(cards)) == 4  # Anna, Ben, the team, you

    mailing = ["mailing", "--template", "photo-test", "--occasion", "thinking-of-you", "--all"]
    status, out, err = cli(db, *mailing, "--photo", str(team), "--dry-run", "--today", TODAY)
    assert status == 0, err
    assert "Warning: 1 photo under 150 dpi at the printed size may print blurred: Anna Berg (69 dpi)" in out

    folder = tmp_path / "mailing"
    status, out, err = cli(db, *mailing, "--photo", str(team), "--out", str(folder), "--today", TODAY)
    assert status == 0, err
    assert len(image_xobjects(folder / "cards.pdf")) == 4

    assert cli(db, "photo", "--remove")[0] == 0
    assert "No photo of yours is set" in cli(db, "photo")[1]


def test_photos_that_cannot_be_used_are_named_not_tracebacks(tmp_path: Path, cli) -> None:  # noqa: ANN001
    db = photo_db(tmp_path, cli, [("Anna", "Berg", jpeg("#336699"))])
    text = tmp_path / "notes.txt"
    text.write_text("not a photo", encoding="utf-8")
    status, _, err = cli(db, "photo", "--file", str(text))
    assert status == 1 and f"{text} is not an image Card Studio can read" in err and "Traceback" not in err
    status, _, err = cli(db, "render", "photo-test", "--all", "--photo", str(tmp_path / "gone.jpg"),
                         "--out", str(tmp_path / "c.pdf"), "--today", TODAY)
    assert status != 0 and "--photo" in err and "gone.jpg is not a file" in err and "Traceback" not in err

    me = tmp_path / "me.jpg"
    me.write_bytes(jpeg("#228833"))
    assert cli(db, "photo", "--file", str(me))[0] == 0
    (AppPaths.resolve(str(db)).data_dir / "photo" / "me.jpg").unlink()
    render = ["render", "photo-test", "--all", "--out", str(tmp_path / "c.pdf"), "--today", TODAY]
    status, _, err = cli(db, *render)
    assert status == 1 and "your photo" in err and "is not there any more" in err
    status, _, err = cli(db, "settings", "--set", f"sender.photo={text}")
    assert status != 0 and "is not an image Card Studio can read" in err


def test_the_preview_shows_the_sample_photo_until_you_set_yours(tmp_path: Path, cli) -> None:  # noqa: ANN001
    template = get_template(None, "thank-you-photo")
    today = dt.date(2026, 3, 1)
    [photo] = [b for b in designer_fill(template, contact=None, settings=Settings(), today=today,
                                        message=None).panels["front"].images if b.photo]
    assert photo.path.name == "sample-photo.jpg"
    mine = Settings(sender=Sender(name="Maya", photo=str(tmp_path / "me.jpg")))
    [photo] = [b for b in designer_fill(template, contact=None, settings=mine, today=today,
                                        message=None).panels["front"].images if b.photo]
    assert photo.path == tmp_path / "me.jpg"

    db = photo_db(tmp_path, cli, [("Anna", "Berg", None)])
    status, _, err = cli(db, "preview", "thank-you-photo", "--out", str(tmp_path / "p.png"), "--dpi", "40")
    assert status == 0 and "Traceback" not in err


def test_a_contact_photo_card_studio_cannot_read_is_left_out_and_named(tmp_path: Path, cli) -> None:  # noqa: ANN001
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200)  # an iPhone photo, kept unchecked
    db = photo_db(tmp_path, cli, [("Anna", "Berg", heic), ("Ben", "Cole", jpeg("#993366"))])
    cards = tmp_path / "cards.pdf"
    status, out, err = cli(db, "render", "photo-test", "--all", "--out", str(cards), "--today", TODAY)
    assert status == 0, err
    assert "Rendered 2 cards" in out
    assert "1 photo cannot be printed and is left out: Anna Berg's photo is not an image" in err
    with pdfplumber.open(cards) as pdf:
        assert len(pdf.pages[0].images) == 1  # Ben's


def test_a_photo_for_each_person_from_the_message_sheet(tmp_path: Path, cli) -> None:  # noqa: ANN001
    db = photo_db(tmp_path, cli, [("Anna", "Berg", None), ("Ben", "Cole", None), ("Cleo", "Dunn", None)])
    sheet = tmp_path / "sheet" / "messages.csv"
    sheet.parent.mkdir()
    mailing = ["--template", "photo-test", "--occasion", "thinking-of-you", "--all", "--today", TODAY]
    assert cli(db, "messages", *mailing, "--out", str(sheet))[0] == 0
    header = sheet.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith(",message,photo")
    (sheet.parent / "anna.jpg").write_bytes(jpeg("#884422", (1000, 1000)))
    (tmp_path / "ben.jpg").write_bytes(jpeg("#224488", (1000, 1000)))
    ids = {name: contact_id for contact_id, name in
           (line.split(",")[:2] for line in sheet.read_text(encoding="utf-8-sig").splitlines()[1:])}
    sheet.write_text("contact_id,message,photo\n"
                     f"{ids['Anna Berg']},Lovely to see you!,anna.jpg\n"  # beside the sheet
                     f"{ids['Ben Cole']},,{tmp_path / 'ben.jpg'}\n", encoding="utf-8")
    team = tmp_path / "team.jpg"
    team.write_bytes(jpeg("#aa7700", (1000, 1000)))
    folder = tmp_path / "out"
    status, out, err = cli(db, "mailing", *mailing, "--messages", str(sheet), "--photo", str(team),
                           "--out", str(folder))
    assert status == 0, err
    # Anna's, Ben's and the run's photo (for Cleo), each once; no sender photo is set.
    assert len(image_xobjects(folder / "cards.pdf")) == 3
    cards = tmp_path / "cards.pdf"
    assert cli(db, "render", "photo-test", "--all", "--messages", str(sheet), "--out", str(cards),
               "--today", TODAY)[0] == 0
    assert len(image_xobjects(cards)) == 2  # no run photo: Cleo's card prints without one

    sheet.write_text(f"contact_id,message,photo\n{ids['Anna Berg']},,missing.jpg\n", encoding="utf-8")
    status, _, err = cli(db, "mailing", *mailing, "--messages", str(sheet), "--out", str(tmp_path / "no"))
    assert status == 1 and "Traceback" not in err
    assert f"{sheet}, line 2: the photo missing.jpg is not a file" in err
