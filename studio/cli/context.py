"""What every CLI command receives, and the guard that keeps tracebacks from users."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from studio.errors import Cancelled, StudioError, UsageError
from studio.paths import AppPaths
from studio.progress import Progress
from studio.store import Store, open_store

_STATUS_WIDTH = 70  # characters of the one-line progress display


@dataclass
class CliContext:
    paths: AppPaths
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    db_given: bool = False  # --db or CARD_STUDIO_DB named the store

    @classmethod
    def create(cls, db: str | None = None) -> CliContext:
        return cls(paths=AppPaths.resolve(db), db_given=bool(db or os.environ.get("CARD_STUDIO_DB")))

    def open_store(self, *, must_exist: bool = False) -> Store:
        """The store; a command that only reads (``must_exist``) refuses to create an empty
        one where the user named a file that is not there (a mistyped --db)."""
        if must_exist and self.db_given and not self.paths.db_path.exists():
            raise StudioError(f"no Card Studio store at {self.paths.db_path}; check --db (or "
                              "CARD_STUDIO_DB), or create one with `studio import`")
        return open_store(self.paths.db_path, on_busy=lambda message: self.warn(f"studio: {message}"))

    def print(self, *parts: object) -> None:
        print(*parts, file=self.out)

    def warn(self, message: str) -> None:
        print(message, file=self.err)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


def run_guarded(command: Callable[[], int], ctx: CliContext) -> int:
    """Run a command; turn every failure into one readable line and an exit status."""
    try:
        return command()
    except Cancelled:
        ctx.warn("studio: cancelled")
        return 1
    except StudioError as exc:
        ctx.warn(f"studio: {exc}")
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        ctx.warn("studio: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        log = _log_internal_error(ctx)
        where = f"; details are in {log}" if log else ""
        ctx.warn(f"studio: something went wrong ({type(exc).__name__}: {exc}){where}")
        return 1


def _log_internal_error(ctx: CliContext) -> str | None:
    try:
        ctx.paths.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(ctx.paths.log_path, "a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            log.write(traceback.format_exc())
        return str(ctx.paths.log_path)
    except OSError:
        logging.getLogger(__name__).debug("could not write the log", exc_info=True)
        return None


@contextmanager
def progress_line(ctx: CliContext, enabled: bool = True) -> Iterator[Progress]:
    """A `Progress` that keeps one status line on a terminal's stderr, cleared at the end.

    Off when stderr is not a terminal (scripts and logs get only the results) or when
    ``enabled`` is False (e.g. --quiet).
    """
    if not (enabled and ctx.err.isatty()):
        yield Progress()
        return

    def show(done: int, total: int, what: str) -> None:
        counter = f"{done}/{total} " if total else ""
        print(f"\r{(counter + what)[:_STATUS_WIDTH]:<{_STATUS_WIDTH}}", end="", file=ctx.err, flush=True)

    try:
        yield Progress(report=show)
    finally:
        print("\r" + " " * _STATUS_WIDTH + "\r", end="", file=ctx.err, flush=True)

