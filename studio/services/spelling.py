"""Spell checking for the desktop's message fields: the checker in the user's language with
their own dictionary (``dictionary.txt`` in the data folder, one word a line)."""

from __future__ import annotations

from pathlib import Path

from studio.errors import StudioError
from studio.paths import AppPaths
from studio.spelling.checker import Speller

DICTIONARY = "dictionary.txt"


def load_speller(paths: AppPaths, language: str) -> Speller:
    """A checker for ``language`` that knows the user's words (a pool thread: it reads a
    dictionary of some megabytes)."""
    return Speller(language, _own_words(paths.data_dir / DICTIONARY))


def add_to_dictionary(paths: AppPaths, word: str) -> None:
    """Teach Card Studio ``word`` for good (a name, a product): appended to the user's dictionary."""
    path = paths.data_dir / DICTIONARY
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if word.casefold() not in {w.casefold() for w in _own_words(path)}:
            with open(path, "a", encoding="utf-8") as stream:
                stream.write(word.strip() + "\n")
    except OSError as exc:
        raise StudioError(f"cannot add {word!r} to your dictionary {path}: {exc.strerror or exc}") from exc


def _own_words(path: Path) -> list[str]:
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError):
        return []  # an unreadable dictionary only means more underlines, never a failure
