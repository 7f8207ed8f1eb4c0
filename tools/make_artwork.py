"""Draw the artwork of the bundled card templates (templates/cards/<slug>/*.jpg|png).

    .venv/bin/python tools/make_artwork.py                      # every template
    .venv/bin/python tools/make_artwork.py holiday-snow          # just these

Everything is drawn here with Pillow (tools/artwork_shapes.py): no stock images.
Full-panel pictures are sized for 300 dpi at the panel plus the format's bleed on
every side, and saved as JPEG (soft gradients stay small); ornaments with
transparency are PNG. Random placement uses fixed seeds, so running the script again
gives the same pictures. The PNGs and JPEGs are committed; rerun after changing a design.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from artwork_shapes import (  # noqa: E402
    DPI,
    SS,
    balloon,
    bezier,
    big,
    branch,
    confetti,
    draw_leaf,
    glow,
    gradient,
    hex_rgb,
    layer,
    maple_leaf,
    mix,
    panel_pixels,
    paper_grain,
    polyline,
    round_leaf_branch,
    save,
    shadow_under,
    snowflake,
    sparkle,
)
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

DESIGNS: dict[str, Callable[[str], None]] = {}


def design(slug: str) -> Callable[[Callable[[str], None]], Callable[[str], None]]:
    def register(function: Callable[[str], None]) -> Callable[[str], None]:
        DESIGNS[slug] = function
        return function

    return register


def mm_px(value: float) -> float:
    """Millimetres to supersampled pixels."""
    return value / 25.4 * DPI * SS


def ornament_canvas(
    width_mm: float, height_mm: float
) -> tuple[tuple[int, int], Image.Image, ImageDraw.ImageDraw]:
    size = (round(width_mm / 25.4 * DPI), round(height_mm / 25.4 * DPI))
    image, draw = layer(big(size))
    return size, image, draw


# --- thank you for your order: eucalyptus and olive sprigs on ivory ------------------------

SAGE = [hex_rgb(c) for c in ("#8FA89A", "#A3B8AB", "#7D998A", "#B3C4B8")]
OLIVE = [hex_rgb(c) for c in ("#4F6B52", "#5E7D5F", "#6E8C6A")]
STEM = hex_rgb("#6B7F6E")


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
    for (ex, ey), (cx, cy), count, radius in sprigs:
        path = bezier(
            [
                (ox, oy),
                (ox + sx * cx * w, oy + (cy if not flip else -cy) * h),
                (ox + sx * ex * w, oy + (ey if not flip else -ey) * h),
            ],
            90,
        )
        round_leaf_branch(
            draw, path, radius=radius * w, colours=SAGE, stem=STEM, stem_w=w * 0.006, count=count, rng=rng
        )
    olives = [((0.62, 0.22), (0.38, 0.16)), ((0.30, 0.45), (0.16, 0.30))]
    for (ex, ey), (cx, cy) in olives:
        path = bezier(
            [
                (ox, oy),
                (ox + sx * cx * w, oy + (cy if not flip else -cy) * h),
                (ox + sx * ex * w, oy + (ey if not flip else -ey) * h),
            ],
            90,
        )
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


@design("thank-you-order")
def thank_you(slug: str) -> None:
    size = panel_pixels("a2-folded")
    w, h = big(size)
    base = gradient((w, h), [(0, "#FBF8F1"), (1, "#F5EFE3")])
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


# --- happy birthday: balloons and confetti ---------------------------------------------------


@design("birthday-balloons")
def birthday(slug: str) -> None:
    size = panel_pixels("a2-folded")
    w, h = big(size)
    base = gradient((w, h), [(0, "#FCE9EC"), (0.55, "#FEF4F0"), (1, "#FFF9F2")])
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


# --- happy holidays: snowflakes over a winter night --------------------------------------


@design("holiday-snow")
def holiday_snow(slug: str) -> None:
    size = panel_pixels("5x7-folded")
    w, h = big(size)
    base = gradient((w, h), [(0, "#0B1A33"), (0.55, "#17325A"), (1, "#2A4C7A")])
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


# --- happy new year: gold confetti and sparkles at midnight --------------------------------

GOLDS = ("#E9C46A", "#F4D58D", "#D4A84B", "#FFF1C1", "#C8963E")


@design("new-year-sparkle")
def new_year(slug: str) -> None:
    size = panel_pixels("4x6-postcard")
    w, h = big(size)
    base = gradient((w, h), [(0, "#0A0F2C"), (1, "#1E2355")])
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


# --- thanksgiving: a garland of autumn leaves ------------------------------------------------

AUTUMN = [hex_rgb(c) for c in ("#B5542D", "#D9822B", "#E0A526", "#7E2E2B", "#8E8A3C", "#A8642A")]


@design("thanksgiving-leaves")
def thanksgiving(slug: str) -> None:
    size = panel_pixels("a2-folded")
    w, h = big(size)
    base = gradient((w, h), [(0, "#FCF5E8"), (1, "#F5E6CC")])
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


def along(path, t):  # re-exported for the garland above (keeps imports in one place)
    from artwork_shapes import along as along_path

    return along_path(path, t)


# --- customer anniversary: a gold laurel wreath on deep green ----------------------------


@design("customer-anniversary")
def customer_anniversary(slug: str) -> None:
    size = panel_pixels("a2-folded-top")
    w, h = big(size)
    base = gradient((w, h), [(0, "#1C3A33"), (1, "#14302A")])
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


# --- welcome: sunrise arches in earthy colours ---------------------------------------------


@design("welcome-arches")
def welcome(slug: str) -> None:
    size = panel_pixels("5x7-flat")
    w, h = big(size)
    base = gradient((w, h), [(0, "#F8F3EA"), (1, "#F2EADC")])
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


# --- thinking of you: loose watercolour blooms ----------------------------------------------

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


@design("thinking-of-you")
def thinking_of_you(slug: str) -> None:
    size = panel_pixels("a2-folded")
    w, h = big(size)
    base = gradient((w, h), [(0, "#FBF8FB"), (1, "#F4EEF3")])
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


def main(argv: list[str]) -> int:
    wanted = argv or list(DESIGNS)
    unknown = [slug for slug in wanted if slug not in DESIGNS]
    if unknown:
        print(f"unknown design(s): {', '.join(unknown)}; known: {', '.join(DESIGNS)}", file=sys.stderr)
        return 2
    for slug in wanted:
        DESIGNS[slug](slug)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
