"""Thank-you postcard (thank-you-postcard): rolling hills at golden hour on an A6 postcard.

The front is a landscape: a low sun over layered hills fading into the haze, trees on
the ridges, a path winding into the valley and wildflowers in the foreground; the sky
above is left calm for the greeting. The back is the postcard's furniture the template
format cannot draw itself: the divider between message and address, and the stamp box.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from artwork_canvas import (
    RGB,
    Point,
    big,
    glow,
    gradient,
    hex_rgb,
    layer,
    mix,
    panel_canvas,
    panel_pixels,
    paper_grain,
    save,
    shadow_under,
)
from artwork_shapes import bezier, draw_leaf, polyline
from PIL import Image, ImageDraw, ImageFilter

FORMAT = "a6-postcard"
SKY = [(0, "#E9C9C2"), (0.30, "#F4D9C8"), (0.52, "#FCEBD6"), (1, "#FCEBD6")]
# Hill layers, far to near: ridge height (fraction of the picture), waviness, colours top and foot.
HILLS = [
    (0.530, 0.030, "#D9BFB9", "#E6CFC4"),
    (0.585, 0.035, "#BDB99F", "#CCC6AB"),
    (0.655, 0.040, "#94A984", "#A7B693"),
    (0.745, 0.045, "#6E8C64", "#7F9A70"),
    (0.860, 0.050, "#4D6B4C", "#5A7755"),
]
TREE_GREENS = ("#4F6D4B", "#5C7A53", "#3F5C42")
FLOWERS = ("#E07A5F", "#F2CC8F", "#FFF8EE", "#C98BB9", "#EE9B7A")
INK = "#6B5560"  # the birds and the back's lines: a soft plum grey


def tinted_layer(size: tuple[int, int], colour: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A transparent layer whose empty pixels carry ``colour``, so blurring its shapes
    feathers them into the picture instead of ringing them with a dark edge."""
    image = Image.new("RGBA", size, hex_rgb(colour) + (0,))
    return image, ImageDraw.Draw(image)


def ridge(w: int, h: int, top: float, wave: float, rng: random.Random) -> Callable[[float], float]:
    """A rolling ridge line: y (pixels) of the hill top at x, around ``top`` × h."""
    waves = [(rng.uniform(0.7, 1.1), rng.uniform(1.2, 2.2), rng.uniform(0, 2 * math.pi)),
             (rng.uniform(0.3, 0.5), rng.uniform(3.0, 4.5), rng.uniform(0, 2 * math.pi))]

    def y_at(x: float) -> float:
        t = x / w
        return h * (top + wave * sum(a * math.sin(f * math.pi * t + p) for a, f, p in waves) / 1.4)

    return y_at


def hill_mask(size: tuple[int, int], y_at: Callable[[float], float]) -> Image.Image:
    """The ground below a ridge line, as a mask."""
    w, h = size
    mask = Image.new("L", size, 0)
    outline = [(x, y_at(x)) for x in range(-20, w + 21, 12)]
    ImageDraw.Draw(mask).polygon(outline + [(w + 20, h + 20), (-20, h + 20)], fill=255)
    return mask


def lay_hill(base: Image.Image, y_at: Callable[[float], float], top_colour: str,
             foot_colour: str) -> Image.Image:
    """Paint one hill, lighter on its crest and deeper at its foot; returns its mask."""
    w, h = base.size
    crest = min(y_at(x) for x in range(0, w, 16))
    fill = gradient(base.size, [(0, top_colour), (max(crest / h, 0.01), top_colour), (1, foot_colour)])
    mask = hill_mask(base.size, y_at)
    base.paste(fill, (0, 0), mask)
    return mask


def haze(base: Image.Image, y: float, depth: float, colour: str, strength: int) -> None:
    """A band of mist lying over the valley just below ``y``."""
    w, h = base.size
    mask = Image.new("L", base.size, 0)
    ImageDraw.Draw(mask).rectangle([-w, y - depth * 0.2, 2 * w, y + depth], fill=strength)
    mask = mask.filter(ImageFilter.GaussianBlur(depth * 0.6))
    base.paste(Image.new("RGBA", base.size, hex_rgb(colour) + (255,)), (0, 0), mask)


def cloud(draw: ImageDraw.ImageDraw, center: Point, width: float, rng: random.Random) -> None:
    """A long, flat evening cloud: overlapping puffs on a level base."""
    cx, cy = center
    colour = hex_rgb("#FFF7EE") + (170,)
    for _ in range(9):
        dx = rng.uniform(-0.5, 0.5) * width
        r = width * rng.uniform(0.09, 0.17) * (1 - abs(dx) / width)
        draw.ellipse([cx + dx - r * 1.6, cy - r, cx + dx + r * 1.6, cy + r * 0.35], fill=colour)


