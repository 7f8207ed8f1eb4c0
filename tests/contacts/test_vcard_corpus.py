"""Every file of the real-world corpus: read without an exception, every card accounted for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studio.contacts.reader import NotAVCardError, read_vcard_file
from tests.conftest import CORPUS

FILES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.vcf")) if CORPUS.is_dir() else []

# Files that are not vCards at all: no BEGIN:VCARD line, or nothing but a BOM.
REJECTED = {"evolution-data-server/7.vcf", "apple-ccs-caldavtester/vcarderrors/4.vcf",
            "folkerkinzel-vcards/Empty.vcf"}
# Cards that are read but refused, with a problem saying why.
SKIPPED = {
    "aosp-vcard/v21_android_custom_prop.vcf": 1,  # only X-ANDROID-CUSTOM rows: no one to import
    "kde-kcontacts/vcard7.vcf": 1,  # an empty N and a LABEL: nothing identifies a person
    "apple-ccs-caldavtester/vcardput/16.vcf": 1,  # an Apple contact group
    "vobject/vcard40_group.vcf": 1,  # KIND:group
}
_BEGIN = re.compile(r"(?im)^[ \t]*BEGIN:VCARD")


def begin_lines(path: Path) -> int:
    data = path.read_bytes()
    text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("latin-1")
    text = text.removeprefix("\ufeff").removeprefix("\xef\xbb\xbf")
    return len(_BEGIN.findall(text))


def test_the_corpus_is_there(corpus: Path) -> None:  # the fixture skips where the corpus is absent
    assert len(FILES) == 143


@pytest.mark.parametrize("name", FILES)
def test_every_card_is_imported_or_reported(name: str) -> None:
    path = CORPUS / name
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
    skipped_reports = [p for p in parsed.problems if p.message.startswith("card skipped")]
    assert len(skipped_reports) == parsed.skipped
    for card in parsed.cards:
        contact = card.contact
        assert contact.id is None
        assert contact.name.strip() or contact.phones, f"{name}:{card.line} has no name, e-mail or phone"
        assert 1 <= card.line <= physical_lines


def test_card_lines_point_at_begin(corpus: Path) -> None:
    parsed = read_vcard_file(corpus / "nextcloud/contact-multiple.vcf")
    lines = (corpus / "nextcloud/contact-multiple.vcf").read_text().splitlines()
    assert all(lines[card.line - 1].startswith("BEGIN:VCARD") for card in parsed.cards)


def test_problem_reads_file_colon_line(corpus: Path) -> None:
    parsed = read_vcard_file(corpus / "khard/text-bday.vcf")
    assert [str(p) for p in parsed.problems] == [
        f"{corpus / 'khard/text-bday.vcf'}:5: the birthday 'circa 1800' is not a date; it was left out "
        "(text birthday)"]
    assert parsed.cards[0].contact.display_name == "text birthday"  # the rest of the card is kept
