"""A phone photo of a signature, made with Pillow: ink strokes on a tinted paper texture,
lit unevenly (a window on one side, a shadow in a corner), saved as a noisy JPEG."""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1000)
STROKE = 7


def signature_strokes() -> list[list[tuple[float, float]]]:
    """Three strokes in picture coordinates: a looped capital, a wave and an underline."""
    loop = [(300 + 120 * math.cos(t / 10) + t * 2, 480 + 160 * math.sin(t / 10)) for t in range(0, 63)]
    wave = [(520 + 14 * t, 520 + 60 * math.sin(t / 4)) for t in range(0, 50)]
    underline = [(320 + 18 * t, 700 + 0.05 * t * t) for t in range(0, 55)]
    return [loop, wave, underline]


def phone_photo(path: Path, seed: int = 7) -> Path:
    random.seed(seed)
    width, height = SIZE
    light = Image.linear_gradient("L").rotate(90).resize(SIZE)  # bright on the left: the window
    light = light.point(lambda v: 150 + v * 90 // 255)
    shadow = Image.new("L", SIZE, 0)
    ImageDraw.Draw(shadow).ellipse((1100, 600, 1900, 1300), fill=70)  # the phone's shadow
    shadow = shadow.filter(ImageFilter.GaussianBlur(120))
    paper = Image.merge("RGB", [light.point(lambda v, k=k: max(0, v - k)) for k in (0, 8, 22)])  # warm
    paper = Image.composite(Image.new("RGB", SIZE, (60, 55, 50)), paper, shadow)
    grain = Image.effect_noise(SIZE, 18).convert("RGB")
    paper = Image.blend(paper, grain, 0.06)
    draw = ImageDraw.Draw(paper)
    for stroke in signature_strokes():
        draw.line(stroke, fill=(38, 46, 92), width=STROKE, joint="curve")
    paper = paper.filter(ImageFilter.GaussianBlur(1.2))  # the phone's focus
    paper.save(path, "JPEG", quality=62)
    return path
