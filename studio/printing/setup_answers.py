"""What the answers to the printer setup mean for a printer profile.

The printer test (`studio.printing.test_sheet`) is printed once; the user then says what
they see: which sentence on the back of sheet 1 reads upright, what lay on top of the output
tray, how far the back's cross is from the front's against a window, and how far the
calibration page (`studio.render.calibration`) printed off. `apply_answers` turns those
sightings into the profile's settings; `summary` says in words what will change. Both are
free of Qt so the desktop wizard and its tests share them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from studio.errors import UsageError
from studio.model import PIECE_KINDS, Calibration, PrinterProfile
from studio.printing.profiles import BACK_OFFSET_LIMITS, CALIBRATION_LIMITS
from studio.render.calibration import SCALE_SPAN_X, SCALE_SPAN_Y

DUPLEX_WORDS = {"long": "two-sided, turned over the long edge",
                "short": "two-sided, turned over the short edge",
                "manual": "one side at a time (you turn the stack by hand)"}
STACK_WORDS = {"face-down": "face down, pages in order", "face-up": "face up, last page on top"}
TURN_WORDS = {"long": "over its side edge, like a book page", "short": "over its top edge"}


@dataclass(frozen=True)
class StackSight:
    """One thing that can lie on top of the output tray after the test, and what it means.

    ``seen`` names the picture: "back-words" (the side that says “back of sheet 2”), "big-2"
    (the side with the big 2) or "blank" (an unprinted side)."""

    seen: str
    caption: str
    stack: str


def stack_sights(duplex: str) -> tuple[StackSight, StackSight]:
    """What may lie on top for a printer that prints ``duplex``, face down first.

    A two-sided printer puts sheet 2 on top: its back (face down) or its big 2 (face up). A
    printer that printed one side per sheet put the page “back of sheet 2” last: face down it
    shows its blank side, face up its words, whatever those words say about face down."""
    if duplex == "manual":
        return (StackSight("blank", "A blank side: it stacks face down", "face-down"),
                StackSight("back-words", "“back of sheet 2”: it stacks face up", "face-up"))
    return (StackSight("back-words", "“back of sheet 2”: it stacks face down", "face-down"),
            StackSight("big-2", "The big 2: it stacks face up", "face-up"))


@dataclass(frozen=True)
class CrossReading:
    """Where the back's cross lies from the front's, in mm, looking at side 1 against a window."""

    right: float = 0.0
    down: float = 0.0


@dataclass(frozen=True)
class CalibrationReading:
    """What the calibration page measured, for the kinds of piece it calibrates.

    ``right``/``down``: mm the red cross printed too far right/down (negative: left/up).
    ``ruler_x``/``ruler_y``: what the page's top ruler (0 to 150 mm) and left ruler (0 to
    200 mm) measure with a real ruler; None when not measured (the scale stays).
    ``drawn_with`` is the calibration the page was drawn through (it prints its own
    correction, so the measurement is what is left over)."""

    kinds: tuple[str, ...] = ("labels", "envelopes")
    right: float = 0.0
    down: float = 0.0
    ruler_x: float | None = None
    ruler_y: float | None = None
    drawn_with: Calibration = dataclasses.field(default_factory=Calibration)


@dataclass(frozen=True)
class SetupAnswers:
    """Everything answered; None (or an empty reading) leaves that part of the profile as it is."""

    duplex: str | None = None
    stack: str | None = None
    manual_turn: str | None = None
    cross: CrossReading | None = None
    calibration: CalibrationReading | None = None


def apply_answers(profile: PrinterProfile, answers: SetupAnswers) -> PrinterProfile:
    """A copy of ``profile`` set up as ``answers`` say.

    The back offset is the cross reading turned round (the back moves back onto the front;
    the test sheet is printed without any offset, so it is replaced, not added to). The
    calibration sets each chosen kind's offset to the page's own less what is left over,
    and its scale to the page's times the ruler's length over what it measured. Raises
    UsageError, naming the measurement, when the result is outside what a printer can be off.
    """
    changes: dict[str, object] = {}
    if answers.duplex is not None:
        changes["duplex"] = answers.duplex
    if answers.stack is not None:
        changes["stack"] = answers.stack
    if answers.manual_turn is not None:
        changes["manual_turn"] = answers.manual_turn
    if answers.cross is not None and (changes.get("duplex", profile.duplex) != "manual"):
        low, high = BACK_OFFSET_LIMITS
        for axis, value in (("x", answers.cross.right), ("y", answers.cross.down)):
            if not low <= value <= high:
                raise UsageError(f"the back's cross cannot be {abs(value):g} mm off the front's: more "
                                 f"than {high:g} mm means the sheet went in crooked; print the test again")
            changes[f"back_offset_{axis}"] = 0.0 - value  # 0.0 - keeps -0.0 out of the store
    reading = answers.calibration
    if reading is not None:
        calibration = _calibrated(reading)
        for kind in reading.kinds:
            if kind not in PIECE_KINDS:
                raise UsageError(f"a printer profile calibrates {', '.join(PIECE_KINDS)}, not {kind!r}")
            changes[kind] = dataclasses.replace(calibration)
    return dataclasses.replace(profile, **changes)


def _calibrated(reading: CalibrationReading) -> Calibration:
    drawn = reading.drawn_with
    result = Calibration(offset_x=round(drawn.offset_x - reading.right, 2),
                         offset_y=round(drawn.offset_y - reading.down, 2),
                         scale_x=drawn.scale_x, scale_y=drawn.scale_y)
    for name, measured, span, ruler in (("scale_x", reading.ruler_x, SCALE_SPAN_X, "top"),
                                        ("scale_y", reading.ruler_y, SCALE_SPAN_Y, "left")):
        if measured is None:
            continue
        if measured <= 0:
            raise UsageError(f"the {ruler} ruler's 0 to {span} mm must measure more than 0 mm")
        setattr(result, name, round(getattr(drawn, name) * span / measured, 4))
    for name, (low, high) in CALIBRATION_LIMITS.items():
        value = getattr(result, name)
        if not low <= value <= high:
            what = "the red cross's distance" if name.startswith("offset") else "the ruler's length"
            raise UsageError(f"{what} gives {name.replace('_', ' ')} {value:g}, outside {low:g} to {high:g}: "
                             "measure again (in millimetres, with the page printed at 100 %)")
    return result


def summary(before: PrinterProfile, after: PrinterProfile) -> list[str]:
    """What saving ``after`` over ``before`` changes, one sentence each; [] when nothing."""
    lines: list[str] = []
    if before.duplex != after.duplex:
        lines.append(f"Prints {DUPLEX_WORDS[after.duplex]} (was {DUPLEX_WORDS[before.duplex]}).")
    if before.stack != after.stack:
        lines.append(f"Output tray: {STACK_WORDS[after.stack]} (was {STACK_WORDS[before.stack]}).")
    if after.duplex == "manual" and before.manual_turn != after.manual_turn:
        lines.append(f"Turn the printed stack {TURN_WORDS[after.manual_turn]} "
                     f"(was {TURN_WORDS[before.manual_turn]}).")
    if (before.back_offset_x, before.back_offset_y) != (after.back_offset_x, after.back_offset_y):
        if after.back_offset_x or after.back_offset_y:
            lines.append(f"Card backs move {_shift(after.back_offset_x, after.back_offset_y)} "
                         "(seen from the front) to line up with the fronts.")
        else:
            lines.append("Card backs print where the fronts are, with no shift.")
    for kind in PIECE_KINDS:
        old, new = before.calibration(kind), after.calibration(kind)
        if old != new:
            lines.append(f"{kind.capitalize()}: shift {_shift(new.offset_x, new.offset_y)}, "
                         f"scale {new.scale_x:.3f} across and {new.scale_y:.3f} down.")
    return lines


def back_note(profile: PrinterProfile) -> str:
    """Where the profile prints the backs of card sheets, in words (under the setup button)."""
    if not (profile.back_offset_x or profile.back_offset_y):
        return "Card backs print where the fronts are."
    return (f"Card backs move {_shift(profile.back_offset_x, profile.back_offset_y)}, seen from the "
            "front, to line up with the fronts.")


def _shift(right: float, down: float) -> str:
    """A shift in words: "1.5 mm left and 0.5 mm down"."""
    parts = []
    if right:
        parts.append(f"{abs(right):g} mm {'right' if right > 0 else 'left'}")
    if down:
        parts.append(f"{abs(down):g} mm {'down' if down > 0 else 'up'}")
    return " and ".join(parts) or "not at all"
