"""Photo boxes in template.toml: the sources, fit and focus keys, checked and filled."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from studio.cards import card_context, fill_card, load_template, save_template
from studio.cards.errors import TemplateError
from studio.model import Contact, Sender
from studio.settings import Settings
from tests.cards.conftest import MINIMAL

TODAY = dt.date(2026, 3, 1)


def with_photo(box: str) -> str:
    """MINIMAL with an image box (TOML lines) on the front panel."""
    return MINIMAL.replace('[[panels.texts]]\nname = "greeting"', f'[[panels.images]]\n{box}\n\n'
                           '[[panels.texts]]\nname = "greeting"', 1)


CONTACT_PHOTO = with_photo('name = "photo"\nsource = "contact.photo"\nx = 20\ny = 40\nwidth = 68\n'
                           'height = 68\nfit = "circle"\nfocus = [0.5, 0.25]')


def test_photo_sources_fill_from_the_contact_the_sender_and_the_run(write_template, tmp_path: Path) -> None:
    template = load_template(write_template(CONTACT_PHOTO))
    anna = Contact(id=1, given_name="Anna", family_name="Berg", photo=b"JPEG bytes", photo_type="image/jpeg")
    layout = fill_card(template, card_context(anna, Settings(), today=TODAY, kind="birthday"))
    [box] = layout.panels["front"].images
    assert (box.data, box.fit, box.focus, box.photo) == (b"JPEG bytes", "circle", (0.5, 0.25), True)
    assert (box.x, box.y, box.width, box.height) == (20, 40, 68, 68)
    assert box.described == "Anna Berg's photo"

    ben = Contact(id=2, given_name="Ben")  # no photo: the box is left out, the rest prints
    layout = fill_card(template, card_context(ben, Settings(), today=TODAY, kind="birthday"))
    assert layout.panels["front"].images == [] and layout.panels["front"].texts

    sender = load_template(write_template(with_photo('source = "sender.photo"\nx = 0\ny = 0\nwidth = 30'
                                                     '\nheight = 30'), folder="sender"))
    me = Settings(sender=Sender(name="Maya", photo=str(tmp_path / "me.jpg")))
    [box] = fill_card(sender, card_context(ben, me, today=TODAY, kind="birthday")).panels["front"].images
    assert box.path == tmp_path / "me.jpg" and box.data is None and box.photo

    run = load_template(write_template(with_photo('source = "mailing.photo"\nx = 0\ny = 0'), folder="run"))
    card = card_context(ben, Settings(), today=TODAY, kind="birthday", mailing_photo=str(tmp_path / "t.jpg"))
    [box] = fill_card(run, card).panels["front"].images
    assert box.path == tmp_path / "t.jpg"
    assert fill_card(run, dataclasses.replace(card, mailing_photo="")).panels["front"].images == []


def test_photo_keys_survive_a_save(write_template, tmp_path: Path) -> None:
    template = load_template(write_template(CONTACT_PHOTO))
    saved = save_template(dataclasses.replace(template, compiled=None), tmp_path / "copy")
    [image] = saved.panels[0].images
    assert (image.source, image.fit, image.focus) == ("contact.photo", "circle", (0.5, 0.25))


@pytest.mark.parametrize(("box", "message"), [
    ('source = "contact.picture"\nx = 0\ny = 0', "source 'contact.picture' must be one of"),
    ('source = "contact.photo"\nfit = "oval"\nx = 0\ny = 0',
     "fit 'oval' must be one of: cover, contain, circle"),
    ('source = "contact.photo"\nfocus = [0.5, 1.5]\nx = 0\ny = 0', "must be two numbers from 0 to 1"),
    ('source = "contact.photo"\nfocus = "top"\nx = 0\ny = 0', "'focus' must be two numbers like [0.5, 0.3]"),
    ('source = "contact.photo"\nfocus = [0.5]\nx = 0\ny = 0', "'focus' must be two numbers like [0.5, 0.3]"),
])
def test_photo_box_mistakes_name_the_line(write_template, box: str, message: str) -> None:
    with pytest.raises(TemplateError) as caught:
        load_template(write_template(with_photo(box)))
    assert message in str(caught.value)
    assert "template.toml:" in str(caught.value)
