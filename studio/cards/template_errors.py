"""Mistakes in a box's template source, told as one plain sentence with the line to look at.

The people who write card texts by hand are not programmers: Jinja's own messages ("expected
token 'end of print statement', got 'second'") and file paths mean nothing to them. `explain`
turns any error the card sandbox raises into an `Explanation`; `problems` and `check_box` find
the mistakes in a source without filling it, in the very environment the renderer uses
(`studio.cards.sandbox.make_environment`). A sentence never contains a path, "Jinja", "token"
or an exception's text; it names fields by the label the designer shows where there is one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError, UndefinedError

from studio.cards.context import CONTEXT_NAMES
from studio.cards.richtext import FIELDS
from studio.cards.template_scan import line_of, scan

_FORBIDDEN_TAGS = {nodes.Extends: "extends", nodes.Include: "include", nodes.Import: "import",
                   nodes.FromImport: "from … import"}
_BUILT_IN_NAMES = ("loop", "caller", "varargs", "kwargs")


@dataclass(frozen=True)
class Explanation:
    """One mistake: what to do about it, and where.

    ``line`` is 1-based within the box's own source; ``column`` (1-based) is known only for
    some mistakes; ``excerpt`` is that line's text, for showing next to the sentence.
    """

    sentence: str
    line: int
    column: int | None
    excerpt: str


def explain(source: str, error: BaseException, *, line_offset: int = 0) -> Explanation:
    """The plain sentence for ``error``, raised while compiling or filling ``source``.

    ``line_offset`` is added to the line numbers the sentence says (a text written inside
    template.toml starts on a later line of that file); ``Explanation.line`` stays within
    ``source``. Understands syntax errors, unknown filters, unknown fields, the sandbox's
    refusals and the card limits; anything else still gets a sentence naming its line.
    """
    if isinstance(error, TemplateSyntaxError):
        found = scan(source)
        if found is not None:
            return _at(source, _shift(found.sentence, line_offset), line_of(source, found.offset),
                       _column(source, found.offset))
        line = error.lineno or 1
        return _at(source, _syntax_sentence(error.message or "", source, line, line + line_offset), line)
    line = _template_line(error) or 1
    said = line + line_offset
    message = str(getattr(error, "message", None) or error)
    if isinstance(error, UndefinedError):
        return _at(source, _undefined_sentence(message, _line_text(source, line)), line)
    if filter_name := re.match(r"No (filter|test) named '([^']+)'", message):
        return _at(source, _unknown_filter(filter_name.group(2), filter_name.group(1) == "test"), line)
    if isinstance(error, SecurityError):
        from studio.cards.limits import LimitExceeded

        if isinstance(error, LimitExceeded):
            return _at(source, f"Line {said} is too costly to fill in: {message}.", line)
        used = re.search(r"(?:use|attribute) '([^']+)'", message)
        what = f"“{used.group(1)}”" if used else "something"
        return _at(source, f"Line {said} reaches for {what}, which a card may not use: "
                           "a card can only read its fields.", line)
    if isinstance(error, ValueError) and (needs := re.match(r"the (\w+) filter needs (.+)", message)):
        return _at(source, f"On line {said}, “{needs.group(1)}” needs {needs.group(2)}.", line)
    if isinstance(error, TemplateRuntimeError):
        return _at(source, f"Line {said} cannot be filled in: check the fields and instructions on it.", line)
    return _at(source, f"Line {said} cannot be filled in for this person: check the fields on it and "
                       "the changes written after “|”.", line)


def problems(env: Any, source: str, *, fields: bool = True, line_offset: int = 0) -> list[Explanation]:
    """Every mistake in ``source`` found without filling it in, first one first.

    ``env`` is the card sandbox (`studio.cards.sandbox.make_environment`). A syntax mistake
    stops the search (nothing after it can be read reliably); otherwise this lists stray
    ``}}``, instructions that read other files, unknown names, unknown changes after ``|``
    and, with ``fields``, fields the card's contact, occasion, sender or offer do not have.
    """
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        return [explain(source, exc, line_offset=line_offset)]
    found: list[Explanation] = []
    # Jinja prints a stray "}}" as text; on a card it is always a slip. Its lexer says whether
    # one is printed (a "}}" inside quotes is not); the scanner says where a person sees it.
    stray = scan(source) if _prints_a_closer(env, source) else None
    if stray is not None and stray.stray:
        found.append(_at(source, _shift(stray.sentence, line_offset), line_of(source, stray.offset),
                         _column(source, stray.offset)))
    for node_type, tag in _FORBIDDEN_TAGS.items():
        for node in tree.find_all(node_type):
            found.append(_at(source, f"“{{% {tag} %}}” on line {node.lineno + line_offset} is not allowed: "
                                     "a card cannot read other files.", node.lineno))
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    reported: set[str] = set()
    for node in tree.find_all(nodes.Name):
        if (node.ctx == "load" and node.name not in CONTEXT_NAMES and node.name not in assigned
                and node.name not in _BUILT_IN_NAMES and node.name not in reported):
            reported.add(node.name)
            found.append(_at(source, _unknown_field(node.name), node.lineno))
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        known = env.tests if isinstance(node, nodes.Test) else env.filters
        if node.name not in known:
            sentence = _unknown_filter(node.name, isinstance(node, nodes.Test), env)
            found.append(_at(source, sentence, node.lineno))
    if fields:
        for node in tree.find_all(nodes.Getattr):
            path = _dotted(node)
            # "_x" is left to the sandbox, which refuses it as off limits rather than unknown
            if (path and path not in reported and path.split(".")[0] not in assigned
                    and not node.attr.startswith("_") and _lacks(path)):
                reported.add(path)
                found.append(_at(source, _unknown_field(path), node.lineno))
    return sorted(found, key=lambda e: e.line)


def _prints_a_closer(env: Any, source: str) -> bool:
    raw = False
    for _line, kind, value in env.lex(source):
        raw = kind == "raw_begin" or (raw and kind != "raw_end")
        if kind == "data" and not raw and ("}}" in value or "%}" in value):
            return True
    return False


def check_box(source: str) -> Explanation | None:
    """The first mistake in a box's template source, or None when the renderer can use it."""
    from studio.cards.sandbox import make_environment  # the sandbox compiles with these sentences

    found = problems(make_environment(), source)
    return found[0] if found else None


