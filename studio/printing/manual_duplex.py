"""Printing two-sided by hand: what to do between the outsides and the insides, in words.

The insides PDF is made for one way of putting the stack back (`card_sheets.write_card_pdfs`):
the stack is taken out of the tray as it lies, turned over its side edge (``manual_turn``
"long", like the page of a book) or its top edge ("short"), and put back in the paper tray
with the same edge going in first. Every printer lays its first sheet at the bottom of
the pile, so once the pile is turned over sheet 1 is on top and the insides come in sheet
order; the stacking only changes which side is up. The desktop's turn-the-stack picture draws the
same steps (`studio.ui.manual_duplex`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.model import PrinterProfile


@dataclass(frozen=True)
class TurnSteps:
    """The steps for one profile and one pair of side files."""

    outside: str  # file names
    inside: str
    stack: str  # "face-down" or "face-up"
    turn: str  # "long" or "short"

    def steps(self) -> list[str]:
        """The steps, unnumbered: print the outsides, take, turn, put back, print the insides."""
        lying = ("printed side up, the last sheet on top" if self.stack == "face-up"
                 else "printed side down, the first sheet at the bottom")
        turn = ("its side edge, like the page of a book" if self.turn == "long"
                else "its top edge, like the page of a wall calendar")
        return [
            f"Print {self.outside} (one side of each sheet).",
            f"Take the printed stack out of the tray as it lies ({lying}); do not re-sort it.",
            f"Turn the whole stack over {turn}: sheet 1 is now on top.",
            "Put it back in the paper tray the way your printer prints on the back of a sheet, "
            "the same edge going in first as before.",
            f"Print {self.inside}: each inside lands on the back of its own card.",
        ]

    def sentences(self) -> list[str]:
        return [f"{number}. {step}" for number, step in enumerate(self.steps(), 1)]

    def after_outsides(self) -> list[str]:
        """The steps left once the outsides are printing, numbered from 1 as the app's picture is."""
        return [f"{number}. {step}" for number, step in enumerate(self.steps()[1:], 1)]

    def text(self) -> str:
        return " ".join(self.sentences())


def turn_steps(outside: Path, inside: Path, profile: PrinterProfile) -> TurnSteps:
    return TurnSteps(outside.name, inside.name, profile.stack, profile.manual_turn)
