"""Setting up a printer once: the printer test PDF, and saving what it showed to a printer
profile (`studio.printing.setup_answers`) in one step."""

from __future__ import annotations

from pathlib import Path

from studio.errors import StudioError
from studio.model import PrinterProfile
from studio.partial_files import temporary_file
from studio.printing.setup_answers import SetupAnswers, apply_answers
from studio.printing.test_sheet import render_printer_test
from studio.services.printer_profiles import find_profile
from studio.settings import Settings
from studio.store import Store


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


def finish_setup(store: Store, name: str, answers: SetupAnswers) -> PrinterProfile:
    """Save ``answers`` to the profile ``name`` in one transaction, on the profile as it is
    stored now (what was not asked keeps its value); returns the profile saved.

    Raises UsageError for a profile that is not there or a measurement out of range: then
    nothing is saved."""
    with store.transaction():
        profile = apply_answers(find_profile(store, name), answers)
        store.printers.save(profile)
    return profile
