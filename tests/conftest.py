"""Shared fixtures. Every test gets its own data folder and database; nothing touches the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
# CARD_STUDIO_CORPUS lets a run point at another corpus (or an empty dir) to check
# which tests still depend on the shared corpus.
CORPUS = Path(os.environ.get("CARD_STUDIO_CORPUS") or REPO.parent / "shared" / "corpus" / "vcards")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CARD_STUDIO_HOME points at a fresh folder, and CARD_STUDIO_DB is unset."""
    home = tmp_path / "home"
    monkeypatch.setenv("CARD_STUDIO_HOME", str(home))
    monkeypatch.delenv("CARD_STUDIO_DB", raising=False)
    return home


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared vCard corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def store(tmp_path: Path):
    from studio.store import open_store

    with open_store(tmp_path / "test.sqlite3") as opened:
        yield opened
