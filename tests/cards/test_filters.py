"""The card filters, in the languages a distributor's customers speak."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.cards.filters import household_names, ordinal_text, possessive_text, spelled, years_text
from studio.cards.sandbox import make_environment
from studio.cards.views import ContactView, Missing
from studio.model import Contact, PartialDate

TODAY = dt.date(2026, 12, 1)


def render(source: str, language: str = "en", **variables: object) -> str:
    return make_environment().from_string(source).render(language=language, **variables)


def view(**fields: object) -> ContactView:
    return ContactView.of(Contact(**fields), today=TODAY)


@pytest.mark.parametrize(("number", "expected"), [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
    (21, "21st"), (22, "22nd"), (23, "23rd"), (31, "31st"), (101, "101st"), (111, "111th"), (112, "112th")])
def test_english_ordinals(number: int, expected: str) -> None:
    assert ordinal_text(number, "en") == expected
    assert render("{{ n|ordinal }}", n=number) == expected


@pytest.mark.parametrize(("language", "number", "expected"), [
    ("fr", 1, "1er"), ("fr", 2, "2e"), ("fr", 31, "31e"), ("fr_CA", 1, "1er"),
    ("de", 31, "31."), ("de", 1, "1."), ("de-AT", 3, "3."),
    ("es", 40, "40.º"), ("nl", 3, "3e"), ("sv", 1, "1:a"), ("sv", 3, "3:e"), ("zh", 5, "第5"),
    ("en_GB", 22, "22nd"), ("el", 7, "7")])
def test_ordinals_follow_the_language(language: str, number: int, expected: str) -> None:
    assert ordinal_text(number, language) == expected
    assert render("{{ n|ordinal }}", language, n=number) == expected


def test_possessive() -> None:
    assert possessive_text("James", "en") == "James’"
    assert possessive_text("Anna", "en") == "Anna’s"
    assert possessive_text("Hans", "de") == "Hans’"
    assert possessive_text("Anna", "de") == "Annas"
    assert render("{{ c|possessive }} day", c=view(given_name="Anna", nickname="Annie")) == "Annie’s day"
    assert render("{{ 'Chris'|possessive }}") == "Chris’"


def test_friendly_falls_back_nickname_given_full_friend() -> None:
    assert render("{{ c|friendly }}", c=view(given_name="Robert", nickname="Bob")) == "Bob"
    assert render("{{ c|friendly }}", c=view(given_name="Robert", family_name="Smith")) == "Robert"
    assert render("{{ c|friendly }}", c=view(display_name="Dr. Smith")) == "Dr. Smith"
    assert render("{{ c|friendly }}", c=view(organization="Acme Inc.")) == "Acme Inc."
    assert render("{{ c|friendly }}", c=view()) == "friend"
    assert render("{{ c|friendly }}", "de", c=view()) == "Freund"
    assert render("{{ c|friendly('there') }}", c=view()) == "there"
    assert render("{{ c.nickname|friendly }}", c=view()) == "friend"


def test_household() -> None:
    zoe = view(given_name="Zoë", family_name="Ångström-Núñez", spouse="Henrik")
    assert render("{{ c|household }}", c=zoe) == "Zoë &amp; Henrik"  # escaped for paragraph markup
    assert household_names(zoe) == "Zoë & Henrik"
    assert household_names(zoe, full=True) == "Zoë & Henrik Ångström-Núñez"
    assert household_names(view(given_name="Ana", spouse="Luis García")) == "Ana & Luis"
    assert household_names(view(given_name="Ana", spouse="Luis García"), full=True) == "Ana & Luis García"
    assert household_names(view(given_name="Ana")) == "Ana"
    assert household_names(view()) == "friend"


def test_localized_dates() -> None:
    christmas = dt.date(2026, 12, 25)
    assert render("{{ d|date }}", d=christmas) == "December 25, 2026"
    assert render("{{ d|date }}", "de", d=christmas) == "25. Dezember 2026"
    assert render("{{ d|date }}", "fr", d=christmas) == "25 décembre 2026"
    assert render("{{ d|date('day-month') }}", d=christmas) == "December 25"
    assert render("{{ d|date('day-month') }}", "de", d=christmas) == "25. Dezember"
    assert render("{{ d|date('EEEE') }}", d=christmas) == "Friday"
    birthday = view(birthday=PartialDate(3, 31))
    assert render("{{ c.birthday|date('day-month') }}", c=birthday) == "March 31"


def test_years_pluralised_and_spelled() -> None:
    assert years_text(1, "en") == "1 year"
    assert years_text(2, "en") == "2 years"
    assert years_text(2, "en", spell=True) == "two years"
    assert years_text(2, "de") == "2 Jahre"
    assert years_text(1, "fr") == "1\xa0an"  # a no-break space keeps them together
    assert years_text(3, "it") == "3 anni"
    assert spelled(2, "de") == "zwei"
    assert render("{{ 2|years(words=true)|capitalize }} with us") == "Two years with us"


def test_missing_values_pass_through_filters_to_default() -> None:
    nobody = view()
    assert render("{{ c.birthday.age|ordinal|default('another') }}", c=nobody) == "another"
    assert render("{{ c.customer_since.years|years|default('many years') }}", c=nobody) == "many years"
    assert render("{{ c.birthday|date }}", c=nobody) == ""
    assert isinstance(nobody.birthday, Missing)


def test_bad_filter_input_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="the ordinal filter needs a whole number"):
        render("{{ 'soon'|ordinal }}")


@pytest.mark.parametrize(("language", "fields", "expected"), [
    ("de", {"given_name": "Anna", "gram_gender": "feminine"}, "Liebe Anna"),
    ("de", {"given_name": "Jonas", "gram_gender": "masculine"}, "Lieber Jonas"),
    ("de", {"given_name": "Kim"}, "Hallo Kim"),  # nothing is guessed from a name
    ("de", {"given_name": "Jonas", "pronouns": "er/ihm"}, "Lieber Jonas"),
    ("de", {"given_name": "Alex", "pronouns": "they/them"}, "Hallo Alex"),
    ("fr", {"given_name": "Chloé", "pronouns": "elle"}, "Chère Chloé"),
    ("es", {"given_name": "José", "gram_gender": "masculine"}, "Querido José"),
    ("en", {"given_name": "Zoë", "gram_gender": "feminine", "nickname": "Zo"}, "Dear Zo"),
    ("en", {}, "Dear friend"),
])
def test_dear_greets_by_the_grammatical_gender(language: str, fields: dict, expected: str) -> None:
    assert render("{{ c|dear }}", language, c=view(**fields)) == expected


def test_children_are_listed_in_the_cards_language() -> None:
    from studio.model import Relative

    kids = [Relative("Mia Brandt", PartialDate(3, 1, 2014)), Relative("Jonas"), Relative("Lea")]
    de = ContactView.of(Contact(given_name="Anna", children=kids), today=TODAY, language="de")
    assert render("{{ c.children }}", "de", c=de) == "Mia, Jonas und Lea"
    en = ContactView.of(Contact(given_name="Anna", children=kids[:2]), today=TODAY)
    assert render("{{ c.children }}", c=en) == "Mia and Jonas"
    each = "{% for k in c.children %}{{ k }} {{ k.birthday.age }};{% endfor %}"
    assert render(each, c=en) == "Mia 13;Jonas ;"
    assert render("{{ c.children or 'none' }}", c=view()) == "none"
