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
    home_chosen: bool = False  # CARD_STUDIO_HOME was set: everything stays under data_dir

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
        """Beside the store chosen with --db (its user may have no data folder of ours), else
        in the data folder; under CARD_STUDIO_HOME when that is set."""
        if not self.home_chosen and self.db_path.parent != self.data_dir:
            return self.db_path.parent / "card-studio.log"
        return self.data_dir / "card-studio.log"

    @property
    def mailings_dir(self) -> Path | None:
        """Where new mailing folders go: under CARD_STUDIO_HOME when it is set; None: the
        platform's Documents folder (the desktop asks Qt for it)."""
        return self.data_dir / "mailings" if self.home_chosen else None

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
        return cls(data_dir=data_dir, db_path=db_path, home_chosen=bool(home))


def bundled_dir(name: str) -> Path:
    """A folder shipped with the app: "templates" or "assets".

    In a built wheel they live inside the package (``studio/_bundled/``); in a source
    checkout or an editable install, at the repository's top level.
    """
    inside_wheel = _PACKAGE_DIR / "_bundled" / name
    if inside_wheel.is_dir():
        return inside_wheel
    return _PACKAGE_DIR.parent / name
