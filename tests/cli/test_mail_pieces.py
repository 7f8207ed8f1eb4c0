"""`studio envelopes`, `studio labels`, `studio stocks`, `studio calibrate` as a user runs them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from studio.model import Address, Contact, Sender
from studio.render.stocks import label_rect, load_stocks
from studio.store import open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with six customers (one without an address) and a sender in settings."""
    path = tmp_path / "cli.sqlite3"
    people = [
        Contact(given_name="Priya", family_name="Raman", tags=["vip"],
                addresses=[Address("23 Oak Tree Road\nApt 4B", "Edison", "NJ", "08817", "USA")]),
        Contact(given_name="Hans", family_name="Müller", tags=["vip"],
                addresses=[Address("Marienplatz 8", "München", "Bayern", "80331", "Deutschland")]),
        Contact(given_name="Robert", family_name="Johnson",
                addresses=[Address("455 East Town Street", "Columbus", "OH", "43215", "")]),
        Contact(given_name="太郎", family_name="山田", display_name="山田 太郎",
                addresses=[Address("千代田1-1", "千代田区", "東京都", "100-8111", "日本")]),
        Contact(given_name="Noah", family_name="Anderson", tags=["vip"]),
        Contact(given_name="Grace", family_name="Kim",
                addresses=[Address("4216 Fremont Avenue North", "Seattle", "WA", "98103", "United States")]),
    ]
    with open_store(path) as store:
        with store.transaction():
            for person in people:
                store.contacts.add(person)
            settings = store.settings.load()
            settings.sender = Sender(name="Dana Whitfield", company="Glow Naturals",
                                     address=Address("42 Elm Street", "Springfield", "IL", "62704"))
            store.settings.save(settings)
    return path


def _page_texts(pdf_path: Path) -> list[str]:
    with pdfplumber.open(pdf_path) as pdf:
        return [page.extract_text() for page in pdf.pages]


NAMES = ("Priya Raman", "Hans Müller", "Robert Johnson", "山田 太郎", "Grace Kim")


def _recipients(pdf_path: Path) -> list[str]:
    """Whose envelope each page is."""
    return [next(name for name in NAMES if name in text) for text in _page_texts(pdf_path)]


