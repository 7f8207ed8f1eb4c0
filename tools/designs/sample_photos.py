"""Made-up portraits for the samples of the photo templates: no stock photos, no real
people. A head and shoulders on a soft background, taller than wide like a phone
portrait, so the preview shows the face-safe crop (the upper third kept, not the centre)."""

from __future__ import annotations

from artwork_canvas import TEMPLATES, gradient, hex_rgb, layer, mix, paper_grain
from PIL import Image, ImageFilter

SIZE = (900, 1200)  # 3:4, as a phone takes a portrait


def portrait(slug: str, name: str, *, backdrop: tuple[str, str], skin: str, hair: str, top: str,
             long_hair: bool) -> None:
    """Draw a portrait into templates/cards/<slug>/<name> (a JPEG like a phone's)."""
    w, h = SIZE
    base = gradient(SIZE, [(0, backdrop[0]), (1, backdrop[1])])
    cx, head_y, head_r = w * 0.5, h * 0.36, w * 0.17
    art, draw = layer(SIZE)
    if long_hair:  # hair falling behind the shoulders
        back = [cx - head_r * 1.25, head_y - head_r * 1.1, cx + head_r * 1.25, head_y + head_r * 2.1]
        draw.rounded_rectangle(back, radius=head_r, fill=hex_rgb(hair))
    draw.ellipse([cx - w * 0.44, h * 0.57, cx + w * 0.44, h * 1.2], fill=hex_rgb(top))  # shoulders
    draw.rectangle([cx - head_r * 0.38, head_y + head_r * 0.6, cx + head_r * 0.38, h * 0.62],
                   fill=mix(hex_rgb(skin), (90, 50, 30), 0.12))  # neck
    face = [cx - head_r, head_y - head_r * 1.15, cx + head_r, head_y + head_r * 1.15]
    draw.ellipse(face, fill=hex_rgb(skin))
    draw.chord([cx - head_r * 1.08, head_y - head_r * 1.3, cx + head_r * 1.08, head_y + head_r * 0.5],
               180, 360, fill=hex_rgb(hair))  # the hair's crown
    eye = mix(hex_rgb(hair), (20, 20, 20), 0.5)
    for side in (-1, 1):
        ex = cx + side * head_r * 0.38
        draw.ellipse([ex - head_r * 0.08, head_y + head_r * 0.05, ex + head_r * 0.08, head_y + head_r * 0.21],
                     fill=eye)
    draw.arc([cx - head_r * 0.36, head_y + head_r * 0.2, cx + head_r * 0.36, head_y + head_r * 0.7], 20, 160,
             fill=mix(hex_rgb(skin), (150, 40, 50), 0.45), width=max(2, round(head_r * 0.06)))  # a smile
    shadow = art.getchannel("A").filter(ImageFilter.GaussianBlur(w * 0.03)).point(lambda a: a * 60 // 255)
    under = Image.new("RGBA", SIZE, (30, 30, 40, 0))
    under.putalpha(shadow)
    base.alpha_composite(under, (round(w * 0.02), round(w * 0.015)))
    base.alpha_composite(art)
    target = TEMPLATES / slug / name
    paper_grain(base, 8).convert("RGB").save(target, "JPEG", quality=84, optimize=True)
    print(f"{target.relative_to(TEMPLATES.parent.parent)}  {w}×{h}  {target.stat().st_size // 1024} KB")
