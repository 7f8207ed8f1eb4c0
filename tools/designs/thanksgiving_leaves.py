"""Thanksgiving (thanksgiving-leaves): a garland of autumn leaves."""

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
    shadow_under,
)
from artwork_shapes import along, bezier, draw_leaf, maple_leaf, polyline

AUTUMN = [hex_rgb(c) for c in ("#B5542D", "#D9822B", "#E0A526", "#7E2E2B", "#8E8A3C", "#A8642A")]


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded", [(0, "#FCF5E8"), (1, "#F5E6CC")])
    w, h = base.size
    rng = random.Random(1121)
    art, draw = layer((w, h))
    swag = bezier(
        [(-0.05 * w, 0.05 * h), (0.3 * w, 0.36 * h), (0.7 * w, 0.36 * h), (1.05 * w, 0.05 * h)], 200
    )
    polyline(draw, swag, hex_rgb("#7A5230"), w * 0.006)
    leaves = []
    for k in range(46):
        (x, y), direction = along(swag, k / 45)
        x += rng.uniform(-1, 1) * w * 0.03
        y += rng.uniform(-1, 1) * w * 0.03
        leaves.append((rng.random(), x, y, direction))
    for z, x, y, direction in sorted(leaves):
        colour = rng.choice(AUTUMN)
        if z < 0.45:
            maple_leaf(
                draw,
                (x, y),
                w * rng.uniform(0.07, 0.1),
                direction + rng.uniform(-1.3, 1.3) + math.pi / 2,
                colour,
                mix(colour, (255, 230, 190), 0.35),
            )
        else:
            draw_leaf(
                draw,
                (x, y),
                direction + rng.choice((-1, 1)) * rng.uniform(0.5, 1.6),
                w * rng.uniform(0.09, 0.13),
                w * rng.uniform(0.03, 0.045),
                colour,
                mix(colour, (255, 230, 190), 0.35),
                bend=rng.uniform(-0.4, 0.4),
            )
    for _ in range(14):
        (x, y), _ = along(swag, rng.uniform(0.05, 0.95))
        r = w * 0.011
        for dx, dy in ((0, 0), (r * 1.6, r * 0.5), (r * 0.5, r * 1.6)):
            draw.ellipse([x + dx - r, y + dy - r, x + dx + r, y + dy + r], fill=hex_rgb("#9E2B25"))
    for corner in ((0.0, 1.0), (1.0, 1.0)):
        for _ in range(11):
            x = corner[0] * w + (1 - 2 * corner[0]) * rng.uniform(0, 0.28) * w
            y = h - rng.uniform(0, 0.16) * h
            colour = rng.choice(AUTUMN)
            maple_leaf(
                draw,
                (x, y),
                w * rng.uniform(0.06, 0.09),
                rng.uniform(-1, 1),
                colour,
                mix(colour, (255, 230, 190), 0.35),
            )
    shadow_under(base, art, (w * 0.004, w * 0.006), w * 0.007, 70)
    save(paper_grain(base, 6), size, slug, "front.jpg")
    size, sprig, draw = ornament_canvas(40, 12)
    sw, sh = sprig.size
    for k, x in enumerate((0.3, 0.5, 0.7)):
        colour = AUTUMN[k * 2 % len(AUTUMN)]
        maple_leaf(
            draw, (sw * x, sh * 0.55), sh * 0.5, (k - 1) * 0.5, colour, mix(colour, (255, 230, 190), 0.35)
        )
    save(sprig, size, slug, "leaves.png")
