"""A doubtful US address is a warning in the dry run, and the card is still planned."""

from __future__ import annotations

import json
from pathlib import Path

from studio.model import Address, Contact, Sender
from studio.store import open_store


def test_the_dry_run_warns_about_a_doubtful_us_address_and_still_mails_it(tmp_path: Path, cli) -> None:
    db = tmp_path / "us.sqlite3"
    wrong_zip = Address("4216 Fremont Avenue North", "Seattle", "NJ", "98103", "US")
    with open_store(db) as store, store.transaction():
        store.contacts.add(Contact(given_name="Grace", family_name="Kim", addresses=[wrong_zip],
                                   tags=["customer"]))
        settings = store.settings.load()
        settings.home_country = "US"
        settings.sender = Sender(name="Dana", address=Address("42 Elm Street", "Springfield", "IL", "62704"))
        store.settings.save(settings)
    status, out, err = cli(db, "mailing", "--occasion", "thinking-of-you", "--tag", "customer", "--template",
                           "thinking-of-you", "--dry-run", "--json")
    assert status == 0, err
    plan = json.loads(out)
    assert [r["contact_name"] for r in plan["recipients"]] == ["Grace Kim"]
    assert "Check Grace Kim's address: ZIP code 98103 is not one of NJ's." in plan["warnings"]
    with open_store(db) as store:  # the user's address is never rewritten
        assert store.contacts.get(1).addresses[0] == wrong_zip
