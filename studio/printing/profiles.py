"""Printer profile keys: what each one takes, and setting one from text with a clear refusal.

A profile (`studio.model.PrinterProfile`) is set key by key from the command line
(``studio printers --set "Office laser.cards.offset_x=1.5"``) and the desktop form; both
go through `set_key`, which names the key and its allowed values when a value will not do.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from studio.errors import UsageError
from studio.model import (
    CARRIERS,
    DUPLEX_MODES,
    ENVELOPE_FACES,
    ENVELOPE_FEEDS,
    PIECE_KINDS,
    ROTATIONS,
    STACKINGS,
    Calibration,
    PrinterProfile,
)

# What a calibration may be: offsets in mm, scale factors. Anything wider is a typo, not a printer.
CALIBRATION_LIMITS = {"offset_x": (-20.0, 20.0), "offset_y": (-20.0, 20.0), "scale_x": (0.9, 1.1),
                      "scale_y": (0.9, 1.1)}
MARGIN_LIMITS = (0.0, 20.0)
BACK_OFFSET_LIMITS = (-10.0, 10.0)  # a duplexer further off than 1 cm is jammed, not misaligned
MAX_NAME = 60


@dataclass(frozen=True)
class ProfileKey:
    """One settable key: its dotted name, the choices (or a numeric range), what it means."""

    name: str
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    help: str = ""

    def allowed(self) -> str:
        if self.choices:
            return ", ".join(self.choices)
        return f"a number from {self.low:g} to {self.high:g}"


def profile_keys() -> list[ProfileKey]:
    """Every key of a profile, in the order `studio printers` shows them."""
    keys = [
        ProfileKey("duplex", DUPLEX_MODES, help="how it prints two-sided: long or short edge, or manual"),
        ProfileKey("stack", STACKINGS, help="how printed sheets come out"),
        ProfileKey("margin_mm", low=MARGIN_LIMITS[0], high=MARGIN_LIMITS[1],
                   help="the blank edge it leaves (0: borderless)"),
        ProfileKey("manual_turn", ("long", "short"),
                   help="manual two-sided: turn the stack over its side edge (long) or top edge (short)"),
    ]
    for axis, way in (("x", "right"), ("y", "down")):
        keys.append(ProfileKey(f"back_offset_{axis}", low=BACK_OFFSET_LIMITS[0], high=BACK_OFFSET_LIMITS[1],
                               help=f"card backs: mm, + moves {way} seen from the front against the light"))
    for kind in PIECE_KINDS:
        for part, (low, high) in CALIBRATION_LIMITS.items():
            unit = "mm, + moves right/down" if part.startswith("offset") else "factor"
            keys.append(ProfileKey(f"{kind}.{part}", low=low, high=high, help=f"{kind}: {unit}"))
    keys += [
        ProfileKey("envelope_feed", ENVELOPE_FEEDS, help="envelopes go in centred or against one side"),
        ProfileKey("envelope_face", ENVELOPE_FACES, help="the address side lies up or down in the tray"),
        ProfileKey("envelope_rotation", tuple(str(r) for r in ROTATIONS),
                   help="degrees the envelope is turned on the page fed, anticlockwise"),
        ProfileKey("envelope_carrier", CARRIERS, help="print envelopes on a Letter/A4 page instead"),
        ProfileKey("queue", help="the system printer this profile is for (any text, '' for any)"),
    ]
    return keys


def profile_values(profile: PrinterProfile) -> dict[str, object]:
    """The profile as {key: value} for every key of `profile_keys`."""
    values: dict[str, object] = {}
    for key in profile_keys():
        owner, _, leaf = key.name.rpartition(".")
        holder = getattr(profile, owner) if owner else profile
        values[key.name] = getattr(holder, leaf)
    return values


def set_key(profile: PrinterProfile, name: str, text: str) -> PrinterProfile:
    """A copy of ``profile`` with ``name`` set from ``text``.

    Raises UsageError naming the key and what it allows for an unknown key or a bad value.
    """
    keys = {key.name: key for key in profile_keys()}
    key = keys.get(name.strip())
    if key is None:
        raise UsageError(f"a printer profile has no key {name.strip()!r}; the keys are "
                         + ", ".join(keys))
    text = text.strip()
    value: object
    if key.choices:
        if text not in key.choices:
            raise UsageError(f"{key.name} cannot be {text!r}; use one of {key.allowed()}")
        value = int(text) if key.name == "envelope_rotation" else text
    elif key.low is not None and key.high is not None:
        try:
            number = float(text.removesuffix("mm"))
        except ValueError:
            raise UsageError(f"{key.name} takes {key.allowed()}, not {text!r}") from None
        if not key.low <= number <= key.high:
            raise UsageError(f"{key.name} {number:g} is outside {key.allowed()}")
        value = number
    else:
        value = text
    owner, _, leaf = key.name.rpartition(".")
    if owner:
        calibration: Calibration = getattr(profile, owner)
        return dataclasses.replace(profile, **{owner: dataclasses.replace(calibration, **{leaf: value})})
    return dataclasses.replace(profile, **{leaf: value})


def check_name(name: str) -> str:
    """``name`` trimmed; UsageError when it cannot name a profile."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UsageError("a printer profile needs a name, such as \"Office laser\"")
    if len(cleaned) > MAX_NAME:
        raise UsageError(f"a printer profile's name can be at most {MAX_NAME} characters")
    if "=" in cleaned:
        raise UsageError(f"a printer profile's name cannot contain '=' ({cleaned!r})")
    return cleaned
