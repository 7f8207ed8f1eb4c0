"""The arguments commands share: the same flags, names and rules in every command."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.cli import build_parser
from studio.cli.options import today_of

# Each command that chooses contacts, with the arguments it needs besides the selection.
SELECTING = {
    "render": ["holiday-snow", "--out", "x.pdf"],
    "envelopes": ["--out", "x.pdf"],
    "labels": ["--out", "x.pdf"],
    "mailing": ["--template", "holiday-snow"],
}
DATED = {
    "render": ["holiday-snow", "--all", "--out", "x.pdf"],
    "preview": ["holiday-snow", "--out", "x.png"],
    "mailing": ["--template", "holiday-snow"],
    "demo": ["--out", "x"],
    "occasions": [],
    "today": [],
    "log": ["1", "order"],
    "history": [],
}


@pytest.mark.parametrize("command", SELECTING)
def test_every_command_chooses_contacts_the_same_way(command: str) -> None:
    parser = build_parser()
    rest = SELECTING[command]
    args = parser.parse_args([command, *rest, "--contact", "3", "1", "--contact", "2"])
    assert (args.contacts, args.tag, args.everyone) == ([3, 1, 2], None, False)
    args = parser.parse_args([command, *rest, "--tag", "customer"])
    assert (args.contacts, args.tag, args.everyone) == ([], "customer", False)
    args = parser.parse_args([command, *rest, "--all"])
    assert (args.contacts, args.tag, args.everyone) == ([], None, True)


@pytest.mark.parametrize("command", SELECTING)
def test_one_selection_at_a_time(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([command, *SELECTING[command], "--tag", "vip", "--all"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_render_needs_a_selection(capsys) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["render", "holiday-snow", "--out", "x.pdf"])
    assert "one of the arguments --contact --tag --all is required" in capsys.readouterr().err


@pytest.mark.parametrize("command", DATED)
def test_every_dated_command_takes_today(command: str) -> None:
    parser = build_parser()
    args = parser.parse_args([command, *DATED[command], "--today", "2024-02-29"])
    assert today_of(args) == dt.date(2024, 2, 29)
    args = parser.parse_args([command, *DATED[command]])
    assert args.today is None  # today_of then reads the clock


def test_a_bad_date_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["today", "--today", "2026-02-30"])
    assert exit_.value.code == 2
    assert "'2026-02-30' is not a date (use YYYY-MM-DD)" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "message"), [
    (["mailing", "--template", "birthday-balloons", "--year", "99999"],
     "argument --year: '99999' is out of range: use a year from 1900 to 2200"),
    (["mailing", "--template", "birthday-balloons", "--year", "1800"],
     "argument --year: '1800' is out of range: use a year from 1900 to 2200"),
    (["mailing", "--template", "birthday-balloons", "--year", "next"],
     "argument --year: 'next' is not a year (use YYYY, e.g. 2026)"),
    (["mailing", "--template", "birthday-balloons", "--days", "-1"],
     "argument --days: -1 is out of range: use 0 to 3660 days"),
    (["occasions", "--from", "9999-12-30"],
     "argument --from: '9999-12-30' is out of range: use a date from 1900 to 2200"),
    (["occasions", "--days", "100000"], "argument --days: 100000 is out of range: use 1 to 3660 days"),
    (["occasions", "--days", "many"], "argument --days: 'many' is not a number of days"),
    (["today", "--today", "0001-01-01"], "argument --today: '0001-01-01' is out of range"),
    (["log", "1", "order", "--date", "2201-01-01"], "argument --date: '2201-01-01' is out of range"),
])
def test_years_dates_and_day_counts_out_of_range_are_usage_errors(args: list[str], message: str,
                                                                  capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_the_edges_of_the_range_are_fine() -> None:
    parser = build_parser()
    args = parser.parse_args(["mailing", "--template", "birthday-balloons", "--year", "2200", "--days", "0"])
    assert (args.year, args.days) == (2200, 0)
    args = parser.parse_args(["occasions", "--from", "1900-01-01", "--days", "3660"])
    assert (args.start, args.days) == (dt.date(1900, 1, 1), 3660)


@pytest.mark.parametrize("command", SELECTING)
def test_every_command_that_makes_a_batch_takes_the_same_order(command: str, capsys) -> None:
    parser = build_parser()
    assert parser.parse_args([command, *SELECTING[command], "--all"]).order == "name"
    assert parser.parse_args([command, *SELECTING[command], "--all", "--order", "postal"]).order == "postal"
    with pytest.raises(SystemExit):
        parser.parse_args([command, *SELECTING[command], "--all", "--order", "zip"])
    assert "invalid choice: 'zip' (choose from 'name', 'postal')" in capsys.readouterr().err
