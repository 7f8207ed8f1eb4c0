"""Read a vCard file (2.1, 3.0 or 4.0, as real phones and mail clients export it).

The entry points are `read_vcard_file` and `read_vcard_bytes`. Reading never stops at
bad input: a line that is no property, a field that cannot be read or a card that
identifies no one is reported as a `Problem` (``FILE:LINE: message``) and the rest of
the file is read. Only a file that is not a vCard at all raises `NotAVCardError`.

The pipeline, each step in its own module: bytes → logical lines (`decode`: BOMs,
UTF-16, line ends, folding and quoted-printable soft breaks, all at the byte level) →
properties (`content`: vobject's ``parseLine`` splits each line into group, name,
parameters and value) → cards (here: BEGIN/END, nesting, missing END) → `Contact`
(`mapping`; text decoding per value with `charsets`, `dates`, `photo`, `labels`).
Each card is mapped as soon as its END is read, so only one card's properties are
held at a time.

vobject parses the content lines. Its file reader (``readComponents``) is not used:
what it cannot do has to happen before and around that parse, and is filled in here.
It reads text, so it can neither decode each value by its own CHARSET nor detect the code
page of an undeclared 2.1 file, and it unfolds after decoding, which breaks a UTF-8
sequence folded in two; it fails on (or, with ``ignoreUnreadable``, drops) the lines
after a 2.1 quoted-printable soft break (``=`` at a line end), Android's
backslash-continued values and unfolded base64 lines; and a card with no
END, or a stray END, ends its whole parse even with ``ignoreUnreadable``, where a user's
import must keep every good card. Its text-value helpers are not used either (see
`studio.contacts.text` for the cases it gets wrong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from studio.contacts.charsets import codec_for
from studio.contacts.codepage import guess_code_page
from studio.contacts.content import LineError, Property, parse_property
from studio.contacts.decode import NotAVCardError, is_utf8, logical_lines, normalise_line_ends, to_utf8_bytes
from studio.contacts.mapping import NotAPerson, card_to_contact
from studio.errors import StudioError
from studio.model import Contact

__all__ = ["NotAVCardError", "ParsedCard", "Problem", "VCardFile", "read_vcard_bytes", "read_vcard_file"]


@dataclass(frozen=True)
class Problem:
    """One warning about a file: shown to the user as ``FILE:LINE: message``."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass
class ParsedCard:
    """A contact read from a file (``contact.id`` is None) and where its card starts."""

    contact: Contact
    line: int  # the line of its BEGIN:VCARD (1-based)


@dataclass
class VCardFile:
    """Everything read from one file: the contacts, the problems, how many cards were dropped."""

    source: str
    cards: list[ParsedCard] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0


# A card's first line: what `report_lost_cards` counts (line-start BEGIN:VCARD, any case).
_CARD_START = re.compile(rb"(?im)^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$")


