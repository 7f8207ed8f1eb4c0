"""Cards that came back undelivered: which mailing, whose, why, and the address they went to."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class ReturnedCard:
    mailing_id: int
    contact_id: int
    reason: str  # "moved", "unknown", ... (studio.services.returns.RETURN_REASONS)
    address: str  # the address the card was sent to, as `address_key` wrote it
    returned_on: dt.date
    id: int | None = None


class ReturnsRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def add(self, card: ReturnedCard) -> int:
        return self._conn.execute(
            "INSERT INTO returned_mail (mailing_id, contact_id, reason, address, returned_on) "
            "VALUES (?, ?, ?, ?, ?)",
            (card.mailing_id, card.contact_id, card.reason, card.address, card.returned_on.isoformat()),
        ).lastrowid

    def open_returns(self) -> dict[int, ReturnedCard]:
        """The latest return per contact that the user has not cleared."""
        rows = self._conn.execute(
            "SELECT * FROM returned_mail WHERE cleared_on IS NULL ORDER BY returned_on, id").fetchall()
        return {row["contact_id"]: _card(row) for row in rows}

    def for_mailing(self, mailing_id: int) -> dict[int, ReturnedCard]:
        """The cards of mailing ``mailing_id`` that came back, by contact."""
        rows = self._conn.execute("SELECT * FROM returned_mail WHERE mailing_id = ? ORDER BY id",
                                  (mailing_id,)).fetchall()
        return {row["contact_id"]: _card(row) for row in rows}

    def clear(self, contact_id: int, when: dt.date) -> int:
        """Mark the contact's open returns as dealt with; how many there were."""
        return self._conn.execute(
            "UPDATE returned_mail SET cleared_on = ? WHERE contact_id = ? AND cleared_on IS NULL",
            (when.isoformat(), contact_id)).rowcount


def _card(row: sqlite3.Row) -> ReturnedCard:
    return ReturnedCard(mailing_id=row["mailing_id"], contact_id=row["contact_id"], reason=row["reason"],
                        address=row["address"], returned_on=dt.date.fromisoformat(row["returned_on"]),
                        id=row["id"])
