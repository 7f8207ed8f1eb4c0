"""Bad input never crashes the reader and never costs a contact read before it.

`read_vcard_bytes` may raise NotAVCardError, and nothing else. Its last-resort handler
turns an internal error into a NotAVCardError ("could not be read as a vCard file (…)")
and a card that trips one into "card skipped: it could not be read"; the tests fail on
either, so they find bugs instead of hiding them.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studio.contacts.reader import NotAVCardError, VCardFile, read_vcard_bytes
from tests.conftest import CORPUS

_SAMPLES = ["ez-vcard/John_Doe_ANDROID.vcf", "ez-vcard/John_Doe_IPHONE.vcf", "aosp-vcard/v21_japanese_2.vcf",
            "evolution-data-server/12.vcf", "folkerkinzel-vcards/LabelIssue.vcf", "kde-kcontacts/vcard9.vcf",
            "nextcloud/contact-multiple.vcf", "ez-vcard/rfc6350-example.vcf", "text-vcard-perl/quoted.vcf",
            "folkerkinzel-vcards/MultiAnsiFilterTests/v3Utf16Bom.vcf", "aosp-vcard/v21_nest.vcf",
            "apple-ccs-caldavtester/vcardput/10.vcf", "khard/photov4.vcf", "thunderbird/export.vcf"]
REAL = ([(CORPUS / name).read_bytes() for name in _SAMPLES] if CORPUS.is_dir()
        else [b"BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n"])
GOOD = b"".join((CORPUS / name).read_bytes().rstrip() + b"\r\n" for name in (
    "ez-vcard/John_Doe_GMAIL.vcf", "evolution-data-server/12.vcf", "nextcloud/contact-multiple.vcf",
    "aosp-vcard/v21_x_android_custom_after_photo.vcf")) if CORPUS.is_dir() else b""

_TOKENS = [b"\r", b"\n", b"\r\n", b"\r\r\n", b"\r\n ", b"\r\n\t", b"=", b"=\r\n", b"=C3", b"=\r\n\r\n", b";",
           b":", b",", b"\\", b"\\n", b'"', b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b"BEGIN:FOO\r\n", b"\x00",
           b"\xff\xfe",
           b"\xef\xbb\xbf", b"\xc3", b"\x80", b"\x1b", b";ENCODING=QUOTED-PRINTABLE", b";CHARSET=SHIFT_JIS",
           b";CHARSET=Murks", b";ENCODING=b", b"item1.", b"X-ABLabel:", b"_$!<Anniversary>!$_", b"BDAY:",
           b"--0229", b"19723101", b"X-APPLE-OMIT-YEAR=1604", b"PHOTO:data:image/png;base64,", b"TYPE=",
           b"X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;", b"ADR;LABEL=a:b:", b"#", b" ", b"\t"]

_mutation = st.tuples(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]),
                      st.floats(0, 1), st.floats(0, 1),
                      st.one_of(st.sampled_from(_TOKENS), st.binary(min_size=1, max_size=6)))


def mutate(data: bytes, mutations: list[tuple[str, float, float, bytes]]) -> bytes:
    for kind, where, span, token in mutations:
        at = int(where * len(data))
        end = min(len(data), at + 1 + int(span * 40))
        if kind == "insert":
            data = data[:at] + token + data[at:]
        elif kind == "delete":
            data = data[:at] + data[end:]
        elif kind == "replace":
            data = data[:at] + token + data[end:]
        elif kind == "truncate":
            data = data[:at]
        else:
            data = data[:end] + data[at:]
    return data


def read_safely(data: bytes) -> VCardFile | None:
    """Read ``data``; None when rejected as a whole. Fails on any sign of an internal error."""
    try:
        parsed = read_vcard_bytes(data, "fuzz.vcf")
    except NotAVCardError as exc:
        assert "could not be read as a vCard file (" not in str(exc), str(exc)
        return None
    for problem in parsed.problems:
        assert "could not be read (" not in problem.message, problem.message
        assert problem.file == "fuzz.vcf"
    return parsed


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
@example(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nBEGIN:VCARD")
@example(b"BEGIN:VCARD")
@example(b"BEGIN:VCARD\r\nN;ENCODING=QUOTED-PRINTABLE:=")
@example(b"BEGIN:VCARD\r\nPHOTO;ENCODING=b:\r\n  \r\n")
def test_random_bytes_never_crash(data: bytes) -> None:
    read_safely(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(REAL), st.lists(_mutation, min_size=1, max_size=8))
def test_mutated_real_cards_never_crash(data: bytes, mutations: list) -> None:
    read_safely(mutate(data, mutations))


@pytest.mark.skipif(not GOOD, reason=f"the shared vCard corpus is not at {CORPUS}")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 20), st.lists(_mutation, min_size=1, max_size=8))
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
