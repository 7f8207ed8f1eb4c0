"""One logical line to a property: group, name, parameters and the value's bytes.

vobject parses the content line (`vobject.base.parseLine`, the RFC 6350 section 3.3
grammar ``[group "."] name *(";" param) ":" value``). It works on text, and a value
must stay bytes until its charset is known (a 2.1 card names one per property), so the
line is handed over as Latin-1: a lossless bytes ↔ str mapping, which leaves the grammar's
ASCII delimiters where they were and gives the value's bytes back unchanged.

What is done here, on top of vobject:
- its parameters are normalised to ``{NAME: [values]}``: the 2.1 forms real phones write
  become named ones (``TEL;WORK;PREF`` → TYPE, a bare ``;QUOTED-PRINTABLE`` →
  ENCODING, a bare ``;utf-8`` → CHARSET), ``TYPE="work,voice"`` is split, empty
  values are dropped; parameter names are upper-cased;
- heads (everything before the value) repeat in an export, so each distinct head is
  parsed by vobject once and cached; the value is then what follows the first colon
  outside quotes, which is exactly where vobject's grammar ends the head;
- a lenient fallback for lines real exports write and vobject's grammar refuses (see
  `_parse_head_leniently`), and the ADR whose LABEL holds bare colons.

Properties an importer ignores (PRODID, X-MS-OL-DESIGN …) cost no decoding: their
value is never turned into text.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from functools import lru_cache

from vobject.base import ParseError, params_re, parseLine

from studio.contacts.charsets import codec_for, decode_value

_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_/-]+)$")
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Params = dict[str, list[str]]


class LineError(ValueError):
    """A line that is not a vCard property; the message says why."""


@dataclass(slots=True)
class Property:
    """A parsed content line. ``name`` is upper-case, ``group`` lower-case or ""."""

    line: int
    group: str
    name: str
    params: Params
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

        Escapes are NOT undone: splitting structured values needs them (see `studio.contacts.text`).
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
    if head.count(b'"') % 2:  # the first colon is inside a quoted parameter value
        colon = _head_end(data)
        head = data[:colon]
    value = data[colon + 1:]
    group, name, params = _parse_head(head)
    if name == "ADR" and b":" in value and "LABEL" in params:
        colon, value = _adr_value_after_label(data, colon)
        group, name, params = _parse_head(data[:colon])
    return Property(line, group, name, params, value)


def _head_end(data: bytes) -> int:
    """Where the head ends when a quoted parameter holds a colon: vobject finds it."""
    try:
        value = parseLine(data.decode("latin-1"))[2]
    except ParseError:  # vobject refuses the line: find the colon outside quotes ourselves
        colon = _colon_outside_quotes(data)
        if colon < 0:
            raise LineError("a parameter's quotes are never closed; the line was ignored") from None
        return colon
    return len(data) - len(value) - 1  # Latin-1: one character per byte


@lru_cache(maxsize=2048)
def _parse_head(head: bytes) -> tuple[str, str, Params]:
    """``group.NAME;params`` → (group lower-case, NAME, params). Cached: exports repeat heads."""
    text = head.decode("latin-1")
    try:
        name, params, value, group = parseLine(text + ":")
    except ParseError:
        return _parse_head_leniently(head)
    if value:  # vobject ended the head at an earlier colon (ADR's LABEL with bare colons)
        return _parse_head_leniently(head)
    params_text = text[len(group) + 1 + len(name) if group else len(name):]
    normalised = _normalise_params(params, params_text, utf8=not head.isascii())
    if normalised is None:
        return _parse_head_leniently(head)
    return (group.lower() if group else ""), name.upper(), normalised


def _normalise_params(params: list[list[str]], params_text: str, utf8: bool) -> Params | None:
    """vobject's ``[[name, value …], [bare] …]`` as ``{NAME: [values]}`` (module docstring).

    ``parseParams`` gives ``TYPE=`` (an empty value) and a bare ``TYPE`` alike, so vobject's
    own parameter pattern (``params_re``, the one ``parseParams`` applies) is matched
    again over ``params_text`` to see which of them had an ``=``. Returns None when
    vobject's reading loses something, so the lenient reader takes over: it keeps only
    the first word of a comma list after a bare 2.1 parameter (``TEL;WORK,VOICE``).
    """
    result: Params = {}
    for (name, *values), match in zip(params, params_re.finditer(params_text), strict=True):
        if utf8:  # parameter text is UTF-8 (Outlook's LABEL="Straße …"), not Latin-1
            values = [_from_latin1(v) for v in values]
        if match.group(2) is not None:  # NAME=…
            key = name.upper()
            values = [v.strip() for v in values]
            if key == "TYPE" and any("," in v for v in values):  # TYPE="work,voice" (RFC 6350)
                values = [part.strip() for v in values for part in v.split(",")]
        else:  # vCard 2.1 bare parameter
            if params_text[match.end():match.end() + 1] == ",":
                return None
            key = _bare_parameter_kind(name)
            values = [name]
        result.setdefault(key, []).extend(v for v in values if v)
    return result


def _from_latin1(text: str) -> str:
    return text if text.isascii() else text.encode("latin-1").decode("utf-8", errors="replace")


def _bare_parameter_kind(value: str) -> str:
    """Which parameter a 2.1 bare value stands for: ENCODING, CHARSET or (usually) TYPE."""
    upper = value.strip().upper()
    if upper in _ENCODINGS:
        return "ENCODING"
    if upper != "PREF" and any(c.isdigit() or c == "-" for c in upper) and codec_for(upper):
        return "CHARSET"
    return "TYPE"


def _parse_head_leniently(head: bytes) -> tuple[str, str, Params]:
    """Our own reading of a head vobject's grammar refuses, as real exports write them:

    empty parameters (``ADR;HOME;PREF;:`` from Outlook, ``TAIL;PARAM=value;:`` in
    Evolution's tests), property names with ``/`` (KDE's ``X-messaging/xmpp-All``),
    spaces around names and parameters, and parameter values with colons (ADR's LABEL).
    Raises LineError when there is no property name at all.
    """
    text_head = head.decode("ascii") if head.isascii() else head.decode("utf-8", errors="replace")
    parts = _split_outside_quotes(text_head, ";") if '"' in text_head else text_head.split(";")
    full_name = parts[0].strip()
    match = _NAME.match(full_name)
    if not match:
        raise LineError(f"{full_name[:40]!r} is not a vCard property name; the line was ignored")
    group = match.group(1)
    # "_" as "-", as vobject reads names (Lotus Notes writes underscores)
    name = match.group(2).upper().replace("_", "-")
    params = _parse_params(parts[1:]) if len(parts) > 1 else {}
    return (group.lower() if group else ""), name, params


def _parse_params(items: list[str]) -> Params:
    params: Params = {}
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
            key = _bare_parameter_kind(values[0])
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
