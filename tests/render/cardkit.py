"""Card-test helpers: artwork made on the spot and hand-built card layouts."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from studio.render.formats import card_format
from studio.render.layout import CardLayout, ImageBox, PanelContent, TextBox


def make_artwork(folder: Path) -> Path:
    """A 900×1200 JPEG: sky-blue with a sun, a white bar along its top edge."""
    path = folder / "art.jpg"
    image = Image.new("RGB", (900, 1200), "#2a6f97")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 900, 80], fill="#ffffff")
    draw.ellipse([200, 300, 700, 800], fill="#f4d35e")
    image.save(path, quality=85)
    return path


def make_card(format_id: str, name: str, artwork: Path | None = None, *,
              message: str | None = None) -> CardLayout:
    """A representative card: artwork and a title on the front, greeting and message inside
    (folded) or on the back (flat), a line on the back of folded cards."""
    card = card_format(format_id)
    width, height = card.width_mm, card.height_mm
    front = PanelContent("front", texts=[TextBox("title", 8, height - 30, width - 16, 20, "FRONT TITLE",
                                                 font="sans", size=16)])
    if artwork is not None:
        front.images.append(ImageBox("art", 0, 0, width, height, artwork, bleed=True))
    message = message or "Thank you for being with us. We hope you have a wonderful day."
    greeting = TextBox("greeting", 8, 10, width - 16, 18, f"Dear {name},", font="script", size=22,
                       min_size=12)
    body = TextBox("message", 8, 32, width - 16, height - 50, message, size=12, min_size=7)
    panels = {"front": front}
    if card.folded:
        panels["inside"] = PanelContent("inside", texts=[greeting, body])
        panels["inside-cover"] = PanelContent("inside-cover", texts=[
            TextBox("quote", 10, 10, width - 20, 20, "COVER QUOTE", font="serif", size=12)])
        panels["back"] = PanelContent("back", texts=[
            TextBox("brand", 10, height - 20, width - 20, 10, "BACK LINE", font="sans", size=9)])
    else:
        panels["back"] = PanelContent("back", texts=[greeting, body])
    return CardLayout(format_id, panels, label=name)
