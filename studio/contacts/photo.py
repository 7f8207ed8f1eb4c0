"""PHOTO values to image bytes and their real MIME type.

Forms met in exports: base64 with ``ENCODING=b`` (3.0), ``ENCODING=BASE64`` (2.1, also
with a bare ``;BASE64``), base64 with no ENCODING at all (Thunderbird's v3 export),
and ``data:image/png;base64,...`` URIs (4.0, also in 3.0 and with an escaped comma).
A link (``http://…``) is not downloaded: there is no photo to keep. The declared TYPE is
often wrong (Evolution labels PNG data "jpeg"), so the type is sniffed from the bytes.

Every photo is then decoded once with Pillow (`check_photo`): a fake header, a damaged file
or a decompression bomb (a small file that inflates to hundreds of millions of pixels) is
left out with a problem naming the line. What is stored is a print-size copy
(`print_copy`: 1,200 px on the long side is 300 dpi over 4 inches, more than any photo on a
card needs); the original only when the user asks for it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import re
import warnings
from collections.abc import Iterator

from PIL import Image, ImageOps

PRINT_EDGE_PX = 1200  # the long side of the copy kept for printing
_KEEP_AS_IS_BYTES = 400_000  # a photo within the edge and this size is kept byte for byte
MAX_PHOTO_PIXELS = 64_000_000  # a 48-megapixel phone camera fits; decoding more is a risk
_DECODABLE = {"image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp"}

_WHITESPACE = re.compile(rb"\s+")
_BASE64_CHARS = re.compile(rb"^[A-Za-z0-9+/=_-]+$")
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


class PhotoError(ValueError):
    """The PHOTO value holds no usable image; the message says why."""


def decode_photo(value: bytes, encoding: str, value_type: str) -> tuple[bytes, str] | None:
    """``(image bytes, MIME type)``, None when there is no embedded image (empty, a link).

    ``value`` is the raw value (escapes intact), ``encoding`` the ENCODING parameter
    (upper-case), ``value_type`` the VALUE parameter. Raises PhotoError for data that is
    not base64 or not an image.
    """
    data = value.strip()
    if not data:
        return None
    lowered = data[:5].lower()
    if lowered == b"data:":
        return _from_data_uri(data)
    if lowered.startswith((b"http", b"https", b"file:", b"cid:", b"ftp:")) or value_type.lower() == "uri":
        return None
    if encoding in ("B", "BASE64") or _BASE64_CHARS.match(data[:200]):
        image = _b64decode(data)
        return check_photo(image, sniff_image_type(image))
    return None


def _from_data_uri(data: bytes) -> tuple[bytes, str]:
    header, comma, payload = data.replace(b"\\,", b",").partition(b",")
    if not comma:
        raise PhotoError("the photo's data: link has no data")
    if not header.lower().endswith(b";base64"):
        raise PhotoError("the photo's data: link is not base64")
    image = _b64decode(payload)
    return check_photo(image, sniff_image_type(image))


def _b64decode(data: bytes) -> bytes:
    data = _WHITESPACE.sub(b"", data)
    if b"-" in data or b"_" in data:
        data = data.replace(b"-", b"+").replace(b"_", b"/")
    data = data.rstrip(b"=")
    if len(data) % 4 == 1:  # one stray character (a hand-shortened sample): drop it, keep the rest
        data = data[:-1]
    data += b"=" * (-len(data) % 4)
    try:
        image = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise PhotoError("the photo is not valid base64 data") from None
    if not image:
        raise PhotoError("the photo is empty")
    return image


def sniff_image_type(image: bytes) -> str:
    """The MIME type the bytes really are; raises PhotoError when they are no image."""
    for magic, mime in _MAGIC:
        if image.startswith(magic):
            return mime
    if image[:4] == b"RIFF" and image[8:12] == b"WEBP":
        return "image/webp"
    if image[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypheim"):
        return "image/heic"
    try:
        from PIL import Image

        with Image.open(io.BytesIO(image)) as opened:
            mime = Image.MIME.get(opened.format or "")
    except Exception:  # Pillow raises many kinds for garbage; all mean "not an image"
        mime = None
    if not mime:
        raise PhotoError("the photo is not an image Card Studio can read")
    return mime


def check_photo(image: bytes, mime: str) -> tuple[bytes, str]:
    """``(image, mime)`` when Pillow decodes the whole image; PhotoError saying why not.

    HEIC (which Pillow does not read without a plugin) is kept unchecked: it is what an
    iPhone may send, and the card renderer says so when asked to print it.
    """
    if mime not in _DECODABLE:
        return image, mime
    with _opened(image) as opened:
        opened.load()  # a fake header or a file cut short fails here, not on the printed card
    return image, mime


def print_copy(image: bytes, mime: str) -> tuple[bytes, str]:
    """The photo at print size: at most `PRINT_EDGE_PX` on the long side, turned upright
    (EXIF), as JPEG, or PNG when it has transparency. A photo that is small already is kept
    byte for byte; one that cannot be read is returned as it is (see `check_photo`).
    """
    if mime not in _DECODABLE:
        return image, mime
    try:
        with _opened(image) as opened:
            upright = opened.getexif().get(0x0112, 1) == 1
            if max(opened.size) <= PRINT_EDGE_PX and len(image) <= _KEEP_AS_IS_BYTES and upright:
                return image, mime
            if opened.format == "JPEG":
                opened.draft("RGB", (PRINT_EDGE_PX, PRINT_EDGE_PX))  # decode at a fraction: fast
            has_alpha = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
            copy = ImageOps.exif_transpose(opened)
            copy = copy.convert("RGBA" if has_alpha else "RGB")
            copy.thumbnail((PRINT_EDGE_PX, PRINT_EDGE_PX), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if has_alpha:
                copy.save(out, "PNG", optimize=True)
            else:
                copy.save(out, "JPEG", quality=90, optimize=True)
    except PhotoError:
        return image, mime
    smaller = out.getvalue()
    if len(smaller) >= len(image) and upright:
        return image, mime
    return smaller, "image/png" if has_alpha else "image/jpeg"


@contextlib.contextmanager
def _opened(data: bytes) -> Iterator[Image.Image]:
    """Pillow's image of ``data``; every failure inside the block becomes a PhotoError."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_PHOTO_PIXELS:
                    raise PhotoError(f"the photo is {width}×{height} pixels, too large to be a contact photo")
                yield image
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError("the photo declares an enormous size (a possible decompression bomb)") from None
        except Exception:  # Pillow raises many kinds for damaged data
            raise PhotoError("the photo is damaged or not really an image") from None
