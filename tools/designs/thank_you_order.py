"""Thank you for your order (thank-you-order): eucalyptus and olive sprigs on ivory."""

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
from artwork_shapes import bezier, branch, round_leaf_branch
from PIL import Image

SAGE = [hex_rgb(c) for c in ("#8FA89A", "#A3B8AB", "#7D998A", "#B3C4B8")]
OLIVE = [hex_rgb(c) for c in ("#4F6B52", "#5E7D5F", "#6E8C6A")]
STEM = hex_rgb("#6B7F6E")


def corner_sprig(size: tuple[int, int], origin: tuple[float, float], control: tuple[float, float],
                 end: tuple[float, float], flip: bool) -> list[tuple[float, float]]:
    """The curve of one sprig growing from a corner at ``origin`` into the picture: ``control``
    and ``end`` are fractions of the picture's size, mirrored (right and up) when ``flip``."""
    (w, h), (ox, oy), (cx, cy), (ex, ey) = size, origin, control, end
    sx = -1 if flip else 1
    return bezier(
        [
            (ox, oy),
            (ox + sx * cx * w, oy + (cy if not flip else -cy) * h),
            (ox + sx * ex * w, oy + (ey if not flip else -ey) * h),
        ],
        90,
    )


def eucalyptus_corner(base: Image.Image, origin: tuple[float, float], flip: bool, rng: random.Random) -> None:
    w, h = base.size
    sx = -1 if flip else 1
    art, draw = layer(base.size)
    ox, oy = origin
    sprigs = [
        ((0.55, 0.10), (0.30, 0.02), 13, 0.048),
        ((0.42, 0.26), (0.20, 0.22), 11, 0.042),
        ((0.20, 0.36), (0.05, 0.24), 9, 0.036),
    ]
    for end, control, count, radius in sprigs:
        path = corner_sprig(base.size, origin, control, end, flip)
        round_leaf_branch(
            draw, path, radius=radius * w, colours=SAGE, stem=STEM, stem_w=w * 0.006, count=count, rng=rng
        )
    olives = [((0.62, 0.22), (0.38, 0.16)), ((0.30, 0.45), (0.16, 0.30))]
    for end, control in olives:
        path = corner_sprig(base.size, origin, control, end, flip)
        branch(
            draw,
            path,
            leaf_len=w * 0.085,
            leaf_w=w * 0.024,
            colours=OLIVE,
            stem=STEM,
            stem_w=w * 0.005,
            pairs=7,
            rng=rng,
            spread=0.6,
            fullness=0.9,
        )
    for _ in range(9):  # a few golden berries among the leaves
        t = rng.uniform(0.2, 0.5)
        bx = ox + sx * rng.uniform(0.08, 0.4) * w
        by = oy + (1 if not flip else -1) * t * h * 0.55
        r = w * rng.uniform(0.008, 0.012)
        draw.ellipse([bx - r, by - r, bx + r, by + r], fill=hex_rgb("#C9A45C"))
    shadow_under(base, art, (w * 0.004, w * 0.005), w * 0.006, 60)


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded", [(0, "#FBF8F1"), (1, "#F5EFE3")])
    w, h = base.size
    rng = random.Random(7)
    eucalyptus_corner(base, (-w * 0.04, -h * 0.03), False, rng)
    eucalyptus_corner(base, (w * 1.04, h * 1.03), True, rng)
    save(paper_grain(base, 6), size, slug, "front.jpg")
    size, sprig, draw = ornament_canvas(50, 14)
    sw, sh = sprig.size
    for flip in (False, True):
        sx = -1 if flip else 1
        path = bezier(
            [(sw / 2, sh * 0.55), (sw / 2 + sx * sw * 0.2, sh * 0.25), (sw / 2 + sx * sw * 0.46, sh * 0.5)],
            60,
        )
        branch(
            draw,
            path,
            leaf_len=sh * 0.32,
            leaf_w=sh * 0.11,
            colours=OLIVE + SAGE[:1],
            stem=STEM,
            stem_w=sh * 0.025,
            pairs=6,
            rng=rng,
            spread=0.7,
            fullness=0.9,
        )
    draw.ellipse([sw / 2 - sh * 0.06, sh * 0.49, sw / 2 + sh * 0.06, sh * 0.61], fill=hex_rgb("#C9A45C"))
    save(sprig, size, slug, "sprig.png")
