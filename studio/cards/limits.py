"""Limits on what a card template may cost: numbers, string sizes, filter widths, time.

A template comes from anywhere, so besides the sandbox's closed doors (`studio.cards.sandbox`)
it runs under budgets no real card comes near:

- ``**`` may not make a number of more than `MAX_INT_BITS` bits, and ``*`` may not repeat a
  string or list past `MAX_OUTPUT` items: both are checked before Python computes them
  (Jinja's constant folding at compile time is switched off, so ``{{ 2**9999999999 }}``
  is checked too, not computed while compiling);
- the filters that pad or multiply text (center, indent, wordwrap, format, replace …) refuse
  widths and results past `MAX_OUTPUT`;
- one text may render for at most `RENDER_SECONDS`: lines of template code are counted
  while it renders (on whatever thread renders it, the preview's included) and a text
  over budget stops with `LimitExceeded`, which the caller reports by file and line.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from jinja2.exceptions import SecurityError

MAX_OUTPUT = 20_000  # characters one text box may produce; more is a runaway loop, not a card
MAX_INT_BITS = 4_096
RENDER_SECONDS = 2.0
_CHECK_EVERY = 2_000  # template lines between two looks at the clock
_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\d+)|\{[^}]*:[^}]*?(\d+)")


class LimitExceeded(SecurityError):
    """A template that would cost more than any card needs."""


def checked_binop(operator: str, left: Any, right: Any) -> None:
    """Raise LimitExceeded before ``left operator right`` would make something huge."""
    if operator == "**" and _is_int(left) and _is_int(right):
        if right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > MAX_INT_BITS:
            raise LimitExceeded(f"{left} ** {right} is a number far too large for a card")
    elif operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and _is_int(count):
                if len(sequence) * max(count, 0) > MAX_OUTPUT:
                    raise LimitExceeded(
                        f"repeating a text {count:,} times makes it longer than {MAX_OUTPUT:,} characters"
                    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _width_guard(name: str, width_arg: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def wrap(filter_function: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            for value in (*args[width_arg : width_arg + 1], kwargs.get("width")):
                if _is_int(value) and value > MAX_OUTPUT:
                    raise LimitExceeded(f"'{name}' to a width of {value:,} is longer than a card holds")
            return filter_function(*args, **kwargs)

        return guarded

    return wrap


def guarded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """The text filters that can allocate a lot, wrapped to refuse it up front."""
    guarded = dict(filters)
    for name, width_arg in (("center", 1), ("indent", 1), ("wordwrap", 1), ("truncate", 1)):
        if name in filters:
            guarded[name] = _width_guard(name, width_arg)(filters[name])
    if "format" in filters:
        original_format = filters["format"]

        def format_guarded(value: Any, *args: Any, **kwargs: Any) -> Any:
            widths = [int(n) for pair in _FORMAT_WIDTH.findall(str(value)) for n in pair if n]
            if any(w > MAX_OUTPUT for w in widths):
                raise LimitExceeded(f"'format' to a width of {max(widths):,} is longer than a card holds")
            return original_format(value, *args, **kwargs)

        guarded["format"] = format_guarded
    if "replace" in filters:
        original_replace = filters["replace"]

        def replace_guarded(environment: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
            text, old_text = str(value), str(old)
            hits = text.count(old_text) if old_text else len(text) + 1
            if len(text) + hits * max(len(str(new)) - len(old_text), 0) > MAX_OUTPUT:
                raise LimitExceeded(f"'replace' would make the text longer than {MAX_OUTPUT:,} characters")
            return original_replace(environment, value, old, new, count)

        replace_guarded.jinja_pass_arg = getattr(original_replace, "jinja_pass_arg", None)  # type: ignore[attr-defined]
        guarded["replace"] = replace_guarded
    return guarded


@contextmanager
def render_budget(template_file: str, seconds: float = RENDER_SECONDS) -> Iterator[None]:
    """Stop a render of ``template_file``'s code that runs longer than ``seconds``.

    Only frames of the template's own compiled code are traced line by line, so the cost
    falls on template loops, not on the filters and views they call.
    """
    deadline = time.monotonic() + seconds
    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
            if lines % _CHECK_EVERY == 0 and time.monotonic() > deadline:
                raise LimitExceeded(f"the text took longer than {seconds:g} s to fill in (a runaway loop?)")
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == template_file else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        yield
    finally:
        sys.settrace(previous)