def read_vcard_file(path: Path) -> VCardFile:
    """Read the vCard file at ``path``.

    Raises NotAVCardError when it is not a vCard file at all, StudioError when it cannot
    be read (missing, a folder, no permission).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StudioError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise StudioError(f"{path} is a folder, not a vCard file.") from None
    except OSError as exc:
        raise StudioError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    return read_vcard_bytes(data, str(path))


def read_vcard_bytes(data: bytes, source: str) -> VCardFile:
    """Read vCard data; ``source`` names it in messages. Raises only NotAVCardError.

    A legacy (not UTF-8) file whose code page had to be guessed, and could as well be
    another one, gets one warning naming both, at a line that reads differently in them.
    """
    data, was_unicode = to_utf8_bytes(data, source)
    try:
        doubt: tuple[int, str] | None = None
        if was_unicode or is_utf8(data):
            fallback = "utf-8"
        else:
            fallback, doubt = _legacy_encoding(data)
        collector = _CardCollector(source, fallback)
        if doubt is not None:
            collector.problem(*doubt)
        return collector.read(data)
    except Exception as exc:  # a bug must not take the user's import down with a traceback
        raise NotAVCardError(f"{source} could not be read as a vCard file ({type(exc).__name__}: {exc}).") \
            from exc


def _legacy_encoding(data: bytes) -> tuple[str, tuple[int, str] | None]:
    """The code page of a file that is not UTF-8 (see `codepage.guess_code_page`), and,
    when that guess is uncertain, the line and text of a warning."""
    samples: list[bytes] = []
    lines: list[int] = []
    declared: list[str] = []
    for logical in logical_lines(data):
        if logical.data.isascii():
            continue
        try:
            prop = parse_property(logical.line, logical.data)
        except LineError:
            continue
        if charset := prop.param("CHARSET"):
            if codec := codec_for(charset):
                declared.append(codec)
            continue
        payload = prop.payload()
        if prop.encoding not in ("B", "BASE64") and not is_utf8(payload):
            samples.append(payload)
            lines.append(logical.line)
    if not samples:
        return "utf-8", None
    guess = guess_code_page(samples, declared)
    if not guess.uncertain:
        return guess.codec, None
    return guess.codec, (lines[guess.example or 0], guess.warning())


@dataclass
class _OpenCard:
    line: int
    props: list[Property] = field(default_factory=list)


class _CardCollector:
    """Groups properties into cards and maps each one as soon as it closes."""

    def __init__(self, source: str, fallback: str) -> None:
        self.result = VCardFile(source)
        self.fallback = fallback
        self.open: list[_OpenCard] = []  # a stack: vCards may nest (AOSP's nest fixture)
        self.other: list[str] = []  # BEGIN:FOO … END:FOO blocks being skipped
        self.warned_outside = False
        self.started: set[int] = set()  # lines where a card began

    def problem(self, line: int | None, message: str) -> None:
        self.result.problems.append(Problem(self.result.source, line, message))

    def read(self, data: bytes) -> VCardFile:
        for logical in logical_lines(data):
            try:
                prop = parse_property(logical.line, logical.data)
            except LineError as exc:
                if self.open and not self.other:
                    self.problem(logical.line, str(exc))
                continue
            self.take(prop)
        for card in reversed(self.open):
            self.problem(card.line, "this card has no END:VCARD (is the file cut short?); "
                                    "what it holds was imported")
            self.finish(card)
        self.open.clear()
        self.report_lost_cards(data)
        return self.result

    def report_lost_cards(self, data: bytes) -> None:
        """Every card that starts in the file is imported or reported: a BEGIN:VCARD that
        never opened a card (swallowed by a broken line before it) is named by its line."""
        text = normalise_line_ends(data)
        line, counted_to = 1, 0
        for match in _CARD_START.finditer(text):
            line += text.count(b"\n", counted_to, match.start())  # counted on from the last card: linear
            counted_to = match.start()
            if line not in self.started:
                self.result.skipped += 1
                self.problem(line, "this card could not be told apart from the text before it "
                                   "(broken line ends?); it was not imported")

    def take(self, prop: Property) -> None:
        name = prop.name
        if name == "BEGIN" or name == "END":
            what = prop.raw.strip().upper().decode("ascii", "replace")
            if self.other:
                if name == "END" and what == self.other[-1]:
                    self.other.pop()
                elif name == "BEGIN":
                    self.other.append(what)
            elif what == "VCARD":
                if name == "BEGIN":
                    self.open.append(_OpenCard(prop.line))
                    self.started.add(prop.line)
                elif self.open:
                    self.finish(self.open.pop())
                else:
                    self.problem(prop.line, "END:VCARD without a BEGIN:VCARD; ignored")
            elif name == "BEGIN":
                self.other.append(what)  # an unknown component: ignored with its content
            return
        if self.other:
            return
        if self.open:
            self.open[-1].props.append(prop)
        elif not self.warned_outside:
            self.warned_outside = True
            self.problem(prop.line, "text outside BEGIN:VCARD … END:VCARD was ignored")

    def finish(self, card: _OpenCard) -> None:
        warnings: list[tuple[int, str]] = []
        try:
            contact = card_to_contact(card.props, self.fallback,
                                      lambda line, text: warnings.append((line, text)))
        except NotAPerson as exc:
            self.result.skipped += 1
            self.problem(card.line, f"card skipped: {exc}")
            return
        except Exception as exc:  # never lose the other cards to one card we failed on
            self.result.skipped += 1
            self.problem(card.line, f"card skipped: it could not be read ({type(exc).__name__}: {exc})")
            return
        name = contact.name
        for line, text in warnings:
            self.problem(line, f"{text} ({name})" if name else text)
        self.result.cards.append(ParsedCard(contact, card.line))
