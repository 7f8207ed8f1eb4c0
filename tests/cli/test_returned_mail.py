"""A card that came back marks the address as doubtful until it is corrected or confirmed."""

from __future__ import annotations

import json
from pathlib import Path

from studio.model import Address, Contact, Sender
from studio.store import open_store


def _store(path: Path) -> dict[str, int]:
    people = {
        "Priya Raman": Address("23 Oak Tree Road", "Edison", "NJ", "08817", "US"),
        "Grace Kim": Address("4216 Fremont Avenue North", "Seattle", "WA", "98103", "US"),
    }
    ids = {}
    with open_store(path) as store, store.transaction():
        for name, address in people.items():
            given, family = name.split()
            ids[name] = store.contacts.add(Contact(given_name=given, family_name=family, addresses=[address],
                                                   tags=["customer"]))
        settings = store.settings.load()
        settings.home_country = "US"
        settings.sender = Sender(name="Dana Whitfield", address=Address("42 Elm Street", "Springfield", "IL",
                                                                        "62704"))
        store.settings.save(settings)
    return ids


def _dry_run(cli, db: Path) -> dict:  # noqa: ANN001
    status, out, err = cli(db, "mailing", "--occasion", "thinking-of-you", "--tag", "customer", "--template",
                           "thinking-of-you", "--dry-run", "--json")
    assert status == 0, err
    return json.loads(out)


def test_a_returned_card_puts_the_contact_under_check_address_until_the_address_changes(
        tmp_path: Path, cli) -> None:
    db = tmp_path / "returns.sqlite3"
    ids = _store(db)
    status, _, err = cli(db, "mailing", "--occasion", "thinking-of-you", "--tag", "customer", "--template",
                         "thinking-of-you", "--out", str(tmp_path / "first"))
    assert status == 0, err
    status, out, err = cli(db, "history", "--returned", "latest", "Grace Kim", "--reason", "moved")
    assert status == 0, err
    assert "Grace Kim's card from mailing 1 came back (moved)" in out

    status, text, _ = cli(db, "history", "--json")
    items = {i["contact_name"]: i for i in json.loads(text)[0]["items"]}
    assert items["Grace Kim"]["returned"]["reason"] == "moved"
    assert items["Priya Raman"]["returned"] is None

    plan = _dry_run(cli, db)
    skipped = {s["contact_name"]: s["reason"] for s in plan["skipped"]}
    assert skipped["Grace Kim"].startswith("check address: the card from mailing 1 came back")
    assert f"studio history --address-ok {ids['Grace Kim']}" in skipped["Grace Kim"]
    assert [r["contact_name"] for r in plan["recipients"]] == ["Priya Raman"]

    with open_store(db) as store, store.transaction():  # she moved: the user types the new address
        grace = store.contacts.get(ids["Grace Kim"])
        grace.addresses = [Address("77 Pine Street", "Portland", "OR", "97205", "US")]
        store.contacts.update(grace)
    plan = _dry_run(cli, db)
    assert {r["contact_name"] for r in plan["recipients"]} == {"Grace Kim", "Priya Raman"}


def test_an_address_confirmed_right_is_mailed_again(tmp_path: Path, cli) -> None:
    db = tmp_path / "returns.sqlite3"
    _store(db)
    assert cli(db, "mailing", "--occasion", "thinking-of-you", "--tag", "customer", "--template",
               "thinking-of-you", "--out", str(tmp_path / "first"))[0] == 0
    assert cli(db, "history", "--returned", "1", "Priya")[0] == 0
    assert "Priya Raman" not in {r["contact_name"] for r in _dry_run(cli, db)["recipients"]}
    status, out, _ = cli(db, "history", "--address-ok", "Priya")
    assert status == 0 and "Priya Raman's address is trusted again (1 returned card cleared)." in out
    assert "Priya Raman" in {r["contact_name"] for r in _dry_run(cli, db)["recipients"]}


def test_mistakes_are_one_sentence(tmp_path: Path, cli) -> None:
    db = tmp_path / "returns.sqlite3"
    _store(db)
    status, _, err = cli(db, "history", "--returned", "7", "Priya")
    assert status != 0 and "mailing 7" in err and "Traceback" not in err
    with open_store(db) as store, store.transaction():
        store.contacts.add(Contact(given_name="Ada", family_name="Byron"))
    assert cli(db, "mailing", "--occasion", "thinking-of-you", "--tag", "customer", "--template",
               "thinking-of-you", "--out", str(tmp_path / "first"))[0] == 0
    status, _, err = cli(db, "history", "--returned", "1", "Ada")
    assert status != 0 and "Ada Byron got no card in mailing 1" in err
