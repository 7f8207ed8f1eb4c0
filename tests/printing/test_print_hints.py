"""Every PDF tells the print dialog: no fit-to-page, and how to turn the sheet."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from studio.cli import main
from studio.paths import bundled_dir


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "p.sqlite3")
    assert (
        main(
            [
                "--db",
                path,
                "import",
                "--quiet",
                str(bundled_dir("assets") / "samples" / "sample-contacts.vcf"),
            ]
        )
        == 0
    )
    return path


def _preferences(path: Path) -> dict:
    return dict(pypdf.PdfReader(path).trailer["/Root"]["/ViewerPreferences"])


def test_cards_are_duplex_long_edge_and_unscaled(db: str, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    assert main(["--db", db, "render", "birthday-balloons", "--all", "--out", str(out)]) == 0
    assert _preferences(out) == {"/PrintScaling": "/None", "/Duplex": "/DuplexFlipLongEdge"}


@pytest.mark.parametrize(
    "command",
    [
        ["envelopes", "--all", "--size", "a7"],
        ["labels", "--all", "--stock", "avery-5160"],
        ["labels", "--calibration", "--stock", "avery-5160"],
    ],
)
def test_envelopes_and_labels_are_simplex_and_unscaled(db: str, tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "piece.pdf"
    assert main(["--db", db, *command, "--out", str(out)]) == 0
    assert _preferences(out) == {"/PrintScaling": "/None", "/Duplex": "/Simplex"}
