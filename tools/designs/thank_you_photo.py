"""Thank you, with your photo (thank-you-photo): the sender's photo as a print with a white
border, eucalyptus in the corners."""

from __future__ import annotations

import random
import shutil

from artwork_canvas import DPI, SS, TEMPLATES, hex_rgb, layer, panel_canvas, paper_grain, save, shadow_under
from PIL import Image

from designs.sample_photos import portrait
from designs.thank_you_order import eucalyptus_corner
from studio.render.formats import card_format

# The photo box of template.toml (mm from the panel's top-left) and the print's white border.
PHOTO_MM = (22.0, 16.0, 63.95, 72.0)
BORDER_MM = 3.0


def make(slug: str) -> None:
    """Draw this template's pictures into its folder."""
    size, base = panel_canvas("a2-folded", [(0, "#F6F3EA"), (1, "#EEE9DC")])
    w, h = base.size
    bleed = card_format("a2-folded").bleed_mm
    px = DPI / 25.4 * SS
    rng = random.Random(17)
    eucalyptus_corner(base, (-w * 0.04, -h * 0.03), False, rng)  # behind the print, peeking out
    # A smaller sprig in the opposite corner, clear of the "Thank you" above it.
    small = Image.new("RGBA", (round(w * 0.5), round(h * 0.5)), (0, 0, 0, 0))
    eucalyptus_corner(small, (small.width * 1.04, small.height * 1.03), True, rng)
    base.alpha_composite(small, (w - small.width, h - small.height))
    x, y, pw, ph = PHOTO_MM
    frame, draw = layer((w, h))
    border = [(x - BORDER_MM + bleed) * px, (y - BORDER_MM + bleed) * px,
              (x + pw + BORDER_MM + bleed) * px, (y + ph + BORDER_MM + bleed) * px]
    draw.rectangle(border, fill=hex_rgb("#FFFFFF"))
    draw.rectangle([(x + bleed) * px, (y + bleed) * px, (x + pw + bleed) * px, (y + ph + bleed) * px],
                   fill=hex_rgb("#E4E0D6"))  # where the photo goes: a soft grey until one is printed
    shadow_under(base, frame, (w * 0.006, w * 0.009), w * 0.01, 80)
    save(paper_grain(base, 6), size, slug, "front.jpg")
    # The inside and back wear the sprig of the order thank-you, the same family of cards.
    shutil.copyfile(TEMPLATES / "thank-you-order" / "sprig.png", TEMPLATES / slug / "sprig.png")
    portrait(slug, "sample-photo.jpg", backdrop=("#F2E6D0", "#D8C7A8"), skin="#C68A62", hair="#2E2320",
             top="#4F6B52", long_hair=False)
