"""A template's ``openings``: first lines the message queue offers, filled for each person."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.cards import (
    TemplateError,
    bundled_templates_dir,
    card_context,
    load_template,
    save_template,
    suggested_openings,
)
from studio.model import Contact, PartialDate
from studio.settings import Settings
from tests.cards.conftest import MINIMAL

OPENINGS = '''openings = [
    "Happy birthday, {{ contact|friendly }}!",
    "{% if contact.birthday.age %}{{ contact.birthday.age }} suits you.{% endif %}",
    "<b>Fish</b> &amp; chips",
]

[[panels]]'''


def _card(template, contact: Contact):
    return card_context(contact, Settings(), today=dt.date(2026, 12, 7), kind=template.occasions[0])


def test_openings_are_filled_for_each_person_as_plain_text(write_template) -> None:
    template = load_template(write_template(MINIMAL.replace("[[panels]]", OPENINGS, 1)))
    anna = Contact(given_name="Anna", birthday=PartialDate(12, 20, 1986))
    assert suggested_openings(template, _card(template, anna)) == [
        "Happy birthday, Anna!", "40 suits you.", "Fish & chips"]
    no_year = Contact(given_name="Ben", birthday=PartialDate(12, 20))
    assert suggested_openings(template, _card(template, no_year)) == [
        "Happy birthday, Ben!", "Fish & chips"]


def test_a_broken_opening_names_its_line(write_template) -> None:
    folder = write_template(MINIMAL.replace("[[panels]]", OPENINGS.replace("suits you.", "suits {{ you"), 1))
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    (problem,) = caught.value.problems
    lines = (folder / "template.toml").read_text().splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("openings = ["))
    assert problem == (f"{folder / 'template.toml'}:{line}: "
                       f"A field is not closed: add }}}} after “you” on line {line}.")


def test_saving_a_template_keeps_its_openings(write_template, tmp_path) -> None:
    template = load_template(write_template(MINIMAL.replace("[[panels]]", OPENINGS, 1)))
    assert save_template(template, tmp_path / "mine").openings == template.openings


def test_every_bundled_template_offers_openings() -> None:
    for folder in sorted(p for p in bundled_templates_dir().iterdir() if p.is_dir()):
        template = load_template(folder)
        assert len(template.openings) >= 3, template.id
