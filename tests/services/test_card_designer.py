"""The card designer's use cases at service level: fill an edited template, render a panel, save it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pypdf
import pytest

from studio.cards import TemplateError
from studio.model import Contact
from studio.paths import AppPaths
from studio.render.formats import card_format
from studio.services import cards
from studio.settings import Settings

TODAY = dt.date(2026, 11, 20)
TEMPLATE = "thank-you-order"  # its inside says "Dear <first name>"


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "unused.sqlite3")


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_designer_fill_for_a_contact_renders_their_name_and_the_typed_message(paths) -> None:
    template = cards.editable_copy(cards.get_template(paths, TEMPLATE))
    contact = Contact(display_name="Rosa Delgado", given_name="Rosa", family_name="Delgado")
    layout = cards.designer_fill(template, contact=contact, settings=Settings(), today=TODAY,
                                 message="See you at the spring open house")
    pdf, notes = cards.panel_pdf(layout, "inside")
    text = _text(pdf)
    assert "Rosa" in text
    assert "spring open house" in text
    assert notes == []  # a short message fits at its size
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    card = card_format(template.format)
    assert float(page.mediabox.width) == pytest.approx(card.width_mm / 25.4 * 72, abs=1)


def test_designer_fill_without_a_contact_uses_the_sample_and_the_message(paths) -> None:
    template = cards.editable_copy(cards.get_template(paths, TEMPLATE))
    layout = cards.designer_fill(template, contact=None, settings=Settings(), today=TODAY,
                                 message="A message typed in the designer")
    pdf, _ = cards.panel_pdf(layout, "inside")
    assert "typed in the designer" in _text(pdf)


def test_an_edit_in_the_designer_shows_in_the_preview_and_not_in_the_original(paths) -> None:
    original = cards.get_template(paths, TEMPLATE)
    template = cards.editable_copy(original)
    assert template is not original and template.compiled is None
    front = next(panel for panel in template.panels if panel.name == "front")
    box = next(text for text in front.texts if text.text)
    box.text = "Edited greeting"
    layout = cards.designer_fill(template, contact=None, settings=Settings(), today=TODAY, message=None)
    assert "Edited greeting" in _text(cards.panel_pdf(layout, "front")[0])
    untouched = next(t for p in original.panels for t in p.texts if p.name == "front" and t.name == box.name)
    assert untouched.text != "Edited greeting"


def test_sample_front_pdf_is_the_front_panel_and_the_card_width(paths) -> None:
    template = cards.get_template(paths, TEMPLATE)
    pdf, width_mm = cards.sample_front_pdf(template)
    assert width_mm == card_format(template.format).width_mm
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1


def test_save_user_template_writes_a_folder_that_lists_as_the_users(paths) -> None:
    template = cards.editable_copy(cards.get_template(paths, TEMPLATE))
    saved = cards.save_user_template(paths, template, template_id="my-thanks", name="My thanks",
                                     default_message="  Thanks a million!  ")
    assert saved.id == "my-thanks" and saved.source == "user"
    assert (paths.user_templates_dir / "my-thanks" / "template.toml").is_file()
    listed = {t.id: t for t in cards.list_templates(paths).templates}
    assert listed["my-thanks"].name == "My thanks"
    assert listed["my-thanks"].message == "Thanks a million!"
    assert listed[TEMPLATE].source == "bundled"  # the original is untouched


def test_designer_fill_of_a_broken_edit_raises_template_error(paths) -> None:
    template = cards.editable_copy(cards.get_template(paths, TEMPLATE))
    broken = dataclasses.replace(template, format="no-such-format")
    with pytest.raises(TemplateError) as caught:
        cards.designer_fill(broken, contact=None, settings=Settings(), today=TODAY, message=None)
    assert "no-such-format" in str(caught.value)


def test_a_message_too_long_for_its_box_is_flagged_in_the_fit_notes(paths) -> None:
    template = cards.editable_copy(cards.get_template(paths, TEMPLATE))
    layout = cards.designer_fill(template, contact=None, settings=Settings(), today=TODAY,
                                 message="Thank you for everything. " * 200)
    _, notes = cards.panel_pdf(layout, "inside")
    assert notes and all(note.status in ("shrunk", "overflow") for note in notes)
    assert any(note.status == "overflow" for note in notes)
