"""`studio sequences`, the `steps` of `studio today --json`, `studio report` and the weekly
goal settings, run as a user would over the sample contacts."""

from __future__ import annotations

import json
from pathlib import Path

ORDERS = Path(__file__).parent.parent / "orders" / "fixtures" / "back-office-orders.csv"


def _json(cli, db: Path, *args: str):  # noqa: ANN001, ANN202
    status, out, err = cli(db, *args, "--json")
    assert status == 0, err
    return json.loads(out)


def test_an_imported_order_puts_its_thank_you_step_in_today(db: Path, cli) -> None:  # noqa: ANN001
    status, out, _ = cli(db, "import-orders", str(ORDERS), "--today", "2026-12-04")
    assert status == 0 and "follow-up sequences started" in out
    # On 5 December the thank-yous are listed once, as the orders' thank-you cards to post.
    today = _json(cli, db, "today", "--today", "2026-12-05")
    assert today["steps"] == []
    thanked = {i["contact_name"] for i in today["due"] if i["key"] == "thank-you"}
    assert {"Hannah Lee", "Priya Raman"} <= thanked
    # By the 17th Priya's order is too long ago for that list: her thank-you step stands, and the
    # calls are due.
    steps = _json(cli, db, "today", "--today", "2026-12-17")["steps"]
    assert [(s["contact_name"], s["label"], s["due"]) for s in steps] == [
        ("Priya Raman", "thank-you card", "2026-12-03"),
        ("Priya Raman", "call: how do you like it?", "2026-12-16"),
        ("Hannah Lee", "call: how do you like it?", "2026-12-17")]
    assert steps[0] == {"contact_id": 2, "contact_name": "Priya Raman", "sequence": "New customer",
                        "sequence_id": "new-customer", "step": 1, "label": "thank-you card", "kind": "card",
                        "template": "thank-you-order", "due": "2026-12-03", "mail_by": "2026-12-04",
                        "enrolment_id": steps[0]["enrolment_id"]}
    assert steps[1]["mail_by"] is None and steps[1]["template"] is None
    status, out, _ = cli(db, "today", "--today", "2026-12-17")
    assert "Follow-ups due (3); 1 thank-you card is due:" in out
    assert ("Priya Raman: thank-you card (New customer, step 1; due 2026-12-03, 14 days late, "
            "post by 2026-12-04)") in out


def test_enrol_by_hand_do_a_call_step_and_stop(db: Path, cli) -> None:  # noqa: ANN001
    status, out, _ = cli(db, "sequences", "--enroll", "4", "new customer", "--today", "2026-05-01")
    assert (status, out.strip()) == (0, "Enrolled Robert Johnson (#4) in New customer, counting from "
                                        "2026-05-01.")
    assert cli(db, "sequences", "--enroll", "4", "new customer", "--today", "2026-05-01")[0] == 2
    steps = _json(cli, db, "today", "--today", "2026-05-15")["steps"]
    assert [(s["step"], s["kind"], s["due"]) for s in steps] == [(1, "card", "2026-05-02"),
                                                                 (2, "call", "2026-05-15")]
    assert cli(db, "sequences", "--done", "4", "new-customer", "2", "--today", "2026-05-15")[0] == 0
    assert [t["kind"] for t in _json(cli, db, "touches", "4")] == ["call"]
    assert cli(db, "sequences", "--skip", "4", "new-customer", "1", "--today", "2026-05-15")[0] == 0
    assert _json(cli, db, "today", "--today", "2026-05-15")["steps"] == []
    listing = _json(cli, db, "sequences", "--today", "2026-05-15")
    assert [s["id"] for s in listing["sequences"]] == ["new-customer", "reorder"]
    (line,) = listing["enrolments"]
    assert (line["contact_id"], line["status"], line["steps"]) == (
        4, "active", {"1": {"outcome": "skipped", "on": "2026-05-15"},
                      "2": {"outcome": "done", "on": "2026-05-15"}})
    status, out, _ = cli(db, "sequences", "--stop", "Robert", "new customer", "--today", "2026-05-16")
    assert status == 0 and out.startswith("Stopped New customer for Robert Johnson")
    assert _json(cli, db, "sequences")["enrolments"][0]["status"] == "stopped"


def test_a_bad_sequence_file_is_one_clear_line(db: Path, cli, isolated_home: Path) -> None:  # noqa: ANN001
    folder = isolated_home / "sequences"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('[trigger]\non = "order"\n[[steps]]\nafter_days = 3\nkind = "fax"\n',
                                      encoding="utf-8")
    status, _, err = cli(db, "sequences")
    assert status == 1
    assert err.strip() == (f"studio: {folder / 'mine.toml'}, line 5: kind = 'fax' is not a step; use one of "
                           "card, call, message")
    assert "Traceback" not in err


def test_the_report_and_its_goal_settings(db: Path, cli) -> None:  # noqa: ANN001
    assert cli(db, "settings", "--set", "weekly_goal.cards=3", "--set", "weekly_goal.calls=2")[0] == 0
    assert cli(db, "settings", "--set", "weekly_goal.calls=-1")[0] == 2
    cli(db, "log", "4", "call", "--date", "2026-06-29", "--today", "2026-06-30")
    data = _json(cli, db, "report", "--today", "2026-06-30")
    assert set(data) == {"today", "goal", "this_week", "streak_weeks", "weeks", "reorders", "cards"}
    assert data["goal"] == {"cards": 3, "calls": 2}
    assert data["this_week"] == {"week": "2026-06-29", "cards": 0, "calls": 1, "met": False}
    assert data["reorders"]["comparable"] is False and data["reorders"]["with_card"]["share"] is None
    status, out, _ = cli(db, "report", "--today", "2026-06-30")
    assert status == 0
    assert "This week: 0 of 3 cards posted and 1 of 2 calls made (to go)." in out
    assert "Too few customers to compare yet" in out


def test_today_leaves_a_bad_sequence_out_and_says_so(db: Path, cli,  # noqa: ANN001
                                                     isolated_home: Path) -> None:
    folder = isolated_home / "sequences"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text("[trigger\n", encoding="utf-8")
    assert cli(db, "sequences", "--enroll", "4", "new customer", "--today", "2026-05-01")[0] == 1
    status, out, err = cli(db, "today", "--today", "2026-05-15", "--json")
    assert status == 0
    data = json.loads(out)
    assert len(data["sequence_problems"]) == 1 and "mine.toml" in data["sequence_problems"][0]
    assert f"studio: warning: sequence left out: {folder / 'mine.toml'}: not valid TOML" in err
