"""A killed mailing or render leaves its half-written folder and file; the next run in that
folder removes them, and leaves alone those of a run still going on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.partial_files import clean_leftovers, temporary_file
from studio.render.cards import render_cards
from tests.render.cardkit import make_card

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="process ids are asked with POSIX signals")

WRITER = """
import sys, time
from pathlib import Path
from studio.partial_files import temporary_file, temporary_folder
folder = Path(sys.argv[1])
staging = temporary_folder(folder / "christmas")
(staging / "cards.pdf").write_bytes(b"%PDF-1.4 half a mailing" * 1000)
temporary_file(folder / "cards.pdf").write_bytes(b"%PDF-1.4 half a card")
print("writing", flush=True)
time.sleep(60)
"""


def killed_writer(folder: Path) -> list[str]:
    """Start a run that writes into ``folder``, kill it -9 halfway; the names it left."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == 2 and all(".partial-" in n or n.endswith(".part") for n in left), left
    return left


def test_the_next_render_removes_a_killed_renders_part_file(tmp_path: Path) -> None:
    killed_writer(tmp_path)
    render_cards([make_card("a2-folded", "Ann Lee")], tmp_path / "card.pdf")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.pdf"]


def test_a_run_still_going_on_keeps_its_files(tmp_path: Path) -> None:
    alive = subprocess.Popen(["sleep", "30"])
    try:
        mine = tmp_path / f".cards.pdf.{alive.pid}.abcd1234.part"
        mine.write_bytes(b"being written")
        folder = tmp_path / f".christmas.partial-{alive.pid}-abcd1234"
        folder.mkdir()
        ours = temporary_file(tmp_path / "labels.pdf")  # this process's own

        assert clean_leftovers(tmp_path) == []
        assert mine.exists() and folder.exists() and ours.exists()
    finally:
        alive.kill()
        alive.wait()
    assert sorted(p.name for p in clean_leftovers(tmp_path)) == sorted([mine.name, folder.name])


def test_leftovers_from_before_names_carried_a_process_id_go_when_old(tmp_path: Path) -> None:
    old_folder = tmp_path / ".christmas.partial-k2j4x9ab"
    old_folder.mkdir()
    old_file = tmp_path / ".cards.pdf.q8v3m1zt.part"
    old_file.write_bytes(b"")
    fresh = tmp_path / ".labels.pdf.a1b2c3d4.part"
    fresh.write_bytes(b"")
    day_ago = time.time() - 86400
    for path in (old_folder, old_file):
        os.utime(path, (day_ago, day_ago))
    ordinary = tmp_path / ".hidden-notes.txt"
    ordinary.write_text("mine")

    removed = clean_leftovers(tmp_path)

    assert sorted(p.name for p in removed) == sorted([old_folder.name, old_file.name])
    assert fresh.exists() and ordinary.exists()
