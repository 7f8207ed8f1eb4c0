from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sources.carddav_server import CardDavServer, start_radicale


@pytest.fixture
def carddav(tmp_path: Path) -> Iterator[CardDavServer]:
    server = start_radicale(tmp_path / "radicale")
    yield server
    server.stop()
