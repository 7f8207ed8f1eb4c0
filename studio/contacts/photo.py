"""PHOTO values to image bytes and their real MIME type.

Forms met in exports: base64 with ``ENCODING=b`` (3.0), ``ENCODING=BASE64`` (2.1, also
with a bare ``;BASE64``), base64 with no ENCODING at all (Thunderbird's v3 export),
and ``data:image/png;base64,...`` URIs (4.0, also in 3.0 and with an escaped comma).
A link (``http://…``) is not downloaded: there is no photo to keep. The declared TYPE is
often wrong (Evolution labels PNG data "jpeg"), so the type is sniffed from the bytes.
"""

from __future__ import annotations

import base64
import binascii
import io
import re

_WHITESPACE = re.compile(rb"\s+")
_BASE64_CHARS = re.compile(rb"^[A-Za-z0-9+/=_-]+$")
_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"), (b"BM", "image/bmp"),
          (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))


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
        return image, sniff_image_type(image)
    return None


def _from_data_uri(data: bytes) -> tuple[bytes, str]:
    header, comma, payload = data.replace(b"\\,", b",").partition(b",")
    if not comma:
        raise PhotoError("the photo's data: link has no data")
    if not header.lower().endswith(b";base64"):
        raise PhotoError("the photo's data: link is not base64")
    image = _b64decode(payload)
    return image, sniff_image_type(image)


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
