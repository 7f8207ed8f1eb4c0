"""Intelligent Mail barcodes that USPS accepts: a service type that needs no endorsement, a
serial number of the piece's own (never reused), and the code kept in the mailing history."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
from reportlab.graphics.barcode.usps4s import USPS_4State

from studio.model import Address, Contact, Sender
from studio.store import open_store

US_PEOPLE = [
    ("Priya", "Raman", Address("23 Oak Tree Road", "Edison", "NJ", "08817", "USA"), ["customer"]),
    ("Grace", "Kim", Address("4216 Fremont Avenue North", "Seattle", "WA", "98103-1351", "US"), ["customer"]),
    ("Hans", "Müller", Address("Marienplatz 8", "München", "", "80331", "DE"), ["customer"]),
]


def _store(path: Path, mailer_id: str = "123456") -> Path:
    with open_store(path) as store, store.transaction():
        for given, family, address, tags in US_PEOPLE:
            store.contacts.add(Contact(given_name=given, family_name=family, addresses=[address], tags=tags))
        settings = store.settings.load()
        settings.home_country = "US"
        settings.sender = Sender(name="Dana Whitfield", address=Address("42 Elm Street", "Springfield", "IL",
                                                                        "62704"), mailer_id=mailer_id)
        store.settings.save(settings)
    return path


def _printed_bars(pdf_path: Path) -> list[str]:
    """Each page's barcode read back from the PDF's bars as USPS letters (F, A, D, T)."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            bars = sorted((r for r in page.rects if r["width"] < 2), key=lambda r: r["x0"])
            if not bars:
                pages.append("")
                continue
            top, bottom = min(r["top"] for r in bars), max(r["bottom"] for r in bars)
            slack = (bottom - top) / 8
            letters = []
            for bar in bars:
                up, down = bar["top"] <= top + slack, bar["bottom"] >= bottom - slack
                letters.append("F" if up and down else "A" if up else "D" if down else "T")
            pages.append("".join(letters))
    return pages


def _decode(bars: str, routing: str) -> str | None:
    """The tracking code (service 310, mailer 123456) whose barcode is ``bars``, found by its serial."""
    for serial in range(1, 50):
        tracking = f"00310123456{serial:09d}"
        if USPS_4State(tracking, routing).barcodes == bars:
            return tracking
    return None


def test_each_envelope_gets_a_serial_of_its_own_with_service_type_310(tmp_path: Path, cli) -> None:
    db = _store(tmp_path / "imb.sqlite3")
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert cli(db, "envelopes", "--all", "--size", "no10", "--out", str(first))[0] == 0
    assert cli(db, "envelopes", "--all", "--size", "no10", "--out", str(second))[0] == 0
    # Pages by name: Kim (98103-1351), Müller (DE, no barcode), Raman (08817).
    codes = []
    for pdf in (first, second):
        kim, mueller, raman = _printed_bars(pdf)
        assert mueller == ""
        codes += [_decode(kim, "981031351"), _decode(raman, "08817")]
    assert None not in codes
    assert all(code[2:5] == "310" for code in codes)  # First-Class, tracked, no endorsement needed
    assert len(set(codes)) == 4  # the second run never repeats a serial of the first


def test_a_mailing_keeps_each_cards_tracking_code_in_history(tmp_path: Path, cli) -> None:
    db = _store(tmp_path / "imb.sqlite3")
    out = tmp_path / "thanks"
    status, _, err = cli(db, "mailing", "--occasion", "christmas", "--tag", "customer", "--template",
                         "holiday-snow", "--envelopes", "a7", "--out", str(out))
    assert status == 0, err
    status, text, _ = cli(db, "history", "--json")
    items = {i["contact_name"]: i for i in json.loads(text)[0]["items"]}
    assert items["Hans Müller"]["imb"] is None  # abroad: no Intelligent Mail barcode
    codes = {name: items[name]["imb"] for name in ("Grace Kim", "Priya Raman")}
    assert all(len(code) == 20 and code.startswith("00310123456") for code in codes.values())
    assert len(set(codes.values())) == 2
    pages = _printed_bars(out / "envelopes.pdf")
    routings = ("981031351", "80331", "08817")  # Kim, Müller, Raman
    printed = {_decode(bars, routing) for bars, routing in zip(pages, routings, strict=True) if bars}
    assert printed == set(codes.values())  # history says what the envelopes carry


def test_the_service_type_is_a_setting_and_an_endorsement_type_is_refused(tmp_path: Path, cli) -> None:
    db = _store(tmp_path / "imb.sqlite3")
    status, _, err = cli(db, "settings", "--set", "sender.imb_service=700")
    assert status != 0
    assert "'700' is not a service type Card Studio prints" in err and "310" in err
    assert "Traceback" not in err
    assert cli(db, "settings", "--set", "sender.imb_service=300")[0] == 0
    out = tmp_path / "untracked.pdf"
    assert cli(db, "envelopes", "--all", "--size", "no10", "--out", str(out))[0] == 0
    kim = _printed_bars(out)[0]
    assert any(USPS_4State(f"00300123456{n:09d}", "981031351").barcodes == kim for n in range(1, 10))
    with open_store(db) as store:
        assert store.settings.load().sender.imb_service == "300"
