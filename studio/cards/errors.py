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


class Problem(str):
    """One ``FILE:LINE: message`` problem that keeps its parts: the CLI prints it whole (a file
    name helps a script), the desktop shows ``message`` alone (a path means nothing there)."""

    file: str
    line: int
    message: str

    def __new__(cls, file: object, line: int | None, message: str) -> Problem:
        problem = super().__new__(cls, f"{file}:{line or 1}: {message}")
        problem.file, problem.line, problem.message = str(file), line or 1, message
        return problem

    def __getnewargs__(self) -> tuple[str, int, str]:  # type: ignore[override] - pickled with its parts
        return self.file, self.line, self.message


def located(file: object, line: int | None, message: str) -> Problem:
    """The ``FILE:LINE: message`` form every template problem is reported in."""
    return Problem(file, line, message)


def plain_problems(error: BaseException) -> list[str]:
    """What is wrong, for a person at the desktop: each problem's sentence without its file.

    A problem that was not `located` (a setting's, prefixed by its name) is kept as it is.
    """
    problems = getattr(error, "problems", None) or [str(error)]
    return [problem.message if isinstance(problem, Problem) else str(problem) for problem in problems]
