"""Setting up the printer once: the printer test PDF, whose answers go into `Settings.printer`."""

from __future__ import annotations

from pathlib import Path

from studio.errors import StudioError
from studio.partial_files import temporary_file
from studio.printing.test_sheet import render_printer_test
from studio.settings import Settings


def printer_test(out: Path, settings: Settings, paper: str | None = None) -> Path:
    """Write the printer test (two sheets, both sides) on ``paper`` (default: the settings'
    paper) to ``out``, whole or not at all; returns ``out``."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise StudioError(f"cannot write {out}: the folder {folder} does not exist")
    try:
        temporary = temporary_file(folder / out.name)
    except OSError as exc:
        raise StudioError(f"cannot write {out}: {exc.strerror or exc}") from exc
    try:
        render_printer_test(temporary, paper or settings.paper)
        temporary.replace(out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return out
