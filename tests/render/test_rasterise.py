"""PDF pages to pictures (previews, thumbnails): right size, clear errors, safe from many threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.render.preview import pdf_page_image, pdf_page_to_png


def _pdf(pages: int = 1) -> bytes:
    from io import BytesIO

    out = BytesIO()
    canvas = Canvas(out, pagesize=(144, 72))  # 2 x 1 in
    for number in range(pages):
        canvas.drawString(10, 30, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_page_comes_out_at_the_asked_resolution(tmp_path: Path) -> None:
    assert pdf_page_image(_pdf(2), page=1, dpi=100).size == (200, 100)
    png = pdf_page_to_png(_pdf(), tmp_path / "p.png", dpi=50)
    assert png.read_bytes().startswith(b"\x89PNG")


def test_bad_pdfs_and_pages_are_clear_errors() -> None:
    with pytest.raises(StudioError, match="Cannot read the PDF"):
        pdf_page_image(b"not a pdf")
    with pytest.raises(StudioError, match="no page 3"):
        pdf_page_image(_pdf(2), page=2)


def test_many_threads_at_once_do_not_crash_pdfium() -> None:
    pdf = _pdf()
    with ThreadPoolExecutor(max_workers=4) as pool:
        sizes = list(pool.map(lambda _: pdf_page_image(pdf, dpi=72).size, range(80)))
    assert set(sizes) == {(144, 72)}
