"""A photographed or scanned signature turned into clean ink on a transparent background.

A phone photo of a signature on a desk has uneven light (brighter near the window, a
shadow of the phone), a tinted paper and JPEG noise. Each step is done with Pillow:
1. the page's light is estimated (a local maximum, blurred: paper wherever there is no ink)
   and divided out, so the paper comes out evenly white;
2. the ink is told from the paper by Otsu's threshold on that flattened picture, with a
   soft edge a few grey levels wide so strokes stay smooth;
3. specks are removed, and the picture is cropped to the ink with a small margin;
4. the ink is one colour (``ink``), its strength the alpha channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter, ImageMath, ImageOps, ImageStat, UnidentifiedImageError

from studio.errors import StudioError

MAX_SIDE = 2400  # px: a phone photo is shrunk to this before cleaning (print size is ~600 px)
_SOFT_EDGE = 24  # grey levels between full ink and no ink
_MIN_INK, _MAX_INK = 0.0005, 0.35  # share of the picture that is ink, for a signature
_DARKEST_PAPER = 70  # grey level: paper darker than this is a photo taken in the dark


@dataclass(frozen=True)
class InkResult:
    image: Image.Image  # RGBA: the ink colour, opaque where the ink is
    ink_share: float  # how much of the cropped picture is ink (0-1)
    box: tuple[int, int, int, int]  # where it was cut from the (upright, shrunk) picture


def extract_ink(source: Path | Image.Image, ink: str = "#1b2a4a") -> InkResult:
    """The ink of the signature in ``source`` (a path or an open picture), cropped to it.

    Raises StudioError in words a user understands when the picture cannot be read, or
    holds no writing (a blank page) or is mostly dark (not a signature on paper).
    """
    picture = _open(source)
    gray = ImageOps.exif_transpose(picture).convert("L")
    if max(gray.size) > MAX_SIDE:
        gray.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    flat, paper = _flatten_light(gray)
    if ImageStat.Stat(paper).median[0] < _DARKEST_PAPER:
        raise StudioError("the picture is too dark to find the paper in: photograph the signature "
                          "on white paper, in good light")
    threshold = _otsu(flat.histogram())
    alpha = flat.point(_ink_curve(threshold)).filter(ImageFilter.MedianFilter(3))
    share = sum(alpha.histogram()[128:]) / (alpha.width * alpha.height)
    box = alpha.point(lambda v: 255 if v >= 128 else 0).getbbox()
    if box is None or share < _MIN_INK:
        raise StudioError("no writing was found in the picture: photograph the signature on white "
                          "paper, close up, in good light")
    if share > _MAX_INK:
        raise StudioError("most of the picture is dark, so it does not look like a signature on paper: "
                          "photograph it on white paper, filling the picture with the page")
    pad = max(4, round(0.03 * max(box[2] - box[0], box[3] - box[1])))
    box = (max(0, box[0] - pad), max(0, box[1] - pad), min(alpha.width, box[2] + pad),
           min(alpha.height, box[3] + pad))
    alpha = alpha.crop(box)
    inked = Image.new("RGBA", alpha.size, _rgb(ink) + (0,))
    inked.putalpha(alpha)
    cropped_share = sum(alpha.histogram()[128:]) / (alpha.width * alpha.height)
    return InkResult(inked, cropped_share, box)


def save_ink(result: InkResult, out: Path) -> Path:
    """Write the ink as a PNG (transparency kept) to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    result.image.save(out, "PNG", optimize=True)
    return out


def _open(source: Path | Image.Image) -> Image.Image:
    if isinstance(source, Image.Image):
        return source
    try:
        picture = Image.open(source)
        picture.load()
    except FileNotFoundError:
        raise StudioError(f"{source} does not exist") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise StudioError(f"{source} is not a picture Card Studio can read (JPEG, PNG, …): {exc}") from None
    return picture


def _flatten_light(gray: Image.Image) -> tuple[Image.Image, Image.Image]:
    """``gray`` divided by its estimated paper brightness (the paper evenly white, 255),
    and that estimate."""
    width, height = gray.size
    small = gray.resize((max(1, width // 8), max(1, height // 8)), Image.Resampling.BILINEAR)
    reach = max(3, (max(small.size) // 40) | 1)  # wider than a pen stroke, narrower than the light's change
    paper = small.filter(ImageFilter.MaxFilter(reach)).filter(ImageFilter.GaussianBlur(reach))
    paper = paper.resize(gray.size, Image.Resampling.BILINEAR)
    flat = ImageMath.lambda_eval(
        lambda args: args["convert"](args["min"](args["a"] * 255 / (args["b"] + 1), 255), "L"),
        a=gray, b=paper)
    return flat, paper


def _otsu(histogram: list[int]) -> int:
    """The grey level that best splits ``histogram`` into ink and paper (Otsu, 1979)."""
    total = sum(histogram)
    weighted = sum(level * count for level, count in enumerate(histogram))
    best, best_level = -1.0, 128
    below = below_weighted = 0.0
    for level, count in enumerate(histogram):
        below += count
        if below == 0 or below == total:
            continue
        below_weighted += level * count
        above = total - below
        mean_below = below_weighted / below
        mean_above = (weighted - below_weighted) / above
        between = below * above * (mean_below - mean_above) ** 2
        if between > best:
            best, best_level = between, level
    return best_level


def _ink_curve(threshold: int) -> list[int]:
    """Grey level -> ink strength: full up to Otsu's threshold (the last grey level of the
    ink's class), fading to none a soft edge above it, so strokes keep smooth edges."""
    paper = min(255, threshold + _SOFT_EDGE)
    return [255 if v <= threshold else 0 if v >= paper else round(255 * (paper - v) / (paper - threshold))
            for v in range(256)]


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.strip().lstrip("#")
    if len(text) != 6 or any(c not in "0123456789abcdefABCDEF" for c in text):
        raise StudioError(f"ink colour {colour!r} is not a colour like \"#1b2a4a\"")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
