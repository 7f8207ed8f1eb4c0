"""Live address books: adding a CardDAV account, syncing it into the address book, removing it.

Sync is read-only and incremental: the server says what changed since the last sync token
(or, without tokens, its ETags are compared with the last sync's), only those cards are
fetched, and each goes through the same importer and merge as a vCard file. A card deleted
on the server is reported and kept here. One transaction per sync: a server that fails
midway changes nothing, and the next sync starts from the last good one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from studio.contacts.reader import Problem, read_vcard_bytes
from studio.errors import StudioError, UsageError
from studio.progress import NO_PROGRESS, Progress
from studio.services.addressbook import import_contact
from studio.sources import passwords
from studio.sources.carddav.client import AddressBook, CardDavClient, Changes, SyncTokenRejected
from studio.store import Store
from studio.store.accounts import Account, SyncedCard

__all__ = [
    "Account",
    "SyncReport",
    "add_carddav_account",
    "accounts",
    "remove_account",
    "chosen_accounts",
    "sync_account",
    "stored_password",
    "keyring_available",
    "GOOGLE_NOTE",
]

GOOGLE_NOTE = (
    "Google Contacts has no CardDAV access for ordinary apps any more (only with an OAuth "
    "sign-in that Google reserves for verified apps): export a vCard or CSV from "
    "contacts.google.com and import the file."
)


@dataclass
class SyncReport:
    account: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    transferred: int = 0  # cards fetched from the server
    deleted_on_server: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        cards = "card" if self.transferred == 1 else "cards"
        text = (
            f"{self.account}: {self.transferred} {cards} fetched; "
            f"{self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )
        if self.deleted_on_server:
            text += f"; {len(self.deleted_on_server)} deleted on the server (kept here)"
        return text + (f"; {len(self.problems)} problems" if self.problems else "")


def keyring_available() -> bool:
    return passwords.keyring_available()


def add_carddav_account(
    store: Store, url: str, user: str, password: str, *, name: str | None = None, book: str | None = None
) -> tuple[Account, bool]:
    """Check the account on the server and save it; returns it and whether the password went
    into the system keyring (else it is asked for at each sync)."""
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise UsageError(f"{url!r} is not a web address; give the server's https:// address")
    with CardDavClient(url, user, password) as client:
        chosen = _choose_book(client.address_books(), book, urlsplit(url).netloc)
    name = name or chosen.name
    if store.accounts.by_name(name) is not None:
        raise StudioError(f"there is already an account called {name!r}; choose another with --name")
    account = Account(None, name, "carddav", url, user, chosen.url)
    with store.transaction():
        store.accounts.add(account)
    return account, passwords.save_password(_key(account), password)


def accounts(store: Store) -> list[Account]:
    return store.accounts.all()


def chosen_accounts(store: Store, name: str | None) -> list[Account]:
    """The named account, or every account; raises StudioError for an unknown name."""
    if name is None:
        found = store.accounts.all()
        if not found:
            raise StudioError(
                "no accounts yet; add one with `studio accounts add carddav --url URL --user NAME`"
            )
        return found
    account = store.accounts.by_name(name)
    if account is None:
        known = [a.name for a in store.accounts.all()]
        raise StudioError(
            f"no account called {name!r}" + (f" (accounts: {', '.join(known)})" if known else "")
        )
    return [account]


def remove_account(store: Store, name: str) -> Account:
    """Forget an account and its password; its contacts stay in the address book."""
    (account,) = chosen_accounts(store, name)
    with store.transaction():
        store.accounts.remove(account.id)
    passwords.forget_password(_key(account))
    return account


def stored_password(account: Account) -> str | None:
    return passwords.load_password(_key(account))


def sync_account(
    store: Store,
    account: Account,
    password: str,
    *,
    progress: Progress = NO_PROGRESS,
    now: dt.datetime | None = None,
) -> SyncReport:
    report = SyncReport(account.name)
    known = store.accounts.cards(account.id)
    progress.step(0, 0, f"Asking {account.name} what changed")
    with CardDavClient(account.url, account.username, password) as client:
        changes = _changes(client, account, known)
        wanted = [
            href
            for href, etag in changes.changed.items()
            if known.get(href) is None or known[href].etag != etag
        ]
        fetched = []
        for number, card in enumerate(client.cards(account.book_url, wanted)):
            progress.step(number, len(wanted), f"Fetching {account.name}: {number} of {len(wanted)} cards")
            fetched.append(card)
    report.transferred = len(fetched)
    with store.transaction():
        for number, (href, etag, data) in enumerate(fetched):
            progress.step(number, len(fetched), f"Importing {account.name}: {number} of {len(fetched)} cards")
            parsed = read_vcard_bytes(data, f"{account.name}:{urlsplit(href).path.rsplit('/', 1)[-1]}")
            report.problems.extend(parsed.problems)
            for card in parsed.cards:
                outcome = import_contact(store, card.contact)
                setattr(report, outcome, getattr(report, outcome) + 1)
            name = parsed.cards[0].contact.name if parsed.cards else href
            store.accounts.remember_card(account.id, SyncedCard(href, etag, name))
        for href in changes.removed:
            gone = known.get(href)
            if gone is not None:
                report.deleted_on_server.append(gone.name)
                store.accounts.forget_card(account.id, href)
        stamp = (now or dt.datetime.now()).isoformat(timespec="seconds")
        store.accounts.finish_sync(account.id, changes.token, stamp)
    progress.step(1, 1, "Done")
    return report


def _changes(client: CardDavClient, account: Account, known: dict[str, SyncedCard]) -> Changes:
    try:
        return client.changes_since(account.book_url, account.sync_token or None)
    except SyncTokenRejected:
        etags = client.etags(account.book_url)
        return Changes(changed=etags, removed=[href for href in known if href not in etags])


def _choose_book(books: list[AddressBook], wanted: str | None, host: str) -> AddressBook:
    if wanted is not None:
        for book in books:
            if wanted in (book.name, book.url) or book.url.rstrip("/").endswith("/" + wanted.strip("/")):
                return book
        raise StudioError(
            f"{host} has no address book {wanted!r} (it has: {', '.join(b.name for b in books)})"
        )
    if len(books) > 1:
        raise StudioError(
            f"{host} has {len(books)} address books ({', '.join(b.name for b in books)}); "
            "choose one with --book NAME"
        )
    return books[0]


def _key(account: Account) -> str:
    return f"{account.username}@{urlsplit(account.url).netloc}/{account.name}"
