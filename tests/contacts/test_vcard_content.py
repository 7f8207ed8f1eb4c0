"""Content lines: vobject's parse, our parameter normalisation, and the lenient fallback."""

from __future__ import annotations

import pytest

from studio.contacts.content import LineError, parse_property


def prop(line: bytes):  # noqa: ANN201 - a Property
    return parse_property(7, line)


def test_group_name_params_and_value_bytes() -> None:
    p = prop(b"item1.TEL;type=CELL;type=VOICE;type=pref:+1 555 0100")
    assert (p.line, p.group, p.name, p.raw) == (7, "item1", "TEL", b"+1 555 0100")
    assert p.params == {"TYPE": ["CELL", "VOICE", "pref"]}


def test_the_value_stays_bytes_whatever_its_charset() -> None:
    latin = prop(b"FN;CHARSET=ISO-8859-1:M\xfcller")
    assert latin.raw == b"M\xfcller" and latin.text("cp1252") == "Müller"
    sjis = "安藤".encode("cp932")
    assert prop(b"N;CHARSET=SHIFT_JIS:" + sjis + b";\\").raw == sjis + b";\\"


def test_2_1_bare_parameters_become_type_encoding_and_charset() -> None:
    p = prop(b"ADR;HOME;PREF;QUOTED-PRINTABLE;UTF-8:;;Stra=C3=9Fe 1;Ulm;;;")
    assert p.params == {"TYPE": ["HOME", "PREF"], "ENCODING": ["QUOTED-PRINTABLE"], "CHARSET": ["UTF-8"]}
    assert p.encoding == "QUOTED-PRINTABLE" and p.text("utf-8") == ";;Straße 1;Ulm;;;"


def test_quoted_and_comma_separated_parameter_values() -> None:
    assert prop(b'TEL;TYPE="work,voice";PREF=1:123').params == {"TYPE": ["work", "voice"], "PREF": ["1"]}
    assert prop(b"EMAIL;TYPE=home,pref,:a@b.c").params == {"TYPE": ["home", "pref"]}
    quoted = prop(b'ADR;LABEL="Main St. 1\\n10:00-18:00";TYPE=work:;;Main St. 1;;;;')
    assert quoted.params["LABEL"] == ["Main St. 1\\n10:00-18:00"]
    assert quoted.raw == b";;Main St. 1;;;;"


def test_an_empty_parameter_value_is_not_a_bare_parameter() -> None:
    assert prop(b"TEL;CHARSET=;TYPE=:123").params == {"CHARSET": [], "TYPE": []}


def test_non_ascii_parameter_values_are_utf8() -> None:
    assert prop('ADR;LABEL="Straße 5":;;Straße 5;;;;'.encode()).params["LABEL"] == ["Straße 5"]


@pytest.mark.parametrize(("line", "name", "params"), [
    (b"ADR;HOME;PREF;:;;street;;;;", "ADR", {"TYPE": ["HOME", "PREF"]}),  # Outlook: empty parameter
    (b"MIDDLE;PARAM=value;;PARAM2=value2:x", "MIDDLE", {"PARAM": ["value"], "PARAM2": ["value2"]}),
    (b"TEL;TYPE=VOICE;MSG,WORK:123", "TEL", {"TYPE": ["VOICE", "MSG", "WORK"]}),  # vobject drops WORK
    (b"X-messaging/xmpp-All:one@example.org", "X-MESSAGING/XMPP-ALL", {}),
    (b"TEL; TYPE=HOME :123", "TEL", {"TYPE": ["HOME"]}),
])
def test_lines_vobject_refuses_are_read_leniently(line: bytes, name: str, params: dict) -> None:
    p = prop(line)
    assert (p.name, p.params) == (name, params)


def test_underscores_in_names_read_as_dashes_as_vobject_does() -> None:
    assert prop(b"X-WAB-WEDDING_ANNIVERSARY:20001224").name == "X-WAB-WEDDING-ANNIVERSARY"


def test_adr_whose_label_holds_bare_colons() -> None:
    p = prop(b"ADR;TYPE=work;LABEL=Dummy Str. 1^nBHG01: 12:00:;;Dummy Str. 1;Bad Homburg;;61352;DE")
    assert p.name == "ADR" and p.raw == b";;Dummy Str. 1;Bad Homburg;;61352;DE"
    assert p.params["LABEL"] == ["Dummy Str. 1^nBHG01: 12:00"]


@pytest.mark.parametrize(("line", "message"), [
    (b"FN", "no ':'"),
    (b'TEL;TYPE="cell:123', "quotes are never closed"),
    (b"Bad Name:value", "is not a vCard property name"),
    (b":value", "is not a vCard property name"),
])
def test_what_is_no_property(line: bytes, message: str) -> None:
    with pytest.raises(LineError, match=message):
        prop(line)


def test_values_vobject_would_misread_are_unescaped_as_written() -> None:
    from studio.contacts.text import split_escaped, unescape

    assert unescape("Mr. John Richter, James Doe Sr.") == "Mr. John Richter, James Doe Sr."
    assert unescape("Favorite Color\\: Blue") == "Favorite Color: Blue"
    assert unescape("ends in a backslash\\") == "ends in a backslash\\"
    assert [unescape(p) for p in split_escaped(";;Silicon Alley 5,;New York", ";")] == \
        ["", "", "Silicon Alley 5,", "New York"]
    assert unescape("C:\\Users\\n", v21=True) == "C:\\Users\\n"  # 2.1: a backslash is text
