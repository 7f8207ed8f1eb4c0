"""`studio occasions`, `studio today`, `studio log` as a user runs them, on the sample contacts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import vobject

from studio.cli import main

ITEM_KEYS = {"date", "mail_by", "kind", "name", "contact_id", "contact_name", "years"}


def run_json(capsys, db: Path, *args: str):
    capsys.readouterr()
    assert main(["--db", str(db), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_occasions_json_with_a_birthday_without_year(db: Path, capsys) -> None:
    items = run_json(capsys, db, "occasions", "--from", "2026-11-01", "--days", "30")
    assert all(ITEM_KEYS <= set(item) for item in items)
    margaret = next(i for i in items if i["contact_name"] == "Margaret O'Brien" and i["kind"] == "birthday")
    assert (margaret["date"], margaret["years"], margaret["mail_by"]) == ("2026-11-30", None, "2026-11-19")
    michael = next(i for i in items if i["contact_name"] == "Michael Chen" and i["kind"] == "birthday")
    assert michael["years"] == 43
    assert [i["mail_by"] for i in items] == sorted(i["mail_by"] for i in items)
    # The next window no longer has her birthday.
    later = run_json(capsys, db, "occasions", "--from", "2026-12-01", "--days", "30")
    assert not [i for i in later if i["contact_name"] == "Margaret O'Brien" and i["kind"] == "birthday"]


def test_occasions_table_and_ics(db: Path, tmp_path: Path, capsys) -> None:
    ics = tmp_path / "reminders.ics"
    status = main(["--db", str(db), "occasions", "--from", "2026-12-15", "--days", "21", "--ics", str(ics)])
    assert status == 0
    out = capsys.readouterr()
    assert "Wrote" in out.err and "MAIL BY" in out.out
    assert "Birthday (56)" in out.out and "Claire Dubois" in out.out
    assert "New Year" in out.out
    calendar = vobject.readOne(ics.read_text(encoding="utf-8"))
    summaries = {e.summary.value for e in calendar.vevent_list}
    assert "Birthday: Lukas Müller (32)" in summaries
    assert "Mail card: Birthday, Lukas Müller" in summaries
    call = next(e for e in calendar.vevent_list if e.summary.value == "Call Lukas Müller")
    assert call.dtstart.value.hour == 10 and "Birthday of Lukas Müller (turns 32)" in call.description.value


def test_log_an_order_then_today_lists_the_thank_you(db: Path, capsys) -> None:
    assert main(["--db", str(db), "log", "Olivia", "order", "--date", "2026-03-02", "--note", "refills"]) == 0
    assert "due by 2026-03-04" in capsys.readouterr().out
    report = run_json(capsys, db, "today", "--today", "2026-03-04")
    assert set(report) >= {"today", "due", "not_thanked", "unposted"}
    thanks = [i for i in report["due"] if i["kind"] == "thank-you"]
    assert [(t["contact_name"], t["date"], t["mail_by"]) for t in thanks] == [
        ("Olivia Davis", "2026-03-02", "2026-03-04")]
    assert "Olivia Davis" in {n["contact_name"] for n in report["not_thanked"]}
    before = run_json(capsys, db, "today", "--today", "2026-03-03")
    assert not [i for i in before["due"] if i["kind"] == "thank-you"]

    assert main(["--db", str(db), "today", "--today", "2026-03-04"]) == 0
    text = capsys.readouterr().out
    assert "To post today (2026-03-04)" in text and "Thank you for your order" in text
    assert "Due for a touch" in text and "Olivia Davis" not in text.split("Due for a touch")[1]  # the order


def test_mistakes_get_one_clear_line(db: Path, capsys) -> None:
    assert main(["--db", str(db), "log", "nobody-by-this-name", "order"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "studio: no contact matches 'nobody-by-this-name'"
    assert main(["--db", str(db), "log", "an", "referral"]) == 2
    assert "give the id or more of the name" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:  # argparse refuses it, as it does any bad option
        main(["--db", str(db), "occasions", "--days", "0"])
    assert exit_.value.code == 2
    assert "argument --days: 0 is out of range: use 1 to 3660 days" in capsys.readouterr().err


def test_log_refuses_an_order_after_today(db: Path, capsys) -> None:
    future = ["log", "Olivia", "order", "--date", "2030-01-01", "--today", "2026-12-01"]
    assert main(["--db", str(db), *future]) == 2
    assert capsys.readouterr().err.strip() == (
        "studio: 2030-01-01 is in the future (today is 2026-12-01); record the order on the day it happened")
    assert main(["--db", str(db), "log", "Olivia", "order", "--today", "2026-12-01"]) == 0
    assert "on 2026-12-01. A thank-you card is due by 2026-12-03" in capsys.readouterr().out


def test_today_after_the_holidays_lists_no_holiday_as_late(db: Path, capsys) -> None:
    before = run_json(capsys, db, "today", "--today", "2026-12-31")
    assert {i["key"] for i in before["due"] if i["kind"] == "holiday"} == {"new-year"}  # tomorrow: late
    after = run_json(capsys, db, "today", "--today", "2027-01-02")
    assert [i for i in after["due"] if i["kind"] == "holiday"] == []
    belated = {(i["contact_name"], i["date"]) for i in after["due"]}
    assert ("Claire Dubois", "2026-12-31") in belated  # a birthday two days ago may still get a card
    assert main(["--db", str(db), "today", "--today", "2027-01-02"]) == 0
    text = capsys.readouterr().out
    assert f"To post today (2027-01-02): {len(after['due'])} cards" in text
    assert "Christmas" not in text and "New Year" not in text
