"""Printer profiles as a user manages them: list, add, set a key, rename, make default, remove,
and find the one a command prints with (``--printer NAME``, else the default).

Every change runs in one transaction. The default profile is what the one-printer
settings (`Settings.printer`, `Settings.calibration`, `studio calibrate`) read and write.
"""

from __future__ import annotations

import dataclasses

from studio.errors import UsageError
from studio.model import Calibration, PrinterProfile
from studio.printing.profiles import CALIBRATION_LIMITS, check_name, profile_keys, profile_values, set_key
from studio.settings import Settings
from studio.store import Store
from studio.store.settings import printer_setup

__all__ = ["add_profile", "find_profile", "list_profiles", "profile_json", "profile_keys", "remove_profile",
           "rename_profile", "save_profile", "set_default", "set_profile_keys", "split_assignment",
           "with_profile", "calibrate", "printer_setup"]


def list_profiles(store: Store) -> tuple[list[PrinterProfile], str]:
    """Every profile (the default first) and the default's name."""
    profiles = store.printers.all()
    if not profiles:  # a store whose profiles were all removed by hand: the defaults stand in
        return [PrinterProfile()], PrinterProfile().name
    return profiles, store.printers.default_name() or profiles[0].name


def profile_json(profile: PrinterProfile, default: bool) -> dict[str, object]:
    """The JSON form `studio printers --json` prints: name, default, then every key."""
    return {"name": profile.name, "default": default, **profile_values(profile)}


def find_profile(store: Store, name: str | None) -> PrinterProfile:
    """The profile ``name`` (any case), or the default when None.

    Raises UsageError naming the profiles there are when there is none of that name.
    """
    if name is None or not name.strip():
        return store.printers.default()
    found = store.printers.get(name.strip())
    if found is None:
        names = ", ".join(p.name for p in list_profiles(store)[0])
        raise UsageError(f"there is no printer profile {name.strip()!r}; the profiles are {names} "
                         "(`studio printers --add NAME` makes one)")
    return found


def with_profile(settings: Settings, profile: PrinterProfile, duplex: str | None = None) -> Settings:
    """``settings`` as printing on ``profile`` needs them (its duplex, stack, margin and label
    calibration in the one-printer fields); ``duplex`` overrides the profile's."""
    setup = printer_setup(profile)
    if duplex is not None:
        setup = dataclasses.replace(setup, duplex=duplex)
    return dataclasses.replace(settings, printer=setup, calibration=dataclasses.replace(profile.labels))


def add_profile(store: Store, name: str, *, like: str | None = None) -> PrinterProfile:
    """A new profile called ``name``, a copy of ``like`` (or of the defaults).

    Raises UsageError when the name is taken or cannot be used."""
    name = check_name(name)
    with store.transaction():
        if store.printers.get(name) is not None:
            raise UsageError(f"there is already a printer profile called {name!r}")
        base = find_profile(store, like) if like else PrinterProfile()
        profile = dataclasses.replace(base, name=name)
        store.printers.save(profile)
    return profile


def save_profile(store: Store, profile: PrinterProfile) -> PrinterProfile:
    """Save ``profile`` whole (the desktop form), by its name; it must exist."""
    with store.transaction():
        find_profile(store, profile.name)
        store.printers.save(profile)
    return profile


def split_assignment(store: Store, assignment: str) -> tuple[str, str, str]:
    """``"Office laser.cards.offset_x=1.5"`` as (profile, key, value).

    The profile is the longest existing profile name the left side starts with (names may
    hold dots and spaces); raises UsageError for text that is not NAME.key=value.
    """
    left, equals, value = assignment.partition("=")
    if not equals:
        raise UsageError(f"--set takes NAME.key=value (e.g. Default.duplex=short), not {assignment!r}")
    names = sorted((p.name for p in list_profiles(store)[0]), key=len, reverse=True)
    for name in names:
        if left.casefold().startswith(name.casefold() + "."):
            return name, left[len(name) + 1:], value
    profile, _, key = left.rpartition(".")
    if not profile:
        raise UsageError(f"--set takes NAME.key=value, with the profile's name first (e.g. "
                         f"Default.{left.strip() or 'duplex'}={value.strip() or '…'})")
    find_profile(store, profile)  # names the profiles there are
    raise UsageError(f"--set: {assignment!r} names no profile")


def set_profile_keys(store: Store, assignments: list[str]) -> list[PrinterProfile]:
    """Apply every ``NAME.key=value``, all or none; returns the profiles changed."""
    changed: dict[str, PrinterProfile] = {}
    with store.transaction():
        for assignment in assignments:
            name, key, value = split_assignment(store, assignment)
            profile = changed.get(name.casefold()) or find_profile(store, name)
            changed[name.casefold()] = set_key(profile, key, value)
        for profile in changed.values():
            store.printers.save(profile)
    return list(changed.values())


def rename_profile(store: Store, old: str, new: str) -> PrinterProfile:
    new = check_name(new)
    with store.transaction():
        profile = find_profile(store, old)
        other = store.printers.get(new)
        if other is not None and other.name.casefold() != profile.name.casefold():
            raise UsageError(f"there is already a printer profile called {other.name!r}")
        store.printers.rename(profile.name, new)
    return dataclasses.replace(profile, name=new)


def set_default(store: Store, name: str) -> PrinterProfile:
    with store.transaction():
        profile = find_profile(store, name)
        store.printers.set_default(profile.name)
    return profile


def remove_profile(store: Store, name: str) -> PrinterProfile:
    """Remove a profile; the default cannot go (make another the default first)."""
    with store.transaction():
        profile = find_profile(store, name)
        if profile.name.casefold() == (store.printers.default_name() or "").casefold():
            raise UsageError(f"{profile.name!r} is the default printer profile; make another the default "
                             "first (`studio printers --default NAME`)")
        store.printers.remove(profile.name)
    return profile


def calibrate(store: Store, *, printer: str | None = None, kinds: tuple[str, ...] = ("labels", "envelopes"),
              offset_x: float | None = None, offset_y: float | None = None, scale_x: float | None = None,
              scale_y: float | None = None, reset: bool = False) -> PrinterProfile:
    """Change the calibration of ``kinds`` on a profile (default: the default profile's labels
    and envelopes, what the one calibration always covered); returns the profile."""
    given = {"offset_x": offset_x, "offset_y": offset_y, "scale_x": scale_x, "scale_y": scale_y}
    for name, (low, high) in CALIBRATION_LIMITS.items():
        value = given[name]
        if value is not None and not low <= value <= high:
            raise UsageError(f"{name.replace('_', ' ')} {value:g} is outside {low:g} to {high:g}")
    with store.transaction():
        profile = find_profile(store, printer)
        for kind in kinds:
            calibration = Calibration() if reset else dataclasses.replace(profile.calibration(kind))
            for name, value in given.items():
                if value is not None:
                    setattr(calibration, name, float(value))
            profile = dataclasses.replace(profile, **{kind: calibration})
        store.printers.save(profile)
        if store.printers.default_name() is None:
            store.printers.set_default(profile.name)
    return profile
