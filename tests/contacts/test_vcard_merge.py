"""Merging records of one person; refusing to merge two people who share a name."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.contacts.identity import identity_keys, names_compatible
from studio.contacts.merge import merge_contacts
from studio.contacts.reader import NotAVCardError, read_vcard_bytes, read_vcard_file
from studio.model import Address, Contact, Email, LabelledDate, PartialDate, Phone
from studio.services.addressbook import import_contact
from studio.store import Store


def one(corpus: Path, name: str) -> Contact:
    return read_vcard_file(corpus / name).cards[0].contact


def test_the_same_person_exported_by_iphone_and_gmail_is_merged_without_losing_anything(corpus: Path) -> None:
    iphone = one(corpus, "ez-vcard/John_Doe_IPHONE.vcf")
    iphone.id = 7
    gmail = one(corpus, "ez-vcard/John_Doe_GMAIL.vcf")
    assert ("email", "john.doe@ibm.com") in identity_keys(iphone) & identity_keys(gmail)
    assert names_compatible(iphone, gmail)
    before = copy.deepcopy(iphone), copy.deepcopy(gmail)

    merged = merge_contacts(iphone, gmail, "US")  # a user in the US: Gmail's numbers have no country

    assert (iphone, gmail) == before  # the inputs are untouched
    assert merged.id == 7
    assert merged.display_name == "Mr. John Richter James Doe Sr."  # what the user had is kept
    assert merged.birthday == PartialDate(6, 6, 2012)  # not replaced by Gmail's 1980-03-22
    assert merged.photo == iphone.photo
    assert merged.spouse == "Jenny" and merged.anniversary == PartialDate(3, 1, 1975)  # new details added
    assert merged.notes == gmail.notes  # the iPhone card had no note
    assert [e.value for e in merged.emails] == ["john.doe@ibm.com"]  # one e-mail, not two
    assert [p.value for p in merged.phones] == [p.value for p in iphone.phones]  # Gmail's two are known
    streets = [a.street.split("\n")[0] for a in merged.addresses]
    assert streets == ["Silicon Alley 5,", "Street4", "Crescent moon drive"]
    assert merge_contacts(merged, gmail, "US") == merged  # importing Gmail's file again changes nothing


def test_two_people_who_share_a_name_are_not_merged() -> None:
    boston = Contact(display_name="John Smith", given_name="John", family_name="Smith",
                     emails=[Email("john@boston.example")],
                     addresses=[Address("1 Beacon St", "Boston", "MA", "02108", "USA")])
    denver = Contact(display_name="John Smith", given_name="John", family_name="Smith",
                     emails=[Email("jsmith@denver.example")],
                     addresses=[Address("5 Colfax Ave", "Denver", "CO", "80202", "USA")])
    assert not identity_keys(boston) & identity_keys(denver)  # nothing leads from one to the other


def test_a_shared_household_phone_does_not_merge_two_people() -> None:
    anna = Contact(given_name="Anna", family_name="Müller", phones=[Phone("+49 30 1234567", "home")])
    peter = Contact(given_name="Peter", family_name="Müller", phones=[Phone("030 1234567", "home")])
    assert identity_keys(anna, "DE") & identity_keys(peter, "DE")  # the same number, written two ways
    assert not names_compatible(anna, peter)


def test_the_same_name_and_address_from_another_source_is_merged() -> None:
    phone_book = Contact(given_name="Ingrid", family_name="Berg", birthday=PartialDate(2, 29),
                         addresses=[Address("Storgatan 1", "Uppsala", "", "753 20", "Sweden", "home")])
    mail_client = Contact(given_name="Ingrid", family_name="Berg", birthday=PartialDate(2, 29, 1984),
                          emails=[Email("ingrid@example.se", "work")],
                          addresses=[Address("Storgatan 1\nLgh 1101", "UPPSALA", "", "75320", "SE", "")])
    assert identity_keys(phone_book) & identity_keys(mail_client)
    assert names_compatible(phone_book, mail_client)
    merged = merge_contacts(phone_book, mail_client)
    assert merged.birthday == PartialDate(2, 29, 1984)  # the missing year is filled in
    assert len(merged.addresses) == 1 and merged.addresses[0].label == "home"  # same street + postcode
    assert [e.value for e in merged.emails] == ["ingrid@example.se"]


def test_empty_values_never_overwrite_and_labels_are_filled() -> None:
    mine = Contact(id=3, given_name="Zoë", family_name="Okafor", organization="Okafor Ltd",
                   emails=[Email("ZOE@Example.com")], phones=[Phone("0171 2345678")], tags=["VIP"],
                   notes="Likes lilies", customer_since=PartialDate(5, 1, 2019))
    theirs = Contact(given_name="", family_name="Okafor", title="Director", organization="",
                     emails=[Email("zoe@example.com", "work", True)],
                     phones=[Phone("+49 171 2345678", "cell")],
                     tags=["vip", "Newsletter"], notes="Likes lilies",
                     dates=[LabelledDate("First order", PartialDate(6, 2, 2019))])
    merged = merge_contacts(mine, theirs, "DE")  # "0171 …" is a German user's mobile
    assert (merged.given_name, merged.organization, merged.title) == ("Zoë", "Okafor Ltd", "Director")
    assert [(e.value, e.label) for e in merged.emails] == [("ZOE@Example.com", "work")]
    assert [(p.value, p.label) for p in merged.phones] == [("0171 2345678", "cell")]
    assert merged.tags == ["VIP", "Newsletter"]
    assert merged.notes == "Likes lilies"
    assert merged.customer_since == PartialDate(5, 1, 2019)
    assert merged.dates == theirs.dates
    theirs.notes = "Prefers e-mail"
    assert merge_contacts(mine, theirs).notes == "Likes lilies\n\nPrefers e-mail"


def test_reimporting_any_corpus_contact_changes_nothing(corpus: Path) -> None:
    for path in sorted(corpus.rglob("*.vcf")):
        try:
            cards = read_vcard_file(path).cards
        except NotAVCardError:
            continue
        for card in cards:
            again = read_vcard_file(path).cards[cards.index(card)].contact
            assert merge_contacts(card.contact, again) == card.contact, f"{path}:{card.line}"


# --- properties over random contacts -----------------------------------------------------

_text = st.text(alphabet=st.sampled_from("abcXYZ äß-'. "), max_size=8)
_years = st.one_of(st.none(), st.integers(1900, 2020))
_dates = st.builds(PartialDate, st.integers(1, 12), st.integers(1, 28), _years)
_contacts = st.builds(
    Contact,
    given_name=_text, family_name=_text, organization=_text, nickname=_text, title=_text, spouse=_text,
    notes=_text, uid=_text,
    emails=st.lists(st.builds(Email, st.from_regex(r"[a-c]{1,3}@[a-c]\.org", fullmatch=True), _text),
                    max_size=3),
    phones=st.lists(st.builds(Phone, st.from_regex(r"\+?[0-9 ]{6,12}", fullmatch=True), _text), max_size=3),
    addresses=st.lists(st.builds(Address, _text, _text, _text, st.from_regex(r"[0-9]{0,5}", fullmatch=True),
                                 _text, _text), max_size=2),
    birthday=st.one_of(st.none(), _dates), anniversary=st.one_of(st.none(), _dates),
    dates=st.lists(st.builds(LabelledDate, _text, _dates), max_size=2),
    tags=st.lists(_text, max_size=3),
    photo=st.one_of(st.none(), st.binary(min_size=1, max_size=8)),
)


@settings(max_examples=150, deadline=None)
@given(_contacts, _contacts)
def test_merge_keeps_everything_existing_and_is_idempotent(existing: Contact, incoming: Contact) -> None:
    merged = merge_contacts(existing, incoming)
    assert merge_contacts(existing, existing) == existing
    assert merge_contacts(merged, incoming) == merged
    for name in ("given_name", "family_name", "organization", "nickname", "title", "spouse", "uid"):
        if getattr(existing, name).strip():
            assert getattr(merged, name) == getattr(existing, name)
    if existing.notes.strip():  # a blank note counts as empty and may be filled
        assert existing.notes in merged.notes
    assert merged.emails[:len(existing.emails)] == existing.emails or all(
        e.value in [m.value for m in merged.emails] for e in existing.emails)
    assert all(p.value in [m.value for m in merged.phones] for p in existing.phones)
    assert all(a.street in [m.street for m in merged.addresses] for a in existing.addresses)
    assert all(t in merged.tags for t in existing.tags)
    if existing.photo is not None:
        assert merged.photo == existing.photo
    for name in ("birthday", "anniversary"):
        if getattr(existing, name) is not None:
            kept = getattr(merged, name)
            assert (kept.month, kept.day) == (getattr(existing, name).month, getattr(existing, name).day)


# --- names written only as FN, titles, missing family names ---------------------------------

def card(*lines: str, version: str = "4.0") -> Contact:
    data = "\r\n".join(("BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", "")).encode()
    return read_vcard_bytes(data, "test.vcf").cards[0].contact


def import_all(store: Store, *contacts: Contact) -> list[str]:
    with store.transaction():
        return [import_contact(store, contact) for contact in contacts]


def test_a_title_before_the_display_name_is_no_contradiction(store: Store) -> None:
    # the reviewer's repro: vCard 4 cards with FN and no N, the same e-mail in another case
    existing = card("FN:Jane Smith", "EMAIL:jane@x.org")
    incoming = card("FN:Dr. Jane Smith", "EMAIL:JANE@x.org", "TEL:555 123 4567", version="3.0")
    assert names_compatible(existing, incoming)
    assert import_all(store, existing, incoming) == ["added", "updated"]
    [merged] = store.contacts.list()
    assert merged.display_name == "Jane Smith"  # what the user had is kept
    assert [e.value for e in merged.emails] == ["jane@x.org"]
    assert [p.value for p in merged.phones] == ["555 123 4567"]


def test_a_missing_family_name_is_no_contradiction(store: Store) -> None:
    existing = card("FN:Anna Berg", "TEL:+1 (503) 555-0101")
    incoming = card("FN:Anna", "TEL:+1 503 555 0101", "EMAIL:anna@berg.example")
    assert names_compatible(existing, incoming)
    assert import_all(store, existing, incoming) == ["added", "updated"]
    [merged] = store.contacts.list()
    assert merged.display_name == "Anna Berg"
    assert [e.value for e in merged.emails] == ["anna@berg.example"]


@pytest.mark.parametrize(("existing", "incoming"), [
    (Contact(given_name="Jane", family_name="Smith"), Contact(display_name="Smith, Jane")),
    (Contact(given_name="Jane", family_name="Smith"), Contact(display_name="Jane Smith, PhD")),
    (Contact(given_name="Jane", family_name="Smith"), Contact(display_name="J. Smith")),
    (Contact(given_name="Anna", family_name="Berg"), Contact(display_name="Mrs. Berg")),
    (Contact(given_name="Zoë", family_name="Ångström-Núñez"), Contact(display_name="Zoe Núñez")),
    (Contact(given_name="Robert", family_name="Smith", nickname="Bob"), Contact(display_name="Bob Smith")),
    (Contact(given_name="太郎", family_name="山田"), Contact(display_name="山田太郎")),
    (Contact(given_name="Erzsébet", family_name="Kovács"), Contact(display_name="Kovács Erzsébet")),
    (Contact(display_name="Jane Smith"), Contact(display_name="jane@x.org")),  # FN is an address
])
def test_the_same_person_written_differently_is_merged(existing: Contact, incoming: Contact) -> None:
    existing.emails, incoming.emails = [Email("one@example.org")], [Email("ONE@example.org")]
    assert identity_keys(existing) & identity_keys(incoming)
    assert names_compatible(existing, incoming) and names_compatible(incoming, existing)


@pytest.mark.parametrize(("existing", "incoming"), [
    (Contact(display_name="Anna Müller"), Contact(display_name="Peter Müller")),  # household phone, FN only
    (Contact(display_name="Anna Müller"), Contact(display_name="Dr. Peter Müller")),
    (Contact(given_name="Anna", family_name="Müller"), Contact(display_name="Peter")),
    (Contact(display_name="Jane Smith"), Contact(display_name="Janey Smith")),  # a shared family e-mail
    (Contact(given_name="Jane", family_name="Smith"), Contact(given_name="Jane", family_name="Miller")),
    (Contact(display_name="John Smith Sr."), Contact(display_name="John Smith Jr.")),
    (Contact(display_name="Acme Ltd", organization="Acme Ltd"), Contact(display_name="Jane Smith")),
])
def test_different_people_sharing_a_phone_or_e_mail_stay_apart(existing: Contact, incoming: Contact) -> None:
    existing.phones, incoming.phones = [Phone("+49 30 1234567", "home")], [Phone("030 1234567")]
    assert identity_keys(existing, "DE") & identity_keys(incoming, "DE")  # a German user's book
    assert not names_compatible(existing, incoming) and not names_compatible(incoming, existing)


def test_a_shared_household_phone_keeps_two_fn_only_cards_apart_in_the_store(store: Store) -> None:
    anna = card("FN:Anna Müller", "TEL;TYPE=home:+49 30 1234567")
    peter = card("FN:Peter Müller", "TEL;TYPE=home:030 1234567")
    assert import_all(store, anna, peter) == ["added", "added"]


def test_john_sr_and_john_jr_at_one_address_stay_apart(store: Store) -> None:
    home = Address("1 Elm St", "Springfield", "IL", "62704", "USA")
    senior = Contact(given_name="John", family_name="Smith", suffix="Sr.", addresses=[home])
    junior = Contact(given_name="John", family_name="Smith", suffix="Jr.", addresses=[copy.copy(home)])
    assert identity_keys(senior) & identity_keys(junior)
    assert import_all(store, senior, junior) == ["added", "added"]


def test_a_phone_from_a_record_of_another_country_is_not_added_twice() -> None:
    # Found by the property above: the number is keyed in the Åland Islands on the merged
    # card (its address) but in the home country on the incoming one.
    existing = Contact(addresses=[Address(country="AX")])
    incoming = Contact(phones=[Phone("000000")])
    merged = merge_contacts(existing, incoming)
    assert [p.value for p in merged.phones] == ["000000"]
    assert merge_contacts(merged, incoming) == merged
