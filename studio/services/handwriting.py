"""`studio handwriting` and Settings ▸ Sender ▸ Handwriting font: a TrueType font of the
user's own handwriting, kept in the data folder and used by every "handwriting" text box."""

from __future__ import annotations

from pathlib import Path

from studio.errors import StudioError
from studio.partial_files import copy_into
from studio.paths import AppPaths
from studio.render.fonts import handwriting_family, letter_variants
from studio.services.session import Store

HANDWRITING_DIR = Path("handwriting")  # under the user's data folder
_CHOOSE_AGAIN = "choose it again under Settings ▸ Sender, or run `studio handwriting --font FILE`"


def handwriting_problem(path: str) -> str | None:
    """Why the handwriting font at ``path`` cannot be used, in words; None when it can (or
    when none is chosen: the script face writes the handwriting boxes)."""
    if not path.strip():
        return None
    font = Path(path)
    if not font.is_file():
        return f"the handwriting font {font} is not there any more: {_CHOOSE_AGAIN}"
    try:
        handwriting_family(font)
    except StudioError as exc:
        return str(exc)
    return None


def check_handwriting(path: str) -> None:
    """Raise StudioError when the handwriting font in settings cannot be used."""
    problem = handwriting_problem(path)
    if problem:
        raise StudioError(problem)


def keep_handwriting_font(font: Path, paths: AppPaths) -> Path:
    """Check ``font`` and copy it into the data folder (the original may be moved or
    deleted later); returns the copy. Settings are not changed (`use_handwriting`)."""
    font = Path(font)
    if not font.is_file():
        raise StudioError(f"{font} is not a file: choose the .ttf of your handwriting font")
    handwriting_family(font)  # a font that cannot be embedded is refused here, in words
    return copy_into(font, paths.data_dir / HANDWRITING_DIR)


def use_handwriting(store: Store, font: Path | None, *, jitter: bool | None = None) -> None:
    """Write handwriting boxes in ``font`` from now on (None: the script face); ``jitter``
    turns the slightly uneven lines on or off (None: as it was)."""
    with store.transaction():
        settings = store.settings.load()
        settings.sender.handwriting_font = str(font) if font is not None else ""
        if jitter is not None:
            settings.sender.handwriting_jitter = jitter
        store.settings.save(settings)


def alternate_letters(path: str) -> str:
    """The letters the font at ``path`` draws in more than one shape, e.g. "aeglt" ("" none)."""
    return "".join(sorted(letter_variants(handwriting_family(Path(path)))))
