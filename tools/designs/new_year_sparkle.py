"""Happy new year (new-year-sparkle): gold confetti and sparkles at midnight."""

from __future__ import annotations

import random

from artwork_canvas import big, glow, hex_rgb, layer, panel_canvas, panel_pixels, save
from artwork_shapes import confetti, sparkle
from PIL import ImageFilter

GOLDS = ("#E9C46A", "#F4D58D", "#D4A84B", "#FFF1C1", "#C8963E")


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("4x6-postcard", [(0, "#0A0F2C"), (1, "#1E2355")])
    w, h = base.size
    glow(base, (w * 0.5, h * 0.5), h * 0.55, "#3A3F7A", 110)
    rng = random.Random(2027)
    art, draw = layer((w, h))

    def in_text(p: tuple[float, float]) -> bool:
        return 0.16 * w < p[0] < 0.84 * w and 0.24 * h < p[1] < 0.76 * h

    confetti(draw, rng, (0, 0, w, h), 260, GOLDS + ("#FFFFFF",), w * 0.012, avoid=in_text)
    for _ in range(30):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        if in_text((x, y)):
            continue
        sparkle(
            draw, (x, y), rng.uniform(0.006, 0.02) * w, hex_rgb(rng.choice(GOLDS[:2] + ("#FFFFFF",))) + (255,)
        )
    shine = art.filter(ImageFilter.GaussianBlur(w * 0.006))
    base.alpha_composite(shine)
    base.alpha_composite(art)
    save(base, size, slug, "front.jpg")
    back_size = panel_pixels("4x6-postcard", bleed=False)
    bw, bh = big(back_size)
    back, draw = layer((bw, bh))
    line = hex_rgb("#B9B4C9") + (255,)
    draw.line([(bw * 0.535, bh * 0.12), (bw * 0.535, bh * 0.88)], fill=line, width=round(bw * 0.0018))
    sx0, sy0, sx1, sy1 = bw * 0.80, bh * 0.08, bw * 0.94, bh * 0.30
    for k in range(0, 60):  # a dashed stamp box
        t0, t1 = k / 60, (k + 0.55) / 60
        for a, b in (
            ((sx0, sy0), (sx1, sy0)),
            ((sx1, sy0), (sx1, sy1)),
            ((sx1, sy1), (sx0, sy1)),
            ((sx0, sy1), (sx0, sy0)),
        ):
            draw.line(
                [
                    (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                    (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
                ],
                fill=line,
                width=round(bw * 0.0014),
            )
    for _ in range(12):  # a few sparkles along the bottom edge of the message side
        sparkle(
            draw,
            (rng.uniform(0.30, 0.50) * bw, rng.uniform(0.86, 0.95) * bh),
            rng.uniform(0.004, 0.009) * bw,
            hex_rgb(rng.choice(GOLDS[:3])) + (255,),
        )
    save(back, back_size, slug, "back.png")
