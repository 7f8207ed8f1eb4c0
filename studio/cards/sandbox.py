"""The sandboxed Jinja environment card texts are written in.

A card template comes from anywhere (a user's download, a colleague's e-mail), so it
runs in Jinja's `ImmutableSandboxedEnvironment` with more doors shut:

- no globals at all (no ``range``, ``cycler``, ``lipsum``, ``namespace``…): a template
  sees only the card's variables (`studio.cards.context.CONTEXT_NAMES`);
- ``include``, ``import``, ``from`` and ``extends`` are refused when the text is
  compiled, and there is no loader, so no file can be read;
- reaching an unsafe attribute (``__class__``, ``_TemplateReference__context``,
  ``func_globals``…) or calling a mutating method raises instead of printing nothing,
  so an injection attempt fails loudly with its file and line;
- output is escaped as paragraph markup (markupsafe) so a contact named ``<b>`` or
  ``A & B`` prints literally, while the template's own markup stays markup;
- an unknown name or field is an error; a field the contact lacks is `Missing`;
- numbers, text sizes, filter widths and render time are bounded (`studio.cards.limits`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, nodes
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from studio.cards.errors import TemplateError, located
from studio.cards.filters import FILTERS
from studio.cards.limits import MAX_OUTPUT, checked_binop, guarded_filters, render_budget
from studio.cards.template_errors import explain, problems


class _CardUndefined(StrictUndefined):
    """An unknown field: any use of it raises, naming the view it was looked up on."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        owner = getattr(type(self._undefined_obj), "_label", None)
        if owner and self._undefined_name is not None:
            fields = ", ".join(f.name for f in dataclasses.fields(self._undefined_obj)
                               if not f.name.startswith("_"))
            return f"{owner} has no field '{self._undefined_name}' (it has: {fields})"
        return super()._undefined_message


class CardSandbox(ImmutableSandboxedEnvironment):
    """The environment for card texts. Build one with `make_environment`."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # The stock sandbox returns an undefined value, which would print as "" and hide
        # an injection attempt; a card template has no business there, so say so.
        raise SecurityError(f"a card template may not use '{attribute}' "
                            f"(of {type(obj).__name__}); it can only read the card's fields")


def _finalize(value: Any) -> Any:
    return "" if value is None else value


def make_environment() -> CardSandbox:
    # optimized=False: Jinja would otherwise compute constant expressions such as
    # 2**9999999999 while compiling, before any limit could look at them.
    env = CardSandbox(autoescape=True, undefined=_CardUndefined, finalize=_finalize, optimized=False,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False, cache_size=0)
    env.globals.clear()
    env.filters.update(FILTERS)
    env.filters.update(guarded_filters(env.filters))
    return env


@dataclass(frozen=True)
class CardText:
    """One compiled piece of Jinja: where it came from, for error messages."""

    template: Template
    file: Path
    first_line: int  # the line of the source's first line in ``file`` (inline TOML text)
    source: str = ""  # the text as written, to explain a failure in a sentence

    def render(self, variables: dict[str, Any]) -> Markup:
        """Fill the text; any failure is a `TemplateError` naming the file and line.

        The message is the plain sentence of `studio.cards.template_errors.explain`.
        """
        try:
            with render_budget(str(self.file)):
                output = self.template.render(variables)
        except (JinjaError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError,
                OverflowError, RecursionError, MemoryError) as exc:  # SecurityError, LimitExceeded too
            problem = explain(self.source, exc, line_offset=self.first_line - 1)
            raise TemplateError([located(self.file, self._line(exc), problem.sentence)]) from None
        if len(output) > MAX_OUTPUT:
            raise TemplateError([located(self.file, self.first_line,
                                         f"the text came out over {MAX_OUTPUT:,} characters long")])
        return Markup(output)

    def _line(self, exc: BaseException) -> int:
        # Jinja rewrites tracebacks so template frames carry the template's own line.
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == str(self.file):
                line = tb.tb_lineno
            tb = tb.tb_next
        return self.first_line + (line or 1) - 1


def compile_text(env: CardSandbox, source: str, file: Path, first_line: int = 1, *,
                 output_filter: str | None = None) -> tuple[CardText | None, list[str]]:
    """Compile a text box's Jinja; returns it, or None and every problem found.

    Beyond syntax, the text may only use the card's variables (`CONTEXT_NAMES`) and their
    fields, even in a branch the sample card never takes, and must not include, import or
    extend anything; each problem is a plain sentence (`studio.cards.template_errors`).
    ``output_filter`` (a filter of ``env``, such as "urlencode") is applied to every value the
    text prints, not to its own literal text: a link's template keeps its ``?`` and ``&`` while
    a value's are encoded.
    """
    name = str(file)
    found = problems(env, source, line_offset=first_line - 1)
    if found:
        return None, [located(file, first_line + p.line - 1, p.sentence) for p in found]
    tree = env.parse(source, name=file.name, filename=name)
    if output_filter is not None:
        _filter_outputs(tree, output_filter)
    code = env.compile(tree, name=file.name, filename=name)
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    return CardText(template=template, file=file, first_line=first_line, source=source), []


def _filter_outputs(tree: nodes.Template, name: str) -> None:
    """Wrap every printed expression of ``tree`` in the filter ``name``, in place."""
    for output in tree.find_all(nodes.Output):
        output.nodes = [node if isinstance(node, nodes.TemplateData) else
                        nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)
                        for node in output.nodes]
