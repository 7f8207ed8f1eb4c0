"""Follow-up sequences as data: a trigger and steps that run themselves.

A sequence is one TOML file (bundled ones in ``bundled_sequences/`` next to this module,
the user's own in ``<data folder>/sequences/``; a user file with the same id replaces the
bundled one)::

    name = "New customer"
    description = "Thank them, ask how they like it, check in."

    [trigger]
    on = "first-order"        # "order", "first-order", "tag" or "birthday"
    # tag = "customer"        # for on = "tag": a new contact with this tag
    # from = "reorder-date"   # count the steps from the typical reorder date, not the trigger day

    [stop]
    on_order = true           # stopped when the contact orders again
    untagged = "customer"     # stopped when the contact no longer has this tag

    [[steps]]
    after_days = 2            # or before_days = 7 (with from = "reorder-date")
    kind = "card"             # "card", "call" or "message"
    template = "thank-you-order"
    label = "thank-you card"

A sequence's id is its file name without ``.toml``. Loading is strict: an unknown key or
kind, a card without a template, a step with no day is a `SequenceError` naming the file
and the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studio.errors import StudioError

BUNDLED_DIR = Path(__file__).with_name("bundled_sequences")
TRIGGERS = ("order", "first-order", "tag", "birthday")
STEP_KINDS = ("card", "call", "message")
FROM_TRIGGER, FROM_REORDER = "trigger", "reorder-date"
MAX_DAYS = 3660  # ten years: anything longer is a typo


class SequenceError(StudioError):
    """A sequence file Card Studio cannot use; the message names the file and the line."""


@dataclass(frozen=True)
class Step:
    """One step: ``days`` after the sequence's start (negative: before it), do ``kind``."""

    number: int  # 1-based, as the user counts the steps in the file
    days: int
    kind: str  # one of STEP_KINDS
    template: str = ""  # the card template, for a card
    occasion: str = ""  # the mailing's occasion key for a card ("thank-you"); empty: the template's
    label: str = ""  # what Today calls it: "thank-you card", "call: how do you like it"

    @property
    def title(self) -> str:
        return self.label or (f"{self.template} card" if self.kind == "card" else self.kind)


@dataclass(frozen=True)
class Sequence:
    id: str
    name: str
    trigger: str  # one of TRIGGERS
    steps: tuple[Step, ...]
    description: str = ""
    tag: str = ""  # the tag of a "tag" trigger
    counts_from: str = FROM_TRIGGER  # or FROM_REORDER
    stop_on_order: bool = False
    stop_untagged: str = ""  # stopped when this tag is taken off
    path: str = ""  # the file it came from
    bundled: bool = False

    def step(self, number: int) -> Step:
        for step in self.steps:
            if step.number == number:
                return step
        raise StudioError(f"the sequence {self.name!r} has no step {number} (it has {len(self.steps)})")

    @property
    def span(self) -> int:
        """Days from the start to the last step (0 or more)."""
        return max(0, *(s.days for s in self.steps))


@dataclass(frozen=True)
class SequenceBook:
    """Every sequence by id, the user's before the bundled ones."""

    sequences: dict[str, Sequence] = field(default_factory=dict)

    def find(self, name: str) -> Sequence:
        """The sequence called ``name`` (its id or its name, any case); StudioError listing them."""
        wanted = _fold(name)
        for sequence in self.sequences.values():
            if wanted in (_fold(sequence.id), _fold(sequence.name)):
                return sequence
        known = ", ".join(f"{s.id!r}" for s in self.sequences.values()) or "none"
        raise StudioError(f"there is no sequence {name!r} (known: {known})")

    def __iter__(self) -> Iterator[Sequence]:
        return iter(self.sequences.values())

    def triggered_by(self, *triggers: str) -> list[Sequence]:
        return [s for s in self.sequences.values() if s.trigger in triggers]


def _fold(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().casefold())


def load_book(user_dir: Path | None = None, problems: list[str] | None = None) -> SequenceBook:
    """The bundled sequences and the user's (``user_dir``/*.toml), which replace a bundled one
    with the same id. Raises `SequenceError` for a file that cannot be used; with
    ``problems``, that file is left out and its error appended there instead (Today still
    shows the other sequences' steps)."""
    found: dict[str, Sequence] = {}
    for path in sorted(BUNDLED_DIR.glob("*.toml")):
        found[path.stem] = read_sequence(path, bundled=True)
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                found[path.stem] = read_sequence(path)
            except SequenceError as exc:
                if problems is None:
                    raise
                problems.append(str(exc))
    return SequenceBook(found)


def read_sequence(path: Path, *, bundled: bool = False) -> Sequence:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SequenceError(f"cannot read the sequence {path}: {exc}") from exc
    return parse_sequence(text, path, bundled=bundled)