# --- sentences -----------------------------------------------------------------------------

def _syntax_sentence(message: str, source: str, line: int, said: int) -> str:
    text = _line_text(source, line)
    if m := re.match(r"No (filter|test) named '([^']+)'", message):
        return _unknown_filter(m.group(2), m.group(1) == "test")
    if m := re.match(r"unexpected char ['\"](.)['\"]", message):
        if m.group(1) in "'\"":
            return (f"A quotation mark ({m.group(1)}) on line {said} is not closed: "
                    f"add another {m.group(1)} where the words end.")
        return f"“{m.group(1)}” on line {said} cannot be used in a field or an instruction."
    if m := re.match(r"unexpected '([)\]])'", message):
        partner = "(" if m.group(1) == ")" else "["
        return f"There is a “{m.group(1)}” on line {said} without a “{partner}” before it."
    if m := re.search(r"expected '([)\]])'", message):
        partner = "(" if m.group(1) == ")" else "["
        return f"A “{partner}” on line {said} is not closed: add “{m.group(1)}” after what it holds."
    if message.startswith("Expected an expression"):
        if "print statement" in message:
            return f"The field on line {said} is empty: write a field name between {{{{ and }}}}."
        word = re.search(r"\{%-?\s*(\w+)\s*-?%\}", text)
        what = f"“{{% {word.group(1)} %}}”" if word else "An instruction"
        return f"{what} on line {said} is missing what it is about, for example “{{% if contact.spouse %}}”."
    if message.startswith("expected token 'name'") and "|" in text:
        return f"A “|” on line {said} must be followed by a change, such as “upper”."
    if message.startswith("expected name or number"):
        return f"A “.” on line {said} must be followed by a name, as in “contact.given_name”."
    if m := re.match(r"expected token 'end of (print statement|statement block)', got '([^']+)'", message):
        where = "field" if m.group(1) == "print statement" else "instruction"
        return (f"“{m.group(2)}” on line {said} does not belong in the {where} there: "
                "names are joined with dots, as in “contact.given_name”.")
    return (f"Line {said} has a mistake in a field or an instruction: check that each {{{{ has its }}}}, "
            "each {% has its %}, and that the names are spelled right.")


def _unknown_filter(name: str, test: bool, env: Any = None) -> str:
    if env is None:
        from studio.cards.sandbox import make_environment

        env = make_environment()
    names = sorted(env.tests if test else env.filters)
    guess = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    verb = "checked" if test else "changed"
    hint = f"; did you mean “{guess[0]}”?" if guess else "."
    return f"“{name}” is not something a field can be {verb} with{hint}"


