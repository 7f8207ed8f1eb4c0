"""A box's template source as word-processor segments (text runs, field and condition chips) and back.

Qt-free so the designer's visual editor and tests share one parser. A construct the editor cannot
show (loops, unknown fields or tags) makes `parse` return `Unsupported` instead of guessing. A
note (``{# … #}``) is kept as a chip of its own: it never prints, and is written back as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIELDS: dict[str, str] = {
    "contact.given_name": "First name", "contact|friendly": "Nickname or first name",
    "contact|friendly|upper": "NICKNAME OR FIRST NAME", "contact|household": "Household names",
    "contact.birthday.age": "Age", "contact.birthday.age|ordinal": "Age as 1st, 2nd, …",
    "contact.birthday": "Birthday", "contact.birthday|date": "Birthday date",
    "contact.spouse": "Spouse", "contact.address": "Address", "contact.address.block|br": "Address block",
    "contact.customer_since|date": "Customer since", "contact.tags": "Tags",
    "occasion.years": "Years with us", "occasion.years|years(words=true)": "Years with us in words",
    "occasion.date.year": "Year", "sender.name": "Your name", "sender.name|upper": "YOUR NAME",
    "sender.company": "Your company", "sender.phone": "Your phone", "sender.email": "Your email",
    "sender.address": "Your address", 'sender.address|join(", ")': "Your address on one line",
    "sender.signature": "Your signature", "message": "Message", "offer.text": "Offer",
}
CONDITIONS: dict[str, str] = {
    "contact.birthday.age and contact.birthday.age % 10 == 0": "only when the age is a round number",
    "contact.birthday.age": "only when the age is known", "contact.spouse": "only when they have a spouse",
    "occasion.years == 1": "only in the first year", "occasion.key == 'christmas'": "only at Christmas",
    "offer.url": "only when your offer has a link", "offer.text": "only when your offer has words",
}
_TOKEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<[^>]*>", re.S)
_DEFAULT = re.compile(r"^(.+)\|default\('([^']*)'\)$")
_TAGS = {"<b>": "bold", "<i>": "italic", "<u>": "underline"}


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str = ""


@dataclass(frozen=True)
class Segment:
    """kind: "text", "break", "field", "note" or "if"/"elif"/"else"/"endif"; ``source`` is the exact
    template text."""

    kind: str
    source: str
    label: str = ""
    style: Style = field(default_factory=Style)


@dataclass(frozen=True)
class Unsupported:
    reason: str


def field_label(expression: str) -> str | None:
    expr = re.sub(r"\s*\|\s*", "|", expression.strip())
    if expr in FIELDS:
        return FIELDS[expr]
    match = _DEFAULT.match(expr)
    if match and match.group(1) in FIELDS:
        return f"{FIELDS[match.group(1)]}, or “{match.group(2)}”"
    return None


def note_label(text: str, longest: int = 40) -> str:
    """A note's chip: "Note: " and its first words."""
    words = " ".join(text.split())
    if len(words) > longest:
        words = words[:longest].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"  # whole words only
    return "Note: " + words


def condition_label(condition: str) -> str | None:
    cond = " ".join(condition.split())
    if cond in CONDITIONS:
        return CONDITIONS[cond]
    for joiner in (" and ", " or "):
        if joiner in cond:
            parts = [FIELDS.get(p) for p in cond.split(joiner)]
            if all(parts):
                return "only when " + joiner.strip().join(f" {p.lower()} " for p in parts).strip() + " known"
    return f"only when {FIELDS[cond].lower()} is known" if cond in FIELDS else None


def parse(source: str) -> list[Segment] | Unsupported:
    segments: list[Segment] = []
    style, colours, pos = Style(), [], 0
    for match in _TOKEN.finditer(source):
        if match.start() > pos:
            segments.append(Segment("text", source[pos:match.start()], style=style))
        token, pos = match.group(0), match.end()
        if token.startswith("{#"):
            segments.append(Segment("note", token, note_label(token[2:-2]), Style()))
            continue
        if token.startswith("{{"):
            label = field_label(token[2:-2])
            if label is None:
                return Unsupported(f"the field {token} is not one the designer knows")
            segments.append(Segment("field", token, label, style))
        elif token.startswith("{%"):
            words = token[2:-2].strip().split(None, 1)
            kind = words[0] if words else ""
            if kind in ("else", "endif") and len(words) == 1:
                segments.append(Segment(kind, token, "otherwise" if kind == "else" else "end", style))
            elif kind in ("if", "elif") and len(words) == 2 and condition_label(words[1]):
                segments.append(Segment(kind, token, condition_label(words[1]) or "", style))
            else:
                return Unsupported(f"it uses {token}, which the designer cannot show")
        elif token in ("<br/>", "<br>", "<br />"):
            segments.append(Segment("break", token, style=style))
        elif token in _TAGS or token in ("</b>", "</i>", "</u>"):
            attr = _TAGS.get(token) or _TAGS["<" + token[2:]]
            style = Style(**{**style.__dict__, attr: token in _TAGS})
        elif m := re.fullmatch(r'<font color="(#[0-9a-fA-F]{6})">', token):
            colours.append(style.color)
            style = Style(**{**style.__dict__, "color": m.group(1)})
        elif token == "</font>" and colours:
            style = Style(**{**style.__dict__, "color": colours.pop()})
        else:
            return Unsupported(f"it contains the markup {token}")
    if pos < len(source):
        segments.append(Segment("text", source[pos:], style=style))
    return segments


def write(segments: list[Segment]) -> str:
    """Segments back to template source; tags open and close only where the style changes."""
    out: list[str] = []
    current = Style()
    for seg in segments + [Segment("text", "")]:
        want = seg.style
        if want != current:
            if current.underline and not want.underline or current != want and current.underline:
                out.append("</u>")
            if current.italic and (not want.italic or current != want):
                out.append("</i>")
            if current.bold and (not want.bold or current != want):
                out.append("</b>")
            if current.color and current.color != want.color:
                out.append("</font>")
            if want.color and want.color != current.color:
                out.append(f'<font color="{want.color}">')
            for attr, tag in (("bold", "<b>"), ("italic", "<i>"), ("underline", "<u>")):
                if getattr(want, attr) and (not getattr(current, attr) or current != want):
                    out.append(tag)
            current = want
        out.append(seg.source)
    return "".join(out)
