"""Errors a user may see. Each carries a sentence meant for a person, not a traceback."""

from __future__ import annotations


class StudioError(Exception):
    """A failure the CLI and the app report as one clear message (exit status 1)."""


class UsageError(StudioError):
    """The command was asked for something it cannot do as written (exit status 2)."""


class Cancelled(StudioError):
    """The user cancelled long-running work; whatever was committed before stays."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)
