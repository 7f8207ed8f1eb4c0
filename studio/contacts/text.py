"""vCard value escaping: splitting structured values and undoing backslash escapes.

vCard 3.0 and 4.0 (RFC 6350 3.4) escape ``\\``, ``,``, ``;`` and newline (``\\n`` or ``\\N``);
exporters also write ``\\:`` and ``\\"`` (Gmail). vCard 2.1 knows only ``\\;`` (Apple's 2.1
export adds ``\\,``), so there a backslash before anything else is text (AOSP's fixture).
Splitting must happen before unescaping, and after charset decoding (a Shift_JIS trail
byte can be 0x5C).

vobject's helpers for this (``vobject.vcard.splitFields``, ``icalendar.stringToTextValues``,
what its text behaviour applies to every value) are not used: on the corpus they
- cut a single text value at its first unescaped comma (Gmail's FN
  ``Mr. John Richter, James Doe Sr.`` reads ``Mr. John Richter``);
- drop a trailing empty item, and with it the comma the iPhone writes in
  ``Silicon Alley 5,`` (EXPECTED.md keeps it);
- keep the backslash of escapes they do not know (Apple's ``Favorite Color\\: Blue``,
  ``B\\'C``) and turn a trailing backslash into the text ``\\eof``;
- apply the 3.0 rules to 2.1 values, where a backslash is text;
and they walk the value one character at a time, slower than the splits below.
Writing is vobject's job (`studio.contacts.export`): its escaping is right for 3.0 output.
"""

from __future__ import annotations

import re

_ESCAPE_3 = re.compile(r"\\(.)", re.DOTALL)


def split_escaped(text: str, separator: str, *, v21: bool = False) -> list[str]:
    """Split on ``separator`` where it is not escaped; parts keep their escapes."""
    if "\\" not in text:
        return text.split(separator)
    parts: list[str] = []
    start = index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\\" and index + 1 < length:
            if v21 and text[index + 1] != separator:
                index += 1  # in 2.1 a backslash escapes only the separator
                continue
            index += 2
            continue
        if char == separator:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def unescape(text: str, *, v21: bool = False) -> str:
    """Undo vCard escapes (``\\n`` and ``\\N`` become a line break)."""
    if "\\" not in text:
        return text
    if v21:  # 2.1 escapes only ";", but Apple's and others' 2.1 exports also write "\,"
        return text.replace("\\;", ";").replace("\\,", ",")
    return _ESCAPE_3.sub(_unescape_one, text)


def _unescape_one(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char