def round_tree(draw: ImageDraw.ImageDraw, foot: Point, height: float, rng: random.Random) -> None:
    """A broad-leaved tree: a thin trunk and a round crown, lit from the sun's side."""
    x, y = foot
    trunk = hex_rgb("#5B4A3F")
    draw.rectangle([x - height * 0.035, y - height * 0.5, x + height * 0.035, y + height * 0.04], fill=trunk)
    green = hex_rgb(rng.choice(TREE_GREENS))
    r = height * 0.34
    cy = y - height * 0.64
    draw.ellipse([x - r, cy - r * 1.05, x + r, cy + r * 1.05], fill=green)
    light = mix(green, hex_rgb("#E9D79A"), 0.28)
    draw.ellipse([x - r * 0.15, cy - r * 0.95, x + r * 0.85, cy + r * 0.45], fill=light)
    draw.ellipse([x - r * 0.05, cy - r * 0.55, x + r * 0.55, cy + r * 0.1], fill=mix(light, green, 0.35))


def cypress(draw: ImageDraw.ImageDraw, foot: Point, height: float) -> None:
    """A slim cypress: a tall flame of dark green with a lit edge on the sun's side."""
    x, y = foot
    half = height * 0.13
    steps = [i / 24 for i in range(25)]

    def edge(reach: float) -> list[Point]:
        return [(x + half * reach * math.sin(math.pi * t**0.8), y - height * t) for t in steps]

    draw.polygon(edge(1.0) + edge(-1.0)[::-1], fill=hex_rgb("#3E5A40"))
    draw.polygon(edge(0.9) + edge(0.35)[::-1], fill=hex_rgb("#58744F"))


def bird(draw: ImageDraw.ImageDraw, center: Point, span: float, tilt: float) -> None:
    """A far-off bird: two shallow arcs meeting at the body."""
    cx, cy = center
    colour = hex_rgb(INK) + (210,)
    for side in (-1, 1):
        tip = (cx + side * span / 2, cy - span * (0.12 + side * tilt))
        wing = bezier([(cx, cy), (cx + side * span * 0.18, cy - span * 0.28), tip], 24)
        polyline(draw, wing, colour, span * 0.07, taper=0.35)


def winding_path(size: tuple[int, int], end: Point) -> Image.Image:
    """The footpath: broad at the bottom edge, narrowing in perspective as it winds up to ``end``.

    Drawn as a trail of flattened discs, so its edges stay smooth on the tight bends."""
    w, h = size
    ex, ey = end
    centre = bezier([(w * 0.50, h * 1.05), (w * 0.55, h * 0.94), (w * 0.40, h * 0.87),
                     (w * 0.47, h * 0.80), (ex, ey)], 700)
    path, draw = layer(size)
    for colour, drop in (("#CDB690", 0.004), ("#E8D3AE", 0.0)):
        for i, (x, y) in enumerate(centre):
            t = i / (len(centre) - 1)
            half = w * (0.055 * (1 - t) ** 1.8 + 0.0025)
            squash = 0.5 + 0.3 * (1 - t)
            y += h * drop * (1 - t)
            draw.ellipse([x - half, y - half * squash, x + half, y + half * squash], fill=hex_rgb(colour))
    return path


def cottage(draw: ImageDraw.ImageDraw, foot: Point, height: float) -> None:
    """A small white farmhouse with a terracotta roof and a chimney, sun on its gable."""
    x, y = foot
    wall, shade, roof = hex_rgb("#FBF1E4"), hex_rgb("#E2D2C0"), hex_rgb("#B9674B")
    body_w, body_h = height * 1.3, height * 0.55
    left, right, top = x - body_w / 2, x + body_w / 2, y - body_h
    draw.rectangle([left, top, right, y], fill=wall)
    draw.rectangle([left, top, left + body_w * 0.28, y], fill=shade)
    draw.rectangle([right - body_w * 0.24, top - height * 0.42, right - body_w * 0.14, top],
                   fill=hex_rgb("#8E4B38"))
    draw.polygon([(left - height * 0.08, top + height * 0.02), (left + body_w * 0.22, top - height * 0.38),
                  (right - body_w * 0.05, top - height * 0.38), (right + height * 0.08, top + height * 0.02)],
                 fill=roof)
    for wx in (0.48, 0.74):
        cx = left + body_w * wx
        draw.rectangle([cx - height * 0.07, top + body_h * 0.3, cx + height * 0.07, top + body_h * 0.62],
                       fill=hex_rgb("#6B5560"))
    door = hex_rgb("#8E6B55")
    draw.rectangle([left + body_w * 0.08, top + body_h * 0.42, left + body_w * 0.2, y], fill=door)


