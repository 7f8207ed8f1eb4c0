"""The cards' PDF as this user's printer needs it (`Settings.printer`, found with the
printer test): two-sided turned over the long or the short edge, or, for a printer without
a duplexer, the same PDF plus one PDF per side for printing the sheets twice by hand."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path

from studio.model import PrinterProfile
from studio.printing.manual_duplex import turn_steps
from studio.progress import NO_PROGRESS, Progress
from studio.render.cards import render_cards
from studio.render.layout import CardLayout, FitNote
from studio.settings import Settings

MANUAL_STEPS = "Manual two-sided printing: print {outside} first, then {inside}."


def manual_steps(files: list[Path], profile: PrinterProfile | None = None) -> str | None:
    """What to do with the side PDFs among ``files``, as sentences for ``profile``'s stack
    and turn (`studio.printing.manual_duplex`); None when there are none."""
    names = {p.name for p in files}
    for path in files:
        outside, inside = side_paths(path)
        if outside.name in names and inside.name in names:
            steps = turn_steps(outside, inside, profile or PrinterProfile())
            # The paths as given: a user working from another folder finds the files.
            return " ".join([MANUAL_STEPS.format(outside=outside, inside=inside), *steps.steps()[1:4]])
    return None


def side_paths(out: Path) -> tuple[Path, Path]:
    """Where the outsides and the insides go for manual two-sided printing."""
    return out.with_name(f"{out.stem}-outside{out.suffix}"), out.with_name(f"{out.stem}-inside{out.suffix}")


def profile_of(settings: Settings) -> PrinterProfile:
    """The printer profile the one-printer settings describe (for callers given no profile):
    their duplex, stack and margin, their calibration for labels and envelopes."""
    printer, calibration = settings.printer, settings.calibration
    return PrinterProfile(duplex=printer.duplex, stack=printer.stack, margin_mm=printer.margin_mm,
                          labels=dataclasses.replace(calibration), envelopes=dataclasses.replace(calibration))


def write_card_pdfs(layouts: Callable[[], Iterable[CardLayout]], out: Path, settings: Settings, *,
                    paper: str, marks: bool = False, progress: Progress = NO_PROGRESS,
                    total: int | None = None, profile: PrinterProfile | None = None,
                    duplex: str | None = None) -> tuple[list[FitNote], list[Path]]:
    """Write ``out`` (both sides, for a duplexer) and, with manual duplex, its two side PDFs.

    ``profile`` is the printer's (default: `profile_of` the settings); ``duplex`` overrides
    its duplex mode. ``layouts`` makes the cards afresh for each PDF, so none is held in
    memory longer than its page. Returns the fit notes and the side PDFs written ([] unless
    manual). Manual: the stack that comes out of the first run goes back in as the
    turn-the-stack picture shows, turned over and without re-sorting. However a printer
    stacks, its first sheet lies at the bottom of the pile, so once the pile is turned over
    it is on top: the insides come in sheet order, upside down when the stack is turned over
    its top edge (``manual_turn`` short). The
    profile's back offset moves every inside page, in the one PDF and in the insides PDF.
    """
    profile = profile or profile_of(settings)
    duplex = duplex or profile.duplex
    cards = profile.cards
    back = (profile.back_offset_x, profile.back_offset_y)
    notes = render_cards(layouts(), out, paper=paper, marks=marks, progress=progress, total=total,
                         duplex="short" if duplex == "short" else "long", calibration=cards,
                         back_offset=back)
    if duplex != "manual":
        return notes, []
    outside, inside = side_paths(out)
    render_cards(layouts(), outside, paper=paper, marks=marks, sides=("outside",), calibration=cards)
    render_cards(layouts(), inside, paper=paper, marks=marks, sides=("inside",), calibration=cards,
                 duplex="short" if profile.manual_turn == "short" else "long", back_offset=back)
    return notes, [outside, inside]
