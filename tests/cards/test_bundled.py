"""The bundled collection: every template loads, fills and renders its sample without overflow."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from studio.cards import (
    bundled_templates_dir,
    card_context,
    fill_card,
    find_templates,
    load_sample,
    load_template,
    save_template,
)
from studio.model import Contact, Sender
from studio.render.cards import render_cards
from studio.render.formats import card_format
from studio.settings import Settings

CATALOG = find_templates(None)
IDS = sorted(CATALOG.templates)


def test_the_collection_is_complete_and_healthy() -> None:
    assert not CATALOG.broken, [p for e in CATALOG.broken for p in e.problems]
    assert len(IDS) >= 11 and {"holiday-snow", "thinking-of-you", "thank-you-postcard", "birthday-photo",
                               "thank-you-photo"} <= set(IDS)
    occasions = {o for t in CATALOG.templates.values() for o in t.occasions}
    assert {"thank-you", "birthday", "christmas", "new-year", "thanksgiving", "customer-anniversary",
            "welcome", "thinking-of-you"} <= occasions
    formats = {t.format for t in CATALOG.templates.values()}
    assert "a2-folded" in formats and formats & {"5x7-folded", "5x7-flat"}
    assert {"4x6-postcard", "a6-postcard"} <= formats  # US and European postcards
    fonts = {box.font for t in CATALOG.templates.values() for p in t.panels for box in p.texts}
    assert fonts == {"serif", "sans", "script", "handwriting"}


@pytest.mark.parametrize("template_id", IDS)
def test_sample_renders_without_overflow(template_id: str, tmp_path: Path) -> None:
    template = CATALOG.templates[template_id]
    layout = fill_card(template, load_sample(template))
    out = tmp_path / f"{template_id}.pdf"
    notes = render_cards([layout], out)
    assert [str(n) for n in notes if n.status == "overflow"] == []
    text = " ".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "Dear Z" in text and "None" not in text


@pytest.mark.parametrize("template_id", IDS)
def test_a_contact_with_nothing_but_a_name_gets_a_sensible_card(template_id: str) -> None:
    template = CATALOG.templates[template_id]
    settings = Settings(sender=Sender())  # not even the sender is set up yet
    for contact in (Contact(), Contact(given_name="Jo")):
        card = card_context(contact, settings, today=dt.date(2026, 12, 1), kind=template.occasions[0])
        layout = fill_card(template, card)
        for panel in layout.panels.values():
            for box in panel.texts:
                assert "None" not in box.text and "Dear ," not in box.text, (panel.name, box.name, box.text)
                assert " ," not in box.text and "<br/><br/>" not in box.text, (panel.name, box.name, box.text)


@pytest.mark.parametrize("template_id", IDS)
def test_artwork_is_print_quality_and_modest(template_id: str) -> None:
    template = CATALOG.templates[template_id]
    card = card_format(template.format)
    for (_panel, index), path in template.compiled.images.items():
        spec = next(p for p in template.panels if p.name == _panel).images[index]
        width_mm = spec.width or card.width_mm
        with Image.open(path) as image:
            dpi = image.width / (width_mm / 25.4)
        assert dpi >= 290, f"{path.name} is only {dpi:.0f} dpi at its printed size"
        assert path.stat().st_size < 600_000, f"{path.name} is {path.stat().st_size // 1024} KB"


def test_save_template_round_trips(tmp_path: Path) -> None:
    original = CATALOG.templates["new-year-sparkle"]
    copy = dataclasses.replace(original, compiled=None)
    saved = save_template(copy, tmp_path / "my-new-year")
    assert saved.folder == tmp_path / "my-new-year"
    assert dataclasses.replace(saved, folder=None, source="", compiled=None) == \
        dataclasses.replace(original, folder=None, source="", compiled=None)
    assert sorted(p.name for p in saved.folder.iterdir()) == sorted(p.name for p in original.folder.iterdir())
    again = load_template(tmp_path / "my-new-year")

    def texts(template) -> list[tuple[str, str]]:
        layout = fill_card(template, load_sample(template))
        return [(box.name, box.text) for panel in layout.panels.values() for box in panel.texts]

    assert texts(again) == texts(original)


def test_bundled_folder_is_where_the_catalog_looks() -> None:
    assert (bundled_templates_dir() / "holiday-snow" / "template.toml").is_file()


@pytest.mark.parametrize(("template_id", "source"), [("birthday-photo", "contact.photo"),
                                                     ("thank-you-photo", "sender.photo")])
def test_the_photo_cards_preview_with_a_photo_and_print_without_one(template_id: str, source: str) -> None:
    template = CATALOG.templates[template_id]
    assert source in {i.source for p in template.panels for i in p.images}
    sample = load_sample(template)
    [photo] = [box for box in fill_card(template, sample).panels["front"].images if box.photo]
    assert photo.fit == ("circle" if source == "contact.photo" else "cover")
    bare = dataclasses.replace(sample, contact=Contact(given_name="Jo", birthday=sample.contact.birthday),
                               sender=Sender(name="Maya"))
    layout = fill_card(template, bare)
    assert not any(box.photo for box in layout.panels["front"].images)
    assert layout.panels["front"].texts  # the rest of the card prints
