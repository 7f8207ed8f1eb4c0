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


def test_the_offer_settings_are_set_shown_and_refused_by_name(db, cli) -> None:  # noqa: ANN001
    link = "https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}"
    status, out, _ = cli(db, "settings", "--set", f"offer.url={link}", "--set", "sender.ref=maya42",
                         "--set", "offer.text=10% off until {{ offer.expires }}", "--set", "offer.days=45")
    assert status == 0 and "Saved 4 changes." in out and link in out
    for value, why in (("offer.url=shop.example/?c={{ contact.id }}", "not a web address"),
                       ("offer.url=https://shop.example/?c={{ contact.id }", "write }} instead of }"),
                       ("offer.url=https://shop.example/?c={{ contact.shoe_size }}", "“contact.shoe_size”"),
                       ("offer.text=until {{ offer.expiry }}", "did you mean “offer.expires”?"),
                       ("offer.days=-1", "0 to 366")):
        status, _, err = cli(db, "settings", "--set", value)
        setting = value.split("=", 1)[0]
        assert status == 2 and err.startswith(f"studio: {setting}: ") and why in err, err
        assert "Traceback" not in err
    saved = json.loads(cli(db, "settings", "--json")[1])
    assert (saved["offer.url"], saved["sender.ref"], saved["offer.days"]) == (link, "maya42", 45)
