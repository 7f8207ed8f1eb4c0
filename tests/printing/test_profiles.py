"""Printer profiles: the CLI, the store, and the migration of the one global printer setup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.paths import bundled_dir
from studio.store import open_store
from studio.store.schema import MIGRATIONS
from tests.store.old_stores import write_store_at


def _json(db: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", db, "printers", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_new_store_has_one_default_profile_with_every_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profiles = _json(str(tmp_path / "a.db"), capsys)
    assert [p["name"] for p in profiles] == ["Default"]
    keys = set(profiles[0])
    assert {"name", "default", "duplex", "stack", "margin_mm", "manual_turn", "cards.offset_x",
            "cards.scale_y", "envelopes.offset_y", "labels.scale_x", "envelope_feed", "envelope_face",
            "envelope_rotation", "envelope_carrier", "queue"} <= keys
    assert profiles[0]["default"] is True and profiles[0]["margin_mm"] == 4.2


def test_add_set_default_rename_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "printers", "--add", "Office laser"]) == 0
    assert main(["--db", db, "printers", "--set", "Office laser.duplex=manual",
                 "--set", "Office laser.cards.offset_x=1.5",
                 "--set", "office laser.envelope_rotation=90"]) == 0
    assert main(["--db", db, "printers", "--default", "Office laser"]) == 0
    by_name = {p["name"]: p for p in _json(db, capsys)}
    assert by_name["Office laser"]["default"] is True and by_name["Default"]["default"] is False
    assert by_name["Office laser"]["duplex"] == "manual"
    laser = by_name["Office laser"]
    assert laser["cards.offset_x"] == 1.5 and laser["labels.offset_x"] == 0
    assert by_name["Office laser"]["envelope_rotation"] == 90
    assert main(["--db", db, "printers", "--rename", "Default", "Inkjet"]) == 0
    assert main(["--db", db, "printers", "--remove", "Inkjet"]) == 0
    assert [p["name"] for p in _json(db, capsys)] == ["Office laser"]


def test_a_bad_key_or_value_is_named_with_what_is_allowed(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "printers", "--set", "Default.duplex=sideways"]) == 2
    err = capsys.readouterr().err
    assert "duplex" in err and "long, short, manual" in err and "Traceback" not in err
    assert main(["--db", db, "printers", "--set", "Default.envelope_feed=middle"]) == 2
    assert "envelope_feed" in capsys.readouterr().err
    assert main(["--db", db, "printers", "--set", "Default.cards.offset_x=99"]) == 2
    assert "cards.offset_x" in capsys.readouterr().err
    assert main(["--db", db, "printers", "--set", "Default.colour=red"]) == 2
    assert "no key 'colour'" in capsys.readouterr().err
    assert main(["--db", db, "printers", "--set", "Nobody.duplex=long"]) == 2
    assert "Nobody" in capsys.readouterr().err
    assert main(["--db", db, "printers", "--remove", "Default"]) == 2  # the default stays
    assert "default" in capsys.readouterr().err


def test_the_old_commands_write_to_the_default_profile(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "printers", "--add", "Second"]) == 0
    assert main(["--db", db, "settings", "--set", "printer.duplex=short",
                 "--set", "printer.margin_mm=3"]) == 0
    assert main(["--db", db, "calibrate", "--offset-x", "1.25", "--scale-y", "1.01"]) == 0
    by_name = {p["name"]: p for p in _json(db, capsys)}
    default = by_name["Default"]
    assert default["duplex"] == "short" and default["margin_mm"] == 3
    assert default["labels.offset_x"] == default["envelopes.offset_x"] == 1.25
    assert default["labels.scale_y"] == 1.01 and default["cards.offset_x"] == 0
    assert by_name["Second"]["duplex"] == "long" and by_name["Second"]["labels.offset_x"] == 0
    assert main(["--db", db, "calibrate", "--printer", "Second", "--kind", "cards", "--offset-y", "-2"]) == 0
    assert {p["name"]: p for p in _json(db, capsys)}["Second"]["cards.offset_y"] == -2
    capsys.readouterr()
    assert main(["--db", db, "settings", "--json"]) == 0
    flat = json.loads(capsys.readouterr().out)
    assert flat["printer.duplex"] == "short" and flat["calibration.offset_x"] == 1.25


def test_an_old_store_keeps_its_calibration_and_printer_setup(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A database as the version before profiles left it: calibration and printer as settings rows."""
    path = tmp_path / "old.db"
    ours = next(i for i, sql in enumerate(MIGRATIONS) if "CREATE TABLE printer_profiles" in sql)
    conn = write_store_at(path, ours)  # the schema before ours, as an old version left it
    conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [
        ("calibration", json.dumps({"offset_x": 1.5, "offset_y": -0.75, "scale_x": 1.002, "scale_y": 0.998})),
        ("printer", json.dumps({"duplex": "manual", "stack": "face-up", "margin_mm": 3.0})),
        ("paper", json.dumps("a4")),
    ])
    conn.close()
    with open_store(path) as store:
        profile = store.printers.default()
        settings = store.settings.load()
        rows = {row[0] for row in store.connection.execute("SELECT key FROM settings")}
    assert profile.name == "Default"
    assert (profile.duplex, profile.stack, profile.margin_mm) == ("manual", "face-up", 3.0)
    for calibration in (profile.labels, profile.envelopes):
        assert (calibration.offset_x, calibration.offset_y, calibration.scale_x, calibration.scale_y) == \
            (1.5, -0.75, 1.002, 0.998)
    assert profile.cards.offset_x == 0 and profile.cards.scale_x == 1
    assert settings.paper == "a4" and settings.printer.duplex == "manual"
    assert settings.calibration.offset_x == 1.5
    assert "calibration" not in rows and "printer" not in rows  # no stale copy left to read


def test_a_printer_that_does_not_exist_stops_render_with_the_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    samples = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
    assert main(["--db", db, "import", "--quiet", str(samples)]) == 0
    out = str(tmp_path / "e.pdf")
    assert main(["--db", db, "envelopes", "--all", "--printer", "Nope", "--out", out]) != 0
    err = capsys.readouterr().err
    assert "Nope" in err and "Default" in err and "Traceback" not in err
