"""The one error a card template raises: every problem found, each with its file and line."""

from __future__ import annotations

from collections.abc import Iterable

from studio.errors import StudioError


class TemplateError(StudioError):
    """A card template that cannot be used as written.

    ``problems`` holds one ``"FILE:LINE: message"`` string per mistake, so a template
    author can fix them all in one go; ``str(error)`` is a readable summary of them.
    """

    def __init__(self, problems: Iterable[str], *, template: str = "") -> None:
        self.problems = list(problems) or ["the card template is not usable"]
        self.template = template
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            where = f"the card template '{template}'" if template else "the card template"
            message = f"{where} has {len(self.problems)} problems:\n" + "\n".join(
                f"  {p}" for p in self.problems)
        super().__init__(message)


def located(file: object, line: int | None, message: str) -> str:
    """The ``FILE:LINE: message`` form every template problem is reported in."""
    return f"{file}:{line or 1}: {message}"
