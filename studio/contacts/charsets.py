"""Which text encoding a vCard value is in.

vCard 3.0 and 4.0 are UTF-8 by definition; 2.1 exports name a ``CHARSET=`` per property,
or nothing at all (Outlook writes the Windows code page without saying so). The rules:

1. A value that is valid UTF-8 is read as UTF-8 — even when it claims ISO-8859-1 or
   Windows-1252, because real Latin-1 text almost never forms valid multi-byte UTF-8
   while mislabelled UTF-8 is common.
2. Otherwise a declared, known CHARSET is used (ISO-8859-1 is read as its superset
   Windows-1252 and Shift_JIS as CP932, as browsers and phones do).
3. Otherwise the file's legacy encoding is used: a code page the file declares elsewhere
   (Outlook labels only its LABEL lines), else the one under which all undeclared 8-bit
   values of the file read most plausibly as names and addresses (`studio.contacts.codepage`).
   Detection runs at most once per file, and only for files that are not UTF-8.
4. A file that is all ASCII (every 8-bit value quoted-printable) and names no CHARSET is
   an older Windows program's: its non-UTF-8 values are Windows-1252.
A byte that is invalid in the chosen encoding becomes its Windows-1252 character (Latin-1 is
its subset above 0xA0), never U+FFFD: a letter shown wrongly can still be corrected, a lost
one cannot; the five bytes Windows-1252 leaves undefined are dropped. Nothing raises.
"""

from __future__ import annotations

import codecs
import re

WINDOWS = "cp1252"
# surrogateescape keeps an undecodable byte b as U+DC00+b; it becomes Windows-1252's letter.
_SURROGATE = re.compile("[\udc80-\udcff]")


def _windows_letter(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode(WINDOWS, errors="ignore")

_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "ansi": "cp1252",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "windows-31j": "cp932", "gb2312": "gb18030", "gbk": "gb18030", "euc-kr": "cp949",
    "big5": "big5hkscs", "utf8": "utf-8",
}
_NOT_CHARSETS = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "unicode-escape",
                 "raw-unicode-escape", "punycode", "idna", "utf-7", "palmos", "undefined"}


def codec_for(charset: str) -> str | None:
    """The Python codec for a vCard CHARSET value, or None when it is unknown."""
    name = charset.strip().strip('"').lower()
    name = _ALIASES.get(name, name)
    if not name.isascii() or not name.isprintable():
        return None
    try:
        codec = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    # only byte charsets: "base64", "rot13", "unicode_escape" … are codecs too, and a
    # value inside an 8-bit file cannot be UTF-16 or UTF-32
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_CHARSETS:
        return None
    return codec.name


def decode_value(raw: bytes, codec: str | None, fallback: str) -> str:
    """Text of one value: ASCII fast path, then the rules in the module docstring."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    target = codec or (WINDOWS if fallback == "utf-8" else fallback)
    try:
        text = raw.decode(target, errors="surrogateescape")
    except (UnicodeError, LookupError):  # codecs such as "idna" refuse an error handler
        text = raw.decode(WINDOWS, errors="surrogateescape")
    return _SURROGATE.sub(_windows_letter, text)
