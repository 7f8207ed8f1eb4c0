"""Recorded events (the touch log: orders, referrals, calls, messages…) and mailings with
the cards each one produced."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Event:
    """A touch the user recorded or imported: an order, a referral, a call, a message…"""

    contact_id: int
    kind: str  # one of studio.model.TOUCH_KINDS
    date: dt.date
    note: str = ""
    id: int | None = None
    amount: float | None = None  # an order's total, when known
    source: str = "manual"  # "manual", or "orders:FILE" for an imported back-office export
    ref: str | None = None  # what makes an imported order the same one when imported again


@dataclass
class MailingItem:
    position: int
    contact_id: int | None
    contact_name: str
    occasion: str
    occasion_date: dt.date | None
    template: str
    imb: str | None = None  # the envelope's Intelligent Mail tracking code, if it had one
    message: str | None = None  # the message the user wrote for this card; None: the template's


@dataclass
class Mailing:
    occasion: str
    year: int | None
    template: str
    output: str = ""
    folder: str = ""
    id: int | None = None
    created_at: str = ""
    sent_at: str | None = None
    items: list[MailingItem] = field(default_factory=list)


def _event_from_row(r: sqlite3.Row) -> Event:
    return Event(id=r["id"], contact_id=r["contact_id"], kind=r["kind"],
                 date=dt.date.fromisoformat(r["date"]), note=r["note"], amount=r["amount"],
                 source=r["source"], ref=r["ref"])


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class HistoryRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    # --- events ------------------------------------------------------------------

    def add_event(self, event: Event) -> int:
        event.id = self._conn.execute(
            "INSERT INTO events (contact_id, kind, date, note, amount, source, ref) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event.contact_id, event.kind, event.date.isoformat(), event.note, event.amount, event.source,
             event.ref)).lastrowid
        return event.id

    def delete_event(self, event_id: int) -> Event | None:
        """Remove a recorded touch (the app's undo of "Called"); returns what it was."""
        row = self._conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        self._conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        return _event_from_row(row)

    def has_ref(self, ref: str) -> bool:
        """True when an event with this reference (an imported order) is recorded."""
        return self._conn.execute("SELECT 1 FROM events WHERE ref = ?", (ref,)).fetchone() is not None

    def last_touches(self) -> dict[int, tuple[dt.date, str]]:
        """Each contact's latest recorded touch (any kind) and its kind."""
        # Each contact's last day from the (contact_id, date) index, then that day's events: a
        # third of the time of a subquery per event once orders are imported by the ten thousand.
        rows = self._conn.execute(
            "SELECT e.contact_id, e.date, e.kind FROM "
            "(SELECT contact_id, max(date) AS last FROM events GROUP BY contact_id) AS m "
            "JOIN events e ON e.contact_id = m.contact_id AND e.date = m.last ORDER BY e.contact_id, e.id")
        return {r[0]: (dt.date.fromisoformat(r[1]), r[2]) for r in rows}

    def _next_mailing_id(self) -> int:
        """One more than any mailing id ever given: numbers are never reused after a delete."""
        row = self._conn.execute("SELECT last FROM id_counters WHERE name = 'mailings'").fetchone()
        highest = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM mailings").fetchone()[0]
        next_id = max(row[0] if row else 0, highest) + 1
        self._conn.execute("INSERT INTO id_counters (name, last) VALUES ('mailings', ?) "
                           "ON CONFLICT(name) DO UPDATE SET last = excluded.last", (next_id,))
        return next_id

    def reserve_serials(self, count: int) -> range:
        """``count`` mail-piece serial numbers no piece has had before (call in a transaction)."""
        row = self._conn.execute("SELECT last FROM id_counters WHERE name = 'mail_pieces'").fetchone()
        first = (row[0] if row else 0) + 1
        self._conn.execute("INSERT INTO id_counters (name, last) VALUES ('mail_pieces', ?) "
                           "ON CONFLICT(name) DO UPDATE SET last = excluded.last", (first + count - 1,))
        return range(first, first + count)

    def events(self, *, since: dt.date | None = None, contact_id: int | None = None,
               kinds: Iterable[str] | None = None) -> list[Event]:
        """Recorded touches, oldest first: since a day, of one contact, of some ``kinds``."""
        sql, params, where = "SELECT * FROM events", [], []
        if kinds is not None:
            chosen = list(kinds)
            where.append(f"kind IN ({', '.join('?' * len(chosen))})")
            params.extend(chosen)
        if since is not None:
            where.append("date >= ?")
            params.append(since.isoformat())
        if contact_id is not None:
            where.append("contact_id = ?")
            params.append(contact_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date, id"
        return [_event_from_row(r) for r in self._conn.execute(sql, params)]

    # --- mailings ----------------------------------------------------------------

    def add_mailing(self, mailing: Mailing) -> int:
        """Record a produced mailing and its items (call inside a transaction).

        ``mailing.created_at`` (ISO, "2026-11-20T14:03:00") dates it; empty: the database's
        clock (UTC).
        """
        columns = ["occasion", "year", "template", "output", "folder"]
        values: list[object] = [mailing.occasion, mailing.year, mailing.template, mailing.output,
                                mailing.folder]
        if mailing.created_at:
            columns.append("created_at")
            values.append(mailing.created_at)
        columns.insert(0, "id")
        values.insert(0, self._next_mailing_id())
        mailing.id = self._conn.execute(
            f"INSERT INTO mailings ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            values).lastrowid
        self._conn.executemany(
            "INSERT INTO mailing_items (mailing_id, position, contact_id, contact_name, occasion, "
            "occasion_date, template, imb, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(mailing.id, i.position, i.contact_id, i.contact_name, i.occasion,
              i.occasion_date.isoformat() if i.occasion_date else None, i.template, i.imb, i.message)
             for i in mailing.items])
        return mailing.id

    def set_folder(self, mailing_id: int, folder: str) -> None:
        self._conn.execute("UPDATE mailings SET folder = ? WHERE id = ?", (folder, mailing_id))

    def mailing(self, mailing_id: int) -> Mailing | None:
        row = self._conn.execute("SELECT * FROM mailings WHERE id = ?", (mailing_id,)).fetchone()
        return self._mailing_from_row(row) if row else None

    def latest_mailing_id(self) -> int | None:
        row = self._conn.execute("SELECT max(id) FROM mailings").fetchone()
        return row[0]

    def mailings(self) -> list[Mailing]:
        """Every mailing, newest first, with its items."""
        return [self._mailing_from_row(r) for r in
                self._conn.execute("SELECT * FROM mailings ORDER BY id DESC").fetchall()]

    def delete_mailing(self, mailing_id: int) -> bool:
        return self._conn.execute("DELETE FROM mailings WHERE id = ?", (mailing_id,)).rowcount > 0

    def mark_sent(self, mailing_id: int, when: dt.date) -> bool:
        return self._conn.execute("UPDATE mailings SET sent_at = ? WHERE id = ?",
                                  (when.isoformat(), mailing_id)).rowcount > 0

    def contacts_mailed(self, occasion: str, year: int | None) -> set[int]:
        """Contacts already in any mailing of this occasion and year (sent or not)."""
        rows = self._conn.execute(
            "SELECT DISTINCT i.contact_id FROM mailing_items i JOIN mailings m ON m.id = i.mailing_id "
            "WHERE m.occasion = ? AND m.year IS ? AND i.contact_id IS NOT NULL", (occasion, year))
        return {r[0] for r in rows}

    def last_sent_card(self, contact_ids: Iterable[int] | None = None) -> dict[int, dt.date]:
        """For each contact, the date of the latest mailing marked sent that included them."""
        rows = self._conn.execute(
            "SELECT i.contact_id, max(m.sent_at) FROM mailing_items i JOIN mailings m ON m.id = i.mailing_id "
            "WHERE m.sent_at IS NOT NULL AND i.contact_id IS NOT NULL GROUP BY i.contact_id")
        wanted = set(contact_ids) if contact_ids is not None else None
        return {cid: dt.date.fromisoformat(sent[:10]) for cid, sent in rows
                if wanted is None or cid in wanted}

    def mailed_occasions(self, occasion: str | None = None) -> list[tuple[int, str, dt.date | None, int]]:
        """(contact id, occasion key, occasion date, mailing id) of every card ever produced.

        Optionally only those of one occasion key; oldest mailing first.
        """
        sql = ("SELECT i.contact_id, i.occasion, i.occasion_date, i.mailing_id FROM mailing_items i "
               "WHERE i.contact_id IS NOT NULL")
        params: list[object] = []
        if occasion is not None:
            sql += " AND i.occasion = ?"
            params.append(occasion)
        sql += " ORDER BY i.mailing_id, i.position"
        return [(r[0], r[1], _date(r[2]), r[3]) for r in self._conn.execute(sql, params)]

    def item_positions(self, contact_id: int) -> list[tuple[int, int]]:
        """(mailing id, position) of every card recorded for ``contact_id``."""
        return [(r[0], r[1]) for r in self._conn.execute(
            "SELECT mailing_id, position FROM mailing_items WHERE contact_id = ? "
            "ORDER BY mailing_id, position",
            (contact_id,))]

    def link_items(self, positions: Iterable[tuple[int, int]], contact_id: int) -> None:
        """Point these unlinked mailing items at ``contact_id`` again (an undone delete)."""
        self._conn.executemany(
            "UPDATE mailing_items SET contact_id = ? "
            "WHERE mailing_id = ? AND position = ? AND contact_id IS NULL",
            [(contact_id, mailing_id, position) for mailing_id, position in positions])

    def move_events(self, from_contact: int, to_contact: int) -> list[int]:
        """Give every event of ``from_contact`` to ``to_contact``; returns the moved event ids."""
        rows = self._conn.execute("SELECT id FROM events WHERE contact_id = ?", (from_contact,))
        ids = [row[0] for row in rows]
        self.reassign_events(ids, to_contact)
        return ids

    def reassign_events(self, event_ids: Iterable[int], contact_id: int) -> None:
        self._conn.executemany("UPDATE events SET contact_id = ? WHERE id = ?",
                               [(contact_id, event_id) for event_id in event_ids])

    def move_items(self, positions: Iterable[tuple[int, int]], contact_id: int) -> None:
        """Record these mailing items as sent to ``contact_id`` (a merge or its undo)."""
        self._conn.executemany(
            "UPDATE mailing_items SET contact_id = ? WHERE mailing_id = ? AND position = ?",
            [(contact_id, mailing_id, position) for mailing_id, position in positions])

    def last_cards(self, contact_ids: Iterable[int]) -> dict[int, tuple[Mailing, MailingItem]]:
        """The newest card each of ``contact_ids`` got (mailed or not yet), with its mailing."""
        wanted = set(contact_ids)
        last: dict[int, tuple[Mailing, MailingItem]] = {}
        for mailing in self.mailings():  # newest first: the first item seen per contact is theirs
            for item in mailing.items:
                if item.contact_id in wanted and item.contact_id not in last:
                    last[item.contact_id] = (mailing, item)
        return last

    def items_for_contact(self, contact_id: int) -> list[tuple[Mailing, MailingItem]]:
        """What a contact received: each mailing with their item, newest first."""
        result = []
        for mailing in self.mailings():
            for item in mailing.items:
                if item.contact_id == contact_id:
                    result.append((mailing, item))
        return result

    def _mailing_from_row(self, row: sqlite3.Row) -> Mailing:
        items = [MailingItem(position=r["position"], contact_id=r["contact_id"],
                             contact_name=r["contact_name"], occasion=r["occasion"],
                             occasion_date=_date(r["occasion_date"]), template=r["template"], imb=r["imb"],
                             message=r["message"])
                 for r in self._conn.execute(
                     "SELECT * FROM mailing_items WHERE mailing_id = ? ORDER BY position", (row["id"],))]
        return Mailing(id=row["id"], occasion=row["occasion"], year=row["year"], template=row["template"],
                       output=row["output"], folder=row["folder"], created_at=row["created_at"],
                       sent_at=row["sent_at"], items=items)
