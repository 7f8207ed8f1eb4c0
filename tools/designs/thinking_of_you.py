"""Thinking of you (thinking-of-you): loose watercolour blooms."""

from __future__ import annotations

import math
import random

from artwork_canvas import (
    hex_rgb,
    layer,
    mix,
    ornament_canvas,
    panel_canvas,
    paper_grain,
    save,
)
from artwork_shapes import along, bezier, draw_leaf, polyline
from PIL import Image, ImageFilter

PETALS = ("#D4919F", "#B98AB0", "#E8AE9A", "#A98BC9", "#DA9AA8")


def watercolour_bloom(
    base: Image.Image, center: tuple[float, float], radius: float, colour: str, rng: random.Random
) -> None:
    """A five-petal bloom painted as translucent washes with darker, blurred edges."""
    wash, draw = layer(base.size)
    rim, rim_draw = layer(base.size)
    cx, cy = center
    turn = rng.uniform(0, math.pi)
    rgb = hex_rgb(colour)
    for k in range(5):
        a = turn + k * 2 * math.pi / 5 + rng.uniform(-0.15, 0.15)
        d = radius * 0.55
        px, py = cx + math.cos(a) * d, cy + math.sin(a) * d
        pr = radius * rng.uniform(0.48, 0.58)
        box = [px - pr, py - pr, px + pr, py + pr]
        draw.ellipse(box, fill=rgb + (150,))
        rim_draw.ellipse(
            box, outline=mix(rgb, (90, 40, 70), 0.4) + (130,), width=max(2, round(radius * 0.045))
        )
    base.alpha_composite(wash.filter(ImageFilter.GaussianBlur(radius * 0.06)))
    base.alpha_composite(rim.filter(ImageFilter.GaussianBlur(radius * 0.05)))
    heart, heart_draw = layer(base.size)
    for _ in range(9):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, radius * 0.16)
        r = radius * 0.06
        x, y = cx + math.cos(a) * d, cy + math.sin(a) * d
        heart_draw.ellipse([x - r, y - r, x + r, y + r], fill=hex_rgb("#C9A45C") + (230,))
    base.alpha_composite(heart.filter(ImageFilter.GaussianBlur(radius * 0.015)))


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded", [(0, "#FBF8FB"), (1, "#F4EEF3")])
    w, h = base.size
    rng = random.Random(9)
    stems, draw = layer((w, h))
    heads = [
        ((0.22, 0.66), 0.11),
        ((0.42, 0.56), 0.09),
        ((0.11, 0.50), 0.075),
        ((0.58, 0.71), 0.08),
        ((0.33, 0.79), 0.07),
        ((0.72, 0.85), 0.065),
        ((0.06, 0.74), 0.06),
        ((0.50, 0.88), 0.055),
    ]
    for (x, y), _ in heads:
        foot = (w * rng.uniform(0.25, 0.4), h * 1.02)
        path = bezier([foot, (w * (x + 0.05), h * (y + 0.2)), (w * x, h * y)], 80)
        polyline(draw, path, hex_rgb("#8CA58F") + (200,), w * 0.005, taper=0.6)
        point, direction = along(path, rng.uniform(0.35, 0.6))
        draw_leaf(
            draw,
            point,
            direction + rng.choice((-1, 1)) * 0.7,
            w * 0.09,
            w * 0.028,
            hex_rgb(rng.choice(("#9DB59F", "#88A38B", "#A9BFA7"))),
            bend=0.3,
        )
    base.alpha_composite(stems.filter(ImageFilter.GaussianBlur(w * 0.0015)))
    for (x, y), r in heads:
        watercolour_bloom(base, (w * x, h * y), w * r, rng.choice(PETALS), rng)
    spatter, spatter_draw = layer((w, h))
    for _ in range(60):
        x, y, r = rng.uniform(0, 0.8) * w, rng.uniform(0.4, 1.0) * h, rng.uniform(0.002, 0.006) * w
        spatter_draw.ellipse([x - r, y - r, x + r, y + r], fill=hex_rgb(rng.choice(PETALS)) + (120,))
    base.alpha_composite(spatter.filter(ImageFilter.GaussianBlur(w * 0.001)))
    save(paper_grain(base, 7), size, slug, "front.jpg")
    size, bloom, _ = ornament_canvas(16, 16)
    watercolour_bloom(
        bloom, (bloom.width / 2, bloom.height / 2), bloom.width * 0.34, "#D8A7B1", random.Random(4)
    )
    save(bloom, size, slug, "bloom.png")
