"""`studio log` records every kind of touch, `studio touches` lists them, `studio rhythm` sets
how often, and `studio today` says who is due for a touch and whose birthday to call."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main

TODAY = "2026-12-07"


def _json(cli, db: Path, *args: str):  # noqa: ANN001, ANN202
    status, out, err = cli(db, *args, "--json")
    assert status == 0, err
    return json.loads(out)


def test_calls_messages_and_orders_are_touches_and_cards_count_once_posted(db: Path, tmp_path: Path,
                                                                            cli) -> None:
    status, out, _ = cli(db, "log", "4", "call", "--date", "2026-11-10", "--note", "new catalogue",
                         "--today", TODAY)
    assert status == 0 and out.strip() == "Recorded call of Robert Johnson (#4) on 2026-11-10."
    status, out, _ = cli(db, "log", "4", "order", "--date", "2026-11-12", "--amount", "42.50",
                         "--today", TODAY)
    assert "A thank-you card is due by 2026-11-14." in out
    assert cli(db, "mailing", "--template", "holiday-snow", "--occasion", "christmas", "--year", "2026",
               "--contact", "4", "--today", "2026-11-20", "--out", str(tmp_path / "x"))[0] == 0
    assert [t["kind"] for t in _json(cli, db, "touches", "4")] == ["order", "call"]  # printed is not posted
    assert cli(db, "history", "--mark-sent", "1", "--date", "2026-11-21")[0] == 0
    touches = _json(cli, db, "touches", "Robert")
    assert touches == [
        {"date": "2026-11-21", "kind": "card", "note": "Christmas card (holiday-snow)", "amount": None,
         "source": "mailing:1"},
        {"date": "2026-11-12", "kind": "order", "note": "", "amount": 42.5, "source": "manual"},
        {"date": "2026-11-10", "kind": "call", "note": "new catalogue", "amount": None, "source": "manual"}]
    due = [i for i in _json(cli, db, "today", "--today", "2026-11-14")["due"] if i["kind"] == "thank-you"]
    assert [i["date"] for i in due] == ["2026-11-12"]  # the order's thank-you, not the call's


def test_rhythms_decide_who_is_due_for_a_touch(db: Path, cli) -> None:
    status, out, _ = cli(db, "rhythm", "--tag", "vip", "--days", "30")
    assert (status, out.strip()) == (0, "Everyone tagged vip: a touch every 30 days.")
    assert cli(db, "rhythm", "--contact", "4", "--days", "21")[0] == 0
    assert cli(db, "log", "4", "call", "--date", "2026-11-10", "--today", TODAY)[0] == 0
    assert cli(db, "log", "13", "message", "--date", "2026-11-20", "--today", TODAY)[0] == 0
    report = _json(cli, db, "today", "--today", TODAY)
    assert {"due", "not_thanked", "not_thanked_days", "unposted", "due_touch", "calls"} <= set(report)
    due = {d["contact_id"]: d for d in report["due_touch"]}
    assert due[4] == {"contact_id": 4, "contact_name": "Robert Johnson", "last_touch": "2026-11-10",
                      "last_kind": "call", "rhythm_days": 21, "days_overdue": 6}
    assert 13 not in due  # Michael's message on 20 Nov keeps him within his 30 days
    overdue = [d["days_overdue"] for d in report["due_touch"] if d["days_overdue"] is not None]
    assert overdue == sorted(overdue, reverse=True)
    listing = _json(cli, db, "rhythm")
    assert listing["tags"] == {"customer": 90, "vip": 30}
    assert listing["contacts"] == [{"contact_id": 4, "contact_name": "Robert Johnson", "days": 21}]
    status, out, _ = cli(db, "today", "--today", TODAY)
    assert "Robert Johnson: last call 2026-11-10 (every 21 days, 6 days overdue)" in out
    assert cli(db, "rhythm", "--contact", "4", "--days", "0")[0] == 0
    assert _json(cli, db, "rhythm")["contacts"] == []
    due = {d["contact_id"] for d in _json(cli, db, "today", "--today", TODAY)["due_touch"]}
    assert 4 not in due  # back on the vip rhythm: 27 days since the call is within 30


def test_the_birthday_call_list(db: Path, cli) -> None:
    report = _json(cli, db, "today", "--today", "2026-12-23")
    calls = report["calls"]
    assert calls and all(c["date"] in ("2026-12-23", "2026-12-24") for c in calls)
    assert set(calls[0]) == {"contact_id", "contact_name", "date", "phones", "years"}
    assert [c["date"] for c in calls] == sorted(c["date"] for c in calls)


@pytest.mark.parametrize(("args", "message"), [
    (["log", "4", "nap"], "invalid choice: 'nap'"),
    (["log", "4", "order", "--amount", "-5"], "an amount is a sum of money"),
    (["rhythm", "--days", "30"], "say whose rhythm: --tag TAG or --contact CONTACT"),
    (["rhythm", "--tag", "vip"], "say how often with --days N"),
    (["rhythm", "--tag", "vip", "--days", "99999"], "out of range"),
    (["touches", "nobody-by-this-name"], "no contact matches 'nobody-by-this-name'"),
])
def test_mistakes_are_one_clear_line(db: Path, capsys, args: list[str], message: str) -> None:
    try:
        status = main(["--db", str(db), *args])
    except SystemExit as exit_:  # argparse's own refusals
        status = exit_.code
    err = capsys.readouterr().err
    assert status == 2 and message in err and "Traceback" not in err
