"""Artwork: checking JPEG/PNG files once per render job and placing them on panels.

ReportLab stores an image drawn from a file name once per PDF and reuses it for every
later draw of the same name, so a thousand cards with the same front picture embed it
once. Each file is opened with Pillow first, once per job, so a broken, truncated or
hostile file (a decompression bomb: a small file that inflates to billions of pixels)
fails with a sentence naming it instead of a traceback or an exhausted machine. Photos
that need work before printing (EXIF-rotated phone pictures, CMYK JPEGs, needlessly huge
files) are normalised once into the job's temporary folder. A photo kept in the store
(a contact's vCard PHOTO) arrives as bytes: it is written there once per distinct photo
(by its SHA-256), so a contact's picture on many cards, or two contacts sharing one,
is embedded once as well.
"""

from __future__ import annotations

import hashlib
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from studio.errors import StudioError
from studio.render.layout import ImageBox

# Above this many pixels an image is refused: it is far beyond any card at 300 dpi and
# decoding it could take gigabytes. (Pillow's own bomb warning starts at ~89 Mpx.)
MAX_PIXELS = 80_000_000
# Longest edge kept in the PDF: a 7-inch panel plus bleed at 300 dpi is ~2,200 px; the
# margin allows cropping with fit="cover".
MAX_EDGE_PX = 4000
_FORMATS = {"JPEG", "PNG"}
# Photos (a contact's, the sender's, the run's) may also come in these; they are
# re-encoded as JPEG or PNG, which is all a PDF takes.
_PHOTO_FORMATS = {"GIF", "BMP", "TIFF", "WEBP", "MPO"}
FACE_LINE = 1 / 3  # where a portrait's faces are, from its top: what a crop without focus keeps


@dataclass(frozen=True)
class PreparedImage:
    """A checked image ready for ReportLab: the file to draw and its pixel size."""

    source: str
    width: int
    height: int
    has_alpha: bool


