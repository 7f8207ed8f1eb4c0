"""Reading and changing the user's settings by name, e.g. ``sender.address.city``.

The desktop app edits `Settings` through its forms; this is the same thing for scripts
and the command line: one dotted name, one text value, checked and converted to the
field's type.
"""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum
from typing import Any

from studio.errors import UsageError
from studio.settings import Settings
from studio.store import Store

_PAPERS = ("letter", "a4")
# Parts of the shared Address type that mean nothing for the sender's return address.
_HIDDEN = {"sender.address.label", "sender.address.preferred"}


def setting_names(settings: Settings | None = None) -> list[str]:
    """Every settable dotted name, in the order the dataclasses declare them."""
    return [name for name, _ in _leaves(settings or Settings(), "")]


def _leaves(obj: Any, prefix: str) -> list[tuple[str, Any]]:
    found = []
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        name = f"{prefix}{field.name}"
        if dataclasses.is_dataclass(value):
            found += _leaves(value, f"{name}.")
        elif name not in _HIDDEN:
            found.append((name, value))
    return found


def flat_settings(settings: Settings) -> dict[str, Any]:
    """The settings as {dotted name: plain value} (enums as their values)."""
    return {name: value.value if isinstance(value, Enum) else value
            for name, value in _leaves(settings, "")}


def _convert(name: str, kind: Any, text: str) -> Any:
    origin = typing.get_origin(kind)
    try:
        if kind is bool:
            if text.lower() in ("yes", "true", "1", "on"):
                return True
            if text.lower() in ("no", "false", "0", "off"):
                return False
            raise ValueError
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
        if isinstance(kind, type) and issubclass(kind, Enum):
            return kind(text)
        if origin is list:
            return [item.strip() for item in text.split(",") if item.strip()]
        if origin is dict:
            pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
            return {key.strip().upper(): int(value) for key, value in pairs}
    except (ValueError, TypeError):
        if isinstance(kind, type) and issubclass(kind, Enum):
            choices = ", ".join(member.value for member in kind)
            raise UsageError(f"{name} takes one of: {choices}") from None
        if origin is dict:
            raise UsageError(f"{name} takes CODE=DAYS pairs separated by commas, e.g. DE=6,JP=9") from None
        raise UsageError(f"{text!r} is not a valid value for {name}") from None
    return text


def change_setting(settings: Settings, name: str, text: str) -> Settings:
    """A copy of ``settings`` with the dotted ``name`` set from ``text``.

    Raises UsageError naming the setting for an unknown name or a value of the wrong kind.
    """
    parts = name.strip().split(".")
    if name not in setting_names(settings):
        raise UsageError(f"there is no setting {name!r}; `studio settings` lists them")
    owners: list[Any] = [settings]
    for part in parts[:-1]:
        owners.append(getattr(owners[-1], part))
    kind = typing.get_type_hints(type(owners[-1]))[parts[-1]]
    value = _convert(name, kind, text.strip())
    if name == "paper" and value not in _PAPERS:
        raise UsageError("paper takes letter or a4")
    if name == "home_country":
        if len(value) != 2 or not value.isalpha():
            raise UsageError("home_country takes a two-letter country code such as US, GB or DE")
        value = value.upper()
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise UsageError(f"{name} cannot be negative")
    # Rebuild from the leaf up so the caller's object is left untouched.
    for owner, part in zip(reversed(owners), reversed(parts), strict=True):
        value = dataclasses.replace(owner, **{part: value})
    return value


def update_settings(store: Store, changes: list[tuple[str, str]]) -> Settings:
    """Apply ``(name, text)`` changes to the saved settings, all or none, and save them."""
    settings = store.settings.load()
    for name, text in changes:
        settings = change_setting(settings, name, text)
    with store.transaction():
        store.settings.save(settings)
    return settings
