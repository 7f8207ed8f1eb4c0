"""How long-running use cases report progress and learn they were cancelled.

Services accept these as plain callables so the CLI, the tests and the Qt workers can
each supply their own; none of them is a global.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from studio.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]  # (done, total, what); total 0: not known yet
CancelCheck = Callable[[], bool]


@dataclass
class Progress:
    """Bundles a progress callback and a cancel check; both optional."""

    report: ProgressCallback | None = None
    cancelled: CancelCheck | None = None

    def step(self, done: int, total: int, what: str = "") -> None:
        """Report progress and raise `Cancelled` if the user asked to stop.

        ``total`` 0 means the amount of work is not known yet (show a busy indicator).
        """
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.report is not None:
            self.report(done, total, what)


NO_PROGRESS = Progress()
