"""Live address books against a real CardDAV server (Radicale on 127.0.0.1)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from studio.cli import main
from studio.errors import StudioError
from studio.paths import bundled_dir
from studio.services import accounts
from tests.sources.carddav_server import PASSWORD, USER, CardDavServer


def _card(uid: str, name: str, email: str, extra: str = "") -> str:
    family, given = name.split()[-1], name.split()[0]
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
        f"EMAIL:{email}\r\n{extra}END:VCARD\r\n"
    )


def _sample_cards() -> list[str]:
    text = (bundled_dir("assets") / "samples" / "sample-contacts.vcf").read_text(encoding="utf-8")
    return re.findall(r"BEGIN:VCARD.*?END:VCARD\r?\n", text, flags=re.DOTALL)


def _names(store) -> set[str]:
    return {store.contacts.get(i).name for i in store.contacts.ids()}


def test_first_sync_then_only_changes_are_fetched(store, carddav: CardDavServer) -> None:
    book = carddav.make_book()
    samples = _sample_cards()
    for number, card in enumerate(samples):
        carddav.put(book, f"sample-{number}.vcf", card)
    account, _ = accounts.add_carddav_account(store, carddav.url, USER, PASSWORD)
    assert account.name == "Customers" and account.book_url == book

    first = accounts.sync_account(store, account, PASSWORD)
    assert first.transferred == len(samples) and first.added == store.contacts.count() > 20

    # Nothing changed: no card is transferred.
    account = accounts.chosen_accounts(store, "Customers")[0]
    again = accounts.sync_account(store, account, PASSWORD)
    assert (again.transferred, again.added, again.updated) == (0, 0, 0)

    # An add, a change and a delete on the server.
    carddav.put(book, "new.vcf", _card("new-1", "Nina Neu", "nina@example.org"))
    carddav.put(
        book, "sample-0.vcf", samples[0].replace("END:VCARD", "NOTE:changed on the phone\r\nEND:VCARD")
    )
    carddav.delete(book, "sample-1.vcf")
    account = accounts.chosen_accounts(store, "Customers")[0]
    third = accounts.sync_account(store, account, PASSWORD)
    assert third.transferred == 2
    assert (third.added, third.updated) == (1, 1)
    assert len(third.deleted_on_server) == 1
    deleted_name = third.deleted_on_server[0]
    assert deleted_name in _names(store)  # reported, not deleted here
    assert "Nina Neu" in _names(store)
    assert any("changed on the phone" in store.contacts.get(i).notes for i in store.contacts.ids())


def test_the_same_person_from_the_server_and_a_file_is_one_contact(store, carddav, tmp_path: Path) -> None:
    from studio.services.addressbook import import_vcards

    file = tmp_path / "ann.vcf"
    file.write_text(_card("ann-1", "Ann Lee", "ann@example.org", "BDAY:1970-05-06\r\n"), encoding="utf-8")
    import_vcards(store, [file])
    book = carddav.make_book()
    carddav.put(book, "ann.vcf", _card("ann-1", "Ann Lee", "ann@example.org", "TEL:+1 555 0199\r\n"))
    account, _ = accounts.add_carddav_account(store, carddav.url, USER, PASSWORD)
    report = accounts.sync_account(store, account, PASSWORD)
    assert (report.added, report.updated) == (0, 1)
    ann = store.contacts.get(store.contacts.ids()[0])
    assert store.contacts.count() == 1 and ann.birthday is not None and ann.phones


def test_wrong_password_and_server_down_say_so_and_change_nothing(store, carddav) -> None:
    carddav.make_book()
    with pytest.raises(StudioError, match="refused the user name or password"):
        accounts.add_carddav_account(store, carddav.url, USER, "wrong")
    assert accounts.accounts(store) == []
    account, _ = accounts.add_carddav_account(store, carddav.url, USER, PASSWORD)
    carddav.stop()
    with pytest.raises(StudioError, match="cannot reach 127.0.0.1"):
        accounts.sync_account(store, account, PASSWORD)
    assert store.contacts.count() == 0 and accounts.accounts(store)[0].last_sync is None


def test_several_address_books_need_a_choice(store, carddav) -> None:
    carddav.make_book("customers", "Customers")
    carddav.make_book("family", "Family")
    with pytest.raises(StudioError, match="has 2 address books .*--book"):
        accounts.add_carddav_account(store, carddav.url, USER, PASSWORD)
    account, _ = accounts.add_carddav_account(store, carddav.url, USER, PASSWORD, book="Family")
    assert account.book_url.endswith("/family/")


def test_cli_accounts_and_sync(carddav, tmp_path: Path, monkeypatch, capsys) -> None:
    book = carddav.make_book()
    carddav.put(book, "a.vcf", _card("a-1", "Ada Byron", "ada@example.org"))
    db = str(tmp_path / "cli.sqlite3")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        main(
            [
                "--db",
                db,
                "accounts",
                "add",
                "carddav",
                "--url",
                carddav.url,
                "--user",
                USER,
                "--password-stdin",
            ]
        )
        == 0
    )
    out, err = capsys.readouterr()
    assert "Added Customers" in out and "keyring" in err  # no keyring on a test machine
    assert main(["--db", db, "accounts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["name"], a["user"], a["last_sync"]) for a in listed] == [("Customers", USER, None)]
    assert PASSWORD not in (tmp_path / "cli.sqlite3").read_bytes().decode("latin-1")

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--db", db, "sync", "--password-stdin"]) == 0
    assert "1 card fetched; 1 added" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("nope\n"))
    assert main(["--db", db, "sync", "Customers", "--password-stdin"]) == 1
    assert "refused the user name or password" in capsys.readouterr().err
    assert main(["--db", db, "sync", "Other"]) == 1
    assert "no account called 'Other'" in capsys.readouterr().err
    assert main(["--db", db, "accounts", "remove", "Customers"]) == 0
    assert "contacts stay" in capsys.readouterr().out
    assert main(["--db", db, "contacts", "--json"]) == 0
    assert [c["display_name"] for c in json.loads(capsys.readouterr().out)] == ["Ada Byron"]


def test_a_forgotten_sync_token_falls_back_to_etags(store, carddav) -> None:
    book = carddav.make_book()
    carddav.put(book, "a.vcf", _card("a-1", "Ada Byron", "ada@example.org"))
    carddav.put(book, "b.vcf", _card("b-1", "Bo Diddley", "bo@example.org"))
    account, _ = accounts.add_carddav_account(store, carddav.url, USER, PASSWORD)
    accounts.sync_account(store, account, PASSWORD)
    carddav.put(book, "b.vcf", _card("b-1", "Bo Diddley", "bo@example.org", "NOTE:new\r\n"))
    carddav.delete(book, "a.vcf")
    # The server no longer knows the token (a reset, a restore): compare ETags instead.
    with store.transaction():
        store.accounts.finish_sync(
            account.id, "http://radicale.org/ns/sync/unknown-token", "2026-01-01T00:00:00"
        )
    account = accounts.chosen_accounts(store, None)[0]
    report = accounts.sync_account(store, account, PASSWORD)
    assert report.transferred == 1 and report.updated == 1 and report.deleted_on_server == ["Ada Byron"]