def wildflower(draw: ImageDraw.ImageDraw, head: Point, size: float, colour: str, rng: random.Random) -> None:
    """A meadow flower on its stem: five round petals and a golden heart."""
    x, y = head
    stem_foot = (x + rng.uniform(-1, 1) * size * 0.6, y + size * rng.uniform(3.5, 5.5))
    stem = bezier([stem_foot, (x + rng.uniform(-1, 1) * size, (y + stem_foot[1]) / 2), (x, y)], 30)
    polyline(draw, stem, hex_rgb("#456345"), size * 0.16, taper=0.6)
    turn = rng.uniform(0, math.pi)
    petal = hex_rgb(colour)
    for k in range(5):
        a = turn + k * 2 * math.pi / 5
        px, py = x + math.cos(a) * size * 0.55, y + math.sin(a) * size * 0.42
        r = size * 0.42
        draw.ellipse([px - r, py - r * 0.85, px + r, py + r * 0.85], fill=petal)
    r = size * 0.24
    draw.ellipse([x - r, y - r, x + r, y + r], fill=hex_rgb("#C98F2E") if colour != "#F2CC8F" else
                 hex_rgb("#B0672E"))


def meadow(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Grasses, leaves and wildflowers along the bottom edge, thickest in the corners."""
    w, h = size
    art, draw = layer(size)
    grasses = [hex_rgb(c) + (255,) for c in ("#3F5E40", "#557553", "#6C8A5E", "#8CA26F")]
    for _ in range(260):
        corner = rng.random()
        x = rng.uniform(-0.02, 0.30) * w if corner < 0.45 else (
            rng.uniform(0.70, 1.02) * w if corner < 0.9 else rng.uniform(0.3, 0.7) * w)
        foot = (x, h * 1.02)
        tall = h * rng.uniform(0.06, 0.17) * (0.6 if 0.3 * w < x < 0.7 * w else 1.0)
        lean = rng.uniform(-0.35, 0.35)
        blade = bezier([foot, (x + lean * tall * 0.3, foot[1] - tall * 0.6),
                        (x + lean * tall, foot[1] - tall)], 20)
        polyline(draw, blade, rng.choice(grasses), w * rng.uniform(0.0025, 0.004), taper=0.15)
    for _ in range(26):
        side = rng.random() < 0.5
        x = rng.uniform(0.0, 0.27) * w if side else rng.uniform(0.73, 1.0) * w
        draw_leaf(draw, (x, h * 1.02), -math.pi / 2 + rng.uniform(-0.6, 0.6), h * rng.uniform(0.08, 0.14),
                  h * 0.022, hex_rgb(rng.choice(("#4B6B49", "#5F7F58"))), bend=rng.uniform(-0.5, 0.5))
    for _ in range(34):
        side = rng.random()
        x = rng.uniform(0.01, 0.26) * w if side < 0.5 else rng.uniform(0.74, 0.99) * w
        y = h * rng.uniform(0.86, 0.96)
        wildflower(draw, (x, y), w * rng.uniform(0.008, 0.013), rng.choice(FLOWERS), rng)
    for _ in range(40):  # small buds and seed heads in between
        x = rng.uniform(0.0, 1.0) * w
        if 0.36 * w < x < 0.62 * w:
            continue
        y = h * rng.uniform(0.88, 0.99)
        r = w * rng.uniform(0.0025, 0.004)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=hex_rgb(rng.choice(FLOWERS)) + (230,))
    return art


def front(slug: str) -> None:
    """The full-bleed landscape, with the upper sky kept clear for the greeting."""
    size, base = panel_canvas(FORMAT, SKY)
    w, h = base.size
    rng = random.Random(148105)
    sun = (w * 0.71, h * 0.515)
    glow(base, sun, w * 0.30, "#FBE3BE", 150)
    glow(base, sun, w * 0.14, "#FCE7C4", 200)
    clouds, draw = tinted_layer((w, h), "#FFF7EE")
    for cx, cy, cw in ((0.15, 0.40, 0.22), (0.86, 0.35, 0.20), (0.52, 0.455, 0.16), (0.95, 0.47, 0.12)):
        cloud(draw, (w * cx, h * cy), w * cw, rng)
    base.alpha_composite(clouds.filter(ImageFilter.GaussianBlur(w * 0.004)))
    disc, draw = tinted_layer((w, h), "#F7CF86")
    r = w * 0.062
    draw.ellipse([sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r], fill=hex_rgb("#F7CF86") + (255,))
    base.alpha_composite(disc.filter(ImageFilter.GaussianBlur(w * 0.0015)))
    flock, draw = layer((w, h))
    for bx, by, span in ((0.80, 0.395, 0.02), (0.835, 0.37, 0.016), (0.855, 0.405, 0.013),
                         (0.26, 0.47, 0.012)):
        bird(draw, (w * bx, h * by), w * span, rng.uniform(-0.06, 0.06))
    base.alpha_composite(flock)
    ridges = [ridge(w, h, top, wave, rng) for top, wave, _, _ in HILLS]
    path = winding_path((w, h), (w * 0.56, ridges[3](w * 0.56) + h * 0.012))
    for k, (y_at, (top, _, top_colour, foot_colour)) in enumerate(zip(ridges, HILLS, strict=True)):
        mask = lay_hill(base, y_at, top_colour, foot_colour)
        if k == 2:  # a row of cypresses and round trees along the middle ridge
            trees, draw = layer((w, h))
            for tx, scale in ((0.08, 0.8), (0.11, 1.0), (0.135, 0.7), (0.83, 0.9), (0.86, 0.65)):
                cypress(draw, (w * tx, y_at(w * tx) + h * 0.01), h * 0.11 * scale)
            for tx, scale in ((0.33, 0.8), (0.37, 0.6), (0.93, 0.75)):
                round_tree(draw, (w * tx, y_at(w * tx) + h * 0.008), h * 0.075 * scale, rng)
            cottage(draw, (w * 0.575, y_at(w * 0.575) + h * 0.022), h * 0.045)
            round_tree(draw, (w * 0.615, y_at(w * 0.615) + h * 0.02), h * 0.06, rng)
            shadow_under(base, trees, (w * 0.002, h * 0.002), w * 0.002, 40)
        if k == 3:
            trees, draw = layer((w, h))
            for tx, scale in ((0.17, 1.0), (0.215, 0.75), (0.70, 1.1), (0.745, 0.8)):
                round_tree(draw, (w * tx, y_at(w * tx) + h * 0.012), h * 0.12 * scale, rng)
            shadow_under(base, trees, (w * 0.003, h * 0.003), w * 0.003, 50)
            far_path = Image.new("RGBA", (w, h), (0, 0, 0, 0))
            far_path.paste(path, (0, 0), mask)
            base.alpha_composite(far_path)
        if k == 4:
            near_path = Image.new("RGBA", (w, h), (0, 0, 0, 0))
            near_path.paste(path, (0, 0), mask)
            base.alpha_composite(near_path)
        if k < len(HILLS) - 1:
            haze(base, top * h + h * 0.02, h * 0.05, "#F6E2CF", 70 - 12 * k)
    shadow_under(base, meadow((w, h), rng), (w * 0.002, -h * 0.002), w * 0.003, 60)
    save(paper_grain(base, 6), size, slug, "front.jpg")


def dashes(draw: ImageDraw.ImageDraw, a: Point, b: Point, colour: RGB | tuple[int, ...], width: float,
           dash: float, gap: float) -> None:
    """A dashed straight line from ``a`` to ``b``."""
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    at = 0.0
    while at < length:
        end = min(at + dash, length)
        draw.line([(a[0] + ux * at, a[1] + uy * at), (a[0] + ux * end, a[1] + uy * end)],
                  fill=colour, width=max(1, round(width)))
        at = end + gap


def back(slug: str) -> None:
    """The back's furniture at the trimmed panel size, placed in mm on the 148 × 105 card to
    match the text boxes of template.toml: the divider at 74 mm, the stamp box at top right
    (its "PLACE STAMP HERE" is a text box)."""
    size = panel_pixels(FORMAT, bleed=False)
    bw, bh = big(size)
    art, draw = layer((bw, bh))
    px = bw / 148  # supersampled pixels per mm

    line = hex_rgb(INK) + (150,)
    rule = px * 0.28
    draw.line([(74 * px, 14 * px), (74 * px, 95 * px)], fill=line, width=round(rule))
    # a small sun over two hills where the divider starts, echoing the front
    cx, cy = 74 * px, 10 * px
    r = 2.3 * px
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=hex_rgb("#F2C47A") + (255,))
    for dx, lift, colour in ((-1.6, 0.2, "#A7B693"), (1.8, -0.4, "#7F9A70")):
        hill = bezier([(cx + (dx - 3.2) * px, cy + 2.4 * px), (cx + dx * px, cy + (lift - 1.2) * px),
                       (cx + (dx + 3.2) * px, cy + 2.4 * px)], 40)
        draw.polygon(hill, fill=hex_rgb(colour) + (255,))

    # the stamp box: a dashed frame with a fine solid frame inside it
    x0, y0, x1, y1 = 117 * px, 8 * px, 138 * px, 33 * px
    stamp = hex_rgb(INK) + (170,)
    for a, b in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
        dashes(draw, a, b, stamp, rule, 1.4 * px, 0.9 * px)
    inset = 1.3 * px
    draw.rounded_rectangle([x0 + inset, y0 + inset, x1 - inset, y1 - inset], radius=0.8 * px,
                           outline=hex_rgb(INK) + (90,), width=max(1, round(rule * 0.7)))
    save(art, size, slug, "back.png")


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    front(slug)
    back(slug)
