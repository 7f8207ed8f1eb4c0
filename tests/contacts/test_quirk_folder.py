"""Every own quirk fixture (tests/contacts/fixtures/quirks) as the corpus tests treat every corpus
file: read without an exception, every card accounted for, export → import gives the same contacts,
re-reading changes nothing, and a broken tail never costs the cards before it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.contacts.export import write_vcards
from studio.contacts.merge import merge_contacts
from studio.contacts.reader import NotAVCardError, read_vcard_bytes, read_vcard_file
from studio.model import Contact
from tests.contacts.test_vcard_export import normalised
from tests.contacts.test_vcard_robustness import _mutation, mutate, read_safely

QUIRKS = Path(__file__).resolve().parent / "fixtures" / "quirks"
FILES = sorted(p.name for p in QUIRKS.glob("*.vcf"))

REJECTED = {"not-a-vcard.vcf", "bom-only.vcf"}  # no BEGIN:VCARD at all; nothing but a BOM
SKIPPED = {"contact-group.vcf": 1}  # an Apple contact group: read, and refused with a reason
_BEGIN = re.compile(r"(?im)^[ \t]*BEGIN:VCARD")


def begin_lines(path: Path) -> int:
    data = path.read_bytes()
    text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("latin-1")
    return len(_BEGIN.findall(text.removeprefix("\ufeff").removeprefix("\xef\xbb\xbf")))


def test_the_own_fixtures_are_there() -> None:
    assert len(FILES) >= 45
    assert all((QUIRKS / name).stat().st_size < 8192 for name in FILES)  # small, hand-written


@pytest.mark.parametrize("name", FILES)
def test_every_card_is_imported_or_reported(name: str) -> None:
    path = QUIRKS / name
    if name in REJECTED:
        with pytest.raises(NotAVCardError):
            read_vcard_file(path)
        return
    parsed = read_vcard_file(path)
    assert parsed.source == str(path)
    assert parsed.skipped == SKIPPED.get(name, 0), [str(p) for p in parsed.problems]
    assert len(parsed.cards) + parsed.skipped == begin_lines(path)
    physical_lines = path.read_bytes().count(b"\n") + 1
    for problem in parsed.problems:
        assert problem.file == str(path)
        assert problem.line is not None and 1 <= problem.line <= physical_lines
        assert "could not be read" not in problem.message  # no card lost to an internal error
    assert len([p for p in parsed.problems if p.message.startswith("card skipped")]) == parsed.skipped
    for card in parsed.cards:
        assert card.contact.id is None
        assert card.contact.name.strip() or card.contact.phones, f"{name}:{card.line} names no one"
        assert 1 <= card.line <= physical_lines


def _contacts(name: str) -> list[Contact]:
    try:
        return [card.contact for card in read_vcard_file(QUIRKS / name).cards]
    except NotAVCardError:
        return []


@pytest.mark.parametrize("name", FILES)
def test_round_trip_over_the_own_fixtures(name: str) -> None:
    contacts = _contacts(name)
    if not contacts:  # not a vCard, or only a contact group: nothing to export
        return
    out = io.StringIO()
    assert write_vcards(contacts, out) == len(contacts)
    parsed = read_vcard_bytes(out.getvalue().encode("utf-8"), "export.vcf")
    assert not parsed.problems, [str(p) for p in parsed.problems]
    back = [card.contact for card in parsed.cards]
    assert len(back) == len(contacts)
    for original, again in zip(contacts, back, strict=True):
        assert again == normalised(original, again)


def test_one_multi_card_file_of_every_fixture_survives_the_round_trip() -> None:
    everyone = [contact for name in FILES for contact in _contacts(name)]
    assert len(everyone) >= 50
    out = io.StringIO()
    write_vcards(everyone, out)
    back = [card.contact for card in read_vcard_bytes(out.getvalue().encode("utf-8"), "all.vcf").cards]
    assert back == [normalised(original, again) for original, again in zip(everyone, back, strict=True)]


def test_reimporting_any_own_fixture_contact_changes_nothing() -> None:
    for name in FILES:
        for first, again in zip(_contacts(name), _contacts(name), strict=True):
            assert merge_contacts(first, again) == first, name


GOOD = b"".join((QUIRKS / name).read_bytes().rstrip() + b"\r\n" for name in (
    "gmail-extended-address.vcf", "nokia-qp-bare-soft-breaks.vcf", "nextcloud-without-n.vcf",
    "android-custom-anniversary.vcf", "outlook-windows-1252-labels.vcf"))


def test_the_good_cards_are_read_whole() -> None:
    parsed = read_vcard_bytes(GOOD, "fuzz.vcf")
    assert len(parsed.cards) == 8 and not parsed.problems


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 8), st.lists(_mutation, min_size=1, max_size=8))
def test_a_broken_card_never_costs_the_contacts_before_it(keep: int, mutations: list) -> None:
    """Break everything after the first ``keep`` cards: those cards come out unchanged."""
    whole = read_vcard_bytes(GOOD, "fuzz.vcf")
    ends = [i + len(b"END:VCARD\r\n") for i in range(len(GOOD)) if GOOD.startswith(b"END:VCARD\r\n", i)]
    keep = min(keep, len(ends))
    prefix = GOOD[:ends[keep - 1]] if keep else b""
    parsed = read_safely(prefix + mutate(GOOD[len(prefix):], mutations))
    if keep:
        assert parsed is not None
        assert [c.contact for c in parsed.cards[:keep]] == [c.contact for c in whole.cards[:keep]]
        assert [c.line for c in parsed.cards[:keep]] == [c.line for c in whole.cards[:keep]]
