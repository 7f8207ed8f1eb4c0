"""Fixtures for running `studio` commands as a user would, in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from studio.cli import main
from studio.paths import bundled_dir

SAMPLES = bundled_dir("assets") / "samples" / "sample-contacts.vcf"

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database holding the bundled sample contacts (imported with `studio import`)."""
    path = tmp_path / "cli.sqlite3"
    assert main(["--db", str(path), "import", str(SAMPLES)]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    """``cli(db, *args)`` runs ``studio --db DB ARGS...``: (exit status, stdout, stderr)."""

    def run(db: Path, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(["--db", str(db), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run
