"""One logical line to a property: group, name, parameters and the value's text.

The grammar is RFC 6350 section 3.3 (``[group "."] name *(";" param) ":" value``) with
the 2.1 forms real phones write: bare parameters (``TEL;WORK;PREF``), bare encodings
(``;QUOTED-PRINTABLE``), bare charsets (``;utf-8``), ``;;`` and trailing commas. Parameter
names are upper-cased; the value stays bytes until someone asks for its text, so the
properties an importer ignores (PRODID, X-MS-OL-DESIGN …) cost no decoding.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from functools import lru_cache

from studio.contacts.charsets import codec_for, decode_value

_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_/-]+)$")
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class LineError(ValueError):
    """A line that is not a vCard property; the message says why."""


@dataclass(slots=True)
class Property:
    """A parsed content line. ``name`` is upper-case, ``group`` lower-case or ""."""

    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    raw: bytes

    def param(self, name: str) -> str:
        """The first value of parameter ``name`` (upper-case), or ""."""
        values = self.params.get(name)
        return values[0] if values else ""

    def types(self) -> list[str]:
        """TYPE values, lower-cased (2.1 bare parameters count as TYPE)."""
        return [t.lower() for t in self.params.get("TYPE", ())]

    @property
    def encoding(self) -> str:
        return self.param("ENCODING").upper()

    def payload(self) -> bytes:
        """The value's bytes with any quoted-printable encoding removed."""
        if self.encoding == "QUOTED-PRINTABLE":
            return binascii.a2b_qp(self.raw)
        return self.raw

    def text(self, fallback: str) -> str:
        """The value as text in its charset (see `studio.contacts.charsets`), controls removed.

        Escapes are NOT undone: splitting structured values needs them (see `values`).
        A raw CR inside a value (Thunderbird writes them) becomes a line break.
        """
        raw = self.payload()
        charset = self.param("CHARSET")
        text = decode_value(raw, codec_for(charset) if charset else None, fallback)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
        return text


def parse_property(line: int, data: bytes) -> Property:
    """Split one logical line; raises LineError when it is not ``name[;params]:value``.

    The returned ``params`` may be shared with other properties of the same head: treat
    it as read-only.
    """
    colon = data.find(b":")
    if colon < 0:
        raise LineError("this line is not a vCard property (no ':'); it was ignored")
    head = data[:colon]
    if b'"' in head:
        colon = _colon_outside_quotes(data)
        if colon < 0:
            raise LineError("a parameter's quotes are never closed; the line was ignored")
        head = data[:colon]
    value = data[colon + 1:]
    group, name, params = _parse_head(head)
    if name == "ADR" and b":" in value and "LABEL" in params:
        colon, value = _adr_value_after_label(data, colon)
        group, name, params = _parse_head(data[:colon])
    return Property(line, group, name, params, value)


@lru_cache(maxsize=2048)
def _parse_head(head: bytes) -> tuple[str, str, dict[str, list[str]]]:
    """``group.NAME;params`` → (group lower-case, NAME, params). Cached: exports repeat heads."""
    text_head = head.decode("ascii") if head.isascii() else head.decode("utf-8", errors="replace")
    parts = _split_outside_quotes(text_head, ";") if '"' in text_head else text_head.split(";")
    full_name = parts[0].strip()
    match = _NAME.match(full_name)
    if not match:
        raise LineError(f"{full_name[:40]!r} is not a vCard property name; the line was ignored")
    group = match.group(1)
    params = _parse_params(parts[1:]) if len(parts) > 1 else {}
    return (group.lower() if group else ""), match.group(2).upper(), params


def _parse_params(items: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in items:
        item = item.strip()
        if not item:
            continue
        key, sep, value = item.partition("=")
        if sep:
            key = key.strip().upper()
            values = [v.strip().strip('"') for v in _split_outside_quotes(value, ",")] if '"' in value \
                else [v.strip() for v in value.split(",")]
            if key == "TYPE" and any("," in v for v in values):  # TYPE="work,voice" (RFC 6350)
                values = [part.strip() for v in values for part in v.split(",")]
        else:  # vCard 2.1 bare parameter
            values = [v.strip() for v in item.split(",")]
            upper = values[0].upper()
            if upper in _ENCODINGS:
                key = "ENCODING"
            elif upper != "PREF" and any(c.isdigit() or c == "-" for c in upper) and codec_for(upper):
                key = "CHARSET"
            else:
                key = "TYPE"
        params.setdefault(key, []).extend(v for v in values if v)
    return params


def _colon_outside_quotes(data: bytes) -> int:
    quoted = False
    for index, byte in enumerate(data):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return index
    return -1


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
            current.append(char)
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _adr_value_after_label(data: bytes, first_colon: int) -> tuple[int, bytes]:
    """ADR whose LABEL parameter holds unquoted colons (ez-vcard issue 114).

    The value proper is the rightmost tail that still has the six ``;`` of an address.
    """
    for colon in range(len(data) - 1, first_colon, -1):
        if data[colon] == 0x3A and data[colon + 1:].count(b";") >= 6:
            return colon, data[colon + 1:]
    return first_colon, data[first_colon + 1:]
