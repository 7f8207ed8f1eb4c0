"""The sender's signature picture: where the cleaned ink is kept, and whether it can be used."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

SIGNATURE_FILE = Path("signature") / "signature.png"  # under the user's data folder
_CHOOSE_AGAIN = "choose it again under Settings ▸ Sender, or run `studio signature --from PHOTO`"


def signature_problem(path: str) -> str | None:
    """Why the signature picture at ``path`` cannot be printed, in words; None when it can
    (or when no picture is set: the typed signature is used)."""
    if not path.strip():
        return None
    picture = Path(path)
    if not picture.is_file():
        return f"the signature picture {picture} is not there any more: {_CHOOSE_AGAIN}"
    try:
        with Image.open(picture) as image:
            image.verify()
    except (UnidentifiedImageError, OSError) as exc:
        return f"the signature picture {picture} cannot be read ({exc}): {_CHOOSE_AGAIN}"
    return None
