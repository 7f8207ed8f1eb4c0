"""`studio templates`, `studio render`, `studio preview` end to end, checked in the PDF and PNG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from studio.cli import main
from studio.model import Address, Contact, PartialDate
from studio.store import open_store

PEOPLE = [
    Contact(
        given_name="Zoë",
        family_name="Ångström-Núñez",
        spouse="Henrik",
        birthday=PartialDate(12, 14, 1986),
        tags=["customer"],
        addresses=[
            Address(
                street="1428 Elm Street", city="Springfield", region="IL", postal_code="62704", country="USA"
            )
        ],
    ),
    Contact(
        given_name="小明",
        family_name="王",
        display_name="王小明",
        birthday=PartialDate(12, 20),
        tags=["customer"],
    ),
    Contact(given_name="Анна", family_name="Смирнова", tags=["customer"]),
    Contact(given_name="Bob", family_name="Adams", nickname="Bobby", birthday=PartialDate(1, 5, 1990)),
]


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, list[int]]:
    path = tmp_path / "cards.sqlite3"
    with open_store(path) as store, store.transaction():
        ids = [store.contacts.add(Contact(**vars(c))) for c in PEOPLE]
    return path, ids


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_templates_json_lists_the_bundled_collection(capsys, db) -> None:
    status, out, _ = run(capsys, "--db", str(db[0]), "templates", "--json")
    assert status == 0
    listing = json.loads(out)
    assert all(set(entry) == {"id", "name", "format", "occasions", "source"} for entry in listing)
    ids = {entry["id"] for entry in listing}
    assert len(ids) >= 9 and {"holiday-snow", "thank-you-postcard"} <= ids
    assert {entry["source"] for entry in listing} == {"bundled"}
    assert len({entry["format"] for entry in listing}) >= 4


def test_render_writes_each_greeting_in_order(capsys, db, tmp_path: Path) -> None:
    path, ids = db
    out = tmp_path / "holiday.pdf"
    zoe, ming, anna, bob = ids
    status, stdout, stderr = run(
        capsys,
        "render",
        "holiday-snow",
        "--db",
        str(path),
        "--contact",
        str(anna),
        str(zoe),
        "--contact",
        str(ming),
        "--out",
        str(out),
        "--today",
        "2026-12-01",
    )
    assert status == 0, stderr
    assert f"Rendered 3 cards to {out}" in stdout
    text = pdf_text(out)
    # In the batch's order (--order name, the default: envelopes and labels come out the same),
    # whatever order the ids were given in: Ångström-Núñez, Смирнова, 王.
    greetings = ["Dear Zoë & Henrik,", "Dear Анна,", "Dear 小明,"]
    positions = [text.find(g) for g in greetings]
    assert all(p >= 0 for p in positions), (positions, text[:500])
    assert positions == sorted(positions)
    assert "Happy Holidays" in text and "None" not in text


def test_render_by_tag_skips_contacts_lacking_required_fields(capsys, db, tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "birthdays.pdf"
    status, stdout, stderr = run(
        capsys,
        "--db",
        str(path),
        "render",
        "birthday-balloons",
        "--tag",
        "customer",
        "--out",
        str(out),
        "--paper",
        "a4",
        "--today",
        "2026-12-01",
        "--message",
        "See you at the <launch> & party!",
    )
    assert status == 0, stderr
    assert "skipped Анна Смирнова: lacks a birthday" in stderr
    assert "Rendered 2 cards" in stdout and "(1 skipped)" in stdout
    text = pdf_text(out)
    assert text.find("Dear Zoë,") < text.find("Dear 小明,")
    assert "Happy 40th birthday!" in text  # a milestone the template celebrates
    assert "See you at the <launch> & party!" in text
    width, height = (float(v) for v in PdfReader(out).pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_render_all_in_address_book_order(capsys, db, tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "thanks.pdf"
    status, _, stderr = run(
        capsys, "--db", str(path), "render", "thank-you-order", "--all", "--out", str(out)
    )
    assert status == 0, stderr
    text = pdf_text(out)
    order = [text.find(f"Dear {name},") for name in ("Bobby", "Zoë", "Анна", "小明")]
    assert all(p >= 0 for p in order) and order == sorted(
        order
    )  # family names: Adams, Ångström, Смирнова, 王


def test_render_reports_unknown_template_and_contact(capsys, db, tmp_path: Path) -> None:
    path, _ = db
    status, _, err = run(
        capsys, "--db", str(path), "render", "holidy-snow", "--all", "--out", str(tmp_path / "x.pdf")
    )
    assert status == 2 and "Did you mean 'holiday-snow'?" in err and "Traceback" not in err
    status, _, err = run(
        capsys,
        "--db",
        str(path),
        "render",
        "holiday-snow",
        "--contact",
        "999",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert status == 1 and "no contact with id 999" in err
    assert not (tmp_path / "x.pdf").exists()


def test_render_with_nobody_eligible_is_a_clear_error(capsys, db, tmp_path: Path) -> None:
    path, ids = db
    out = tmp_path / "anniversary.pdf"
    status, _, err = run(
        capsys,
        "--db",
        str(path),
        "render",
        "customer-anniversary",
        "--contact",
        str(ids[2]),
        "--out",
        str(out),
    )
    assert status == 1 and "no card to render" in err and "Анна Смирнова lacks" in err
    assert not out.exists()


def test_a_broken_user_template_is_reported_with_file_and_line(capsys, db, isolated_home: Path) -> None:
    folder = isolated_home / "templates" / "cards" / "mine"
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(
        'id = "mine"\nname = "Mine"\noccasions = ["any"]\nformat = "a2-folded"\n'
        '[[panels]]\nname = "front"\n[[panels.texts]]\nname = "t"\n'
        'text = "{{ config }}"\nx = 1\ny = 1\nwidth = 10\nheight = 10\n'
    )
    status, out, err = run(capsys, "--db", str(db[0]), "templates")
    assert status == 0 and "holiday-snow" in out
    assert f"{folder / 'template.toml'}:9: There is no field called “config”." in err
    status, _, err = run(capsys, "--db", str(db[0]), "preview", "mine", "--out", "x.png")
    assert status == 1 and ":9: There is no field called “config”." in err


def test_a_user_template_overrides_the_bundled_one(capsys, db, isolated_home: Path) -> None:
    from studio.cards import bundled_templates_dir, load_template, save_template

    bundled = load_template(bundled_templates_dir() / "holiday-snow", "bundled")
    bundled.name = "My snowy card"
    save_template(bundled, isolated_home / "templates" / "cards" / "holiday-snow")
    status, out, _ = run(capsys, "--db", str(db[0]), "templates", "--json")
    entry = next(e for e in json.loads(out) if e["id"] == "holiday-snow")
    assert entry == {
        "id": "holiday-snow",
        "name": "My snowy card",
        "format": "5x7-folded",
        "occasions": ["holiday", "christmas", "new-year"],
        "source": "user",
    }


def test_preview_draws_one_card(capsys, db, tmp_path: Path) -> None:
    path, ids = db
    out = tmp_path / "preview.png"
    status, stdout, _ = run(
        capsys,
        "--db",
        str(path),
        "preview",
        "birthday-balloons",
        "--contact",
        str(ids[0]),
        "--out",
        str(out),
        "--today",
        "2026-12-01",
    )
    assert status == 0 and f"Wrote {out}" in stdout
    with Image.open(out) as image:
        assert image.width > 2 * image.height  # front, opened inside, back side by side
    status, _, err = run(
        capsys, "--db", str(path), "preview", "birthday-balloons", "--contact", str(ids[2]), "--out", str(out)
    )
    assert status == 0 and "lacks a birthday" in err
    status, stdout, _ = run(capsys, "--db", str(path), "preview", "new-year-sparkle", "--out", str(out))
    assert status == 0
