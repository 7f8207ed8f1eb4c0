"""`studio settings --set`: names become codes, a bad value is one sentence and saves nothing."""

from __future__ import annotations

import json


def test_settings_take_a_country_name_and_refuse_nonsense_in_one_sentence(db, cli) -> None:  # noqa: ANN001
    status, out, _ = cli(db, "settings", "--set", "home_country=Germany")
    assert status == 0 and "Saved 1 change." in out
    status, out, err = cli(db, "settings", "--set", "home_country=Germny", "--set", "sender.name=Maya")
    assert status != 0 and "Traceback" not in err + out
    assert err.strip().count("\n") == 0 and "Germny" in err and "home_country" in err
    status, out, err = cli(db, "settings", "--set", "sender.email=maya at example")
    assert status != 0 and "not an e-mail address" in err and "Traceback" not in err
    status, out, _ = cli(db, "settings", "--json")
    saved = json.loads(out)
    assert (saved["home_country"], saved["sender.name"], saved["sender.email"]) == ("DE", "", "")
