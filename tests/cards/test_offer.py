"""The call to action in a template: the QR box's link and the offer line, filled per card."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.cards import TemplateError, card_context, fill_card, load_template
from studio.cards.offer import text_setting_problem, url_setting_problem
from studio.cards.spec import template_to_toml_data
from studio.model import Contact, Offer, Sender
from studio.settings import Settings
from tests.cards.conftest import MINIMAL

TODAY = dt.date(2026, 12, 7)
LINK = "https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}"
WITH_CODE = MINIMAL + """
[[panels.qr]]
name = "code"
x = 40
y = 110
size = 25

[[panels.texts]]
name = "offer"
text = "{% if offer.url %}{{ offer.text }}{% endif %}"
x = 10
y = 100
width = 88
height = 8
"""


def settings(url: str = LINK, text: str = "", days: int = 30, language: str = "en") -> Settings:
    return Settings(sender=Sender(name="Maya", ref="maya & co"), language=language,
                    offer=Offer(url=url, text=text, days=days))


def inside(layout, name: str):  # noqa: ANN001, ANN201 - a test helper
    return next(box for box in layout.panels["inside"].texts if box.name == name)


def test_the_code_takes_the_link_with_its_values_url_encoded(write_template) -> None:
    template = load_template(write_template(WITH_CODE))
    card = card_context(Contact(id=7, given_name="Zoë"), settings(), today=TODAY, kind="birthday")
    codes = fill_card(template, card).panels["inside"].codes
    assert [(c.name, c.size, c.data) for c in codes] == [
        ("code", 25.0, "https://shop.example/?ref=maya%20%26%20co&c=7")]


def test_without_a_link_the_code_and_the_offer_line_are_left_out(write_template) -> None:
    template = load_template(write_template(WITH_CODE))
    card = card_context(Contact(id=7, given_name="Zoë"), settings(url="", text="10% off"), today=TODAY,
                        kind="birthday")
    layout = fill_card(template, card)
    assert layout.panels["inside"].codes == []
    assert inside(layout, "offer").text == ""


def test_the_offer_runs_from_the_posting_day_in_the_cards_language(write_template) -> None:
    template = load_template(write_template(WITH_CODE))
    text = "10% off until {{ offer.expires }} ({{ offer.expires|date('day-month') }})"
    for language, expected in (("en", "10% off until January 16, 2027 (January 16)"),
                               ("de", "10% off until 16. Januar 2027 (16. Januar)")):
        card = card_context(Contact(id=7, given_name="Zoë"), settings(text=text, days=30, language=language),
                            today=TODAY, kind="birthday", posting=dt.date(2026, 12, 17))
        assert inside(fill_card(template, card), "offer").text == expected
    card = card_context(Contact(id=7), settings(text=text, days=10), today=TODAY, kind="birthday")
    assert inside(fill_card(template, card), "offer").text.startswith("10% off until December 17, 2026")


def test_a_link_that_is_not_a_web_address_stops_the_card_naming_the_setting(write_template) -> None:
    template = load_template(write_template(WITH_CODE))
    for url, why in (("{{ contact.id }}", "not a web address"), ("ftp://files.example/{{ contact.id }}",
                                                                "not a web address"),
                     ("https://shop.example/{{ contact.shoe_size }}", "no field called “contact.shoe_size”"),
                     ("https://shop.example/{{ contact.id }", "write }} instead of }")):
        card = card_context(Contact(id=7), settings(url=url), today=TODAY, kind="birthday")
        with pytest.raises(TemplateError) as caught:
            fill_card(template, card)
        assert str(caught.value).startswith("setting offer.url") and why in str(caught.value)


def test_the_settings_checks_say_why_in_a_sentence() -> None:
    assert url_setting_problem(LINK) is None and url_setting_problem("") is None
    assert "not a web address" in url_setting_problem("shop.example/?c={{ contact.id }}")
    assert url_setting_problem("https://shop.example/?c={{ contact.id }") == (
        "A field is not closed: write }} instead of } after “contact.id” on line 1.")
    assert "space" in url_setting_problem("https://shop.example/?c={{ contact.id }} x")
    assert "at most 200" in url_setting_problem("https://shop.example/" + "a" * 300)
    assert "reaches for “__class__”" in url_setting_problem("https://shop.example/{{ contact.__class__ }}")
    assert text_setting_problem("until {{ offer.expires }}") is None
    assert text_setting_problem("until {{ offer.expiry }}") == (
        "There is no field called “offer.expiry”; did you mean “offer.expires”?")


@pytest.mark.parametrize(("box", "why"), [
    ("size = 10", "too small to scan"),
    ("size = 25\ncolor = \"#CCCCCC\"", "too light"),
    ("size = 25\nlevel = \"X\"", "level 'X' must be one of: L, M, Q, H"),
    ("size = 40\nx = 80", "runs off"),
    ("size = 25\nshape = \"round\"", "unknown key 'shape'"),
])
def test_a_qr_box_that_would_not_scan_is_refused_with_its_line(write_template, box: str, why: str) -> None:
    manifest = MINIMAL + f"""
[[panels.qr]]
name = "code"
y = 10
{box}
"""
    if "x = " not in box:
        manifest = manifest.replace('name = "code"\n', 'name = "code"\nx = 10\n')
    with pytest.raises(TemplateError) as caught:
        load_template(write_template(manifest))
    assert why in str(caught.value) and "template.toml:" in str(caught.value)


def test_a_qr_box_is_written_back_as_it_was_read(write_template) -> None:
    template = load_template(write_template(WITH_CODE))
    inside_panel = template_to_toml_data(template)["panels"][1]
    assert inside_panel["qr"] == [{"name": "code", "x": 40.0, "y": 110.0, "size": 25.0}]
