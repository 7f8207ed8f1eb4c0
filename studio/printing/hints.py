"""Reading back the print hints a PDF carries (its ViewerPreferences), with PDFium.

Card Studio writes them into every PDF (`studio.render.pdf.open_canvas`): card sheets say
how to turn the sheet, envelopes and labels say one-sided. The print path reads them so
each file of a mailing goes to the printer the way it was laid out.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium


class Sides(StrEnum):
    """IPP ``sides``: one side, or both turned over the long or the short edge."""

    ONE = "one-sided"
    LONG_EDGE = "two-sided-long-edge"
    SHORT_EDGE = "two-sided-short-edge"

_SIDES = {pdfium.Simplex: Sides.ONE, pdfium.DuplexFlipLongEdge: Sides.LONG_EDGE,
          pdfium.DuplexFlipShortEdge: Sides.SHORT_EDGE}


def job_sides(path: Path, chosen: Sides | None) -> Sides | None:
    """The sides to print ``path`` with: a one-sided PDF (envelopes, labels, a manual
    duplex side) always one-sided; a two-sided one as the user ``chosen`` in the print
    dialog, else as the PDF asks; None when neither says."""
    asked = pdf_sides(path)
    if asked is Sides.ONE:
        return Sides.ONE
    return chosen or asked


def pdf_sides(path: Path) -> Sides | None:
    """How ``path`` asks to be printed; None when it does not say (or cannot be read)."""
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return None
    try:
        return _SIDES.get(pdfium.FPDF_VIEWERREF_GetDuplex(document.raw))
    finally:
        document.close()
