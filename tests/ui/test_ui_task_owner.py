"""A background answer that arrives after its view was closed is dropped, not delivered
to a deleted widget (which raised "Internal C++ object already deleted")."""

from __future__ import annotations

import threading
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QLabel

from studio.ui.jobs import TaskRunner


def test_callbacks_stop_once_the_owner_is_deleted(qtbot, tmp_path: Path) -> None:
    runner = TaskRunner(tmp_path / "unused.sqlite3")
    release = threading.Event()
    delivered: list[str] = []
    label = QLabel()
    runner.start(lambda _: release.wait(5) and "answer", owner=label,
                 on_done=lambda text: delivered.append(label.text() + text))
    alive = QLabel()
    runner.start(lambda _: "kept", owner=alive, on_done=delivered.append)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert delivered == ["kept"]
    runner.shutdown()


def _alive(widget: QLabel) -> bool:
    return shiboken6.isValid(widget)
