"""Opening a ReportLab canvas the way every Card Studio PDF needs it.

ReportLab's canvas starts in Helvetica, one of the standard 14 fonts that is never
embedded; any text object would then name it in the page resources. Every canvas here
starts in a bundled, embedded face instead, so a PDF holds no font a printer must supply.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from studio.render.fonts import font_name

SIMPLEX = "Simplex"
DUPLEX_LONG_EDGE = "DuplexFlipLongEdge"
DUPLEX_SHORT_EDGE = "DuplexFlipShortEdge"


def open_canvas(out: str | Path | BinaryIO, pagesize: tuple[float, float], *, title: str = "",
                author: str = "Card Studio", duplex: str = SIMPLEX) -> Canvas:
    """A canvas writing to ``out`` (a path or a binary file object), compressed, whose
    initial font is the bundled sans. Call ``save()`` on it when done.

    The PDF tells the print dialog of any viewer not to scale pages to fit (a card printed
    at 97 % misses its fold) and how to turn the sheet: ``duplex`` is Simplex for
    envelopes and labels, DuplexFlipLongEdge or DuplexFlipShortEdge for two-sided sheets."""
    target = str(out) if isinstance(out, Path) else out
    canvas = Canvas(target, pagesize=pagesize, pageCompression=1,
                    initialFontName=font_name("sans"), initialFontSize=12)
    canvas.setAuthor(author)
    canvas.setCreator("Card Studio")
    canvas.setViewerPreference("PrintScaling", "None")
    canvas.setViewerPreference("Duplex", duplex)
    if title:
        canvas.setTitle(title)
    return canvas
