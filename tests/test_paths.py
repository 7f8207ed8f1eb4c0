"""Everything stays under the chosen home: CARD_STUDIO_HOME holds the store, the mailings and
the log; with only --db the log goes beside the store. The real home is never written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from studio.paths import AppPaths

ROOT = Path(__file__).resolve().parent.parent


def test_card_studio_home_holds_store_mailings_and_log(tmp_path: Path) -> None:
    home = tmp_path / "X"
    paths = AppPaths.resolve(environ={"CARD_STUDIO_HOME": str(home), "HOME": str(tmp_path / "home")})
    assert paths.db_path.parent == home
    assert paths.log_path.parent == home
    assert paths.mailings_dir == home / "mailings"


def test_db_alone_puts_the_log_beside_the_store(tmp_path: Path) -> None:
    store = tmp_path / "elsewhere" / "mine.sqlite3"
    paths = AppPaths.resolve(db=store, environ={"HOME": str(tmp_path / "home")})
    assert paths.log_path == store.parent / "card-studio.log"
    assert paths.mailings_dir is None  # the desktop asks the platform for Documents


def test_the_cli_writes_nothing_into_the_real_home(tmp_path: Path) -> None:
    real_home, chosen = tmp_path / "home", tmp_path / "X"
    real_home.mkdir()
    env = {**os.environ, "HOME": str(real_home), "CARD_STUDIO_HOME": str(chosen), "PYTHONPATH": str(ROOT)}
    env.pop("XDG_DATA_HOME", None)
    samples = ROOT / "assets" / "samples" / "sample-contacts.vcf"
    for args in (["import", str(samples)],
                 ["mailing", "--template", "holiday-snow", "--occasion", "christmas", "--year", "2026",
                  "--envelopes", "a7", "--out", str(chosen / "xmas"), "--today", "2026-12-01"]):
        done = subprocess.run([sys.executable, "-m", "studio", *args], env=env, capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
    assert list(real_home.iterdir()) == []
    assert (chosen / "card-studio.sqlite3").is_file() and (chosen / "xmas" / "cards.pdf").is_file()