def test_envelopes_for_everyone_skip_and_explain_the_unmailable(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "envelopes.pdf"
    status, stdout, stderr = cli(db, "envelopes", "--all", "--size", "no10", "--out", str(out))
    assert status == 0
    assert f"Wrote 5 envelopes (5 pages) to {out}" in stdout
    assert "Skipped 1 contact (not printed):" in stderr
    assert "Noah Anderson: no postal address" in stderr
    pages = _page_texts(out)
    # Address-book order: family name, then given name.
    assert _recipients(out) == ["Robert Johnson", "Grace Kim", "Hans Müller", "Priya Raman", "山田 太郎"]
    assert "80331 MÜNCHEN\nGERMANY" in pages[2]
    assert "Dana Whitfield" in pages[0] and "UNITED STATES" in pages[2]  # return address goes abroad too
    assert "東京都千代田区" in pages[4]
    with pdfplumber.open(out) as pdf:
        assert (pdf.pages[0].width, pdf.pages[0].height) == pytest.approx((9.5 * 72, 4.125 * 72))


def test_envelopes_by_tag_and_by_id_in_postal_order(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "vip.pdf"
    status, stdout, _ = cli(db, "envelopes", "--tag", "vip", "--size", "c6", "--out", str(out))
    assert status == 0 and "Wrote 2 envelopes" in stdout
    out = tmp_path / "ids.pdf"
    status, _, _ = cli(db, "envelopes", "--contact", "6", "1", "--contact", "3", "--order",
                       "postal", "--size", "custom:7.5x4.75in", "--out", str(out))
    assert status == 0
    assert _recipients(out) == ["Priya Raman", "Robert Johnson", "Grace Kim"]  # 08817 < 43215 < 98103
    out = tmp_path / "everyone.pdf"
    assert cli(db, "envelopes", "--all", "--order", "postal", "--out", str(out))[0] == 0
    # Domestic (US) by ZIP first, then Germany, then Japan.
    assert _recipients(out) == ["Priya Raman", "Robert Johnson", "Grace Kim", "Hans Müller", "山田 太郎"]


def test_labels_with_start_outline_and_order(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "labels.pdf"
    status, stdout, _ = cli(db, "labels", "--all", "--stock", "avery-5160", "--start", "29",
                            "--outline", "--out", str(out))
    assert status == 0 and "Wrote 5 labels (2 pages)" in stdout
    texts = _page_texts(out)
    assert "Robert Johnson" in texts[0] and "Grace Kim" in texts[0]
    assert "Hans Müller" in texts[1]


def test_labels_by_an_equivalent_part_number(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "l.pdf"
    status, stdout, _ = cli(db, "labels", "--tag", "vip", "--stock", "8160", "--out", str(out))
    assert status == 0 and "Wrote 2 labels (1 page)" in stdout


def test_return_address_sheet(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "return.pdf"
    status, stdout, _ = cli(db, "labels", "--return-address", "--stock", "avery-5167",
                            "--out", str(out))
    assert status == 0 and "Wrote 80 return-address labels (1 page)" in stdout
    assert _page_texts(out)[0].count("Dana Whitfield") == 80


def test_calibration_page_and_calibrate(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "cal.pdf"
    status, stdout, _ = cli(db, "labels", "--calibration", "--stock", "L7160", "--out", str(out))
    assert status == 0 and "calibration page" in stdout
    assert "Printer calibration: Avery L7160" in _page_texts(out)[0]
    status, stdout, _ = cli(db, "calibrate", "--offset-x", "1.5", "--scale-y", "0.995")
    assert status == 0 and "offset x +1.50 mm" in stdout and "scale y 0.9950" in stdout
    with open_store(db) as store:
        calibration = store.settings.load().calibration
    assert (calibration.offset_x, calibration.offset_y, calibration.scale_y) == (1.5, 0.0, 0.995)
    status, _, stderr = cli(db, "calibrate", "--offset-y", "40")
    assert status == 2 and "offset y 40 is outside" in stderr


def test_stocks_json_keys(db: Path, cli) -> None:
    status, stdout, _ = cli(db, "stocks", "--json")
    assert status == 0
    rows = json.loads(stdout)
    avery = next(r for r in rows if r["id"] == "avery-5160")
    assert {k: avery[k] for k in ("id", "brand", "part", "paper", "grid", "label_size", "kind")} == {
        "id": "avery-5160", "brand": "Avery", "part": "5160", "paper": "letter", "grid": "3x10",
        "label_size": "66.7x25.4 mm", "kind": "label"}
    assert "8160" in avery["equivalents"]
    assert len([r for r in rows if r["kind"] == "label"]) >= 25
    envelopes = {r["id"]: r for r in rows if r["kind"] == "envelope"}
    assert set(envelopes) >= {"no10", "monarch", "6x9", "a2", "a6", "a7", "a9", "c5", "c6", "dl"}
    assert envelopes["dl"]["label_size"] == "220.0x110.0 mm"
    status, stdout, _ = cli(db, "stocks")
    assert status == 0 and "avery-l7160" in stdout and "no10" in stdout


def test_mistakes_get_one_clear_line_and_no_file(tmp_path: Path, db: Path, cli) -> None:
    out = tmp_path / "x.pdf"
    status, _, stderr = cli(db, "labels", "--all", "--stock", "avery-9999", "--out", str(out))
    assert status == 2 and "unknown label stock 'avery-9999'" in stderr
    status, _, stderr = cli(db, "labels", "--all", "--start", "31", "--out", str(out))
    assert status == 2 and "--start must be between 1 and 30" in stderr
    status, _, stderr = cli(db, "envelopes", "--all", "--size", "b4", "--out", str(out))
    assert status == 2 and "unknown envelope size 'b4'" in stderr
    status, _, stderr = cli(db, "envelopes", "--size", "a2", "--out", str(out))
    assert status == 2 and "--contact ID, --tag TAG or --all" in stderr
    status, _, stderr = cli(db, "envelopes", "--contact", "5", "--out", str(out))
    assert status == 1 and "Noah Anderson: no postal address" in stderr
    status, _, stderr = cli(db, "labels", "--return-address", "--all", "--out", str(out))
    assert status == 2
    assert not out.exists()
    assert not list(tmp_path.glob(".x.pdf.*"))  # no half-written temporary left behind
    assert "Traceback" not in stderr


def test_return_labels_need_a_sender(tmp_path: Path, cli) -> None:
    db = tmp_path / "empty.sqlite3"
    open_store(db).close()  # a store with no sender in its settings
    status, _, stderr = cli(db, "labels", "--return-address", "--out", str(tmp_path / "r.pdf"))
    assert status == 1 and "no sender address in settings" in stderr  # 2 is for a malformed command


def test_imb_for_us_recipients_when_the_sender_has_a_mailer_id(tmp_path: Path, db: Path, cli) -> None:
    with open_store(db) as store:
        with store.transaction():
            settings = store.settings.load()
            settings.sender.mailer_id = "123456"
            store.settings.save(settings)
    out = tmp_path / "imb.pdf"
    assert cli(db, "envelopes", "--all", "--size", "no10", "--out", str(out))[0] == 0
    with pdfplumber.open(out) as pdf:
        bars = [len([r for r in page.rects if r["width"] < 2]) for page in pdf.pages]
    assert bars == [65, 65, 0, 65, 0]  # Johnson, Kim, Müller (DE), Raman, 山田 (JP)


LONG_STREET = "1234567 Extraordinarily Long Boulevard Name That Goes On And On Northwest Building C"


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    """Contacts whose addresses are too long, cannot fit at all, or lack their country."""
    path = tmp_path / "awkward.sqlite3"
    people = [
        Contact(given_name="Lena", family_name="Long",
                addresses=[Address(LONG_STREET, "Springfield", "IL", "62704", "USA")]),
        Contact(given_name="Carl", family_name="Company",
                organization="International Association of Appreciation Marketing Pros",
                addresses=[Address("100 Main St", "Springfield", "IL", "62704", "")]),
        Contact(given_name="Wyn", family_name="Welsh",
                addresses=[Address("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch-Uchaf-Isaf",
                                   "Llanfairpwll", "", "LL61 5UJ", "UK")]),
        Contact(given_name="Leeds", family_name="Person",
                addresses=[Address("5 Elm Road", "Leeds", "", "LS1 1AA", "")]),
    ]
    with open_store(path) as store:
        with store.transaction():
            for person in people:
                store.contacts.add(person)
    return path


def test_long_lines_wrap_on_labels_and_what_cannot_fit_is_skipped_with_the_reason(
        tmp_path: Path, awkward: Path, cli) -> None:
    out = tmp_path / "labels.pdf"
    status, stdout, stderr = cli(awkward, "labels", "--all", "--stock", "avery-5160", "--out", str(out))
    assert status == 0 and "Wrote 2 labels (1 page)" in stdout
    assert "Skipped 2 contacts (not printed):" in stderr
    assert ("Leeds Person: no country given, and it is not a US address (postal code LS1 1AA is not a US "
            "ZIP code; there is no state): add the country") in stderr
    assert "Wyn Welsh: the address does not fit on an Avery 5160 label: 'Llanfairpwll" in stderr
    assert "set smaller" not in stderr  # wrapped, not shrunk
    stock = load_stocks().label("avery-5160")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        for position, wanted in ((0, "International Association of Appreciation Marketing Pros"),
                                 (1, LONG_STREET)):
            x, y, width, height = label_rect(stock, position)
            chars = [c for c in page.chars if not c["text"].isspace()]
            inside = [c for c in chars if x * mm <= c["x0"] and c["x1"] <= (x + width) * mm
                      and y * mm <= c["top"] and c["bottom"] <= (y + height) * mm]
            text = "".join(c["text"] for c in inside)
            assert wanted.replace(" ", "") in text
        assert all(c["x1"] <= label_rect(stock, 1)[0] * mm + label_rect(stock, 1)[2] * mm for c in page.chars)


def test_long_lines_stay_on_the_envelope(tmp_path: Path, awkward: Path, cli) -> None:
    out = tmp_path / "envelopes.pdf"
    status, stdout, stderr = cli(awkward, "envelopes", "--all", "--size", "a2", "--out", str(out))
    assert status == 0 and "Wrote 2 envelopes" in stdout and "Leeds Person: no country" in stderr
    assert "Wyn Welsh: the address does not fit on the A2 (4 3/8 x 5 3/4 in) envelope" in stderr
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            assert all(0 <= c["x0"] and c["x1"] <= page.width for c in page.chars)
        assert LONG_STREET.replace(" ", "") in pdf.pages[1].extract_text().replace("\n", "").replace(" ", "")


def test_when_nobody_fits_the_command_fails_with_the_reasons(tmp_path: Path, awkward: Path, cli) -> None:
    out = tmp_path / "none.pdf"
    status, _, stderr = cli(awkward, "labels", "--contact", "3", "4", "--out", str(out))
    assert status == 1 and "no contact to print: every one was skipped" in stderr
    assert "Wyn Welsh: the address does not fit" in stderr and "Leeds Person: no country" in stderr
    assert not out.exists()


def test_a_broken_user_stock_file_is_one_warning_and_labels_still_print(
        tmp_path: Path, db: Path, cli) -> None:
    stock_dir = Path(os.environ["CARD_STUDIO_HOME"]) / "stock"
    stock_dir.mkdir(parents=True)
    (stock_dir / "labels.toml").write_text("[[label]]\nid = 'x'\nnx = 3\n", encoding="utf-8")
    (stock_dir / "envelopes.toml").write_text("[[envelope]\n", encoding="utf-8")
    out = tmp_path / "labels.pdf"
    status, _stdout, stderr = cli(db, "labels", "--all", "--stock", "avery-5160", "--out", str(out))
    assert status == 0
    warnings = [line for line in stderr.splitlines() if line.startswith("studio: warning:")]
    assert warnings == [
        f"studio: warning: {stock_dir / 'labels.toml'}:1: label 'x' has no 'paper'; "
        "this stock file is skipped",
        f"studio: warning: {stock_dir / 'envelopes.toml'}:1: is not valid TOML (Expected ']]' at the end of "
        "an array declaration); this stock file is skipped"]
    assert "Priya Raman" in "".join(_page_texts(out))
    status, stdout, stderr = cli(db, "stocks", "--json")
    assert status == 0 and "avery-5160" in stdout and stderr.count("studio: warning:") == 2
