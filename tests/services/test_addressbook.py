"""Importing into a real SQLite store: counts, re-import, merging, transactions."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.errors import Cancelled
from studio.model import Contact, Email, Phone
from studio.progress import Progress
from studio.services import addressbook
from studio.store import open_store

IPHONE = "ez-vcard/John_Doe_IPHONE.vcf"
ANDROID = "ez-vcard/John_Doe_ANDROID.vcf"
NEXTCLOUD = "nextcloud/contact-multiple.vcf"


def test_import_counts_and_reimport_changes_nothing(store, corpus: Path) -> None:
    files = [corpus / NEXTCLOUD, corpus / IPHONE]
    first = addressbook.import_vcards(store, files)
    assert first.added == 8 and first.updated == 0 and not first.rejected
    count = store.contacts.count()
    second = addressbook.import_vcards(store, files)
    assert second.added == 0 and second.updated == 0 and second.unchanged == 8
    assert store.contacts.count() == count


def test_whole_corpus_imports_without_rejecting_real_exports(store, corpus: Path) -> None:
    files = sorted(corpus.rglob("*.vcf"))
    report = addressbook.import_vcards(store, files)
    assert report.files + len(report.rejected) == len(files)
    assert store.contacts.count() > 100
    for problem in report.problems:  # every problem names its file and line
        assert str(problem).split(":")[0].endswith(".vcf")


def test_same_person_from_another_source_is_merged_without_loss(store) -> None:
    with store.transaction():
        addressbook.import_contact(store, Contact(given_name="Anna", family_name="Smirnova",
                                                  emails=[Email("Anna@Example.com", "home")],
                                                  notes="Loves lilies"))
    outcome = addressbook.import_contact(store, Contact(
        given_name="Anna", family_name="Smirnova", emails=[Email("anna@example.com", "")],
        phones=[Phone("+1 555 010 2030", "cell")], notes=""))
    assert outcome == "updated"
    [contact] = store.contacts.list()
    assert contact.notes == "Loves lilies"
    assert [p.value for p in contact.phones] == ["+1 555 010 2030"]
    assert len(contact.emails) == 1


def test_two_people_sharing_a_name_stay_apart(store) -> None:
    with store.transaction():
        addressbook.import_contact(store, Contact(given_name="John", family_name="Smith",
                                                  emails=[Email("john@a.example")]))
        addressbook.import_contact(store, Contact(given_name="John", family_name="Smith",
                                                  emails=[Email("john@b.example")]))
    assert store.contacts.count() == 2


def test_a_shared_household_phone_does_not_merge_two_people(store) -> None:
    with store.transaction():
        addressbook.import_contact(store, Contact(given_name="Zoë", family_name="Ångström",
                                                  phones=[Phone("+46 8 123 456 78", "home")]))
        addressbook.import_contact(store, Contact(given_name="Henrik", family_name="Ångström",
                                                  phones=[Phone("+46 8 123 456 78", "home")]))
    assert store.contacts.count() == 2


def test_a_file_that_is_not_a_vcard_is_rejected_and_the_others_imported(store, corpus: Path,
                                                                         tmp_path: Path) -> None:
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    report = addressbook.import_vcards(store, [pdf, corpus / IPHONE])
    assert [path for path, _ in report.rejected] == [str(pdf)]
    assert report.added == 1


def test_cancel_mid_file_leaves_the_store_as_before_that_file(store, corpus: Path) -> None:
    addressbook.import_vcards(store, [corpus / IPHONE])
    calls = {"n": 0}

    def cancel_on_second_file() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        addressbook.import_vcards(store, [corpus / NEXTCLOUD], Progress(cancelled=cancel_on_second_file))
    assert store.contacts.count() == 1


def test_a_killed_import_leaves_a_consistent_store(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from bench_import import generate

    vcf, db = tmp_path / "big.vcf", tmp_path / "kill.sqlite3"
    generate(vcf, 3000)
    child = subprocess.Popen([sys.executable, "-m", "studio", "--db", str(db), "import", str(vcf)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + "-wal")
    deadline = time.monotonic() + 60
    # Kill as soon as the import transaction has started writing pages.
    while not (wal.exists() and wal.stat().st_size > 64_000) and time.monotonic() < deadline:
        time.sleep(0.005)
    child.kill()
    child.wait()
    with open_store(db) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.contacts.count() in (0, 3000)


def test_select_contact_ids(store) -> None:
    from studio.errors import StudioError, UsageError

    with store.transaction():
        a = store.contacts.add(Contact(given_name="A", tags=["customer"]))
        b = store.contacts.add(Contact(given_name="B"))
    assert addressbook.select_contact_ids(store, ids=[b, a]) == [b, a]
    assert addressbook.select_contact_ids(store, tag="customer") == [a]
    assert addressbook.select_contact_ids(store, everyone=True) == [a, b]
    with pytest.raises(StudioError, match="no contact with id 999") as unknown:
        addressbook.select_contact_ids(store, ids=[999])
    assert not isinstance(unknown.value, UsageError)  # exit 1: the address book, not the command line
    with pytest.raises(UsageError):
        addressbook.select_contact_ids(store)
    assert addressbook.select_contact_ids(store, ids=[b, a, b]) == [b, a]  # each contact once


def test_selecting_everyone_from_an_empty_address_book_says_what_to_do(store) -> None:
    from studio.errors import StudioError

    empty = r"address book is empty; import contacts first \(`studio import`\)"
    with pytest.raises(StudioError, match=empty):
        addressbook.select_contact_ids(store, everyone=True)


def test_an_undone_delete_brings_back_the_contact_its_orders_and_its_mailing_history(store) -> None:
    import datetime as dt

    from studio.store.history import Event, Mailing, MailingItem

    with store.transaction():
        ana = store.contacts.add(Contact(given_name="Ana", family_name="Silva", tags=["customer"]))
        ben = store.contacts.add(Contact(given_name="Ben", family_name="Okafor"))
        store.history.add_event(Event(contact_id=ana, kind="order", date=dt.date(2026, 10, 2), note="#1042"))
        mailing = store.history.add_mailing(Mailing("christmas", 2025, "holiday-snow", items=[
            MailingItem(1, ana, "Ana Silva", "christmas", dt.date(2025, 12, 25), "holiday-snow"),
            MailingItem(2, ben, "Ben Okafor", "christmas", dt.date(2025, 12, 25), "holiday-snow"),
        ]))
        store.history.mark_sent(mailing, dt.date(2025, 12, 10))

    deleted = addressbook.delete_contacts(store, [ana, 9999])
    assert [d.contact.name for d in deleted] == ["Ana Silva"]
    assert store.contacts.get(ana) is None
    assert store.history.events(contact_id=ana) == []
    assert store.history.contacts_mailed("christmas", 2025) == {ben}
    assert [i.contact_name for i in store.history.mailing(mailing).items] == ["Ana Silva", "Ben Okafor"]

    addressbook.restore_contacts(store, deleted)
    back = store.contacts.get(ana)
    assert back is not None and back.name == "Ana Silva" and back.tags == ["customer"]
    assert [(e.kind, e.note) for e in store.history.events(contact_id=ana)] == [("order", "#1042")]
    assert store.history.contacts_mailed("christmas", 2025) == {ana, ben}
    assert store.history.last_sent_card([ana]) == {ana: dt.date(2025, 12, 10)}

    # Undo, redo, undo again: the same state each time, nothing doubled.
    addressbook.restore_contacts(store, addressbook.delete_contacts(store, [ana]))
    assert len(store.history.events(contact_id=ana)) == 1
    assert store.history.item_positions(ana) == [(mailing, 1)]
