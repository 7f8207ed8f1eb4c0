"""The printer test: two sheets, printed on both sides, that tell after one print how this
printer turns a sheet, how it stacks what it prints, and how far the two sides are apart.

Sheet 1, side 1 says what to do. Side 2 carries two answers, one upright and one upside
down: turned over like the page of a book, the one that reads upright says whether the
printer flips on the long or the short edge (or, on a sheet of its own, that it printed
one side only). Sheet 2 says, by which of its sides lies on top in the tray, whether the
printer stacks face down (pages in order) or face up (the last page on top). A cross at the
same place on both sides, seen against a window, shows the front/back offset (each answer
has its own, placed for the turn it names).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.render.lines import draw_line
from studio.render.pdf import DUPLEX_LONG_EDGE, open_canvas

PAPER_SIZES = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
INK = colors.Color(0.1, 0.1, 0.1)
MARK = colors.Color(0.75, 0.1, 0.1)
TARGET_AT = (40.0, 140.0)  # mm from the left and the top edge of side 1: clear of all text


def render_printer_test(out: str | Path | BinaryIO, paper: str = "letter") -> int:
    """Write the printer test PDF (4 pages: two sheets, both sides); returns the page count.

    Each answer names the setting to make (`Settings.printer`), in the app and the CLI.
    """
    width, height = PAPER_SIZES[paper]
    canvas = open_canvas(out, (width * mm, height * mm), title="Card Studio printer test",
                         duplex=DUPLEX_LONG_EDGE)
    page = _Page(canvas, width, height)
    page.side_one()
    page.side_two()
    page.sheet_two_front()
    page.sheet_two_back()
    canvas.save()
    return 4


class _Page:
    """Drawing on a page in mm measured from the top-left corner, as a user measures."""

    def __init__(self, canvas: Canvas, width: float, height: float) -> None:
        self.canvas, self.width, self.height = canvas, width, height

    def text(self, words: str, x: float, y: float, size: float = 11, *, bold: bool = False,
             align: str = "left") -> None:
        draw_line(self.canvas, words, x * mm, (self.height - y) * mm, "sans", size, bold=bold, align=align)

    def lines(self, paragraph: list[str], x: float, y: float, size: float = 11) -> float:
        """Draw lines from ``y`` down; returns the y under the last one."""
        for line in paragraph:
            self.text(line, x, y, size)
            y += size * 0.5
        return y

    def edges(self) -> None:
        """Each edge named, the top with an arrow: the user can tell how the sheet lies."""
        c = self.canvas
        c.setFillColor(INK)
        self.text("▲  TOP EDGE  ▲", self.width / 2, 12, 14, bold=True, align="center")
        self.text("bottom edge", self.width / 2, self.height - 8, 9, align="center")
        for angle, x, y in ((90, 9, self.height / 2), (-90, self.width - 9, self.height / 2)):
            c.saveState()
            c.translate(x * mm, (self.height - y) * mm)
            c.rotate(angle)
            draw_line(c, "side edge", 0, 0, "sans", 9, align="center")
            c.restoreState()

    def target(self, x: float, y: float) -> None:
        """A cross with rings 1, 2 and 3 mm out: seen against the light, the two sides' crosses
        are as far apart as the front/back offset."""
        c = self.canvas
        c.saveState()
        c.setStrokeColor(MARK)
        c.setLineWidth(0.3)
        cx, cy = x * mm, (self.height - y) * mm
        c.line(cx - 12 * mm, cy, cx + 12 * mm, cy)
        c.line(cx, cy - 12 * mm, cx, cy + 12 * mm)
        for ring in (1, 2, 3):
            c.circle(cx, cy, ring * mm, stroke=1, fill=0)
        c.restoreState()

    def finish(self) -> None:
        self.canvas.showPage()

    # --- the four sides ----------------------------------------------------------------

    def side_one(self) -> None:
        self.edges()
        self.text("Card Studio printer test · sheet 1, side 1", 20, 30, 16, bold=True)
        y = self.lines([
            "Print all four pages of this test two-sided, at 100 % (no “fit to page”), on plain paper.",
            "Then, before you pick anything up, look at the top sheet in the output tray: sheet 2",
            "tells you how your printer stacks its pages.",
            "",
            "Then take this sheet and turn it over the way you turn the page of a book, over its side",
            "edge. On the other side, one of two sentences reads the right way up: it tells you how",
            "your printer turns sheets over. If the other side is blank and its text came out on a",
            "sheet of its own, your printer printed one side only: choose manual two-sided printing.",
            "",
            "Last, hold this sheet against a window. The red cross below and the nearer one on the",
            "other side should lie on top of each other; each ring is 1 mm further out. The rings tell you",
            "how far, and which way, the back is printed off the front.",
        ], 20, 42)
        self.target(*TARGET_AT)
        self.text("front/back target", TARGET_AT[0] + 16, TARGET_AT[1] + 1, 9)
        self.text("Answer what you found in Settings ▸ Printer ▸ Set up this printer…, or run", 20, y + 8, 10)
        self.text("studio settings --set printer.duplex=long|short|manual --set printer.stack=…", 20, y + 14,
                  10)
        self.finish()

    def side_two(self) -> None:
        half = self.height / 2
        answers = (
            ("This sentence reads upright:", "LONG EDGE", "your printer turns sheets over the LONG edge.",
             "studio settings --set printer.duplex=long"),
            ("This sentence reads upright:", "SHORT EDGE", "your printer turns sheets over the SHORT edge.",
             "studio settings --set printer.duplex=short"),
        )
        c = self.canvas
        for index, (first, word, second, command) in enumerate(answers):
            c.saveState()
            if index == 1:  # upside down: it reads upright when the printer flipped the short edge
                c.translate(self.width * mm, self.height * mm)
                c.rotate(180)
            c.setStrokeColor(INK)
            c.setLineWidth(0.6)
            c.rect(20 * mm, (self.height - half + 20) * mm, (self.width - 40) * mm, (half - 50) * mm)
            # The edge in big letters: seen from across the room which answer is upright (the
            # setup wizard's pictures show the same big word).
            self.text(first, self.width / 2, 42, 13, align="center")
            self.text(word, self.width / 2, 57, 34, bold=True, align="center")
            self.text(second, self.width / 2, 67, 14, bold=True, align="center")
            self.text(command, self.width / 2, 76, 10, align="center")
            self.text("If this side is a sheet of its own (its other side is blank):", self.width / 2, 90, 10,
                      align="center")
            self.text("one side only: studio settings --set printer.duplex=manual", self.width / 2, 97, 10,
                      align="center")
            # Each answer brings its own cross, behind side one's after the turn it names: the
            # long-edge one mirrored across the side edge, the short-edge one (drawn upside down
            # with it) across the top edge. The other answer's cross lands on a blank part of side one.
            self.target(self.width - TARGET_AT[0], TARGET_AT[1])
            c.restoreState()
        self.finish()

    def sheet_two_front(self) -> None:
        self.edges()
        self.text("2", self.width / 2, self.height / 2, 120, bold=True, align="center")
        self.lines([
            "Do you see this side lying on top in the output tray, before you picked anything up?",
            "Then your printer stacks face up: the last page it prints ends on top.",
            "studio settings --set printer.stack=face-up",
            "",
            "Printed one side only (sheet 1's back came out on a sheet of its own)? Then it is the other",
            "way round: “back of sheet 2” on top means face up, a blank page on top face down.",
        ], 20, self.height / 2 + 30, 11)
        self.finish()

    def sheet_two_back(self) -> None:
        self.edges()
        self.text("back of sheet 2", self.width / 2, self.height / 2 - 30, 28, bold=True, align="center")
        self.lines([
            "Do you see this side lying on top in the output tray, before you picked anything up?",
            "Then your printer stacks face down: the pages lie in order, the first at the bottom.",
            "studio settings --set printer.stack=face-down",
            "",
            "Printed one side only (sheet 1's back came out on a sheet of its own)? Then it is the other",
            "way round: “back of sheet 2” on top means face up, a blank page on top face down.",
        ], 20, self.height / 2, 11)
        self.finish()
