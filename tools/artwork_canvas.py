"""The canvas of tools/make_artwork.py: picture sizes, saving into a template, colours, fills.

Pillow draws without anti-aliasing, so pictures are drawn at ``SS`` times their final
size and scaled down by `save`. Lengths here are supersampled pixels.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from studio.render.formats import card_format  # noqa: E402

TEMPLATES = REPO / "templates" / "cards"
DPI = 300
SS = 2  # supersampling factor
RGB = tuple[int, int, int]
Point = tuple[float, float]


# --- sizes and files -------------------------------------------------------------------


def panel_pixels(format_id: str, *, bleed: bool = True) -> tuple[int, int]:
    """Pixel size (at DPI) of a panel of ``format_id``, with the bleed on every side."""
    card = card_format(format_id)
    extra = 2 * card.bleed_mm if bleed else 0.0
    return (round((card.width_mm + extra) / 25.4 * DPI), round((card.height_mm + extra) / 25.4 * DPI))


def save(image: Image.Image, size: tuple[int, int], slug: str, name: str) -> Path:
    """Scale the supersampled ``image`` down to ``size`` and write it into the template."""
    final = image.resize(size, Image.Resampling.LANCZOS)
    target = TEMPLATES / slug / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if name.endswith(".jpg"):
        final.convert("RGB").save(target, "JPEG", quality=88, optimize=True, progressive=True, dpi=(DPI, DPI))
    else:
        final.save(target, "PNG", optimize=True, dpi=(DPI, DPI))
    print(f"{target.relative_to(REPO)}  {final.width}×{final.height}  {target.stat().st_size // 1024} KB")
    return target


def big(size: tuple[int, int]) -> tuple[int, int]:
    return (size[0] * SS, size[1] * SS)


# --- colour and fills ------------------------------------------------------------------


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def gradient(
    size: tuple[int, int], stops: Sequence[tuple[float, str]], *, vertical: bool = True
) -> Image.Image:
    """A linear gradient through colour ``stops`` ((position 0..1, "#rrggbb"), in order)."""
    steps = 512
    line = Image.new("RGB", (1, steps) if vertical else (steps, 1))
    colours = [(p, hex_rgb(c)) for p, c in stops]
    for i in range(steps):
        t = i / (steps - 1)
        for (p0, c0), (p1, c1) in zip(colours, colours[1:], strict=False):
            if p0 <= t <= p1:
                colour = mix(c0, c1, (t - p0) / (p1 - p0) if p1 > p0 else 0)
                break
        else:
            colour = colours[-1][1] if t > colours[-1][0] else colours[0][1]
        line.putpixel((0, i) if vertical else (i, 0), colour)
    return line.resize(size, Image.Resampling.BILINEAR).convert("RGBA")



def panel_canvas(format_id: str, stops: Sequence[tuple[float, str]]) -> tuple[tuple[int, int], Image.Image]:
    """A full-panel picture of ``format_id`` (bleed included): its final pixel size, and its
    supersampled background, a vertical `gradient` through ``stops``."""
    size = panel_pixels(format_id)
    return size, gradient(big(size), stops)


def glow(base: Image.Image, center: Point, radius: float, colour: str, strength: int) -> None:
    """Lay a soft round light of ``colour`` over ``base`` (strength 0..255)."""
    mask = Image.new("L", base.size, 0)
    ImageDraw.Draw(mask).ellipse(
        [center[0] - radius, center[1] - radius, center[0] + radius, center[1] + radius], fill=strength
    )
    mask = mask.filter(ImageFilter.GaussianBlur(radius / 2))
    base.paste(Image.new("RGBA", base.size, hex_rgb(colour) + (255,)), (0, 0), mask)


def paper_grain(base: Image.Image, amount: int = 10) -> Image.Image:
    """A faint, even grain, so large flat areas print like paper rather than plastic."""
    noise = Image.effect_noise(base.size, 40).point(lambda v: 128 + (v - 128) * amount // 64)
    grain = Image.merge("RGB", (noise, noise, noise))
    return ImageChops.overlay(base.convert("RGB"), grain).convert("RGBA")


def layer(size: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    return image, ImageDraw.Draw(image)


def shadow_under(base: Image.Image, art: Image.Image, offset: Point, blur: float, opacity: int) -> None:
    """Composite ``art`` onto ``base`` with a soft drop shadow (gives paper-cut depth)."""
    alpha = art.getchannel("A").point(lambda a: a * opacity // 255)
    shadow = Image.new("RGBA", art.size, (30, 25, 20, 0))
    shadow.putalpha(alpha.filter(ImageFilter.GaussianBlur(blur)))
    base.alpha_composite(shadow, (round(offset[0]), round(offset[1])))
    base.alpha_composite(art)


def ornament_canvas(width_mm: float,
                    height_mm: float) -> tuple[tuple[int, int], Image.Image, ImageDraw.ImageDraw]:
    """A transparent picture for a small ornament ``width_mm`` x ``height_mm`` (no bleed):
    its final pixel size, and the supersampled layer and its drawing context."""
    size = (round(width_mm / 25.4 * DPI), round(height_mm / 25.4 * DPI))
    image, draw = layer(big(size))
    return size, image, draw