def parse_sequence(text: str, path: Path, *, bundled: bool = False) -> Sequence:
    """A `Sequence` from TOML ``text`` read from ``path`` (named in every error)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SequenceError(f"{path}: not valid TOML: {exc}") from None
    where = _Lines(text, path)
    _known(data, {"name", "description", "trigger", "stop", "steps"}, where, "")
    trigger = _table(data, "trigger", where)
    _known(trigger, {"on", "tag", "from"}, where, "trigger")
    on = trigger.get("on")
    if on not in TRIGGERS:
        raise where.error("trigger", "on", f"trigger on = {on!r} is not a trigger; use one of "
                          f"{', '.join(TRIGGERS)}")
    tag = _text(trigger, "tag", where, "trigger")
    if on == "tag" and not tag.strip():
        raise where.error("trigger", "on", 'a "tag" trigger names the tag: tag = "customer"')
    counts_from = _text(trigger, "from", where, "trigger") or FROM_TRIGGER
    if counts_from not in (FROM_TRIGGER, FROM_REORDER):
        raise where.error("trigger", "from",
                          f"from = {counts_from!r}: use {FROM_TRIGGER!r} or {FROM_REORDER!r}")
    stop = _table(data, "stop", where, required=False)
    _known(stop, {"on_order", "untagged"}, where, "stop")
    on_order = stop.get("on_order", False)
    if not isinstance(on_order, bool):
        raise where.error("stop", "on_order", "on_order is true or false")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise SequenceError(f"{path}: a sequence needs at least one [[steps]] table")
    steps = tuple(_step(number, raw, where) for number, raw in enumerate(raw_steps, start=1))
    name = _text(data, "name", where, "") or path.stem.replace("-", " ").capitalize()
    return Sequence(id=path.stem, name=name, trigger=on, steps=steps,
                    description=_text(data, "description", where, ""), tag=tag.strip(),
                    counts_from=counts_from, stop_on_order=on_order,
                    stop_untagged=_text(stop, "untagged", where, "stop").strip(), path=str(path),
                    bundled=bundled)


def _step(number: int, raw: object, where: _Lines) -> Step:
    section = f"steps#{number}"
    if not isinstance(raw, dict):
        raise where.error(section, None, f"step {number} is not a table")
    _known(raw, {"after_days", "before_days", "kind", "template", "occasion", "label"}, where, section)
    if ("after_days" in raw) == ("before_days" in raw):
        raise where.error(section, None,
                          f"step {number} needs after_days = N or before_days = N (one of them)")
    key = "after_days" if "after_days" in raw else "before_days"
    days = raw[key]
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DAYS:
        raise where.error(section, key, f"{key} = {days!r}: a number of days from 0 to {MAX_DAYS}")
    kind = raw.get("kind")
    if kind not in STEP_KINDS:
        raise where.error(section, "kind",
                          f"kind = {kind!r} is not a step; use one of {', '.join(STEP_KINDS)}")
    template = _text(raw, "template", where, section).strip()
    if kind == "card" and not template:
        raise where.error(section, "kind", f'step {number} is a card: name its template = "thank-you-order"')
    return Step(number=number, days=days if key == "after_days" else -days, kind=kind, template=template,
                occasion=_text(raw, "occasion", where, section).strip(),
                label=_text(raw, "label", where, section).strip())


def _table(data: dict, key: str, where: _Lines, required: bool = True) -> dict:
    value = data.get(key, None if required else {})
    if not isinstance(value, dict):
        raise SequenceError(f"{where.path}: a sequence needs a [{key}] table")
    return value


def _text(data: dict, key: str, where: _Lines, section: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise where.error(section, key, f"{key} is text, in quotes")
    return value


def _known(data: dict, keys: set[str], where: _Lines, section: str) -> None:
    for key in data:
        if key not in keys:
            raise where.error(section, key, f"{key!r} is not a sequence setting here (known: "
                              f"{', '.join(sorted(keys))})")


class _Lines:
    """Finds the line of a key in the TOML text, for errors a person can go and fix."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.lines = text.splitlines()

    def error(self, section: str, key: str | None, message: str) -> SequenceError:
        line = self.line_of(section, key)
        return SequenceError(f"{self.path}, line {line}: {message}" if line else f"{self.path}: {message}")

    def line_of(self, section: str, key: str | None) -> int | None:
        start, end = self._section(section)
        if key is None:
            return start + 1 if section else None
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for index in range(start, end):
            if pattern.match(self.lines[index]):
                return index + 1
        return start + 1 if section else None

    def _section(self, section: str) -> tuple[int, int]:
        """The lines [start, end) of ``section`` ("" the top, "trigger", "steps#2")."""
        headers = [(i, line.strip()) for i, line in enumerate(self.lines) if line.strip().startswith("[")]
        if section == "":
            return 0, headers[0][0] if headers else len(self.lines)
        name, _, nth = section.partition("#")
        wanted = f"[[{name}]]" if nth else f"[{name}]"
        seen = 0
        for position, (index, header) in enumerate(headers):
            if header.split("#")[0].strip() == wanted:
                seen += 1
                if not nth or seen == int(nth):
                    end = headers[position + 1][0] if position + 1 < len(headers) else len(self.lines)
                    return index, end
        return 0, 0

