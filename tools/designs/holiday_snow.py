"""Happy holidays (holiday-snow): snowflakes over a winter night, snowy firs on the hills."""

from __future__ import annotations

import math
import random

from artwork_canvas import (
    glow,
    hex_rgb,
    layer,
    ornament_canvas,
    panel_canvas,
    save,
    shadow_under,
)
from artwork_shapes import bezier, snowflake
from PIL import ImageDraw, ImageFilter


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("5x7-folded", [(0, "#0B1A33"), (0.55, "#17325A"), (1, "#2A4C7A")])
    w, h = base.size
    glow(base, (w * 0.5, h * 0.34), w * 0.45, "#3B5F93", 90)
    rng = random.Random(12)
    dots, dots_draw = layer((w, h))
    for _ in range(420):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h * 0.86), rng.uniform(w * 0.0015, w * 0.0045)
        dots_draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, rng.randint(90, 200)))
    base.alpha_composite(dots.filter(ImageFilter.GaussianBlur(w * 0.0012)))
    flakes, flakes_draw = layer((w, h))
    text_band = (h * 0.22, h * 0.50)  # where the greeting sits: only small flakes there
    placed: list[tuple[float, float, float]] = []
    for _ in range(400):
        if len(placed) >= 26:
            break
        r = rng.uniform(0.03, 0.085) * w
        x, y = rng.uniform(-0.02 * w, 1.02 * w), rng.uniform(0.02 * h, 0.70 * h)
        if text_band[0] - r < y < text_band[1] + r and 0.12 * w < x < 0.88 * w:
            continue
        if any(math.hypot(x - px, y - py) < (r + pr) * 1.15 for px, py, pr in placed):
            continue
        placed.append((x, y, r))
        snowflake(
            flakes_draw,
            (x, y),
            r,
            rng.uniform(0, math.pi / 3),
            (255, 255, 255, rng.randint(150, 235)),
            max(2.0, r * 0.07),
        )
    base.alpha_composite(flakes.filter(ImageFilter.GaussianBlur(w * 0.0008)))
    hills, hills_draw = layer((w, h))
    for top, colour, lift in ((0.80, "#C9D8EA", 0.05), (0.85, "#E3ECF6", -0.04), (0.91, "#FFFFFF", 0.03)):
        curve = bezier(
            [
                (-0.1 * w, top * h),
                (0.3 * w, (top - lift) * h),
                (0.7 * w, (top + lift) * h),
                (1.1 * w, (top - 0.01) * h),
            ],
            120,
        )
        hills_draw.polygon(curve + [(1.1 * w, h * 1.1), (-0.1 * w, h * 1.1)], fill=hex_rgb(colour))
        if colour == "#C9D8EA":
            for tx, scale in ((0.14, 1.0), (0.22, 0.7), (0.78, 0.85), (0.87, 1.15), (0.93, 0.6)):
                (bx, by), _ = min(((p, 0) for p in curve), key=lambda item: abs(item[0][0] - tx * w))
                tree(hills_draw, (bx, by + h * 0.012), h * 0.10 * scale)
    shadow_under(base, hills, (0, -h * 0.004), w * 0.01, 70)
    save(base, size, slug, "front.jpg")
    size, row, draw = ornament_canvas(60, 9)
    for k, x in enumerate((0.2, 0.5, 0.8)):
        snowflake(
            draw,
            (row.width * x, row.height / 2),
            row.height * (0.42 if k == 1 else 0.3),
            0.0,
            hex_rgb("#5A7BA6") + (255,),
            row.height * 0.035,
        )
    save(row, size, slug, "flakes.png")


def tree(draw: ImageDraw.ImageDraw, foot: tuple[float, float], height: float) -> None:
    """A little snowy fir: three stacked tiers on a trunk, snow caught on each tier."""
    x, y = foot
    green, snow = hex_rgb("#1F4A3F"), hex_rgb("#F4F8FC")
    draw.rectangle([x - height * 0.04, y - height * 0.12, x + height * 0.04, y], fill=hex_rgb("#4A3A2E"))
    for k, (bottom, half) in enumerate(((0.10, 0.34), (0.40, 0.27), (0.66, 0.19))):
        top = bottom + (0.42 if k < 2 else 0.34)
        apex = (x, y - height * top)
        left, right = (x - height * half, y - height * bottom), (x + height * half, y - height * bottom)
        draw.polygon([apex, right, left], fill=green)
        band = height * 0.035
        top_edge = [
            (left[0] + (right[0] - left[0]) * i / 16, left[1] - band * (1 + 0.45 * math.sin(i * 1.7)))
            for i in range(17)
        ]
        draw.polygon(
            [
                (left[0] - band * 0.4, left[1] + band * 0.3),
                *top_edge,
                (right[0] + band * 0.4, right[1] + band * 0.3),
            ],
            fill=snow,
        )  # snow along the tier
        draw.polygon(
            [
                apex,
                (x + half * height * 0.22, y - height * (top - 0.08)),
                (x - half * height * 0.22, y - height * (top - 0.08)),
            ],
            fill=snow,
        )
