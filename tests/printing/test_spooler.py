"""Handing PDFs to a real CUPS server: the printer gets the vector pages at 100 %."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.printing import spooler
from studio.printing.spooler import PrintRequest, Sides
from tests.printing.cups_server import QUEUE, CupsServer


def _pdf(path: Path, text: str) -> Path:
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, text)
    canvas.save()
    return path


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_queues_and_a_vector_job(cups: CupsServer, tmp_path: Path) -> None:
    assert QUEUE in spooler.queues()
    card = _pdf(tmp_path / "cards.pdf", "Happy Birthday, Anna")
    jobs = spooler.submit([card], PrintRequest(QUEUE, copies=1, sides=Sides.LONG_EDGE))
    assert jobs and jobs[0].startswith(f"{QUEUE}-")
    (printed,) = cups.printed_pdfs()
    assert "Happy Birthday, Anna" in _text(printed)  # text, not a picture of it


def test_a_missing_queue_is_named(cups: CupsServer, tmp_path: Path) -> None:
    card = _pdf(tmp_path / "cards.pdf", "x")
    with pytest.raises(StudioError, match="the printer queue nope refused cards.pdf"):
        spooler.submit([card], PrintRequest("nope"))
