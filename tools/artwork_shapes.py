"""Shapes for tools/make_artwork.py: curves, leaves and branches, balloons, snowflakes, confetti.

Lengths are supersampled pixels (see `artwork_canvas`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

from artwork_canvas import RGB, Point, hex_rgb, layer, mix, shadow_under
from PIL import Image, ImageDraw, ImageFilter

# --- curves ------------------------------------------------------------------------------


def bezier(points: Sequence[Point], n: int = 64) -> list[Point]:
    """Points along a Bézier curve with control ``points`` (any degree)."""
    out = []
    for i in range(n + 1):
        t = i / n
        pts = list(points)
        while len(pts) > 1:
            pts = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in zip(pts, pts[1:], strict=False)
            ]
        out.append(pts[0])
    return out


def along(path: Sequence[Point], t: float) -> tuple[Point, float]:
    """The point at fraction ``t`` of a polyline and the direction (radians) there."""
    i = min(int(t * (len(path) - 1)), len(path) - 2)
    a, b = path[i], path[i + 1]
    f = t * (len(path) - 1) - i
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f), math.atan2(b[1] - a[1], b[0] - a[0])


def polyline(
    draw: ImageDraw.ImageDraw,
    path: Sequence[Point],
    colour: RGB | tuple[int, ...],
    width: float,
    taper: float = 1.0,
) -> None:
    """A stroked path whose width narrows to ``taper`` × width at its end, with round joints."""
    for i, (a, b) in enumerate(zip(path, path[1:], strict=False)):
        w = width * (1 - (1 - taper) * i / max(len(path) - 2, 1))
        draw.line([a, b], fill=colour, width=max(1, round(w)))
        r = w / 2
        draw.ellipse([b[0] - r, b[1] - r, b[0] + r, b[1] + r], fill=colour)


# --- shapes ------------------------------------------------------------------------------


def leaf_points(
    base: Point, angle: float, length: float, width: float, bend: float = 0.0, fullness: float = 0.8
) -> list[Point]:
    """A pointed leaf from ``base`` in direction ``angle``: two arcs meeting at the tip."""
    ca, sa = math.cos(angle), math.sin(angle)
    left, right = [], []
    n = 40
    for i in range(n + 1):
        t = i / n
        half = width / 2 * math.sin(math.pi * t**fullness) ** 0.9
        offset = bend * length * math.sin(math.pi * t) * 0.25
        ax, ay = t * length, offset
        left.append((ax, ay - half))
        right.append((ax, ay + half))
    outline = left + right[::-1]
    return [(base[0] + x * ca - y * sa, base[1] + x * sa + y * ca) for x, y in outline]


def draw_leaf(
    draw: ImageDraw.ImageDraw,
    base: Point,
    angle: float,
    length: float,
    width: float,
    colour: RGB,
    vein: RGB | None = None,
    bend: float = 0.0,
    fullness: float = 0.8,
) -> None:
    draw.polygon(leaf_points(base, angle, length, width, bend, fullness), fill=colour)
    if vein is not None:
        tip = (base[0] + math.cos(angle) * length * 0.85, base[1] + math.sin(angle) * length * 0.85)
        draw.line([base, tip], fill=vein, width=max(1, round(width * 0.05)))


def branch(
    draw: ImageDraw.ImageDraw,
    path: Sequence[Point],
    *,
    leaf_len: float,
    leaf_w: float,
    colours: Sequence[RGB],
    stem: RGB,
    stem_w: float,
    pairs: int,
    rng: random.Random,
    spread: float = 0.75,
    vein: RGB | None = None,
    fullness: float = 0.8,
    tip_leaf: bool = True,
) -> None:
    """A stem along ``path`` with leaves in alternating pairs, smaller towards the tip."""
    polyline(draw, path, stem, stem_w, taper=0.4)
    for k in range(pairs):
        t = 0.12 + 0.83 * k / max(pairs - 1, 1)
        point, direction = along(path, t)
        scale = 1.0 - 0.45 * t
        for side in (-1, 1):
            jitter = rng.uniform(-0.12, 0.12)
            draw_leaf(
                draw,
                point,
                direction + side * (spread + jitter),
                leaf_len * scale * rng.uniform(0.9, 1.1),
                leaf_w * scale,
                rng.choice(colours),
                vein,
                bend=side * 0.3,
                fullness=fullness,
            )
    if tip_leaf:
        point, direction = along(path, 1.0)
        draw_leaf(draw, point, direction, leaf_len * 0.6, leaf_w * 0.55, colours[0], vein, fullness=fullness)


def round_leaf_branch(
    draw: ImageDraw.ImageDraw,
    path: Sequence[Point],
    *,
    radius: float,
    colours: Sequence[RGB],
    stem: RGB,
    stem_w: float,
    count: int,
    rng: random.Random,
) -> None:
    """A eucalyptus sprig: round leaves hanging in pairs from a thin stem."""
    polyline(draw, path, stem, stem_w, taper=0.5)
    for k in range(count):
        t = 0.08 + 0.9 * k / max(count - 1, 1)
        (x, y), direction = along(path, t)
        r = radius * (1.0 - 0.4 * t) * rng.uniform(0.9, 1.1)
        for side in (-1, 1):
            a = direction + side * math.pi / 2
            cx, cy = x + math.cos(a) * r * 0.95, y + math.sin(a) * r * 0.95
            draw.ellipse([cx - r, cy - r * 0.92, cx + r, cy + r * 0.92], fill=rng.choice(colours))


def snowflake(
    draw: ImageDraw.ImageDraw,
    center: Point,
    radius: float,
    rotation: float,
    colour: tuple[int, ...],
    width: float,
) -> None:
    """A six-armed ice crystal with two pairs of side branches on each arm."""
    cx, cy = center
    w = max(1, round(width))
    for k in range(6):
        a = rotation + k * math.pi / 3
        tip = (cx + math.cos(a) * radius, cy + math.sin(a) * radius)
        draw.line([center, tip], fill=colour, width=w)
        for at, length in ((0.42, 0.34), (0.68, 0.24)):
            px, py = cx + math.cos(a) * radius * at, cy + math.sin(a) * radius * at
            for side in (-1, 1):
                b = a + side * math.pi / 3
                draw.line(
                    [(px, py), (px + math.cos(b) * radius * length, py + math.sin(b) * radius * length)],
                    fill=colour,
                    width=w,
                )
        r = w * 0.9
        draw.ellipse([tip[0] - r, tip[1] - r, tip[0] + r, tip[1] + r], fill=colour)
    hexagon = [
        (
            cx + math.cos(rotation + k * math.pi / 3) * radius * 0.14,
            cy + math.sin(rotation + k * math.pi / 3) * radius * 0.14,
        )
        for k in range(6)
    ]
    draw.polygon(hexagon, fill=colour)


def balloon(
    base: Image.Image, center: Point, rx: float, ry: float, colour: str, string_to: Point, rng: random.Random
) -> None:
    """A glossy balloon: shaded body, knot, highlight and a curling string to ``string_to``."""
    cx, cy = center
    body, draw = layer(base.size)
    dark, light = mix(hex_rgb(colour), (60, 30, 50), 0.22), mix(hex_rgb(colour), (255, 255, 255), 0.30)
    steps = 36
    for i in range(steps):  # concentric ellipses drifting to the upper left: soft round shading
        t = i / (steps - 1)
        k = 1 - t * 0.72
        ox, oy = -rx * 0.28 * t, -ry * 0.3 * t
        draw.ellipse(
            [cx + ox - rx * k, cy + oy - ry * k, cx + ox + rx * k, cy + oy + ry * k],
            fill=mix(dark, light, t**0.8),
        )
    knot_y = cy + ry
    draw.polygon(
        [
            (cx, knot_y - ry * 0.04),
            (cx - rx * 0.09, knot_y + ry * 0.09),
            (cx + rx * 0.09, knot_y + ry * 0.09),
        ],
        fill=dark,
    )
    shine, shine_draw = layer(base.size)
    shine_draw.ellipse(
        [cx - rx * 0.55, cy - ry * 0.72, cx - rx * 0.18, cy - ry * 0.28], fill=(255, 255, 255, 120)
    )
    shine = shine.filter(ImageFilter.GaussianBlur(rx * 0.08))
    sway = rng.uniform(-1, 1) * rx * 0.6
    start = (cx, knot_y + ry * 0.09)
    path = bezier(
        [
            start,
            (cx + sway, start[1] + (string_to[1] - start[1]) * 0.35),
            (string_to[0] - sway, start[1] + (string_to[1] - start[1]) * 0.7),
            string_to,
        ],
        80,
    )
    string_layer, string_draw = layer(base.size)
    polyline(string_draw, path, (120, 110, 120, 255), rx * 0.022)
    base.alpha_composite(string_layer)
    shadow_under(base, body, (rx * 0.06, ry * 0.06), rx * 0.08, 70)
    base.alpha_composite(shine)


def confetti(
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    area: tuple[float, float, float, float],
    count: int,
    palette: Sequence[str],
    size: float,
    avoid: Callable[[Point], bool] | None = None,
) -> None:
    """Scattered confetti: small turned rectangles, dots and curls in ``palette``."""
    x0, y0, x1, y1 = area
    for _ in range(count):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if avoid is not None and avoid((x, y)):
            continue
        colour = hex_rgb(rng.choice(palette)) + (rng.randint(200, 255),)
        s = size * rng.uniform(0.6, 1.3)
        kind = rng.random()
        a = rng.uniform(0, math.pi)
        if kind < 0.5:
            w, h = s, s * 0.45
            corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
            draw.polygon(
                [
                    (x + cx * math.cos(a) - cy * math.sin(a), y + cx * math.sin(a) + cy * math.cos(a))
                    for cx, cy in corners
                ],
                fill=colour,
            )
        elif kind < 0.8:
            r = s * 0.32
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        else:
            curl = [
                (
                    x + math.cos(a) * s * t + math.sin(t * 9) * s * 0.18,
                    y + math.sin(a) * s * t + math.cos(t * 9) * s * 0.18,
                )
                for t in [i / 12 for i in range(13)]
            ]
            polyline(draw, curl, colour, s * 0.14)


def sparkle(draw: ImageDraw.ImageDraw, center: Point, radius: float, colour: tuple[int, ...]) -> None:
    """A four-pointed star, the kind that twinkles on a New Year card."""
    cx, cy = center
    thin = radius * 0.16
    draw.polygon(
        [
            (cx, cy - radius),
            (cx + thin, cy - thin),
            (cx + radius, cy),
            (cx + thin, cy + thin),
            (cx, cy + radius),
            (cx - thin, cy + thin),
            (cx - radius, cy),
            (cx - thin, cy - thin),
        ],
        fill=colour,
    )


def maple_leaf(
    draw: ImageDraw.ImageDraw, center: Point, size: float, angle: float, colour: RGB, vein: RGB | None = None
) -> None:
    """A stylised five-lobed maple leaf with its stalk, pointing up at ``angle`` = 0."""
    # Outline in leaf units (y up), traced clockwise from the stalk notch.
    outline = [
        (0, -0.30),
        (0.10, -0.32),
        (0.28, -0.22),
        (0.25, -0.08),
        (0.52, -0.10),
        (0.47, 0.02),
        (0.78, 0.22),
        (0.58, 0.24),
        (0.62, 0.38),
        (0.42, 0.32),
        (0.40, 0.50),
        (0.20, 0.42),
        (0.16, 0.72),
        (0.06, 0.62),
        (0, 0.95),
        (-0.06, 0.62),
        (-0.16, 0.72),
        (-0.20, 0.42),
        (-0.40, 0.50),
        (-0.42, 0.32),
        (-0.62, 0.38),
        (-0.58, 0.24),
        (-0.78, 0.22),
        (-0.47, 0.02),
        (-0.52, -0.10),
        (-0.25, -0.08),
        (-0.28, -0.22),
        (-0.10, -0.32),
    ]
    ca, sa = math.cos(angle), math.sin(angle)

    def place(x: float, y: float) -> Point:
        x, y = x * size, -y * size
        return (center[0] + x * ca - y * sa, center[1] + x * sa + y * ca)

    draw.polygon([place(x, y) for x, y in outline], fill=colour)
    draw.line(
        [place(0, -0.30), place(0, -0.62)],
        fill=mix(colour, (60, 30, 10), 0.4),
        width=max(1, round(size * 0.035)),
    )
    if vein is not None:
        for tip in ((0, 0.85), (0.66, 0.26), (-0.66, 0.26), (0.36, 0.45), (-0.36, 0.45)):
            draw.line([place(0, -0.2), place(*tip)], fill=vein, width=max(1, round(size * 0.018)))
