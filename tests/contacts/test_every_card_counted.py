"""Every card that starts in a file is imported or reported as FILE:LINE, and the counts add up."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.cli import main
from studio.contacts.reader import read_vcard_bytes, read_vcard_file
from studio.errors import StudioError

FIXTURES = Path(__file__).parent / "fixtures"
_STARTS = re.compile(rb"(?im)^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$")


def test_a_cr_only_card_between_crlf_cards_is_imported_with_the_one_after_it(tmp_path: Path, capsys) -> None:
    parsed = read_vcard_file(FIXTURES / "cr-only-card-between-crlf.vcf")
    assert [c.contact.name for c in parsed.cards] == ["Ann One", "Cr Only", "Bob Three"]
    assert (
        main(["--db", str(tmp_path / "c.sqlite3"), "import", str(FIXTURES / "cr-only-card-between-crlf.vcf")])
        == 0
    )
    assert "3 added" in capsys.readouterr().out


def test_a_card_swallowed_by_the_line_before_is_reported_by_line() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:One;Ann\r\nNOTE;ENCODING=QUOTED-PRINTABLE:see you=\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Two;Bo\r\nEND:VCARD\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Three;Cy\r\nEND:VCARD\r\n"
    )
    parsed = read_vcard_bytes(data, "glued.vcf")
    assert len(parsed.cards) + parsed.skipped == 3
    assert any(str(p).startswith("glued.vcf:5: ") and "not imported" in str(p) for p in parsed.problems)


_LINES = st.sampled_from(
    [
        b"BEGIN:VCARD",
        b"END:VCARD",
        b"VERSION:2.1",
        b"VERSION:3.0",
        b"FN:Ann Lee",
        b"N:Lee;Ann;;;",
        b"EMAIL;TYPE=pref:a@b.org",
        b"NOTE;ENCODING=QUOTED-PRINTABLE:x=",
        b"TEL;PREF=1:+1 555",
        b"BEGIN:VCALENDAR",
        b" folded",
        b"PHOTO;ENCODING=b:AAAA",
        b"ADR;CHARSET=UTF-8:;;M\xfcller 1;;;;",
        b"\xff\xfe",
        b"X-ABLabel:_$!<Home>!$_",
    ]
)
_ENDS = st.sampled_from([b"\r\n", b"\n", b"\r", b"\r\r\n"])


@settings(max_examples=200, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_LINES, _ENDS), max_size=40), st.binary(max_size=30))
def test_fuzzed_vcards_never_raise_and_every_card_is_counted(lines, noise) -> None:  # noqa: ANN001
    data = b"".join(line + end for line, end in lines) + noise
    try:
        parsed = read_vcard_bytes(data, "fuzz.vcf")
    except StudioError:
        return  # a file that is not a vCard at all: one sentence, no traceback
    from studio.contacts.decode import normalise_line_ends

    starts = len(_STARTS.findall(normalise_line_ends(data)))
    assert len(parsed.cards) + parsed.skipped >= starts
    assert all("\ufffd" not in repr(c.contact) or b"\xff\xfe" in data for c in parsed.cards)