class ImageStore:
    """The images of one render job, each checked and prepared once.

    Use as a context manager (or call `close`) to remove the normalised copies.
    ``max_edge_px`` below `MAX_EDGE_PX` makes a store for on-screen previews: artwork is
    scaled down once to what the screen shows, and a store kept across previews (the
    designer's) neither reads nor checks a file twice.
    """

    def __init__(self, max_edge_px: int = MAX_EDGE_PX) -> None:
        self._max_edge = max_edge_px
        self._prepared: dict[tuple[Path, int, int], PreparedImage] = {}
        self._tempdir: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> ImageStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._tempdir is not None:
            self._tempdir.cleanup()
            self._tempdir = None

    def prepare(self, path: Path, *, described: str = "", photo: bool = False) -> PreparedImage:
        """Check ``path`` and return how to draw it; StudioError naming the file if unusable.

        ``described`` names it in messages ("Anna Berg's photo"); a ``photo`` may also be
        GIF, BMP, TIFF or WebP (converted), artwork must be JPEG or PNG.
        """
        path = Path(path)
        try:  # by size and time too: a store kept across previews sees a file replaced in place
            stat = path.stat()
            key = (path, stat.st_size, stat.st_mtime_ns)
        except OSError:
            key = (path, -1, -1)
        prepared = self._prepared.get(key)
        if prepared is None:
            prepared = self._prepared[key] = self._load(path, described or f"Artwork {path}", photo)
        return prepared

    def prepare_box(self, box: ImageBox) -> PreparedImage:
        """`prepare` for a box: its file, or its ``data`` written once per distinct photo."""
        if box.data is None:
            return self.prepare(box.path, described=box.described, photo=box.photo)
        digest = hashlib.sha256(box.data).hexdigest()
        target = self._folder() / f"photo-{digest[:32]}"
        if not target.exists():
            target.write_bytes(box.data)
        return self.prepare(target, described=box.described or f"The photo {box.path}", photo=True)

    def _folder(self) -> Path:
        if self._tempdir is None:
            self._tempdir = tempfile.TemporaryDirectory(prefix="card-studio-art-")
        return Path(self._tempdir.name)

    def _load(self, path: Path, described: str, photo: bool) -> PreparedImage:
        if not path.is_file():
            raise StudioError(f"{described} does not exist.")
        formats = _FORMATS | _PHOTO_FORMATS if photo else _FORMATS
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    if image.format not in formats:
                        raise StudioError(f"{described} is a {image.format or 'unknown'} image; "
                                          "use a JPEG or PNG file.")
                    if image.width * image.height > MAX_PIXELS:
                        raise StudioError(
                            f"{described} is {image.width}×{image.height} pixels, too large to print "
                            f"safely (at most {MAX_PIXELS // 1_000_000} million pixels); scale it down.")
                    image.load()  # decode now: a truncated or corrupt file fails here, named
                    return self._normalise(path, image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise StudioError(f"{described} declares an enormous size and was refused "
                              "as a possible decompression bomb.") from exc
        except UnidentifiedImageError as exc:
            raise StudioError(f"{described} is not an image Card Studio can read (JPEG or PNG).") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise StudioError(f"{described} is damaged and cannot be read ({exc}).") from exc

    def _normalise(self, path: Path, image: Image.Image) -> PreparedImage:
        orientation = image.getexif().get(0x0112, 1)
        too_big = max(image.size) > self._max_edge
        # JPEGs go into the PDF byte for byte; only CMYK (often stored inverted by Adobe
        # software) and rotated or huge ones are re-encoded.
        needs_work = (orientation != 1 or too_big or image.format not in _FORMATS
                      or image.mode not in ("RGB", "L", "RGBA", "LA", "P", "1"))
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        if not needs_work:
            return PreparedImage(str(path), image.width, image.height, has_alpha)
        fixed = ImageOps.exif_transpose(image)
        if fixed.mode not in ("RGB", "RGBA", "L"):
            fixed = fixed.convert("RGBA" if has_alpha else "RGB")
        if too_big:
            fixed.thumbnail((self._max_edge, self._max_edge), Image.Resampling.LANCZOS)
        suffix = ".png" if (has_alpha or image.format == "PNG") else ".jpg"
        target = self._folder() / f"{len(self._prepared)}{suffix}"
        if suffix == ".jpg":
            fixed.save(target, "JPEG", quality=92, optimize=True)
        else:
            fixed.save(target, "PNG", optimize=False)
        return PreparedImage(str(target), fixed.width, fixed.height, has_alpha)

    def draw(self, canvas: Canvas, box: ImageBox, panel_width: float, panel_height: float,
             bleed: float) -> None:
        """Draw ``box`` on a panel whose upright frame has its origin at the bottom-left.

        ``panel_width``/``panel_height``/``bleed`` are points. With ``box.bleed`` every side
        of the box that touches the panel edge is pushed out by the bleed (the caller clips
        at the fold). "cover" fills the box and crops; "contain" shows the whole image;
        "circle" fills the largest circle centred in the box.
        """
        image = self.prepare_box(box)
        x0, x1 = box.x * mm, (box.x + box.width) * mm
        y1, y0 = panel_height - box.y * mm, panel_height - (box.y + box.height) * mm
        if box.bleed and box.fit != "circle":
            edge = 0.5  # points: "touches the edge" within a hair
            x0 = x0 - bleed if x0 <= edge else x0
            y0 = y0 - bleed if y0 <= edge else y0
            x1 = x1 + bleed if x1 >= panel_width - edge else x1
            y1 = y1 + bleed if y1 >= panel_height - edge else y1
        width, height = x1 - x0, y1 - y0
        if width <= 0 or height <= 0:
            raise StudioError(f"Image box '{box.name}' has no area ({box.width:g}×{box.height:g} mm).")
        if box.fit not in ("cover", "contain", "circle"):
            raise StudioError(f"Image box '{box.name}': fit '{box.fit}' is not cover, contain or circle.")
        if box.fit == "circle":  # the circle's square, centred in the box
            side = min(width, height)
            x0, y0 = x0 + (width - side) / 2, y0 + (height - side) / 2
            width = height = side
        grow = min if box.fit == "contain" else max
        scale = grow(width / image.width, height / image.height)
        draw_w, draw_h = image.width * scale, image.height * scale
        focus = crop_focus(box, image.width, image.height)
        draw_x = _place(x0, width, draw_w, focus[0])
        draw_y = _place(y0, height, draw_h, 1 - focus[1])  # PDF y grows upwards, focus y downwards
        mask = "auto" if image.has_alpha else None
        cropped = draw_w > width + 0.01 or draw_h > height + 0.01
        if box.fit == "circle" or (box.fit == "cover" and cropped):
            canvas.saveState()
            path = canvas.beginPath()
            if box.fit == "circle":
                path.circle(x0 + width / 2, y0 + height / 2, width / 2)
            else:
                path.rect(x0, y0, width, height)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.drawImage(image.source, draw_x, draw_y, draw_w, draw_h, mask=mask)
            canvas.restoreState()
        else:
            canvas.drawImage(image.source, draw_x, draw_y, draw_w, draw_h, mask=mask)


def crop_focus(box: ImageBox, width: int, height: int) -> tuple[float, float]:
    """The point of the picture (0..1 from its top-left) a crop centres on: the box's
    ``focus``; else, for a portrait photo, the middle of its upper third (faces are seldom
    at the exact centre of a portrait, and a centred crop beheads them); else the centre."""
    if box.focus is not None:
        return box.focus
    if box.photo and height > width:
        return 0.5, FACE_LINE
    return 0.5, 0.5


def _place(start: float, room: float, size: float, at: float) -> float:
    """Where a drawing ``size`` long starts so its point ``at`` (0..1) sits mid-``room``,
    never leaving a gap at either end when it is larger than the room."""
    if size <= room:
        return start + (room - size) / 2
    wanted = start + room / 2 - size * at
    return min(start, max(start + room - size, wanted))
