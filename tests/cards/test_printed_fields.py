"""Fields printed whole, which day the ``date`` filter means, household name order and
Greek capitals: what a template author writes and what the card then says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markupsafe import Markup

from studio.cards.errors import TemplateError
from studio.cards.sandbox import compile_text, make_environment
from studio.cards.views import ContactView, SenderView
from studio.model import Address, Contact, PartialDate, Sender

TODAY = dt.date(2026, 6, 15)


def render(source: str, contact: Contact | None = None, language: str = "en", **variables: object) -> str:
    view = ContactView.of(contact or Contact(), today=TODAY, language=language)
    return make_environment().from_string(source).render(contact=view, language=language, **variables)


def zoe(**fields: object) -> Contact:
    base = dict(given_name="Zoë", family_name="Ångström-Núñez", display_name="Zoë Ångström-Núñez",
                birthday=PartialDate(month=12, day=14, year=1986),
                customer_since=PartialDate(month=1, day=10, year=2023),
                anniversary=PartialDate(month=9, day=9, year=2015), tags=["customer", "vip"],
                addresses=[Address(street="12 Elm St", city="Madison", region="WI", postal_code="53703",
                                   country="USA")])
    base.update(fields)
    return Contact(**base)


# --- printed whole --------------------------------------------------------------------------

def test_dates_addresses_and_tags_print_as_a_person_writes_them() -> None:
    text = render("{{ contact.birthday }} | {{ contact.address }} | {{ contact.tags }}", zoe())
    assert text == "December 14, 2026 | 12 Elm St<br/>MADISON, WI 53703 | customer, vip"
    assert "View(" not in text and "('" not in text


def test_printed_dates_follow_the_language() -> None:
    assert render("{{ contact.customer_since }}", zoe(), language="de") == "10. Januar 2023"


def test_address_lines_are_escaped_and_still_a_list() -> None:
    contact = zoe(addresses=[Address(street="Flat 2 <b>", city="Madison", region="WI", postal_code="53703",
                                     country="USA")])
    assert render("{{ contact.address }}", contact).startswith("Flat 2 &lt;b&gt;<br/>")
    joined = render("{{ contact.address.lines|join(' / ') }}", contact)
    assert joined == "Flat 2 &lt;b&gt; / MADISON, WI 53703"
    assert render("{% for tag in contact.tags %}[{{ tag }}]{% endfor %}", zoe()) == "[customer][vip]"
    assert render("{{ contact.address|string|length > 0 }}", zoe()) == "True"


def test_the_return_address_prints_its_lines() -> None:
    sender = SenderView.of(Sender(name="Jane", address=Address(street="1 Main St", city="Portland",
                                                               region="OR", postal_code="97201")))
    text = make_environment().from_string("{{ sender.address }}").render(sender=sender)
    assert text == "1 Main St<br/>PORTLAND, OR 97201"


def test_missing_fields_still_print_nothing_and_take_a_default() -> None:
    bare = Contact(given_name="Bo", display_name="Bo")
    assert render("[{{ contact.birthday }}][{{ contact.address }}][{{ contact.tags }}]", bare) == "[][][]"
    assert render("{{ contact.birthday|default('someday') }}", bare) == "someday"
    assert render("{% if contact.address %}yes{% else %}no{% endif %}", bare) == "no"


def test_hidden_fields_of_a_date_stay_out_of_reach_and_out_of_messages() -> None:
    env = make_environment()
    variables = {"contact": ContactView.of(zoe(), today=TODAY), "language": "en"}
    text, problems = compile_text(env, "{{ contact.birthday.shoe }}", Path("t.j2"))
    assert text is None and problems == ["t.j2:1: There is no field called “contact.birthday.shoe”."]
    text, problems = compile_text(env, "{{ contact.birthday.agee }}", Path("t.j2"))
    assert problems == ["t.j2:1: There is no field called “contact.birthday.agee”; did you mean “Age” "
                        "(contact.birthday.age)?"]
    text, _ = compile_text(env, "{{ contact.birthday._milestone }}", Path("t.j2"))
    with pytest.raises(TemplateError, match="reaches for “_milestone”"):
        text.render(variables)


# --- which day the date filter means ---------------------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    ("{{ contact.customer_since|date }}", "January 10, 2023"),  # the day they became a customer
    ("{{ contact.birthday|date }}", "December 14, 2026"),  # the coming birthday
    ("{{ contact.anniversary|date }}", "September 9, 2026"),  # the coming anniversary
    ("{{ contact.birthday.original|date }}", "December 14, 1986"),
    ("{{ contact.customer_since.next|date }}", "January 10, 2027"),
    ("{{ contact.customer_since|date('month-year') }}", "January 2023"),
])
def test_the_date_filter_prints_the_day_a_card_means(source: str, expected: str) -> None:
    assert render(source, zoe()) == expected


def test_a_customer_since_without_a_year_prints_nothing_rather_than_a_wrong_year() -> None:
    contact = zoe(customer_since=PartialDate(month=1, day=10))
    assert render("{{ contact.customer_since|date }}", contact) == ""
    assert render("{{ contact.customer_since|date|default('a long time') }}", contact) == "a long time"
    assert render("{{ contact.customer_since|date('day-month') }}", contact) == ""
    assert render("{{ contact.customer_since.next|date('day-month') }}", contact) == "January 10"


# --- household(full=true) keeps the name order of the full name ---------------------------

@pytest.mark.parametrize(("display", "given", "family", "spouse", "short", "full"), [
    ("王小明", "小明", "王", "", "小明", "王小明"),
    ("山田 太郎", "太郎", "山田", "", "太郎", "山田 太郎"),
    ("山田 太郎", "太郎", "山田", "花子", "太郎 & 花子", "山田 太郎 & 花子"),
    ("山田 太郎", "太郎", "山田", "山田 花子", "太郎 & 花子", "山田 太郎 & 花子"),
    ("김민준", "민준", "김", "", "민준", "김민준"),
    ("Nagy János", "János", "Nagy", "Éva", "János & Éva", "Nagy János & Éva"),
    ("Zoë Ångström-Núñez", "Zoë", "Ångström-Núñez", "Henrik", "Zoë & Henrik",
     "Zoë & Henrik Ångström-Núñez"),
    ("Zoë Ångström-Núñez", "Zoë", "Ångström-Núñez", "Henrik Larsen", "Zoë & Henrik", "Zoë & Henrik Larsen"),
    ("Park Avenue Florists", "", "Park", "", "Park Avenue Florists", "Park Avenue Florists"),
])
def test_household_keeps_the_full_names_order(display: str, given: str, family: str, spouse: str, short: str,
                                               full: str) -> None:
    contact = Contact(display_name=display, given_name=given, family_name=family, spouse=spouse)
    assert render("{{ contact|household }}", contact) == short.replace("&", "&amp;")
    assert render("{{ contact|household(full=true) }}", contact) == full.replace("&", "&amp;")


# --- Greek capitals --------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("Γιώργος", "ΓΙΩΡΓΟΣ"), ("Παπαδόπουλος", "ΠΑΠΑΔΟΠΟΥΛΟΣ"), ("Όμηρος", "ΟΜΗΡΟΣ"),
    ("Μάιος", "ΜΑΪΟΣ"), ("Ευτυχία", "ΕΥΤΥΧΙΑ"), ("Ζωΐ", "ΖΩΪ"), ("Zoë Núñez", "ZOË NÚÑEZ"),
])
def test_upper_drops_greek_accents_only(name: str, expected: str) -> None:
    contact = Contact(given_name=name, display_name=name)
    assert render("{{ contact|friendly|upper }}", contact) == expected


def test_upper_keeps_markup_markup_and_escapes_text() -> None:
    assert render("{{ message|upper }}", message=Markup("<b>Γιώργο</b>")) == "<B>ΓΙΩΡΓΟ</B>"
    assert render("{{ '<i>ά</i>'|upper }}") == "&lt;I&gt;Α&lt;/I&gt;"
    assert render("[{{ contact.nickname|upper }}]", Contact(given_name="A")) == "[]"
