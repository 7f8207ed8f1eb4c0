"""Shared fixtures. Every test gets its own data folder and database; nothing touches the user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
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


def _needs_corpus(item: pytest.Item) -> bool:
    """A test that reads the shared corpus: it asks for the `corpus` fixture, or it is
    parametrized over corpus files (an empty parameter set where the corpus is absent)."""
    if "corpus" in getattr(item, "fixturenames", ()):
        return True
    for mark in item.iter_markers():
        if mark.name not in ("skip", "skipif"):
            continue
        reason = str(mark.kwargs.get("reason", ""))
        if "vCard corpus" in reason:
            return True
        if reason.startswith("got empty parameter set") and hasattr(item.module, "CORPUS"):
            return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the shared corpus (a fresh clone, CI) its tests are deselected, not skipped:
    the quirks they check are tested over the project's own fixtures (tests/contacts/fixtures/quirks,
    mapped in tests/contacts/test_quirk_fixtures.py, whose test checks this list against its map)."""
    config.corpus_tests = [item.nodeid for item in items if _needs_corpus(item)]
    if CORPUS.is_dir():
        return
    dropped = [item for item in items if _needs_corpus(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]
    config.corpus_deselected = len(dropped)


def pytest_report_collectionfinish(config: pytest.Config) -> str | None:
    """One header line, printed once the count is known (after collection)."""
    if CORPUS.is_dir():
        return f"vCard corpus: {CORPUS}"
    return (
        f"vCard corpus: {getattr(config, 'corpus_deselected', 0)} corpus tests not run because "
        f"the shared corpus is absent at {CORPUS}; every quirk they check is tested over the project's "
        "own fixtures (each corpus test is mapped to its own-fixture test in "
        "tests/contacts/test_quirk_fixtures.py, COVERED_BY)"
    )


@pytest.fixture
def store(tmp_path: Path):
    from studio.store import open_store

    with open_store(tmp_path / "test.sqlite3") as opened:
        yield opened


def pytest_configure(config: pytest.Config) -> None:
    """Start the private CUPS server before any QApplication exists: Qt reads the printer
    list (from CUPS_SERVER) once per process."""
    from tests.printing.cups_server import start_cupsd

    # Not under a pytest tmp_path: those are 0700, and CUPS runs its filters as "lp".
    root = Path(tempfile.mkdtemp(prefix="card-studio-cups-"))
    root.chmod(0o755)
    config.cups_root = root
    try:
        config.cups_server = start_cupsd(root)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        config.cups_server = exc
        return
    os.environ["CUPS_SERVER"] = config.cups_server.address  # lp, lpstat and Qt's print dialog


def pytest_unconfigure(config: pytest.Config) -> None:
    server = getattr(config, "cups_server", None)
    if server is not None and not isinstance(server, Exception):
        server.stop()
    if getattr(config, "cups_root", None) is not None:
        shutil.rmtree(config.cups_root, ignore_errors=True)


@pytest.fixture
def cups(request: pytest.FixtureRequest) -> Iterator:
    """The private cupsd on 127.0.0.1 with a cups-pdf queue; `printed_pdfs()` gives what this
    test printed."""
    server = request.config.cups_server
    if isinstance(server, Exception):
        raise RuntimeError(f"the test CUPS server did not start ({server}); run scripts/setup --test")
    server.started = time.time()
    yield server
    for printed in server.new_pdfs():
        printed.unlink(missing_ok=True)
