"""`studio mailing`, `studio history`, `studio demo` as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pypdf

from studio.cli import main

CHRISTMAS = ["mailing", "--occasion", "christmas", "--year", "2026", "--template", "holiday-snow",
             "--today", "2026-11-20"]


def test_the_issue_command_prints_the_new_mailing_id(db: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "xmas"
    status, stdout, stderr = cli(db, *CHRISTMAS, "--tag", "customer", "--envelopes", "a7",
                                 "--out", str(out))
    assert status == 0, stderr
    assert stdout.strip() == "1"
    assert "Mailing 1: 21 cards for Christmas 2026" in stderr
    assert "skipped" in stderr and "Noah Anderson: no postal address" in stderr
    assert "Daniel Cohen: tagged hanukkah: gets a Hanukkah card, not a Christmas one" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["cards.pdf", "envelopes.pdf", "mailing.csv"]
    envelope = pypdf.PdfReader(out / "envelopes.pdf").pages[0]
    size_mm = [round(float(side) / 72 * 25.4) for side in (envelope.mediabox.width, envelope.mediabox.height)]
    assert size_mm == [184, 133]  # an A7 envelope, 7¼ by 5¼ inches, printed landscape

    status, stdout, stderr = cli(db, *CHRISTMAS, "--tag", "customer", "--labels", "avery-5160",
                                 "--start", "4", "--out", str(tmp_path / "again"))
    assert status == 1
    assert "nobody to mail" in stderr and "already in mailing 1" in stderr
    assert not (tmp_path / "again").exists()

    status, stdout, stderr = cli(db, *CHRISTMAS, "--tag", "vip", "--labels", "avery-5160",
                                 "--start", "4", "--force", "--out", str(tmp_path / "vip"))
    assert (status, stdout.strip()) == (0, "2")
    with open(tmp_path / "vip" / "mailing.csv", encoding="utf-8-sig", newline="") as stream:
        names = [row["name"] for row in csv.DictReader(stream)]
    labels = pypdf.PdfReader(tmp_path / "vip" / "labels.pdf").pages[0].extract_text().casefold()
    assert [labels.index(n.casefold()) for n in names] == sorted(labels.index(n.casefold()) for n in names)


def test_a_template_for_another_occasion_is_refused_in_one_sentence(db: Path, tmp_path: Path, cli) -> None:
    birthday = ["mailing", "--template", "birthday-balloons", "--occasion", "christmas", "--tag", "team"]
    status, stdout, stderr = cli(db, *birthday, "--out", str(tmp_path / "no"))
    assert status == 1 and "Traceback" not in stderr
    assert stderr.strip() == ("studio: the template birthday-balloons (Happy birthday) is made for birthday, "
                              "not for Christmas (christmas); choose a template for this occasion, or insist "
                              "with --any-template")
    assert not (tmp_path / "no").exists()
    assert cli(db, *birthday, "--dry-run")[0] == 1
    status, stdout, _ = cli(db, *birthday, "--any-template", "--out", str(tmp_path / "yes"))
    assert status == 0 and (tmp_path / "yes" / "cards.pdf").exists()
    status, _, stderr = cli(db, "mailing", "--template", "holiday-snow", "--envelopes", "a2", "--tag", "team",
                            "--occasion", "christmas", "--out", str(tmp_path / "a2"))
    assert status == 1 and "do not fit a2 envelopes" in stderr and not (tmp_path / "a2").exists()


def test_dry_run_writes_nothing(db: Path, tmp_path: Path, cli) -> None:
    status, stdout, _ = cli(db, *CHRISTMAS, "--all", "--dry-run", "--out", str(tmp_path / "x"))
    assert status == 0
    assert "Dry run: Christmas 2026 with holiday-snow: 26 cards, 6 skipped. Nothing was written." in stdout
    assert "Post by: 2026-12-14" in stdout
    # No --envelopes: the settings' A2 envelopes are too small for holiday-snow's 5×7 in cards: A7 ones.
    assert "Prints: cards, A7 envelopes." in stdout
    assert "Kevin Patel: no postal address" in stdout
    assert not (tmp_path / "x").exists()
    plan = json.loads(cli(db, *CHRISTMAS, "--tag", "team", "--dry-run", "--json")[1])
    assert plan["dry_run"] is True and plan["mail_by"] == "2026-12-14"
    assert [r["contact_name"] for r in plan["recipients"]] == ["Grace Kim", "Hiroshi Sato"]
    assert {s["contact_name"]: s["reason"] for s in plan["skipped"]} == {
        "Kevin Patel": "no postal address", "Aisha Bello": "no postal address"}
    assert json.loads(cli(db, "history", "--json")[1]) == []


def test_history_mark_sent_and_delete(db: Path, tmp_path: Path, cli) -> None:
    for number, tag in enumerate(("vip", "team"), start=1):
        status, stdout, _ = cli(db, *CHRISTMAS, "--tag", tag, "--out", str(tmp_path / tag))
        assert stdout.strip() == str(number)
    history = json.loads(cli(db, "history", "--json")[1])
    assert [(m["id"], m["cards"], m["sent_at"]) for m in history] == [(2, 2, None), (1, 7, None)]

    status, stdout, _ = cli(db, "history", "--mark-sent", "latest", "--date", "2026-12-12")
    assert (status, stdout.strip()) == (0, "Mailing 2 marked sent on 2026-12-12 (2 cards).")
    status, _, stderr = cli(db, "history", "--delete", "2")
    assert status == 2 and "marked sent on 2026-12-12" in stderr
    status, stdout, _ = cli(db, "history", "--delete", "1")
    assert status == 0 and stdout.startswith("Deleted mailing 1")
    assert [m["id"] for m in json.loads(cli(db, "history", "--json")[1])] == [2]
    assert "christmas 2026" in cli(db, "history")[1]


def test_demo_makes_a_mailing_without_touching_the_users_database(tmp_path: Path, isolated_home: Path,
                                                                  capsys) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--today", "2026-11-20"]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == ["cards.pdf", "envelopes.pdf", "labels.pdf", "mailing.csv"]
    said = capsys.readouterr().out
    assert "Christmas 2026 mailing with the holiday-snow template" in said
    assert not list(isolated_home.rglob("*.sqlite3"))  # the throwaway store was not the user's
    cards = "\n".join(p.extract_text() for p in pypdf.PdfReader(out / "cards.pdf").pages)
    assert "Zoë" in cards and "Merry Christmas" in cards
    # The sample family tagged hanukkah gets no "Merry Christmas", and the demo says why.
    assert "Daniel" not in cards and "Dear Priya" not in cards
    assert "  Daniel Cohen: tagged hanukkah: gets a Hanukkah card, not a Christmas one" in said


BIRTHDAY = ["mailing", "--template", "birthday-balloons", "--envelopes", "a2"]


def test_a_birthday_card_already_made_is_never_next_years_silently(db: Path, tmp_path: Path, cli) -> None:
    status, stdout, stderr = cli(db, *BIRTHDAY, "--days", "20", "--out", str(tmp_path / "b1"),
                                 "--today", "2026-11-20")
    assert (status, stdout.strip()) == (0, "1") and "3 cards for Birthday 2026" in stderr
    michael = "13"
    status, _, stderr = cli(db, *BIRTHDAY, "--occasion", "birthday", "--contact", michael,
                            "--out", str(tmp_path / "b4"), "--today", "2026-11-20")
    assert status == 1 and not (tmp_path / "b4").exists()
    assert stderr.strip() == ("studio: nobody to mail for Birthday (Michael Chen: already in mailing 1 "
                              "(birthday/2026)); --force mails those already in a mailing again")

    # The mailing by date lists them as skipped, and --force brings them back.
    status, stdout, _ = cli(db, *BIRTHDAY, "--days", "20", "--dry-run", "--today", "2026-11-20")
    assert "Birthday 2026 with birthday-balloons: 0 cards, 3 skipped" in stdout
    assert "Warning: 3 contacts are already in an earlier mailing of Birthday 2026" in stdout
    assert "#13    Michael Chen: already in mailing 1 (birthday/2026)" in stdout
    status, stdout, _ = cli(db, *BIRTHDAY, "--days", "20", "--dry-run", "--force", "--today", "2026-11-20")
    assert "3 cards, 0 skipped" in stdout and "Michael Chen (43): 2026-11-29" in stdout

    # Next year he is due again.
    status, stdout, _ = cli(db, *BIRTHDAY, "--days", "30", "--dry-run", "--today", "2027-11-05")
    assert "Michael Chen (44): 2027-11-29" in stdout


def test_mark_sent_twice_keeps_the_first_date_and_the_mailing_is_dated_today(db: Path, tmp_path: Path,
                                                                             cli) -> None:
    assert cli(db, *CHRISTMAS, "--tag", "vip", "--out", str(tmp_path / "vip"))[0] == 0
    [made] = json.loads(cli(db, "history", "--json")[1])
    assert made["created_at"].startswith("2026-11-20T")  # the mailing's --today
    assert cli(db, "history", "--mark-sent", "latest", "--today", "2026-12-02")[1].strip() == (
        "Mailing 1 marked sent on 2026-12-02 (7 cards).")
    status, stdout, _ = cli(db, "history", "--mark-sent", "latest", "--date", "2026-12-09")
    assert (status, stdout.strip()) == (
        0, "Mailing 1 was already marked sent on 2026-12-02; that date was kept.")
    assert json.loads(cli(db, "history", "--json")[1])[0]["sent_at"] == "2026-12-02"


def test_a_typo_in_the_occasion_is_refused_with_a_suggestion(db: Path, tmp_path: Path, cli) -> None:
    status, _, stderr = cli(db, "mailing", "--template", "holiday-snow", "--occasion", "xmas",
                            "--tag", "customer", "--out", str(tmp_path / "x"), "--today", "2026-11-20")
    assert status == 2 and not (tmp_path / "x").exists()
    assert stderr.startswith("studio: 'xmas' is not an occasion Card Studio knows; did you mean christmas?")


def test_presorted_cards_match_their_envelopes(db: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "presorted"
    status, _, stderr = cli(db, *CHRISTMAS, "--tag", "customer", "--envelopes", "a7", "--order", "postal",
                            "--out", str(out))
    assert status == 0, stderr
    with open(out / "mailing.csv", encoding="utf-8-sig", newline="") as stream:
        names = [row["name"] for row in csv.DictReader(stream)]
    envelopes = [page.extract_text().casefold() for page in pypdf.PdfReader(out / "envelopes.pdf").pages]
    assert all(name.casefold() in page for name, page in zip(names, envelopes, strict=True))

    # `studio render` and `studio envelopes` with the same --order stack up the same way.
    cards, sleeves = tmp_path / "cards.pdf", tmp_path / "envelopes.pdf"
    for command in (["render", "holiday-snow", "--out", str(cards), "--today", "2026-11-20"],
                    ["envelopes", "--size", "a7", "--out", str(sleeves)]):
        status, _, stderr = cli(db, *command, "--tag", "customer", "--order", "postal")
        assert status == 0, stderr
    # Those two also address the customers the Christmas mailing skips (tagged hanukkah, diwali).
    found = [next((n for n in names if n.casefold() in page.extract_text().casefold()), None)
             for page in pypdf.PdfReader(sleeves).pages]
    assert [n for n in found if n is not None] == names and found.count(None) == 2
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(cards).pages)
    people = {c["display_name"]: c for c in json.loads(cli(db, "contacts", "--json")[1])}
    positions = [text.index(f"Dear {people[name]['given_name'] or name}") for name in names]
    assert positions == sorted(positions)


def test_a_folder_that_cannot_be_written_is_named_in_one_sentence(db: Path, cli) -> None:
    # /proc takes no new entries, not even from root (a chmod'ed folder would not stop root).
    out = Path("/proc") / "card-studio-mailing"
    status, stdout, stderr = cli(db, *CHRISTMAS, "--tag", "customer", "--out", str(out))
    assert status == 1
    assert stderr.strip().splitlines()[-1].startswith("studio: cannot write the mailing into /proc: ")
    assert "choose another folder (--out)" in stderr and "something went wrong" not in stderr
    assert json.loads(cli(db, "history", "--json")[1]) == []
