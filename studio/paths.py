"""Where Card Studio keeps things: the user's data folder and the bundled data.

Nothing here is global: `AppPaths.resolve()` is called once by the CLI or the app and
passed down.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "card-studio"
DB_FILENAME = "card-studio.sqlite3"
_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class AppPaths:
    """The user's data folder and the database inside it (or the one chosen with --db)."""

    data_dir: Path
    db_path: Path

    @property
    def user_templates_dir(self) -> Path:
        """User card templates; a template here overrides a bundled one with the same id."""
        return self.data_dir / "templates" / "cards"

    @property
    def user_stock_dir(self) -> Path:
        """User label and envelope stock files, read after the bundled ones."""
        return self.data_dir / "stock"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "card-studio.log"

    @classmethod
    def resolve(cls, db: str | os.PathLike[str] | None = None,
                environ: Mapping[str, str] | None = None) -> AppPaths:
        """Pick the data folder (CARD_STUDIO_HOME or the platform's) and the database.

        The database is ``db`` if given, else CARD_STUDIO_DB, else the default file in
        the data folder.
        """
        env = os.environ if environ is None else environ
        home = env.get("CARD_STUDIO_HOME")
        data_dir = Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        chosen = db or env.get("CARD_STUDIO_DB")
        db_path = Path(chosen).expanduser() if chosen else data_dir / DB_FILENAME
        return cls(data_dir=data_dir, db_path=db_path)


def bundled_dir(name: str) -> Path:
    """A folder shipped with the app: "templates" or "assets".

    In a built wheel they live inside the package (``studio/_bundled/``); in a source
    checkout or an editable install, at the repository's top level.
    """
    inside_wheel = _PACKAGE_DIR / "_bundled" / name
    if inside_wheel.is_dir():
        return inside_wheel
    return _PACKAGE_DIR.parent / name
