"""Filling a template for a contact: the CardLayout the renderer is handed."""

from __future__ import annotations

import datetime as dt

from studio.cards import (
    card_context,
    describe_missing,
    fill_card,
    fill_for_contact,
    load_template,
    missing_fields,
)
from studio.model import Address, Contact, PartialDate, Sender
from studio.render.layout import CardLayout
from studio.settings import Settings
from tests.cards.conftest import MINIMAL

TODAY = dt.date(2026, 3, 1)
BIRTHDAY = MINIMAL.replace('format = "a2-folded"', '''format = "a2-folded"
requires = ["contact.birthday"]
message = "Wishing you a wonderful year ahead, {{ contact|friendly }}."''')
INSIDE = """\
Dear {{ contact|friendly }},

{% if contact.birthday.age %}
Happy {{ contact.birthday.age|ordinal }} birthday on {{ occasion.date|date('day-month') }}!
{% else %}
Happy birthday on {{ occasion.date|date('day-month') }}!
{% endif %}

{{ message }}

{{ sender.signature|default('With best wishes') }}
"""


def settings() -> Settings:
    return Settings(sender=Sender(name="Maya Lindqvist", signature_line="Warmly, Maya"))


def body(layout: CardLayout) -> str:
    return layout.panels["inside"].texts[0].text


def test_fill_for_contact_builds_the_layout(write_template) -> None:
    template = load_template(write_template(BIRTHDAY, {"inside.j2": INSIDE}))
    zoe = Contact(id=7, given_name="Zoë", family_name="Ångström-Núñez", birthday=PartialDate(3, 31, 1986))
    layout = fill_for_contact(template, zoe, settings(), today=TODAY)
    assert layout.format_id == "a2-folded"
    assert layout.label == "Zoë Ångström-Núñez"
    assert list(layout.panels) == ["front", "inside"]
    greeting = layout.panels["front"].texts[0]
    assert (greeting.text, greeting.font, greeting.size, greeting.x, greeting.width) == \
        ("Happy birthday", "script", 36.0, 10.0, 88.0)
    assert body(layout) == ("Dear Zoë,\n\nHappy 40th birthday on March 31!\n\n"
                            "Wishing you a wonderful year ahead, Zoë.\n\nWarmly, Maya")


def test_names_in_any_script_and_markup_characters_print_literally(write_template) -> None:
    template = load_template(write_template(BIRTHDAY, {"inside.j2": INSIDE}))
    for contact, expected in [
        (Contact(given_name="小明", family_name="王", display_name="王小明"), "Dear 小明,"),
        (Contact(given_name="Анна", family_name="Смирнова"), "Dear Анна,"),
        (Contact(given_name="<b>Bob</b> & Co"), "Dear &lt;b&gt;Bob&lt;/b&gt; &amp; Co,"),
    ]:
        contact.birthday = PartialDate(5, 2)
        assert body(fill_for_contact(template, contact, settings(), today=TODAY)).startswith(expected)


def test_missing_data_never_prints_none_or_an_empty_dear(write_template) -> None:
    template = load_template(write_template(BIRTHDAY, {"inside.j2": INSIDE}))
    bare = Contact(birthday=PartialDate(3, 31), emails=[])
    text = body(fill_for_contact(template, bare, Settings(), today=TODAY))
    assert "None" not in text and "Dear ," not in text
    assert text == ("Dear friend,\n\nHappy birthday on March 31!\n\n"
                    "Wishing you a wonderful year ahead, friend.\n\nWith best wishes")


def test_a_contact_lacking_a_required_field_is_listed(write_template) -> None:
    template = load_template(write_template(BIRTHDAY, {"inside.j2": INSIDE}))
    without = Contact(given_name="Anna")
    card = card_context(without, settings(), today=TODAY, kind="birthday")
    assert missing_fields(template, card) == ["contact.birthday"]
    assert describe_missing(missing_fields(template, card)) == "lacks a birthday"
    with_birthday = Contact(given_name="Anna", birthday=PartialDate(1, 2))
    card = card_context(with_birthday, settings(), today=TODAY, kind="birthday")
    assert missing_fields(template, card) == []


def test_typed_message_replaces_the_default_and_keeps_line_breaks(write_template) -> None:
    template = load_template(write_template(BIRTHDAY, {"inside.j2": INSIDE}))
    anna = Contact(given_name="Anna", birthday=PartialDate(3, 31, 1990))
    layout = fill_for_contact(template, anna, settings(), today=TODAY,
                              message="See you at the <launch> party!\nBring Tom & Jo.\n\nCheers")
    assert ("See you at the &lt;launch&gt; party!<br/>Bring Tom &amp; Jo.\n\nCheers") in body(layout)
    assert "wonderful year" not in body(layout)


def test_occasion_years_and_address_are_in_the_context(write_template) -> None:
    inside = ("{{ occasion.name }} {{ occasion.years|years(words=true) }} "
              "{{ contact.customer_since.years }}|{{ contact.address.lines|br }}|{{ today|date }}")
    manifest = MINIMAL.replace('occasions = ["birthday"]', 'occasions = ["customer-anniversary"]')
    template = load_template(write_template(manifest, {"inside.j2": inside}))
    customer = Contact(given_name="Ruth", customer_since=PartialDate(3, 10, 2024),
                       addresses=[Address(street="1 Main St", city="Springfield", region="IL",
                                          postal_code="62704", country="USA")])
    card = card_context(customer, settings(), today=TODAY, kind="customer-anniversary")
    assert card.occasion.date == dt.date(2026, 3, 10)
    text = body(fill_card(template, card))
    assert text == "2 years with us two years 2|1 Main St<br/>SPRINGFIELD, IL 62704|March 1, 2026"


def test_an_unrecognised_country_prints_the_address_as_written(write_template) -> None:
    inside = "{{ contact.address.lines|join(' / ') }}|{{ sender.address|join(' / ') }}"
    template = load_template(write_template(MINIMAL, {"inside.j2": inside}))
    somewhere = Address(street="1 Harbour Road", city="Port Town", region="North", postal_code="A-12",
                        country="Atlantis")
    sender = Sender(name="Maya Lindqvist", address=somewhere)
    customer = Contact(given_name="Ruth", addresses=[somewhere])
    card = card_context(customer, Settings(sender=sender), today=TODAY, kind="birthday")
    # The recipient's and the sender's address alike: nothing dropped, the postcode included.
    line = "1 Harbour Road / A-12 Port Town / North / Atlantis"
    assert body(fill_card(template, card)) == f"{line}|{line}"
