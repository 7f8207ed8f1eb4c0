"""Photos are decoded before they are kept: a fake header, a damaged file or a decompression
bomb is left out with its line; a big photo is kept at print size, upright, unless the user asks
for the original."""

from __future__ import annotations

import base64
import io
import random
import struct
import zlib
from pathlib import Path

from PIL import Image

from studio.cli import main
from studio.contacts.photo import PRINT_EDGE_PX, print_copy
from studio.contacts.reader import read_vcard_bytes, read_vcard_file
from studio.services.addressbook import import_vcards
from studio.store import Store, open_store

FIXTURES = Path(__file__).parent / "fixtures" / "photos"


def card(name: str, photo: bytes, kind: str = "JPEG") -> bytes:
    data = base64.b64encode(photo).decode("ascii")
    folded = "\r\n ".join(data[i : i + 74] for i in range(0, len(data), 74))
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:{name.split()[0].lower()}@example.com\r\n"
        f"PHOTO;ENCODING=b;TYPE={kind}:{folded}\r\nEND:VCARD\r\n"
    ).encode("ascii")


def camera_jpeg(width: int, height: int, orientation: int = 1) -> bytes:
    """A camera-sized photo full of detail (noise compresses badly, like a real picture)."""
    rng = random.Random(5)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A small PNG whose header says width×height (a decompression bomb's shape)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4096, 9))
        + chunk(b"IEND", b"")
    )


def test_a_fake_jpeg_header_is_left_out_with_its_line_and_the_card_kept() -> None:
    parsed = read_vcard_file(FIXTURES / "fake-jpeg.vcf")
    greta, hugo = (c.contact for c in parsed.cards)
    assert greta.name == "Greta Lind" and greta.photo is None and hugo.name == "Hugo Lind"
    assert [(p.line, p.message) for p in parsed.problems] == [
        (6, "the photo is damaged or not really an image; the photo was left out (Greta Lind)")
    ]


def test_a_decompression_bomb_is_refused_before_it_is_decoded() -> None:
    bomb = png_declaring(20000, 20000)
    assert len(bomb) < 200
    parsed = read_vcard_bytes(card("Ivo Bomb", bomb, "PNG"), "bomb.vcf")
    assert parsed.cards[0].contact.photo is None
    [problem] = parsed.problems
    assert problem.line == 5
    assert problem.message.startswith("the photo declares an enormous size (a possible decompression bomb)")


def test_a_photo_of_too_many_pixels_is_refused_by_its_size() -> None:
    parsed = read_vcard_bytes(card("Ivo Huge", png_declaring(10000, 8000), "PNG"), "huge.vcf")
    assert parsed.cards[0].contact.photo is None
    assert "10000×8000 pixels, too large to be a contact photo" in parsed.problems[0].message


def test_a_camera_photo_is_stored_at_print_size(store: Store, tmp_path: Path) -> None:
    original = camera_jpeg(3000, 2000)
    assert len(original) > 4_000_000
    path = tmp_path / "big.vcf"
    path.write_bytes(card("Lena Big", original))

    report = import_vcards(store, [path])

    [lena] = store.contacts.list()
    with Image.open(io.BytesIO(lena.photo)) as kept:
        assert kept.format == "JPEG" and kept.size == (PRINT_EDGE_PX, 800)
    assert lena.photo_type == "image/jpeg" and len(lena.photo) < len(original) / 4
    assert report.problems == []
    again = import_vcards(store, [path])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)  # the copy is the same each time


def test_a_photo_turned_by_exif_is_stored_upright() -> None:
    sideways = camera_jpeg(1600, 1000, orientation=6)  # "rotate 90° to view"
    copy, mime = print_copy(sideways, "image/jpeg")
    with Image.open(io.BytesIO(copy)) as upright:
        assert upright.size == (750, PRINT_EDGE_PX) and upright.getexif().get(0x0112, 1) == 1


def test_a_small_photo_is_kept_byte_for_byte() -> None:
    small = camera_jpeg(96, 96)
    assert print_copy(small, "image/jpeg") == (small, "image/jpeg")


def test_the_original_is_kept_when_the_user_asks(tmp_path: Path, capsys) -> None:
    original = camera_jpeg(2400, 1600)
    path = tmp_path / "big.vcf"
    path.write_bytes(card("Lena Big", original))
    db = tmp_path / "o.sqlite3"

    assert main(["--db", str(db), "import", "--quiet", "--original-photos", str(path)]) == 0

    with open_store(db) as store:
        [lena] = store.contacts.list()
        assert lena.photo == original
