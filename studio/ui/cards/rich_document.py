"""A box's segments (`studio.cards.richtext`) in a QTextDocument, and back.

How the template's text shows in the editor, so that writing it back keeps its meaning:
- a blank line of the source is a new paragraph of the document, as the renderer prints it;
  a single newline, which the card prints as a space, shows as a space that is written
  back as the newline (`rich_chips.soft_newline_format`);
- ``<br/>`` is a line break inside a paragraph (U+2028, what Shift+Enter types);
- bold, italic, underline and a ``<font color>`` run are the characters' own formats;
- fields and conditions are chips (`rich_chips`).
Text is shown unescaped (``&amp;`` as ``&``) and escaped again on the way back. Condition
chips are written unstyled, so every bold or coloured run closes before an ``{% if %}`` and
opens again after it: each branch of the saved template is well-formed markup.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from studio.cards.richtext import Segment, Style
from studio.ui.cards.rich_chips import (
    CONTROL_KINDS,
    OBJECT_CHAR,
    chip_format,
    chip_segment,
    is_chip,
    is_soft_newline,
    soft_newline_format,
)

LINE_BREAK = "\u2028"
_NEWLINES = re.compile(r"(\n+)")
_BOLD = QFont.Weight.Bold.value


def char_format(style: Style) -> QTextCharFormat:
    """The character format that shows ``style``."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(_BOLD if style.bold else QFont.Weight.Normal.value)
    fmt.setFontItalic(style.italic)
    fmt.setFontUnderline(style.underline)
    if style.color:
        fmt.setForeground(QColor(style.color))
    return fmt


def style_of(fmt: QTextCharFormat) -> Style:
    colour = ""
    if fmt.hasProperty(QTextFormat.Property.ForegroundBrush):
        colour = fmt.foreground().color().name()
    return Style(fmt.fontWeight() >= _BOLD, fmt.fontItalic(), fmt.fontUnderline(), colour)


def insert_segments(cursor: QTextCursor, segments: list[Segment]) -> None:
    """Insert ``segments`` at ``cursor``, as the editor shows them."""
    for seg in segments:
        fmt = char_format(seg.style)
        if seg.kind == "text":
            for index, part in enumerate(_NEWLINES.split(html.unescape(seg.source))):
                if index % 2 == 0:
                    if part:
                        cursor.insertText(part, fmt)
                elif part == "\n":
                    cursor.insertText(" ", soft_newline_format(fmt))
                else:
                    for _ in part:
                        cursor.insertBlock(QTextBlockFormat(), fmt)
        elif seg.kind == "break":
            cursor.insertText(LINE_BREAK, fmt)
        else:
            cursor.insertText(OBJECT_CHAR, chip_format(fmt, seg))


def load(doc: QTextDocument, segments: list[Segment]) -> None:
    """Replace ``doc``'s content with ``segments``."""
    doc.clear()
    insert_segments(QTextCursor(doc), segments)


def read(doc: QTextDocument, start: int = 0, end: int | None = None) -> list[Segment]:
    """The segments of ``doc`` (or of its characters ``start`` to ``end``), ready for `richtext.write`."""
    end = doc.characterCount() - 1 if end is None else end
    raw: list[Segment | None] = []  # None: a paragraph break, styled once its neighbours are known
    block = doc.begin()
    while block.isValid():
        if block.position() > start and block.position() <= end:
            raw.append(None)
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            fmt = fragment.charFormat()
            for offset, char in enumerate(fragment.text()):
                if not start <= fragment.position() + offset < end:
                    continue
                raw.append(_segment(char, fmt))
        block = block.next()
    return _merge(_style_breaks(raw))


def _segment(char: str, fmt: QTextCharFormat) -> Segment | None:
    if char == OBJECT_CHAR:
        if not is_chip(fmt):
            return Segment("text", "")  # an object of no known kind (pasted from elsewhere): dropped
        kind, source, label = chip_segment(fmt)
        return Segment(kind, source, label, Style() if kind in CONTROL_KINDS else style_of(fmt))
    if is_soft_newline(fmt):
        return Segment("text", "\n", style=style_of(fmt))
    if char == LINE_BREAK:
        return Segment("break", "<br/>", style=style_of(fmt))
    return Segment("text", html.escape(char, quote=False), style=style_of(fmt))


def _style_breaks(raw: list[Segment | None]) -> list[Segment]:
    """A paragraph break keeps the run it sits in; between two different runs it is unstyled."""
    out: list[Segment] = []
    for index, seg in enumerate(raw):
        if seg is not None:
            out.append(seg)
            continue
        before = next((s for s in reversed(raw[:index]) if s is not None), None)
        after = next((s for s in raw[index + 1:] if s is not None), None)
        same = before is not None and after is not None and before.style == after.style
        out.append(Segment("text", "\n", style=before.style if same else Style()))
    return out


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        if seg.kind == "text" and not seg.source:
            continue
        if merged and seg.kind == "text" and merged[-1].kind == "text" and merged[-1].style == seg.style:
            merged[-1] = Segment("text", merged[-1].source + seg.source, style=seg.style)
        else:
            merged.append(seg)
    return merged


def condition_problem(segments: list[Segment]) -> str:
    """A sentence when the condition chips do not pair up (an "end" missing or left over), else ""."""
    open_labels: list[str] = []
    for seg in segments:
        if seg.kind == "if":
            open_labels.append(seg.label)
        elif seg.kind in ("elif", "else") and not open_labels:
            return f"“{seg.label}” has no condition before it: add one, or delete it."
        elif seg.kind == "endif":
            if not open_labels:
                return "An “end” chip has no condition before it: delete it, or undo."
            open_labels.pop()
    if open_labels:
        return f"The condition “{open_labels[-1]}” has no “end” chip: add one after its words, or undo."
    return ""
