"""`studio signature` and Settings ▸ Sender ▸ Signature: a photo of the signature, cleaned
into ink (`studio.personal.ink`), kept in the data folder and printed on the cards."""

from __future__ import annotations

from pathlib import Path

from studio.errors import StudioError
from studio.partial_files import temporary_file
from studio.paths import AppPaths
from studio.personal.ink import extract_ink
from studio.personal.signature import SIGNATURE_FILE, signature_problem
from studio.services.session import Store


def clean_signature(photo: Path, paths: AppPaths, ink: str = "#1b2a4a") -> Path:
    """Clean ``photo`` into ink and keep it as the signature picture; returns its path.

    The picture is written whole or not at all; the settings are not changed here
    (`use_signature` does that), so the desktop can show it before it is used.
    """
    result = extract_ink(photo, ink=ink)
    out = paths.data_dir / SIGNATURE_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_file(out)
    try:
        result.image.save(temporary, "PNG", optimize=True)
        temporary.replace(out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return out


def use_signature(store: Store, picture: Path | None) -> None:
    """Print ``picture`` as the signature from now on (None: the typed signature only)."""
    with store.transaction():
        settings = store.settings.load()
        settings.sender.signature_image = str(picture) if picture is not None else ""
        store.settings.save(settings)


def check_signature(path: str) -> None:
    """Raise StudioError when the signature picture in settings cannot be printed."""
    problem = signature_problem(path)
    if problem:
        raise StudioError(problem)
