"""Happy birthday (birthday-balloons): balloons and confetti."""

from __future__ import annotations

import random

from artwork_canvas import (
    hex_rgb,
    layer,
    ornament_canvas,
    panel_canvas,
    paper_grain,
    save,
)
from artwork_shapes import balloon, bezier, confetti, polyline


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded", [(0, "#FCE9EC"), (0.55, "#FEF4F0"), (1, "#FFF9F2")])
    w, h = base.size
    rng = random.Random(3)
    tie = (w * 0.5, h * 0.60)
    balloons = [
        ((0.30, 0.22), 0.135, "#F28C7C"),
        ((0.66, 0.17), 0.14, "#3FA7A3"),
        ((0.50, 0.30), 0.15, "#F2C14E"),
        ((0.18, 0.40), 0.11, "#B79CD9"),
        ((0.80, 0.36), 0.12, "#F4A7B9"),
    ]
    art, draw = layer((w, h))
    confetti(
        draw, rng, (0, 0, w, h * 0.55), 70, ("#F28C7C", "#F2C14E", "#3FA7A3", "#B79CD9", "#F4A7B9"), w * 0.022
    )
    confetti(draw, rng, (0, h * 0.88, w, h), 30, ("#F28C7C", "#F2C14E", "#3FA7A3", "#B79CD9"), w * 0.02)
    base.alpha_composite(art)
    for (bx, by), r, colour in balloons:
        balloon(base, (bx * w, by * h), r * w, r * w * 1.2, colour, tie, rng)
    bow, bow_draw = layer((w, h))
    for side in (-1, 1):
        bow_draw.ellipse(
            [
                tie[0] + side * w * 0.035 - w * 0.03,
                tie[1] - w * 0.014,
                tie[0] + side * w * 0.035 + w * 0.03,
                tie[1] + w * 0.014,
            ],
            fill=hex_rgb("#E07A6A"),
        )
        ribbon = bezier(
            [
                tie,
                (tie[0] + side * w * 0.03, tie[1] + h * 0.03),
                (tie[0] + side * w * 0.01, tie[1] + h * 0.05),
            ]
        )
        polyline(bow_draw, ribbon, hex_rgb("#E07A6A"), w * 0.006, taper=0.6)
    bow_draw.ellipse(
        [tie[0] - w * 0.012, tie[1] - w * 0.012, tie[0] + w * 0.012, tie[1] + w * 0.012],
        fill=hex_rgb("#C9604F"),
    )
    base.alpha_composite(bow)
    save(paper_grain(base, 5), size, slug, "front.jpg")
    size, trio, _ = ornament_canvas(24, 18)
    tw, th = trio.size
    knot = (tw * 0.5, th * 0.97)
    for (bx, by), colour in (((0.30, 0.30), "#F28C7C"), ((0.70, 0.28), "#3FA7A3"), ((0.50, 0.24), "#F2C14E")):
        balloon(trio, (tw * bx, th * by), tw * 0.14, tw * 0.17, colour, knot, random.Random(1))
    save(trio, size, slug, "balloons.png")
