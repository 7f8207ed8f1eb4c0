"""Changing settings by name, as `studio settings --set` does."""

from __future__ import annotations

import json

import pytest

from studio.cli import main
from studio.errors import UsageError
from studio.model import Feb29Rule
from studio.services.preferences import change_setting, flat_settings, setting_names, update_settings
from studio.settings import Settings


def test_nested_values_are_converted_to_their_types() -> None:
    base = Settings()
    changed = change_setting(base, "sender.address.postal_code", "02134")
    changed = change_setting(changed, "transit_days_domestic", "4")
    changed = change_setting(changed, "calibration.offset_x", "-1.5")
    changed = change_setting(changed, "holidays", "christmas, hanukkah")
    changed = change_setting(changed, "feb29", "mar1")
    changed = change_setting(changed, "transit_days_by_country", "de=6,JP=9")
    changed = change_setting(changed, "home_country", "gb")
    assert changed.sender.address.postal_code == "02134"  # text, leading zero kept
    assert changed.transit_days_domestic == 4
    assert changed.calibration.offset_x == -1.5
    assert changed.holidays == ["christmas", "hanukkah"]
    assert changed.feb29 is Feb29Rule.MAR_1
    assert changed.transit_days_by_country == {"DE": 6, "JP": 9}
    assert changed.home_country == "GB"
    assert base == Settings()  # the original is untouched


@pytest.mark.parametrize("name, value", [("nope", "1"), ("paper", "a3"), ("feb29", "x"),
                                         ("not_thanked_days", "soon"), ("preparation_days", "-1"),
                                         ("home_country", "USA")])
def test_bad_names_and_values_are_usage_errors(name: str, value: str) -> None:
    with pytest.raises(UsageError):
        change_setting(Settings(), name, value)


def test_changes_are_saved_all_or_none(store) -> None:
    update_settings(store, [("sender.name", "Maya Lindqvist"), ("paper", "a4")])
    with pytest.raises(UsageError):
        update_settings(store, [("sender.company", "Lindqvist Wellness"), ("paper", "a3")])
    saved = store.settings.load()
    assert (saved.sender.name, saved.paper, saved.sender.company) == ("Maya Lindqvist", "a4", "")


def test_flat_settings_name_every_settable_value() -> None:
    flat = flat_settings(Settings())
    assert list(flat) == setting_names()
    assert flat["feb29"] == "feb28" and "sender.address.city" in flat and "sender.address.label" not in flat


def test_cli_sets_and_shows(tmp_path, capsys) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "settings", "--set", "sender.name=Maya Lindqvist", "--set", "paper=a4"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "settings", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["sender.name"] == "Maya Lindqvist" and shown["paper"] == "a4"
    assert main(["--db", db, "settings", "--set", "paper"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err
