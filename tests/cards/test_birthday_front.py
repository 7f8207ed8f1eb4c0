"""The birthday card's front: the name reads across the room, not at 7 pt."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from studio.cli import main
from studio.model import Address, Contact, PartialDate, Sender
from studio.store import open_store


def _render(tmp_path: Path, capsys, *people: Contact) -> Path:
    path = tmp_path / "birthdays.sqlite3"
    with open_store(path) as store, store.transaction():
        ids = [store.contacts.add(person) for person in people]
        settings = store.settings.load()
        settings.sender = Sender(name="Maya Lindqvist")
        store.settings.save(settings)
    out = tmp_path / "birthday.pdf"
    status = main(["--db", str(path), "render", "birthday-balloons", "--contact", *map(str, ids),
                   "--out", str(out), "--paper", "letter", "--today", "2026-05-01"])
    assert status == 0, capsys.readouterr().err
    return out


def _word_sizes(page, word: str) -> list[float]:
    chars = page.chars
    joined = "".join(c["text"] for c in chars)
    start = joined.find(word)
    assert start != -1, joined[:300]
    return [round(c["size"], 1) for c in chars[start:start + len(word)]]


def test_the_name_on_the_birthday_front_is_at_least_14_pt(tmp_path: Path, capsys) -> None:
    home = Address("1428 Elm Street", "Springfield", "IL", "62704", "USA")
    zoe = Contact(given_name="Zoë", family_name="Ångström", birthday=PartialDate(5, 20), addresses=[home])
    long = Contact(given_name="Maximiliane-Charlotte", family_name="Lee", birthday=PartialDate(5, 21),
                   addresses=[home])
    out = _render(tmp_path, capsys, zoe, long)
    assert "warning" not in capsys.readouterr().err.casefold()  # nothing overflowed
    with pdfplumber.open(out) as pdf:
        front = pdf.pages[0]  # the outside page of the sheet: both fronts
        for name in ("ZOË", "MAXIMILIANE-CHARLOTTE"):
            sizes = _word_sizes(front, name)
            assert min(sizes) >= 14, (name, sizes)
