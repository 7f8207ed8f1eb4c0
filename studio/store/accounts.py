"""Live address-book accounts and the cards each last sync saw (href, ETag). No passwords:
those stay in the system keyring or are asked for at each sync."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass
class Account:
    id: int | None
    name: str
    kind: str
    url: str
    username: str
    book_url: str
    sync_token: str = ""
    last_sync: str | None = None


@dataclass(frozen=True)
class SyncedCard:
    href: str
    etag: str
    name: str


_COLUMNS = "id, name, kind, url, username, book_url, sync_token, last_sync"


class AccountRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def add(self, account: Account) -> int:
        cursor = self._conn.execute(
            "INSERT INTO accounts (name, kind, url, username, book_url) VALUES (?, ?, ?, ?, ?)",
            (account.name, account.kind, account.url, account.username, account.book_url),
        )
        account.id = cursor.lastrowid
        return account.id

    def all(self) -> list[Account]:
        return [Account(*row) for row in self._conn.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name")]

    def by_name(self, name: str) -> Account | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", (name,)).fetchone()
        return Account(*row) if row else None

    def remove(self, account_id: int) -> None:
        self._conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))

    def finish_sync(self, account_id: int, token: str, when: str) -> None:
        self._conn.execute(
            "UPDATE accounts SET sync_token = ?, last_sync = ? WHERE id = ?", (token, when, account_id)
        )

    def cards(self, account_id: int) -> dict[str, SyncedCard]:
        rows = self._conn.execute(
            "SELECT href, etag, name FROM account_cards WHERE account_id = ?", (account_id,)
        )
        return {href: SyncedCard(href, etag, name) for href, etag, name in rows}

    def remember_card(self, account_id: int, card: SyncedCard) -> None:
        self._conn.execute(
            "INSERT INTO account_cards (account_id, href, etag, name) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(account_id, href) DO UPDATE SET etag = excluded.etag, name = excluded.name",
            (account_id, card.href, card.etag, card.name),
        )

    def forget_card(self, account_id: int, href: str) -> None:
        self._conn.execute("DELETE FROM account_cards WHERE account_id = ? AND href = ?", (account_id, href))
