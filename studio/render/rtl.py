"""Right-to-left text (Hebrew, Arabic) put in visual order for left-to-right drawing.

ReportLab draws characters left to right; `visual_order` reshapes Arabic (joined forms)
and reorders each right-to-left run with the Unicode Bidirectional Algorithm
(python-bidi), so names inside an English line read as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import arabic_reshaper
from bidi import algorithm as uax9
from bidi import get_display
from reportlab.pdfbase import pdfmetrics

_RTL_LETTER = re.compile(
    "[\u0590-\u05ff"  # Hebrew
    "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"  # Arabic, supplement, extended-A
    "\ufb1d-\ufdff\ufe70-\ufeff]"  # Hebrew and Arabic presentation forms
)

def visual_order(text: str, wrap: tuple[float, float] | None = None,
                 measuring_face: Callable[[], str] | None = None) -> str:
    """Reshape and reorder each right-to-left run of ``text`` for left-to-right drawing.

    Left-to-right text is returned unchanged. The runs are the ones the Unicode
    Bidirectional Algorithm (UAX #9) finds, so the spaces, digits and punctuation between
    two right-to-left words belong to the run ("דוד & שרה" reads as one phrase, right to
    left; "שרה 12" keeps its number inside). The spaces inside a run become no-break
    spaces so line wrapping cannot split it (a wrapped visual run would read its lines in
    the wrong order). With ``wrap=(width, size)`` a run wider than ``width`` points at
    ``size`` is first broken, in reading order, into lines that fit, each reordered on its
    own and separated by `LINE_BREAK` (the bidirectional algorithm's rule: break lines
    first, reorder each line after), measured in the font ``measuring_face()`` names.
    """
    if text.isascii() or not _RTL_LETTER.search(text):
        return text

    def flip(logical: str) -> str:
        logical = arabic_reshaper.reshape(logical)
        lines = _break_rtl(logical, wrap, measuring_face) if wrap else [logical]
        return LINE_BREAK.join(get_display(line, base_dir="R").replace(" ", "\u00a0") for line in lines)

    if _starts_right_to_left(text):
        # A right-to-left paragraph: all of it is one run (its final full stop goes left).
        leading = len(text) - len(text.lstrip())
        trailing = len(text.rstrip())
        return text[:leading] + flip(text[leading:trailing]) + text[trailing:]
    return "".join(flip(part) if raised else part for part, raised in _rtl_runs(text))


def _rtl_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` (a left-to-right paragraph) cut into (part, is_right_to_left) pieces.

    The right-to-left pieces are the stretches UAX #9 raises above the paragraph's level
    (rules W1-I2, resolved by python-bidi): a right-to-left word with the neutrals and
    numbers up to the next right-to-left word, but not the spaces before a left-to-right
    word. ``"Dear דוד & שרה, 12"`` -> ``[("Dear ", False), ("דוד & שרה", True), (", 12", False)]``.
    """
    storage = uax9.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    uax9.get_embedding_levels(text, storage)
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    pieces: list[tuple[str, bool]] = []
    start = 0
    raised = [char["level"] > 0 for char in storage["chars"]]
    for index in range(1, len(text) + 1):
        if index == len(text) or raised[index] != raised[start]:
            pieces.append((text[start:index], raised[start]))
            start = index
    return pieces


def _starts_right_to_left(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (UAX #9, P2-P3)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


# Marks where a long right-to-left run was broken; paragraph markup turns it into <br/>.
LINE_BREAK = "\ue000"


def _break_rtl(logical: str, wrap: tuple[float, float],
               measuring_face: Callable[[], str] | None) -> list[str]:
    """Greedy line breaking of a right-to-left run in reading order."""
    width, size = wrap
    face = measuring_face() if measuring_face else "DejaVuSans"
    lines: list[str] = []
    current = ""
    for word in logical.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and pdfmetrics.stringWidth(candidate, face, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines
