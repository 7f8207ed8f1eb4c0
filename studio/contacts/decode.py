"""Bytes of a vCard file to logical lines, before any text decoding.

Real exports break the textbook order "decode, then unfold": an ownCloud export folds in
the middle of a UTF-8 sequence, a Windows-1252 value sits next to a UTF-8 one, and a
vCard 2.1 quoted-printable value continues over lines that start with nothing at all
(RFC 2045 soft breaks). So everything here works on bytes:

- UTF-16 files (with or without BOM) are turned into UTF-8 first, UTF-8 BOMs dropped;
- line ends may be CRLF, LF, CR CR LF (iOS 6) or CR alone; a raw CR inside a value stays;
- folded lines (RFC 6350 3.2: line end + one space or TAB) are joined byte for byte;
- a quoted-printable value ending in ``=`` continues on the next line, also across
  blank lines when that line cannot start a property (a "cropped" Outlook note);
- a 2.1 value ending in ``\\`` continues on a following line that holds no ``:``
  (Android's non-standard multi-line ADR); a base64 body continues the same way;
- ``#`` comment lines (Android's parser ignores them) and blank lines are dropped.

Each logical line keeps the physical line number where it starts, for messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from studio.errors import StudioError

_UTF8_BOM = b"\xef\xbb\xbf"
_LINE_END = re.compile(rb"\r*\n(?![ \t])")
_FOLD = re.compile(rb"\r*\n[ \t]")
# In a quoted-printable value a bare "=" at a line end is always a soft break (a literal
# "=" is written =3D). What follows a soft break is text, spaces included (RFC 2045 6.7:
# "come=" CRLF " to the aid" reads "come to the aid").
_QP_SOFT_BREAK = re.compile(rb"=\r*\n")
_PROPERTY_START = re.compile(rb"^[ \t]*(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_/-]+[ \t]*[;:]")
_BEGIN_VCARD = re.compile(rb"(?im)^[ \t]*BEGIN[ \t]*:[ \t]*VCARD")
_END = re.compile(rb"(?i)END[ \t]*:")
_QP = b"QUOTED-PRINTABLE"
_BASE64_HEAD = re.compile(rb"(?i)ENCODING=(?:B|BASE64)\b|;BASE64[;:]")
_NOT_A_VCARD = {b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive", b"\x89PNG": "a PNG image",
                b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"{\\rtf": "an RTF document",
                b"\xd0\xcf\x11\xe0": "a Microsoft Office document"}


class NotAVCardError(StudioError):
    """The whole file is not a vCard (empty, binary, a PDF …); the message names the file."""


@dataclass(frozen=True)
class LogicalLine:
    """One unfolded content line, still bytes; ``line`` is its first physical line (1-based)."""

    line: int
    data: bytes


def to_utf8_bytes(data: bytes, source: str) -> tuple[bytes, bool]:
    """The file's bytes with BOMs removed and UTF-16 turned into UTF-8.

    Returns ``(bytes, was_unicode)``; ``was_unicode`` is True for UTF-16 input, whose
    CHARSET parameters are then meaningless (the text is already Unicode).
    Raises NotAVCardError for an empty file or one that is plainly something else.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data[:200]):
        encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else (
            "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        text = data.decode(encoding, errors="replace").lstrip("\ufeff")
        data, was_unicode = text.encode("utf-8"), True
    else:
        was_unicode = False
        if data.startswith(_UTF8_BOM):
            data = data[len(_UTF8_BOM):]
    if not data.strip():
        raise NotAVCardError(f"{source} is empty: there are no contacts in it.")
    for magic, what in _NOT_A_VCARD.items():
        if data.startswith(magic):
            raise NotAVCardError(f"{source} is not a vCard file: it is {what}.")
    if not _BEGIN_VCARD.search(data):
        if b"\x00" in data[:8192]:
            raise NotAVCardError(f"{source} is not a vCard file: it holds binary data.")
        raise NotAVCardError(f"{source} is not a vCard file: it has no BEGIN:VCARD line.")
    return data, was_unicode


def _looks_like_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: it starts with ASCII letters alternating with NUL bytes."""
    if len(head) < 8 or b"\x00" not in head:
        return False
    even, odd = head[0::2], head[1::2]
    if odd[:4] == b"\x00" * 4 and 0 not in even[:4]:
        return odd.count(0) > len(odd) * 0.8
    if even[:4] == b"\x00" * 4 and 0 not in odd[:4]:
        return even.count(0) > len(even) * 0.8
    return False


# A lone CR that ends a line: what follows starts a content line (a property name, maybe
# with an Apple group, then ";" or ":"). A lone CR inside a value (Thunderbird writes them
# in notes) is followed by ordinary text and stays.
_LONE_CR_LINE_END = re.compile(
    rb"\r(?!\n)(?=(?:[A-Za-z0-9-]+\.)?(?:BEGIN|END|VERSION|FN|N|NICKNAME|ORG|TITLE|NOTE|UID|EMAIL|TEL|"
    rb"ADR|LABEL|BDAY|ANNIVERSARY|PHOTO|CATEGORIES|URL|REV|PRODID|KIND|RELATED|GENDER|X-[A-Za-z0-9-]+)[;:])",
    re.IGNORECASE)


def normalise_line_ends(data: bytes) -> bytes:
    """Line ends as LF or CRLF only: a file of classic Mac (CR) line ends, and CR-only cards
    between CRLF ones (an export glued from two programs), are split into their lines."""
    if b"\n" not in data and b"\r" in data:
        return data.replace(b"\r", b"\n")  # classic Mac line ends
    return _LONE_CR_LINE_END.sub(b"\n", data) if b"\r" in data else data


def logical_lines(data: bytes) -> Iterator[LogicalLine]:
    """Unfold ``data`` (UTF-8 or legacy bytes, no BOM) into logical content lines."""
    data = normalise_line_ends(data)
    pieces = _LINE_END.split(data)
    strip_bom = _UTF8_BOM in data
    pending: LogicalLine | None = None  # held back: a later line may still continue it
    line_no = 1
    index, count = 0, len(pieces)
    while index < count:
        piece = pieces[index]
        start = line_no
        line_no += piece.count(b"\n") + 1
        index += 1
        if strip_bom and piece.startswith(_UTF8_BOM):
            piece = piece[len(_UTF8_BOM):]
        if b"\n" in piece:
            if _END.match(piece):  # nothing folds into END:VCARD; what follows is new text
                piece, rest = piece.split(b"\n", 1)
                piece = piece.rstrip(b"\r")
                line_no -= rest.count(b"\n") + 1
                pieces.insert(index, rest[1:])
                count += 1
            else:
                piece = _unfold(piece)
        if not piece.strip() or piece[:1] == b"#":
            continue
        if piece[:1] in b" \t":
            if pending is not None and not _END.match(pending.data):
                # a fold after a blank line: still the line above
                pending = LogicalLine(pending.line, _join_continuation(pending.data, piece[1:]))
                continue
            piece = piece.lstrip()
        if pending is not None and b":" not in piece:
            if pending.data.endswith(b"\\"):  # Android 2.1: a value continued after "\"
                pending = LogicalLine(pending.line, pending.data[:-1] + b"\n" + piece)
                continue
            if _BASE64_HEAD.search(_head(pending.data)):  # unfolded 2.1 base64 body
                pending = LogicalLine(pending.line, pending.data + piece.strip())
                continue
        # quoted-printable soft breaks: keep pulling lines while the value ends in "="
        while piece.endswith(b"=") and _is_qp(piece) and index < count:
            after = index
            while after < count and not pieces[after].strip():
                after += 1
            if after == count or (after > index and _PROPERTY_START.match(pieces[after])):
                break  # a dangling soft break before a blank line ends the value
            following = pieces[after]
            for skipped in range(index, after + 1):
                line_no += pieces[skipped].count(b"\n") + 1
            index = after + 1
            if b"\n" in following:
                following = _unfold(following, qp=True)
            piece = piece[:-1] + following
        if piece.endswith(b"=") and _is_qp(piece):
            piece = piece[:-1]
        if pending is not None:
            yield pending
        pending = LogicalLine(start, piece)
    if pending is not None:
        yield pending


def _head(line: bytes) -> bytes:
    colon = line.find(b":")
    return line if colon < 0 else line[:colon]


def _is_qp(line: bytes) -> bool:
    return _QP in _head(line).upper()


def _unfold(piece: bytes, qp: bool | None = None) -> bytes:
    if qp or (qp is None and _is_qp(piece)):
        piece = _QP_SOFT_BREAK.sub(b"", piece)
    return _FOLD.sub(b"", piece)


def _join_continuation(previous: bytes, continuation: bytes) -> bytes:
    if previous.endswith(b"=") and _is_qp(previous):
        return previous[:-1] + continuation
    return previous + continuation


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` decodes as UTF-8 (ASCII included)."""
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