def _unknown_field(path: str) -> str:
    guess = _closest_field(path)
    if guess is None:
        return f"There is no field called “{path}”."
    label = FIELDS.get(guess)
    return (f"There is no field called “{path}”; did you mean “{label}” ({guess})?" if label
            else f"There is no field called “{path}”; did you mean “{guess}”?")


def _undefined_sentence(message: str, text: str) -> str:
    name = (re.search(r"no (?:field|attribute) '([^']+)'", message)
            or re.match(r"'([^']+)' is undefined", message))
    if name is None:
        return "A field on this line does not exist: check the spelling of each name between {{ and }}."
    written = re.search(rf"([A-Za-z_][\w.]*\.)?{re.escape(name.group(1))}\b", text)
    return _unknown_field(written.group(0) if written else name.group(1))


# --- the card's fields -----------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _members() -> dict[str, frozenset[str]]:
    """What each dotted path a template may read offers after its next dot."""
    from studio.cards.offer import OfferView
    from studio.cards.views import AddressView, ContactView, DateView, OccasionView, SenderView

    def names(cls: type) -> frozenset[str]:
        fields = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
        return frozenset(n for n in fields | set(dir(cls)) if not n.startswith("_"))

    dated = names(DateView)
    members = {"contact": names(ContactView), "occasion": names(OccasionView), "sender": names(SenderView),
               "offer": names(OfferView), "contact.address": names(AddressView),
               "occasion.date": names(dt.date), "today": names(dt.date)}
    members.update({f"contact.{d}": dated for d in ("birthday", "anniversary", "customer_since")})
    return members


def _lacks(path: str) -> bool:
    owner, _, attr = path.rpartition(".")
    known = _members().get(owner)
    return known is not None and attr not in known


@functools.lru_cache(maxsize=1)
def _field_names() -> dict[str, str]:
    """Every field path a person may mean, with the spelling of its designer label as a second key."""
    views = ("contact", "occasion", "sender", "offer")  # their own fields; a date's methods are no hint
    paths = {f"{owner}.{attr}": f"{owner}.{attr}"
             for owner in views for attr in _members()[owner] if attr != "of"}
    for path, label in FIELDS.items():
        if "|" in path:
            continue
        paths[path] = path
        # "contact.first_name" typed for the designer's "First name" means contact.given_name
        spoken = f"{path.split('.')[0]}.{re.sub(r'[^a-z]+', '_', label.lower()).strip('_')}"
        if spoken not in FIELDS:
            paths[spoken] = path
    return paths


def _closest_field(path: str) -> str | None:
    # Compare the last part only, among fields of the same owner: "contact." in common says nothing.
    owner, _, attr = path.rpartition(".")
    if not owner:
        return next(iter(difflib.get_close_matches(attr, CONTEXT_NAMES, n=1, cutoff=0.75)), None)
    best: tuple[float, bool, str] | None = None
    for spelling, meant in _field_names().items():
        if spelling.rpartition(".")[0] != owner:
            continue
        score = difflib.SequenceMatcher(None, attr, spelling.rpartition(".")[2]).ratio()
        candidate = (score, meant in FIELDS, meant)
        if score >= 0.75 and (best is None or candidate[:2] > best[:2]):
            best = candidate
    return best[2] if best else None


def _dotted(node: nodes.Getattr) -> str | None:
    parts = [node.attr]
    inner: nodes.Node = node.node
    while isinstance(inner, nodes.Getattr):
        parts.append(inner.attr)
        inner = inner.node
    if not isinstance(inner, nodes.Name) or inner.ctx != "load":
        return None
    return ".".join([inner.name, *reversed(parts)])


# --- where ---------------------------------------------------------------------------------

def _at(source: str, sentence: str, line: int, column: int | None = None) -> Explanation:
    line = max(1, min(line, source.count("\n") + 1))
    return Explanation(sentence=sentence, line=line, column=column, excerpt=_line_text(source, line).strip())


def _line_text(source: str, line: int) -> str:
    lines = source.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _column(source: str, offset: int) -> int:
    return offset - (source.rfind("\n", 0, offset) + 1) + 1


def _shift(sentence: str, offset: int) -> str:
    """The scanner's "line N" read as lines of the file the source sits in."""
    if not offset:
        return sentence
    return re.sub(r"\bline (\d+)", lambda m: f"line {int(m.group(1)) + offset}", sentence)


def _template_line(error: BaseException) -> int | None:
    # Jinja rewrites a failing template's traceback so its frames carry the template's own
    # line; those frames are the ones whose globals hold the exception being re-raised.
    line = None
    tb = error.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
