"""Welcome (welcome-arches): sunrise arches in earthy colours."""

from __future__ import annotations

import random

from artwork_canvas import (
    hex_rgb,
    layer,
    ornament_canvas,
    panel_canvas,
    paper_grain,
    save,
    shadow_under,
)
from artwork_shapes import bezier, branch


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("5x7-flat", [(0, "#F8F3EA"), (1, "#F2EADC")])
    w, h = base.size
    art, draw = layer((w, h))
    sun = (w * 0.72, h * 0.64)
    draw.ellipse(
        [sun[0] - w * 0.11, sun[1] - w * 0.11, sun[0] + w * 0.11, sun[1] + w * 0.11], fill=hex_rgb("#E3B04B")
    )
    foot = h * 1.02
    cx = w * 0.36
    for k, colour in enumerate(("#2F5D62", "#9DB4A0", "#D98B6A", "#F2D8C2", "#2F5D62")):
        r = w * (0.52 - k * 0.1)
        draw.ellipse([cx - r, foot - r * 1.25, cx + r, foot + r * 1.25], fill=hex_rgb(colour))
    hill = bezier(
        [(w * 0.45, h * 1.02), (w * 0.65, h * 0.78), (w * 0.9, h * 0.80), (w * 1.05, h * 0.86)], 100
    )
    draw.polygon(hill + [(w * 1.05, h * 1.05), (w * 0.45, h * 1.05)], fill=hex_rgb("#C7774F"))
    rng = random.Random(5)
    for _ in range(3):
        path = bezier(
            [
                (w * rng.uniform(0.8, 0.95), h * 0.82),
                (w * 0.9, h * 0.74),
                (w * rng.uniform(0.82, 0.97), h * 0.69),
            ]
        )
        branch(
            draw,
            path,
            leaf_len=w * 0.05,
            leaf_w=w * 0.016,
            colours=[hex_rgb("#5F7F63"), hex_rgb("#6F8F6E")],
            stem=hex_rgb("#5F7F63"),
            stem_w=w * 0.004,
            pairs=5,
            rng=rng,
            spread=0.55,
        )
    shadow_under(base, art, (w * 0.003, w * 0.004), w * 0.006, 50)
    save(paper_grain(base, 6), size, slug, "front.jpg")
    size, arch, draw = ornament_canvas(24, 12)
    aw, ah = arch.size
    for k, colour in enumerate(("#2F5D62", "#9DB4A0", "#D98B6A", "#FBF8F2")):
        r = ah * (0.98 - k * 0.22)
        draw.ellipse([aw / 2 - r, ah - r, aw / 2 + r, ah + r], fill=hex_rgb(colour) + (255,))
    draw.rectangle([0, ah * 0.999, aw, ah], fill=(0, 0, 0, 0))
    save(arch, size, slug, "arch.png")
