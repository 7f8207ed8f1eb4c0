"""Customer anniversary (customer-anniversary): a gold laurel wreath on deep green."""

from __future__ import annotations

import math
import random

from artwork_canvas import (
    glow,
    hex_rgb,
    layer,
    ornament_canvas,
    panel_canvas,
    paper_grain,
    save,
    shadow_under,
)
from artwork_shapes import along, draw_leaf, polyline


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded-top", [(0, "#1C3A33"), (1, "#14302A")])
    w, h = base.size
    glow(base, (w * 0.5, h * 0.42), h * 0.42, "#2B5248", 120)
    rng = random.Random(22)
    art, draw = layer((w, h))
    cx, cy, radius = w * 0.5, h * 0.41, h * 0.27
    golds = [hex_rgb(c) for c in ("#C9A44C", "#E2C275", "#B08A3A", "#D8B866")]
    for side in (-1, 1):
        start, end = math.pi / 2 + side * 0.32, math.pi / 2 + side * (math.pi - 0.5)
        path = [
            (
                cx + math.cos(start + (end - start) * t) * radius,
                cy + math.sin(start + (end - start) * t) * radius,
            )
            for t in [i / 120 for i in range(121)]
        ]
        polyline(draw, path, golds[2], h * 0.006, taper=0.5)
        for k in range(13):
            t = 0.04 + 0.92 * k / 12
            (x, y), direction = along(path, t)
            scale = 1.0 - 0.35 * t
            for leaf_side in (-1, 1):
                draw_leaf(
                    draw,
                    (x, y),
                    direction + leaf_side * 0.55,
                    h * 0.085 * scale,
                    h * 0.03 * scale,
                    rng.choice(golds),
                    bend=leaf_side * 0.25,
                    fullness=0.85,
                )
        (x, y), direction = along(path, 1.0)
        draw_leaf(draw, (x, y), direction, h * 0.06, h * 0.022, golds[1])
    for dx, dy in ((-0.018, 0.0), (0.018, 0.0), (0.0, 0.02)):  # three berries where the branches meet
        r = h * 0.011
        x, y = cx + dx * h, cy + radius + dy * h - h * 0.004
        draw.ellipse([x - r, y - r, x + r, y + r], fill=golds[1])
    shadow_under(base, art, (h * 0.004, h * 0.006), h * 0.008, 120)
    save(paper_grain(base, 5), size, slug, "front.jpg")
    size, rule, draw = ornament_canvas(44, 6)
    rw, rh = rule.size
    draw.line([(0, rh / 2), (rw * 0.42, rh / 2)], fill=golds[2], width=round(rh * 0.06))
    draw.line([(rw * 0.58, rh / 2), (rw, rh / 2)], fill=golds[2], width=round(rh * 0.06))
    for side in (-1, 1):
        draw_leaf(
            draw,
            (rw / 2, rh / 2),
            math.pi / 2 - math.pi / 2 + (0 if side > 0 else math.pi),
            rh * 0.9,
            rh * 0.32,
            golds[0],
        )
    save(rule, size, slug, "rule.png")
