"""Draw the artwork of the bundled card templates (templates/cards/<slug>/*.jpg|png).

    .venv/bin/python tools/make_artwork.py                      # every template
    .venv/bin/python tools/make_artwork.py holiday-snow          # just these

Everything is drawn here with Pillow: no stock images. Each template's pictures are made
by its module in tools/designs/, from the canvas (tools/artwork_canvas.py) and the shapes
(tools/artwork_shapes.py). Full-panel pictures are sized for 300 dpi at the panel plus the
format's bleed on every side, and saved as JPEG (soft gradients stay small); ornaments
with transparency are PNG. Random placement uses fixed seeds, so running the script again
gives the same pictures, byte for byte. The PNGs and JPEGs are committed; rerun after
changing a design.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from designs import DESIGNS  # noqa: E402


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
