"""The cards' PDF as this user's printer needs it (`Settings.printer`, found with the
printer test): two-sided turned over the long or the short edge, or, for a printer without
a duplexer, the same PDF plus one PDF per side for printing the sheets twice by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from studio.progress import NO_PROGRESS, Progress
from studio.render.cards import render_cards, sheets_in_reverse
from studio.render.layout import CardLayout, FitNote
from studio.settings import Settings

MANUAL_STEPS = (
    "Manual two-sided printing: print {outside} first. Put the printed sheets back in the paper "
    "tray the way your printer's manual shows for printing on the back, then print {inside}."
)


def manual_steps(files: list[Path]) -> str | None:
    """What to do with the side PDFs among ``files``, as a sentence; None when there are none."""
    names = {p.name for p in files}
    for path in files:
        outside, inside = side_paths(path)
        if outside.name in names and inside.name in names:
            return MANUAL_STEPS.format(outside=outside.name, inside=inside.name)
    return None


def side_paths(out: Path) -> tuple[Path, Path]:
    """Where the outsides and the insides go for manual two-sided printing."""
    return out.with_name(f"{out.stem}-outside{out.suffix}"), out.with_name(f"{out.stem}-inside{out.suffix}")


def write_card_pdfs(layouts: Callable[[], Iterable[CardLayout]], out: Path, settings: Settings, *,
                    paper: str, marks: bool = False, progress: Progress = NO_PROGRESS,
                    total: int | None = None) -> tuple[list[FitNote], list[Path]]:
    """Write ``out`` (both sides, for a duplexer) and, with manual duplex, its two side PDFs.

    ``layouts`` makes the cards afresh for each PDF, so none is held in memory longer than
    its page. Returns the fit notes and the side PDFs written ([] unless manual). On a
    printer that stacks face up the insides come in reverse sheet order, so the stack that
    comes out of the first run goes back in without re-sorting.
    """
    duplex = settings.printer.duplex
    notes = render_cards(layouts(), out, paper=paper, marks=marks, progress=progress, total=total,
                         duplex="short" if duplex == "short" else "long")
    if duplex != "manual":
        return notes, []
    outside, inside = side_paths(out)
    render_cards(layouts(), outside, paper=paper, marks=marks, sides=("outside",))
    backs = sheets_in_reverse(layouts(), paper) if settings.printer.stack == "face-up" else layouts()
    render_cards(backs, inside, paper=paper, marks=marks, sides=("inside",))
    return notes, [outside, inside]
