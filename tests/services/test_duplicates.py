"""The possible-duplicates review over a real store: what an import merges, what waits for
the user, merging with history, keeping apart, and undoing a merge."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest

from studio.errors import StudioError
from studio.model import Contact, Email, PartialDate, Phone
from studio.services import duplicates
from studio.services.addressbook import export_vcards, import_vcards
from studio.store import Store
from studio.store.history import Event, Mailing, MailingItem

FIXTURES = Path(__file__).parents[1] / "contacts" / "fixtures" / "duplicates"
NOW = dt.datetime(2026, 12, 6, 10, 0)


def import_both(store: Store):
    import_vcards(store, [FIXTURES / "phone.vcf"])
    return import_vcards(store, [FIXTURES / "mail.vcf"])


def names(store: Store) -> list[str]:
    return sorted(c.name for c in store.contacts.list())


def test_an_import_merges_the_sure_pair_and_leaves_the_uncertain_ones_for_review(store: Store) -> None:
    report = import_both(store)

    # Mike / Michael with one e-mail merged; two Robert Langs (other birthdays) and two
    # Lea Novaks (other flats) stay two contacts each, nothing of them lost.
    assert (report.added, report.updated) == (2, 1)
    assert names(store) == ["Lea Novak", "Lea Novak", "Mike Brandt", "Robert Lang", "Robert Lang"]
    langs = [c for c in store.contacts.list() if c.family_name == "Lang"]
    assert sorted(c.birthday.iso() for c in langs) == ["1958-04-12", "1986-09-30"]
    streets = sorted(c.addresses[0].street for c in store.contacts.list() if c.family_name == "Novak")
    assert streets == ["40 Harbour Road\nApt 2", "40 Harbour Road\nApt 5"]
    mike = next(c for c in store.contacts.list() if c.family_name == "Brandt")
    assert [p.value for p in mike.phones] == ["+1 312 555 0199"]

    pairs = duplicates.possible_duplicates(store)
    assert report.possible_duplicates == 2
    assert [p.first.name for p in pairs] == ["Lea Novak", "Robert Lang"]
    assert pairs[0].conflicts == ("different flats (apt 2 / apt 5)",)
    assert "different birthdays (1958-04-12 / 1986-09-30)" in pairs[1].conflicts
    assert "possible duplicates to review" in report.summary()


def test_keeping_a_pair_apart_is_remembered(store: Store) -> None:
    import_both(store)
    novaks = duplicates.possible_duplicates(store)[0]
    duplicates.keep_apart(store, *novaks.ids, now=NOW)
    assert [p.first.name for p in duplicates.possible_duplicates(store)] == ["Robert Lang"]
    import_both(store)  # the same files again change nothing, and do not bring the pair back
    assert len(store.contacts.list()) == 5
    assert [p.first.name for p in duplicates.possible_duplicates(store)] == ["Robert Lang"]


def test_a_merge_joins_history_and_can_be_undone_whole(store: Store) -> None:
    import_both(store)
    langs = duplicates.possible_duplicates(store)[1]
    keep, other = langs.ids
    store.history.add_event(Event(other, "order", dt.date(2026, 3, 1), "skin care set"))
    with store.transaction():
        mailing_id = store.history.add_mailing(Mailing(
            "birthday", 2026, "birthday-classic", "cards.pdf",
            items=[MailingItem(0, other, "Robert Lang", "birthday", dt.date(2026, 9, 30), "birthday")]))
    before_keep, before_other = store.contacts.get(keep), store.contacts.get(other)

    record = duplicates.merge_pair(store, keep, other, now=NOW)

    merged = store.contacts.get(keep)
    assert store.contacts.get(other) is None
    assert [e.value for e in merged.emails] == ["bobby.lang@example.net"]
    assert merged.birthday == before_keep.birthday  # what the kept one had stays
    assert [e.note for e in store.history.events(contact_id=keep)] == ["skin care set"]
    assert store.history.item_positions(keep) == [(mailing_id, 0)]
    assert duplicates.possible_duplicates(store)[0].first.name == "Lea Novak"
    assert [r.id for r in duplicates.merges(store)] == [record.id]
    import_vcards(store, [FIXTURES / "mail.vcf"])  # the merged card imported again: unchanged
    assert len(store.contacts.list()) == 4

    kept, restored = duplicates.undo_merge(store, record.id, now=NOW)

    assert store.contacts.get(keep) == before_keep
    assert restored.id == other and store.contacts.get(other) == before_other
    assert [e.note for e in store.history.events(contact_id=other)] == ["skin care set"]
    assert store.history.item_positions(other) == [(mailing_id, 0)]
    assert duplicates.merges(store) == []
    assert [p.first.name for p in duplicates.possible_duplicates(store)] == ["Lea Novak"]  # kept apart now
    import_vcards(store, [FIXTURES / "mail.vcf"])  # and its card is the restored one's again
    assert len(store.contacts.list()) == 5
    with pytest.raises(StudioError, match="no merge number"):
        duplicates.undo_merge(store, record.id)


def test_pairs_stored_before_the_rule_are_offered_once(store: Store) -> None:
    with store.transaction():
        store.contacts.add(Contact(display_name="Mike Brandt", given_name="Mike", family_name="Brandt",
                                   emails=[Email("mike@b.example")]))
        store.contacts.add(Contact(display_name="Michael Brandt", given_name="Michael", family_name="Brandt",
                                   emails=[Email("mike@b.example")], birthday=PartialDate(2, 3)))
    (pair,) = duplicates.possible_duplicates(store)
    assert pair.shared == ("the e-mail mike@b.example",)


def test_decisions_name_an_unknown_contact(store: Store) -> None:
    with pytest.raises(StudioError, match="no contact with id 41"):
        duplicates.merge_pair(store, 41, 42)
    with pytest.raises(StudioError, match="itself"):
        duplicates.merge_pair(store, 1, 1)


def test_people_a_broken_exporter_gave_one_uid_stay_apart_for_review(store: Store) -> None:
    report = import_vcards(store, [FIXTURES / "shared_uid.vcf"])

    assert (report.added, report.updated) == (2, 0)
    anna, tomas = sorted(store.contacts.list(), key=lambda c: c.given_name)
    assert [e.value for e in anna.emails] == ["anna.berg@example.com"]
    assert [a.city for a in tomas.addresses] == ["El Paso"]
    [pair] = duplicates.possible_duplicates(store)
    assert pair.conflicts == ("different names (Anna Berg / Tomás Ortega)",)


def _vcf(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(f"{line}\r\n" for line in lines)
                    + "END:VCARD\r\n", encoding="utf-8")
    return path


def _set_home(store: Store, country: str) -> None:
    with store.transaction():
        store.settings.save(dataclasses.replace(store.settings.load(), home_country=country))


def test_a_number_written_nationally_and_internationally_merges_and_keeps_its_text(
        store: Store, tmp_path: Path) -> None:
    phone = _vcf(tmp_path, "phone.vcf", "N:Müller;Jürgen;;;", "FN:Jürgen Müller",
                 "TEL;TYPE=cell:0171 2345678", "ADR;TYPE=home:;;Invalidenstraße 10;Berlin;;10115;Deutschland")
    mail = _vcf(tmp_path, "mail.vcf", "N:Müller;J.;;;", "FN:J. Müller", "TEL;TYPE=cell:+49 171 234-5678",
                "EMAIL:j.mueller@example.de")
    report = import_vcards(store, [phone, mail])  # the home country stays the default, the US
    assert (report.added, report.updated) == (1, 1)
    (merged,) = store.contacts.list()
    assert [p.value for p in merged.phones] == ["0171 2345678"]  # one number, as the user wrote it
    out = io.StringIO()
    export_vcards(store, out)
    assert "0171 2345678" in out.getvalue() and "+49 171 234-5678" not in out.getvalue()


def test_the_same_last_nine_digits_in_two_countries_stay_two_contacts(store: Store, tmp_path: Path) -> None:
    london = _vcf(tmp_path, "london.vcf", "N:Smith;J.;;;", "FN:J. Smith", "TEL:+44 20 7946 0958")
    berlin = _vcf(tmp_path, "berlin.vcf", "N:Smith;Jane;;;", "FN:Jane Smith", "TEL:030 7946 0958",
                  "ADR:;;Invalidenstraße 10;Berlin;;10115;DE")
    report = import_vcards(store, [london, berlin])
    assert (report.added, report.updated) == (2, 0)
    assert duplicates.possible_duplicates(store) == []


def test_two_extensions_of_one_switchboard_stay_two_contacts(store: Store, tmp_path: Path) -> None:
    first = _vcf(tmp_path, "a.vcf", "N:Okoye;R.;;;", "FN:R. Okoye", "TEL;TYPE=work:+1 212 555 0100;ext=12")
    second = _vcf(tmp_path, "b.vcf", "N:Okoye;Ruth;;;", "FN:Ruth Okoye", "TEL;TYPE=work:212-555-0100 x14")
    again = _vcf(tmp_path, "c.vcf", "N:Okoye;Ruth;;;", "FN:Ruth Okoye",
                 "TEL;TYPE=work:(212) 555-0100 ext. 14", "EMAIL:ruth@okoye.example")
    report = import_vcards(store, [first, second, again])
    assert (report.added, report.updated) == (2, 1)  # ext. 14 written twice is one line


def test_a_new_home_country_rereads_numbers_without_a_country(store: Store, tmp_path: Path) -> None:
    import_vcards(store, [_vcf(tmp_path, "a.vcf", "N:Brandt;Mike;;;", "FN:Mike Brandt", "TEL:030 1234567")])
    with store.transaction():
        store.contacts.add(Contact(display_name="Michael Brandt", given_name="Michael", family_name="Brandt",
                                   phones=[Phone("+49 30 1234567")], birthday=PartialDate(2, 3)))
    assert duplicates.possible_duplicates(store) == []  # for a US user "030 …" is no Berlin number
    _set_home(store, "DE")
    (pair,) = duplicates.possible_duplicates(store)
    assert pair.shared == ("a phone number ending 4567",)
    assert sorted(store.contacts.ids(search="030 1234567")) == sorted(pair.ids)


def test_a_merge_keeps_the_follow_ups_of_the_contact_it_absorbs(store: Store) -> None:
    import_both(store)
    keep, other = duplicates.possible_duplicates(store)[1].ids
    day = dt.date(2026, 11, 2)
    with store.transaction():
        store.sequences.enrol(other, "new-customer", day, day, day, "order")
        store.sequences.enrol(keep, "reorder", day, day, day, "order")

    duplicates.merge_pair(store, keep, other, now=NOW)

    kept = {(e.contact_id, e.sequence) for e in store.sequences.enrolments(contact_id=keep)}
    assert kept == {(keep, "new-customer"), (keep, "reorder")}
