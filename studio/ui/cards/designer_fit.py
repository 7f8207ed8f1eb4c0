"""What the designer's "Fit" panel says about a drawn side, and the flags for its canvas."""

from __future__ import annotations

import html

from studio.ui.cards.live_preview import PreviewResult

_RED = "<span style='color:#d64545'>■</span>"
_AMBER = "<span style='color:#c98a1b'>■</span>"


def fit_report(result: PreviewResult) -> tuple[dict[str, tuple[str, str]], str]:
    """(flags by box name for the canvas, the Fit panel's rich text) for ``result``."""
    flags: dict[str, tuple[str, str]] = {}
    lines = []
    for note in result.notes:
        box = html.escape(note.box)
        if note.missing:
            lines.append(
                f"{_RED} <b>{box}</b>: {html.escape(note.missing)} cannot "
                "be printed (no font in Card Studio has these characters), so it is left out."
            )
        if note.status == "overflow":
            flags[note.box] = ("overflow", f"does not fit at {note.size:g} pt")
            lines.append(
                f"{_RED} <b>{box}</b>: the text "
                f"does not fit even at {note.size:g} pt. Shorten it, or make the box bigger."
            )
        elif note.status == "shrunk":
            flags[note.box] = ("shrunk", f"shrunk to {note.size:g} pt")
            lines.append(f"{_AMBER} <b>{box}</b>: shrunk to {note.size:g} pt to fit.")
        else:
            flags[note.box] = ("overflow", "characters left out")
    lines = lines or ["All text on this side fits at its full size."]
    lines += [f"{_AMBER} Printing: {html.escape(edge)}." for edge in result.edges]
    return flags, "<br/>".join(lines)
