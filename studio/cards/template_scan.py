"""Reading a box's template source the way its author sees it: brackets and instructions.

Jinja's parser stops at the first token it cannot use and reports where it noticed, which is
often a line after the real mistake ("got 'second'" for a field left open on the line before).
This scanner walks the ``{{ }}``, ``{% %}`` and ``{# #}`` marks itself, so a problem is named
where a person made it: the field that was never closed, the ``{% if %}`` that has no
``{% endif %}``. It is Qt-free and knows nothing about the card's fields; see
`studio.cards.template_errors` for those and for the `Explanation` it returns.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_MARK = re.compile(r"\{\{|\{%|\{#|\}\}|%\}")
_CLOSER = {"{{": "}}", "{%": "%}"}
# Instructions that open a block, and the word that ends it.
_BLOCKS = {"if": "endif", "for": "endfor", "with": "endwith", "filter": "endfilter", "macro": "endmacro",
           "call": "endcall", "autoescape": "endautoescape", "block": "endblock", "set": "endset"}
_SINGLE = {"include", "import", "from", "extends", "do", "break", "continue", "set"}
KNOWN_TAGS = tuple(sorted({*_BLOCKS, *_BLOCKS.values(), *_SINGLE, "elif", "else", "raw", "endraw"}))


@dataclass(frozen=True)
class Found:
    """A problem the scanner found: the sentence and where (offset into the source)."""

    sentence: str
    offset: int
    stray: bool = False  # a closing mark with no opening one, which Jinja itself lets through


@dataclass
class _Open:
    word: str
    line: int
    else_line: int | None = None


def line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def scan(source: str) -> Found | None:
    """The first bracket or instruction mistake in ``source``, or None when they all pair up.

    Strings inside a field are not looked into: a ``}}`` written inside quotes is rare in a card
    and Jinja's own parser is asked first (see `template_errors.problems`).
    """
    stack: list[_Open] = []
    pos = 0
    while (mark := _MARK.search(source, pos)) is not None:
        opener, start = mark.group(), mark.start()
        line = line_of(source, start)
        if opener in ("}}", "%}"):
            partner = "{{" if opener == "}}" else "{%"
            return Found(f"There is a {opener} on line {line} with no {partner} before it: "
                         f"add the {partner}, or remove the {opener}.", start, stray=True)
        if opener == "{#":
            end = source.find("#}", mark.end())
            if end < 0:
                return Found(f"A note is not closed: add #}} where the note that starts on line {line} ends.",
                             start)
            pos = end + 2
            continue
        after = _MARK.search(source, mark.end())
        closer = _CLOSER[opener]
        if after is None or after.group() != closer:
            return Found(_unclosed(source, opener, mark.end(), after, line), start)
        inner = source[mark.end():after.start()].strip().lstrip("-+").rstrip("-+").strip()
        pos = after.end()
        if opener == "{%":
            problem = _instruction(inner, line, stack)
            if problem:
                return Found(problem, start)
            if inner.split(None, 1)[:1] == ["raw"]:
                end = re.compile(r"\{%-?\s*endraw\s*-?%\}").search(source, pos)
                pos = end.end() if end else len(source)
    if stack:
        block = stack[-1]
        return Found(f"“{{% {block.word} %}}” on line {block.line} has no “{{% {_BLOCKS[block.word]} %}}”.",
                     _offset_of_line(source, block.line))
    return None


def _unclosed(source: str, opener: str, begin: int, after: re.Match[str] | None, line: int) -> str:
    closer = _CLOSER[opener]
    stop = after.start() if after is not None else len(source)
    written = source[begin:stop].split("\n", 1)[0].strip()
    if after is not None and after.group() in _CLOSER.values():
        # "{{ name %}" or "{% if x }}": the wrong closing mark for the opening one.
        what = "A field" if opener == "{{" else "An instruction"
        return (f"{what} on line {line} starts with {opener} but ends with {after.group()}: "
                f"write {closer} instead of {after.group()}.")
    if opener == "{{":
        if written.endswith("}"):
            name = written[:-1].strip()
            return f"A field is not closed: write }}}} instead of }} after “{name}” on line {line}."
        if written:
            return f"A field is not closed: add }}}} after “{written}” on line {line}."
        return f"A field is not closed: add }}}} after the {{{{ on line {line}."
    if written.endswith("%") or written.endswith("}"):
        written = written[:-1].strip()
    if written:
        return f"An instruction is not closed: add %}} after “{written}” on line {line}."
    return f"An instruction is not closed: add %}} after the {{% on line {line}."


def _instruction(inner: str, line: int, stack: list[_Open]) -> str | None:
    """Check one ``{% … %}`` against the blocks open so far; updates ``stack``."""
    words = inner.split(None, 1)
    if not words:
        return f"“{{% %}}” on line {line} is empty: write an instruction such as “if” inside it."
    word = words[0]
    if word not in KNOWN_TAGS:
        guess = difflib.get_close_matches(word, KNOWN_TAGS, n=1, cutoff=0.6)
        hint = f"; did you mean “{{% {guess[0]} %}}”?" if guess else "."
        return f"“{{% {word} %}}” on line {line} is not an instruction a card understands{hint}"
    if word == "set" and "=" in inner:
        return None  # {% set x = … %} stands alone; only {% set x %}…{% endset %} is a block
    if word in _BLOCKS:
        stack.append(_Open(word, line))
        return None
    if word in ("else", "elif"):
        top = stack[-1] if stack else None
        if top is None or top.word not in ("if", "for") or (word == "elif" and top.word != "if"):
            return f"“{{% {word} %}}” on line {line} is not inside an “{{% if … %}}”."
        if top.else_line is not None:
            if word == "else":
                return (f"The “{{% {top.word} %}}” on line {top.line} already has an “{{% else %}}” "
                        f"on line {top.else_line}: remove the second one on line {line}.")
            return (f"“{{% elif %}}” on line {line} comes after the “{{% else %}}” on line {top.else_line}: "
                    "move it before the “{% else %}”.")
        if word == "else":
            top.else_line = line
        return None
    if word.startswith("end") and word != "endraw":
        opened = next((w for w, end in _BLOCKS.items() if end == word), "")
        if not stack:
            return f"“{{% {word} %}}” on line {line} has no “{{% {opened} … %}}” before it."
        top = stack[-1]
        if _BLOCKS[top.word] != word:
            return (f"“{{% {word} %}}” on line {line} does not match the “{{% {top.word} %}}” "
                    f"on line {top.line}: it should be “{{% {_BLOCKS[top.word]} %}}”.")
        stack.pop()
    return None


def _offset_of_line(source: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = source.index("\n", offset) + 1
    return offset
