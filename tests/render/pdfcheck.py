"""Helpers for reading back the PDFs the renderer makes (shared by the render tests)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pypdf


def reader(pdf: bytes | Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(BytesIO(pdf) if isinstance(pdf, bytes) else str(pdf))


def font_problems(pdf: bytes | Path) -> list[str]:
    """Every font in every page that is not an embedded TrueType subset (empty when all are)."""
    problems = []
    for number, page in enumerate(reader(pdf).pages, start=1):
        fonts = page.get("/Resources", {}).get("/Font", {})
        for key, ref in fonts.items():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                base = font.get("/BaseFont")
                problems.append(f"page {number}: {key} {base} is not an embedded TrueType font")
    return problems


def image_xobjects(pdf: bytes | Path) -> set[int]:
    """Object numbers of the distinct image XObjects used anywhere in the PDF."""
    found: set[int] = set()

    def walk(resources) -> None:
        xobjects = resources.get("/XObject", {}) if resources else {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.add(ref.idnum)
            elif obj.get("/Subtype") == "/Form":
                walk(obj.get("/Resources"))

    for page in reader(pdf).pages:
        walk(page.get("/Resources"))
    return found


def qr_texts(pdf: bytes | Path, *, page: int = 0, dpi: int = 200) -> list[str]:
    """What every QR code on one page (0-based) says, read back from the page as a phone would:
    rasterised at ``dpi`` by the app's own pdfium renderer, decoded by zxing-cpp."""
    import zxingcpp

    from studio.render.preview import pdf_page_image

    picture = pdf_page_image(pdf, page=page, dpi=dpi)
    return sorted(found.text for found in zxingcpp.read_barcodes(picture.convert("L"))
                  if found.format == zxingcpp.BarcodeFormat.QRCode)
