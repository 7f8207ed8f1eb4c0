"""Happy birthday with their photo (birthday-photo): the contact's photo in a gold ring
among confetti."""

from __future__ import annotations

import random

from artwork_canvas import (
    DPI,
    SS,
    hex_rgb,
    layer,
    ornament_canvas,
    panel_canvas,
    paper_grain,
    save,
    shadow_under,
)
from artwork_shapes import confetti

from designs.sample_photos import portrait
from studio.render.formats import card_format

PALETTE = ("#F28C7C", "#F2C14E", "#3FA7A3", "#B79CD9", "#F4A7B9")
# The photo circle of template.toml: 64 mm across, its centre 53.975 mm in and 48 mm down.
CENTRE_MM, RADIUS_MM = (53.975, 48.0), 32.0


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded", [(0, "#FFF1E8"), (0.6, "#FFF8F1"), (1, "#FFFBF6")])
    w, h = base.size
    bleed = card_format("a2-folded").bleed_mm
    px = DPI / 25.4 * SS  # supersampled pixels per mm
    cx, cy = (CENTRE_MM[0] + bleed) * px, (CENTRE_MM[1] + bleed) * px
    rng = random.Random(11)
    art, draw = layer((w, h))
    keep_clear = RADIUS_MM * px * 1.18
    # Above the greeting (from 90 mm down) and below the name (to 126 mm): the text stays clear.
    confetti(draw, rng, (0, 0, w, (88 + bleed) * px), 150, PALETTE, w * 0.02,
             avoid=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2 < keep_clear ** 2)
    confetti(draw, rng, (0, (128 + bleed) * px, w, h), 26, PALETTE, w * 0.018)
    base.alpha_composite(art)
    ring, ring_draw = layer((w, h))
    outer, inner = (RADIUS_MM + 2.2) * px, (RADIUS_MM - 0.4) * px
    ring_draw.ellipse([cx - outer, cy - outer, cx + outer, cy + outer], fill=hex_rgb("#D9A441"))
    # Blush inside the ring: a card to a contact without a photo shows a medallion, not a hole.
    ring_draw.ellipse([cx - inner, cy - inner, cx + inner, cy + inner], fill=hex_rgb("#FBE6DF"))
    shadow_under(base, ring, (w * 0.004, w * 0.006), w * 0.008, 70)
    save(paper_grain(base, 5), size, slug, "front.jpg")

    size, dots, dots_draw = ornament_canvas(30, 8)
    confetti(dots_draw, random.Random(5), (0, 0, dots.width, dots.height), 16, PALETTE, dots.height * 0.3)
    save(dots, size, slug, "confetti.png")
    portrait(slug, "sample-photo.jpg", backdrop=("#CFE3E8", "#9FC3CC"), skin="#E8B98F", hair="#5A3A2A",
             top="#D9705F", long_hair=True)
