"""Reading TOML with line numbers for the mistakes a template author makes.

`tomllib` reports the line of a syntax error but returns plain dicts without
positions. A semantic mistake ("font = 'comic'") must still point at its line, so
`KeyLines` scans the text once and remembers on which line each key and table
header sits, addressing array-of-tables elements by index:
``("panels", 1, "texts", 0, "font")`` is the ``font`` key of the first
``[[panels.texts]]`` under the second ``[[panels]]``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from studio.cards.errors import TemplateError, located

Path_ = tuple[str | int, ...]

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_\-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_KEY = re.compile(rf"^\s*({_DOTTED})\s*=\s*(.*)$")
_PART = re.compile(_BARE_OR_QUOTED)
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _parts(dotted: str) -> list[str]:
    parts = []
    for match in _PART.finditer(dotted):
        token = match.group(0)
        parts.append(token[1:-1] if token[:1] in "\"'" else token)
    return parts


class KeyLines:
    """Where each key of a TOML text is, for error messages (1-based lines)."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path_, int] = {}
        self._arrays: dict[Path_, int] = {}  # concrete array path -> elements seen so far
        self._multiline: set[int] = set()  # lines whose value opens a multi-line string
        table: Path_ = ()
        closing: str | None = None  # the delimiter of a multi-line string we are inside
        for number, line in enumerate(text.splitlines(), start=1):
            if closing is not None:
                if closing in line:
                    closing = None
                continue
            if match := _ARRAY_HEADER.match(line):
                table = self._concrete(_parts(match.group(1)), new_element=True)
                self._lines.setdefault(table, number)
                self._lines.setdefault(table[:-1], number)
                continue
            if match := _TABLE_HEADER.match(line):
                table = self._concrete(_parts(match.group(1)), new_element=False)
                self._lines.setdefault(table, number)
                continue
            if match := _KEY.match(line):
                key = (*table, *_parts(match.group(1)))
                self._lines.setdefault(key, number)
                value = match.group(2)
                for quote in ('"""', "'''"):
                    if value.startswith(quote) and value.count(quote) == 1:
                        closing = quote
                        if value.strip() == quote:
                            self._multiline.add(number)

    def _concrete(self, parts: list[str], *, new_element: bool) -> Path_:
        path: Path_ = ()
        for position, part in enumerate(parts):
            path = (*path, part)
            last = position == len(parts) - 1
            if last and new_element:
                self._arrays[path] = self._arrays.get(path, 0) + 1
                path = (*path, self._arrays[path] - 1)
            elif path in self._arrays:
                path = (*path, self._arrays[path] - 1)
        return path

    def opens_multiline(self, line: int) -> bool:
        """Whether the value on ``line`` is a multi-line string starting on the next line."""
        return line in self._multiline

    def line(self, *path: str | int) -> int:
        """The line of ``path``, else of the nearest enclosing table that has one, else 1."""
        probe: Path_ = tuple(path)
        while probe:
            found = self._lines.get(probe)
            if found:
                return found
            probe = probe[:-1]
        return 1


def read_toml(path: Path) -> tuple[dict[str, Any], KeyLines]:
    """Parse a TOML file; a syntax error becomes a `TemplateError` with its line."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise TemplateError([located(path, line, "the file is not UTF-8 text")]) from None
    except OSError as exc:
        raise TemplateError([located(path, 1, f"cannot read the file: {exc.strerror or exc}")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_LINE.search(message)
        line = int(match.group(1)) if match else getattr(exc, "lineno", 1)
        message = _TOML_LINE.sub("", message).strip()
        raise TemplateError([located(path, line, f"TOML syntax error: {message}")]) from None
    return data, KeyLines(text)
