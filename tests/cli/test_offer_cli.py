"""The call to action as a user sets it up: a QR code that scans to their link, an offer that
runs from the posting day, and a warning when the card would go out without its code."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf

from studio.store import open_store
from tests.render.pdfcheck import qr_texts

LINK = "offer.url=https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}"
OFFER = "offer.text=10% off your next order until {{ offer.expires }}"
TODAY = "2026-12-07"


def text(pdf: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(pdf).pages)


def test_without_a_link_the_card_prints_with_a_warning_and_no_code(db: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "cards.pdf"
    status, _, err = cli(db, "render", "thank-you-order", "--contact", "4", "--out", str(out),
                         "--today", TODAY)
    assert status == 0, err
    assert "warning: no offer link is set" in err and "without their QR code" in err
    assert qr_texts(out, page=0) == [] and "Scan" not in text(out)


def test_each_card_scans_to_the_link_with_its_contacts_id(db: Path, tmp_path: Path, cli) -> None:
    assert cli(db, "settings", "--set", LINK, "--set", "sender.ref=maya-42", "--set", OFFER)[0] == 0
    out = tmp_path / "cards.pdf"
    status, _, err = cli(db, "render", "thank-you-order", "--contact", "4", "--contact", "7",
                         "--out", str(out), "--today", TODAY)
    assert status == 0 and "offer link" not in err, err
    # Both cards are on one Letter sheet; their backs, with the code, are on the outside page.
    assert qr_texts(out, page=0, dpi=250) == ["https://shop.example/?ref=maya-42&c=4",
                                             "https://shop.example/?ref=maya-42&c=7"]
    assert text(out).count("10% off your next order until January 6, 2027") == 2  # 30 days on


def test_a_mailing_reckons_the_offer_from_its_posting_day(db: Path, tmp_path: Path, cli) -> None:
    assert cli(db, "settings", "--set", LINK, "--set", OFFER, "--set", "offer.days=14")[0] == 0
    assert cli(db, "log", "4", "order", "--date", "2026-12-06", "--today", TODAY)[0] == 0
    out = tmp_path / "thanks"
    status, _, err = cli(db, "mailing", "--occasion", "thank-you", "--template", "thank-you-order",
                         "--contact", "4", "--today", TODAY, "--post-on", "2026-12-20", "--out", str(out))
    assert status == 0, err
    assert "10% off your next order until January 3, 2027" in text(out / "cards.pdf")
    assert qr_texts(out / "cards.pdf", page=0) == ["https://shop.example/?ref=&c=4"]


def test_the_dry_run_warns_when_the_codes_would_be_left_out(db: Path, cli) -> None:
    assert cli(db, "log", "4", "order", "--date", "2026-12-06", "--today", TODAY)[0] == 0
    dry = ["mailing", "--occasion", "thank-you", "--template", "thank-you-order", "--contact", "4",
           "--today", TODAY, "--dry-run", "--json"]
    status, out, _ = cli(db, *dry)
    assert status == 0 and any("no offer link is set" in w for w in json.loads(out)["warnings"])
    assert cli(db, "settings", "--set", LINK)[0] == 0
    status, out, _ = cli(db, *dry)
    assert not any("offer link" in w for w in json.loads(out)["warnings"])


def test_a_stored_link_that_no_longer_fills_stops_render_and_mailing_naming_the_setting(
        db: Path, tmp_path: Path, cli) -> None:
    # An older version, or a hand-edited store, may hold a link the settings check would refuse.
    with open_store(db) as store, store.transaction():
        settings = store.settings.load()
        settings.offer.url = "shop.example/?c={{ contact.id }}"
        store.settings.save(settings)
    status, _, err = cli(db, "render", "thank-you-order", "--contact", "4", "--out", str(tmp_path / "c.pdf"),
                         "--today", TODAY)
    assert status == 1 and "Traceback" not in err and not (tmp_path / "c.pdf").exists()
    assert "setting offer.url" in err and "not a web address" in err
    status, _, err = cli(db, "mailing", "--occasion", "thank-you", "--template", "thank-you-order",
                         "--contact", "4", "--today", TODAY, "--dry-run")
    assert status == 1 and "setting offer.url" in err and "Traceback" not in err


def test_a_link_that_names_the_referral_code_warns_while_none_is_set(db: Path, tmp_path: Path, cli) -> None:
    assert cli(db, "settings", "--set", LINK)[0] == 0
    out = tmp_path / "cards.pdf"
    render = ["render", "thank-you-order", "--contact", "4", "--out", str(out), "--today", TODAY]
    status, _, err = cli(db, *render)
    assert status == 0 and "warning: your referral code is not set" in err
    assert qr_texts(out, page=0) == ["https://shop.example/?ref=&c=4"]
    assert cli(db, "settings", "--set", "sender.ref=maya42")[0] == 0
    status, _, err = cli(db, *render)
    assert status == 0 and "referral code" not in err
