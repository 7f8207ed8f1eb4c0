"""Photos on cards, measured before printing: how many pixels a photo really has (turned
upright as EXIF says) and how sharp that is at the size a photo box prints it.

Only the header is read (Pillow opens lazily), so checking every recipient of a large
mailing costs little; the renderer decodes each photo when it draws it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

LOW_DPI = 150  # below this at its printed size a photo looks soft on a home printer
PHOTO_FORMATS = ("JPEG", "PNG", "GIF", "BMP", "TIFF", "WEBP", "MPO")  # what the renderer prints
_MM_PER_INCH = 25.4
_TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class PhotoSize:
    """A photo's pixel size as printed: upright, after its EXIF orientation."""

    width: int
    height: int


def photo_size(photo: bytes | Path) -> PhotoSize | str:
    """The upright size of ``photo`` (bytes or a file), or why it cannot be printed, in words."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = io.BytesIO(photo) if isinstance(photo, bytes) else Path(photo)
            with Image.open(source) as image:
                if image.format not in PHOTO_FORMATS:
                    return f"is a {image.format or 'unknown'} image; Card Studio prints JPEG or PNG"
                width, height = image.size
                if image.getexif().get(0x0112, 1) in _TURNED:
                    width, height = height, width
                return PhotoSize(width, height)
    except FileNotFoundError:
        return "is not there any more"
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "is not an image Card Studio can read (JPEG or PNG)"
    except (OSError, SyntaxError, ValueError) as exc:
        return f"cannot be read ({exc})"


def printed_dpi(size: PhotoSize, width_mm: float, height_mm: float, fit: str) -> float:
    """The pixels per inch ``size`` has when a box of ``width_mm`` × ``height_mm`` prints it
    with ``fit``: "cover" and "circle" (the box's square) crop it to fill, "contain" shows it whole."""
    if fit == "circle":
        width_mm = height_mm = min(width_mm, height_mm)
    across = size.width / (width_mm / _MM_PER_INCH)
    down = size.height / (height_mm / _MM_PER_INCH)
    return max(across, down) if fit == "contain" else min(across, down)
