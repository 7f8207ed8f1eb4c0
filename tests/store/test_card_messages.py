"""Each card's written message is kept with the mailing (migration 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from studio.model import Contact
from studio.store import open_store
from studio.store.history import Mailing, MailingItem
from tests.store.old_stores import write_store_at


def _mailing(contact_id: int, message: str | None, year: int) -> Mailing:
    item = MailingItem(position=1, contact_id=contact_id, contact_name="Anna", occasion="christmas",
                       occasion_date=dt.date(year, 12, 25), template="holiday-snow", message=message)
    return Mailing(occasion="christmas", year=year, template="holiday-snow", items=[item])


def test_a_store_from_before_messages_opens_with_none_written(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    conn = write_store_at(db, 9)
    conn.execute("INSERT INTO contacts (given_name, sort_name, search_text) VALUES ('Anna', 'anna', 'anna')")
    conn.execute("INSERT INTO mailings (id, occasion, year, template) VALUES (1, 'christmas', 2025, 'x')")
    conn.execute("INSERT INTO mailing_items (mailing_id, position, contact_id, contact_name, occasion, "
                 "template) VALUES (1, 1, 1, 'Anna', 'christmas', 'x')")
    conn.close()
    with open_store(db) as store:
        (item,) = store.history.mailing(1).items
        assert item.contact_name == "Anna" and item.message is None


def test_the_newest_card_and_its_message_are_each_persons_last(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.sqlite3") as store, store.transaction():
        anna = store.contacts.add(Contact(given_name="Anna"))
        store.history.add_mailing(_mailing(anna, "Merry Christmas, Anna!\nLove, M.", 2025))
        store.history.add_mailing(_mailing(anna, None, 2026))
        mailing, item = store.history.last_cards([anna])[anna]
        assert (mailing.year, item.message) == (2026, None)
        assert store.history.mailing(1).items[0].message == "Merry Christmas, Anna!\nLove, M."
        assert store.history.last_cards([anna + 1]) == {}
