"""Changing settings by name, as `studio settings --set` does."""

from __future__ import annotations

import json

import pytest

from studio.cli import main
from studio.errors import UsageError
from studio.model import Feb29Rule
from studio.services.preferences import (
    InvalidSettings,
    change_setting,
    flat_settings,
    save_settings,
    setting_names,
    setting_problems,
    update_settings,
)
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
                                         ("home_country", "Germny")])
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


# --- values that would only fail later are refused when saved -------------------------------

@pytest.mark.parametrize("name, value, reason", [
    ("sender.mailer_id", "12345", "'12345' is not a USPS mailer ID"),
    ("sender.mailer_id", "912345", "'912345' is not a USPS mailer ID"),
    ("sender.address.country", "Narnia", "'Narnia' is not a country Card Studio recognises"),
    ("home_country", "ZZ", "'ZZ' is not a country code"),
    ("home_country", "UK", "GB is the code for 'UK'"),
    ("language", "zz", "'zz' is not a language code"),
    ("holidays", "christmas,xmas", "'xmas' is not a holiday Card Studio knows (did you mean christmas? "
                                   "choose from christmas,"),
    ("transit_days_by_country", "DE=-3", "DE=-3 is fewer than 0 days"),
    ("transit_days_by_country", "XX=5", "XX is not a country code"),
    ("calibration.scale_x", "2", "2 is outside 0.9 to 1.1"),
    ("envelope_size", "b5", "unknown envelope size 'b5'"),
    ("label_stock", "avery-9999", "unknown label stock 'avery-9999'"),
])
def test_values_that_would_fail_later_are_refused_naming_the_setting(name: str, value: str,
                                                                     reason: str) -> None:
    with pytest.raises(InvalidSettings) as caught:
        change_setting(Settings(), name, value)
    assert isinstance(caught.value, UsageError)  # exit status 2, shown as one message
    [(where, why)] = caught.value.problems
    assert where == name and reason in why
    assert str(caught.value) == f"{name}: {why}"


@pytest.mark.parametrize("name, value, stored", [
    ("sender.mailer_id", "123456", "123456"), ("sender.mailer_id", "912345678", "912345678"),
    ("sender.mailer_id", "", ""), ("sender.address.country", "Germany", "Germany"),
    ("sender.address.country", "Deutschland", "Deutschland"), ("home_country", "de", "DE"),
    ("language", "de-CH", "de_CH"), ("language", "EN", "en"), ("envelope_size", "#10", "#10"),
    ("holidays", "Christmas,hanukkah,diwali", ["christmas", "hanukkah", "diwali"]),
    ("transit_days_by_country", "DE=0,jp=9", {"DE": 0, "JP": 9}),
])
def test_good_values_are_kept(name: str, value: str, stored) -> None:
    assert flat_settings(change_setting(Settings(), name, value))[name] == stored


def test_every_bad_value_is_named_and_nothing_is_saved(store) -> None:
    changes = [("sender.mailer_id", "12345"), ("sender.name", "Maya"), ("home_country", "ZZ"),
               ("transit_days_by_country", "DE=-3")]
    with pytest.raises(InvalidSettings) as caught:
        update_settings(store, changes)
    assert [name for name, _ in caught.value.problems] == ["sender.mailer_id", "home_country",
                                                            "transit_days_by_country"]
    assert str(caught.value).splitlines()[0] == "these settings cannot be used:"
    assert store.settings.load() == Settings()


def test_a_value_saved_long_ago_does_not_block_an_unrelated_change(store) -> None:
    with store.transaction():
        store.settings.save(Settings(language="zz"))  # written before values were checked
    assert update_settings(store, [("paper", "a4")]).paper == "a4"
    with pytest.raises(InvalidSettings, match="language"):
        update_settings(store, [("language", "xx")])


def test_the_desktop_app_saves_whole_settings_through_the_same_checks(store) -> None:
    settings = Settings()
    settings.sender.mailer_id = "12345"
    settings.holidays = ["xmas"]
    with pytest.raises(InvalidSettings) as caught:
        save_settings(store, settings)
    assert dict(caught.value.problems).keys() == {"sender.mailer_id", "holidays"}
    assert store.settings.load() == Settings()
    settings.sender.mailer_id, settings.holidays = "123456", ["christmas"]
    assert save_settings(store, settings).sender.mailer_id == "123456"
    assert store.settings.load().sender.mailer_id == "123456"
    assert setting_problems(Settings(home_country="ZZ")) == [
        ("home_country", "'ZZ' is not a country code (use a two-letter ISO code such as US, GB or DE)")]


def test_cli_refuses_bad_values_with_every_reason(tmp_path, capsys) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "settings", "--set", "sender.mailer_id=12345", "--set", "language=zz"]) == 2
    err = capsys.readouterr().err
    assert "sender.mailer_id: '12345' is not a USPS mailer ID" in err and "language: 'zz'" in err
    assert "Traceback" not in err
    assert main(["--db", db, "settings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sender.mailer_id"] == ""


def test_home_country_by_name_is_stored_as_its_code_and_nonsense_is_refused(tmp_path) -> None:
    from studio.services.preferences import InvalidSettings, update_settings
    from studio.store import open_store

    with open_store(tmp_path / "s.sqlite3") as store:
        assert update_settings(store, [("home_country", "Germany")]).home_country == "DE"
        assert update_settings(store, [("home_country", "Österreich")]).home_country == "AT"
        with pytest.raises(InvalidSettings, match="'Germny' is not a country Card Studio knows"):
            update_settings(store, [("home_country", "Germny"), ("sender.name", "Maya")])
        with pytest.raises(InvalidSettings, match="not an e-mail address"):
            update_settings(store, [("sender.email", "maya at example")])
        saved = store.settings.load()
        assert (saved.home_country, saved.sender.name, saved.sender.email) == ("AT", "", "")
