"""A message written for each person: `studio messages` writes the sheet, `--messages`
puts each message on its person's card, and the history keeps them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pypdf

CHRISTMAS = ["--template", "holiday-snow", "--occasion", "christmas", "--year", "2026",
             "--today", "2026-11-20"]


def _fill(sheet: Path, messages: dict[str, str]) -> list[dict[str, str]]:
    """Fill the message column as a user would in a spreadsheet; returns the rows."""
    with open(sheet, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        row["message"] = messages.get(row["name"], "")
    with open(sheet, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def _inside_pages(pdf: Path) -> dict[str, str]:
    """Each card's inside text by the name its greeting starts with ("Dear Zoë & Henrik")."""
    pages = {}
    for page in pypdf.PdfReader(pdf).pages:
        text = page.extract_text()
        for line in text.splitlines():
            if line.startswith("Dear "):
                pages[line.removeprefix("Dear ").split(" ")[0].rstrip(",")] = " ".join(text.split())
    return pages


def test_the_sheet_lists_the_mailings_recipients_with_what_the_user_knows(db: Path, tmp_path: Path,
                                                                         cli) -> None:
    assert cli(db, "log", "1", "order", "--date", "2026-11-02", "--note", "lavender body butter")[0] == 0
    sheet = tmp_path / "messages.csv"
    status, stdout, stderr = cli(db, "messages", *CHRISTMAS, "--tag", "vip", "--out", str(sheet))
    assert status == 0, stderr
    assert f"Wrote 7 rows to {sheet}: fill in the message column" in stdout
    status, plan, _ = cli(db, "mailing", *CHRISTMAS, "--tag", "vip", "--dry-run", "--json")
    with open(sheet, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [int(r["contact_id"]) for r in rows] == [r["contact_id"] for r in json.loads(plan)["recipients"]]
    zoe = next(r for r in rows if r["contact_id"] == "1")
    assert (zoe["name"], zoe["occasion"], zoe["date"]) == ("Zoë Ångström-Núñez", "Christmas", "2026-12-25")
    assert zoe["spouse"] == "Henrik" and "lavender body butter" in zoe["notes"]
    assert (zoe["last_order"], zoe["last_order_date"]) == ("lavender body butter", "2026-11-02")
    assert zoe["last_card"] == "" and zoe["message"] == ""


def test_each_message_reaches_its_own_card_and_the_history_keeps_it(db: Path, tmp_path: Path, cli) -> None:
    sheet = tmp_path / "messages.csv"
    assert cli(db, "messages", *CHRISTMAS, "--tag", "vip", "--out", str(sheet))[0] == 0
    written = {"Zoë Ångström-Núñez": "Enjoy the lavender, and a citrus-free Christmas to Henrik!",
               "Robert Johnson": "Robert and Linda, thank you for a wonderful year.",
               "Michael Chen": "Michael, see you at the January kick-off!"}
    _fill(sheet, written)
    out = tmp_path / "xmas"
    status, stdout, stderr = cli(db, "mailing", *CHRISTMAS, "--tag", "vip", "--messages", str(sheet),
                                 "--out", str(out))
    assert status == 0, stderr
    assert "same message" not in stderr
    inside = _inside_pages(out / "cards.pdf")
    assert "citrus-free Christmas to Henrik" in inside["Zoë"]
    assert "thank you for a wonderful year" in inside["Robert"] and "January" not in inside["Robert"]
    assert "January kick-off" in inside["Michael"]
    assert not any("lavender" in text for name, text in inside.items() if name != "Zoë")

    status, history, _ = cli(db, "history", "--json")
    items = {i["contact_name"]: i["message"] for i in json.loads(history)[0]["items"]}
    assert {name: items[name] for name in written} == written
    assert items["Margaret O'Brien"] is None  # no message written: the template's own words

    again = tmp_path / "again.csv"
    assert cli(db, "messages", *CHRISTMAS, "--contact", "1", "--force", "--out", str(again))[0] == 0
    with open(again, encoding="utf-8-sig", newline="") as stream:
        (zoe,) = csv.DictReader(stream)
    assert zoe["last_card"] == "Christmas 2026 (holiday-snow)" and zoe["last_card_date"] == "2026-11-20"
    assert zoe["last_message"] == written["Zoë Ångström-Núñez"]


def test_shared_and_repeated_messages_are_warned_before_printing(db: Path, tmp_path: Path, cli) -> None:
    sheet = tmp_path / "messages.csv"
    assert cli(db, "messages", *CHRISTMAS, "--tag", "vip", "--out", str(sheet))[0] == 0
    _fill(sheet, {"Michael Chen": "Thank you for a great year!",
                  "Camille Laurent": "thank you for a great year"})
    status, stdout, _ = cli(db, "mailing", *CHRISTMAS, "--tag", "vip", "--messages", str(sheet), "--dry-run")
    assert status == 0
    assert ("Warning: Michael Chen and Camille Laurent would get the same message: "
            "“Thank you for a great year!”") in stdout
    assert cli(db, "mailing", *CHRISTMAS, "--tag", "vip", "--messages", str(sheet),
               "--out", str(tmp_path / "one"))[0] == 0

    status, stdout, _ = cli(db, "mailing", *CHRISTMAS, "--contact", "13", "--force", "--messages", str(sheet),
                            "--dry-run", "--json")
    warnings = json.loads(stdout)["warnings"]
    assert "Michael Chen got this message last time: “Thank you for a great year!”" in warnings
    assert "Camille Laurent has a message on the sheet but is not among the recipients" in warnings


def test_render_takes_the_sheet_too(db: Path, tmp_path: Path, cli) -> None:
    sheet = tmp_path / "messages.csv"
    sheet.write_text("contact_id,message\n1,Happy birthday from the whole team!\n", encoding="utf-8")
    out = tmp_path / "cards.pdf"
    status, _, stderr = cli(db, "render", "birthday-balloons", "--contact", "1", "4",
                            "--messages", str(sheet), "--out", str(out), "--today", "2026-11-20")
    assert status == 0, stderr
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).split())
    assert text.count("Happy birthday from the whole team!") == 1


def test_a_bad_sheet_stops_before_anything_is_made(db: Path, tmp_path: Path, cli) -> None:
    sheet = tmp_path / "messages.csv"
    sheet.write_text("contact_id,message\n1,Hello\n9999,Who?\n", encoding="utf-8")
    out = tmp_path / "xmas"
    status, _, stderr = cli(db, "mailing", *CHRISTMAS, "--tag", "vip", "--messages", str(sheet),
                            "--out", str(out))
    assert status == 1 and "Traceback" not in stderr
    assert f"{sheet}, line 3: there is no contact 9999 in the address book" in stderr
    assert not out.exists()
    status, _, stderr = cli(db, "messages", *CHRISTMAS, "--tag", "nobody-has-this", "--out", str(sheet))
    assert status != 0 and "Traceback" not in stderr and "nobody-has-this" in stderr
