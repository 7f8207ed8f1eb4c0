"""CardDAV sync benchmark (issue 13): a 5,000-card address book on a local Radicale.

    .venv/bin/python bench/bench_carddav.py [--count 5000]

The cards are the import benchmark's generated contacts, written into Radicale's storage
folder (as if uploaded from a phone). Measured, each in a fresh process: the first sync into
an empty store (every card fetched and imported), a second sync with nothing changed (the
target: no card transferred, well under a second), and a sync after 25 cards changed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import measure, print_table  # noqa: E402


def sync_once(db: str, url: str, user: str, password: str) -> dict:
    from studio.services import accounts
    from studio.store import open_store

    with open_store(Path(db)) as store:
        if not accounts.accounts(store):
            accounts.add_carddav_account(store, url, user, password)
        account = accounts.accounts(store)[0]
        report = accounts.sync_account(store, account, password)
        return {"fetched": report.transferred, "added": report.added, "updated": report.updated}


def _write_book(folder: Path, user: str, cards: list[str]) -> Path:
    book = folder / "collections" / "collection-root" / user / "customers"
    book.mkdir(parents=True)
    (book.parent / ".Radicale.props").write_text("{}", encoding="utf-8")
    (book / ".Radicale.props").write_text(
        json.dumps({"tag": "VADDRESSBOOK", "D:displayname": "Customers"}), encoding="utf-8"
    )
    for number, card in enumerate(cards):
        (book / f"card-{number}.vcf").write_text(card, encoding="utf-8", newline="")
    return book


def main() -> None:
    from bench_import import generate
    from tests.sources.carddav_server import PASSWORD, USER, start_radicale

    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # CardDAV servers hold vCard 3.0 and 4.0 (RFC 6352); the generator mixes in 2.1 cards.
        generate(work / "cards.vcf", args.count * 3)
        text = (work / "cards.vcf").read_text(encoding="utf-8")
        cards = [
            c
            for c in re.findall(r"BEGIN:VCARD.*?END:VCARD\r?\n", text, flags=re.DOTALL)
            if "VERSION:3.0" in c
        ][: args.count]
        server_dir = work / "radicale"
        server_dir.mkdir()
        book = _write_book(server_dir, USER, cards)
        server = start_radicale(server_dir)
        try:
            db = str(work / "bench.sqlite3")
            rows = []
            for label in ("first sync (empty store)", "second sync, nothing changed"):
                result = measure("bench_carddav", "sync_once", db, server.url, USER, PASSWORD)
                rows.append(
                    (
                        label,
                        f"{result['seconds']:.2f} s",
                        result["extra"]["fetched"],
                        f"{result['peak_mb']:.0f} MB",
                    )
                )
            for number in range(25):
                path = book / f"card-{number}.vcf"
                path.write_text(
                    path.read_text(encoding="utf-8").replace("END:VCARD", "NOTE:changed\r\nEND:VCARD"),
                    encoding="utf-8",
                    newline="",
                )
            # Radicale keeps its sync history by file content: touching files is a change it sees.
            result = measure("bench_carddav", "sync_once", db, server.url, USER, PASSWORD)
            rows.append(
                (
                    "sync after 25 cards changed",
                    f"{result['seconds']:.2f} s",
                    result["extra"]["fetched"],
                    f"{result['peak_mb']:.0f} MB",
                )
            )
        finally:
            server.stop()
    print_table(
        f"CardDAV sync of {len(cards):,} cards from Radicale on 127.0.0.1",
        ["step", "time", "cards fetched", "peak memory"],
        rows,
    )


if __name__ == "__main__":
    main()
