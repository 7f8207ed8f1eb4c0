"""What the results loop counts: cards posted and calls made per day, cards of a window,
order days and who is a customer. Aggregates in SQL; nothing walks the address book."""

from __future__ import annotations

import datetime as dt
import sqlite3

CUSTOMER_TAG = "customer"


class ResultsRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def cards_posted_by_day(self, since: dt.date) -> dict[dt.date, int]:
        """Cards of mailings marked posted on or after ``since``, per posting day."""
        rows = self._conn.execute(
            "SELECT substr(m.sent_at, 1, 10), count(*) FROM mailings m "
            "JOIN mailing_items i ON i.mailing_id = m.id WHERE m.sent_at >= ? GROUP BY 1",
            (since.isoformat(),))
        return {dt.date.fromisoformat(r[0]): r[1] for r in rows}

    def touches_by_day(self, kind: str, since: dt.date) -> dict[dt.date, int]:
        rows = self._conn.execute(
            "SELECT date, count(*) FROM events WHERE kind = ? AND date >= ? GROUP BY date",
            (kind, since.isoformat()))
        return {dt.date.fromisoformat(r[0]): r[1] for r in rows}

    def cards_posted(self, since: dt.date) -> list[tuple[int, dt.date]]:
        """(contact id, day posted) of every card posted on or after ``since``."""
        rows = self._conn.execute(
            "SELECT i.contact_id, substr(m.sent_at, 1, 10) FROM mailings m JOIN mailing_items i "
            "ON i.mailing_id = m.id WHERE m.sent_at >= ? AND i.contact_id IS NOT NULL ORDER BY 2, 1",
            (since.isoformat(),))
        return [(r[0], dt.date.fromisoformat(r[1])) for r in rows]

    def order_days(self, since: dt.date) -> dict[int, list[dt.date]]:
        """Each contact's order days on or after ``since``, oldest first."""
        found: dict[int, list[dt.date]] = {}
        for contact_id, day in self._conn.execute(
                "SELECT DISTINCT contact_id, date FROM events WHERE kind = 'order' AND date >= ? "
                "ORDER BY contact_id, date", (since.isoformat(),)):
            found.setdefault(contact_id, []).append(dt.date.fromisoformat(day))
        return found

    def customers(self, before: dt.date) -> set[int]:
        """Contacts tagged customer, and everyone who ordered before ``before``."""
        rows = self._conn.execute(
            "SELECT contact_id FROM contact_tags WHERE tag = ? UNION "
            "SELECT DISTINCT contact_id FROM events WHERE kind = 'order' AND date < ?",
            (CUSTOMER_TAG, before.isoformat()))
        return {r[0] for r in rows}
