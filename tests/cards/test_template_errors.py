"""Hand-written template mistakes come back as one plain sentence and the line to look at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from studio.cards import TemplateError, bundled_templates_dir, fill_for_contact, load_template
from studio.cards.context import CardContext, jinja_variables
from studio.cards.errors import plain_problems
from studio.cards.richtext import CONDITIONS, FIELDS
from studio.cards.sandbox import compile_text, make_environment
from studio.cards.template_errors import Explanation, check_box, explain
from studio.model import Contact, Occasion, Sender
from studio.settings import Settings

MISTAKES = [
    ("Dear {{ contact.given_name\nsee you soon", 1,
     "A field is not closed: add }} after “contact.given_name” on line 1."),
    ("Hello,\nDear {{ contact.given_name }\n", 2,
     "A field is not closed: write }} instead of } after “contact.given_name” on line 2."),
    ("Dear {{ contact.given_name %}", 1,
     "A field on line 1 starts with {{ but ends with %}: write }} instead of %}."),
    ("{% if contact.spouse %}\nLove to you both\n", 1, "“{% if %}” on line 1 has no “{% endif %}”."),
    ("Hi\n{% for child in contact.children %}{{ child.name }}", 2,
     "“{% for %}” on line 2 has no “{% endfor %}”."),
    ("{% if contact.spouse }}both{% endif %}", 1,
     "An instruction on line 1 starts with {% but ends with }}: write %} instead of }}."),
    ("{% if contact.spouse\n%}both{% endif", 2,
     "An instruction is not closed: add %} after “endif” on line 2."),
    ("Thanks\n{% endif %}", 2, "“{% endif %}” on line 2 has no “{% if … %}” before it."),
    ("Thanks\n\n{% else %}", 3, "“{% else %}” on line 3 is not inside an “{% if … %}”."),
    ("{% if contact.spouse %}a\n{% else %}b\n{% else %}c{% endif %}", 3,
     "The “{% if %}” on line 1 already has an “{% else %}” on line 2: remove the second one on line 3."),
    ("{% if contact.spouse %}a{% else %}b\n{% elif contact.tags %}c{% endif %}", 2,
     "“{% elif %}” on line 2 comes after the “{% else %}” on line 1: move it before the “{% else %}”."),
    ("{% if contact.spouse %}\nboth\n{% endfor %}", 3,
     "“{% endfor %}” on line 3 does not match the “{% if %}” on line 1: it should be “{% endif %}”."),
    ("Hello\ncontact.given_name }}", 2,
     "There is a }} on line 2 with no {{ before it: add the {{, or remove the }}."),
    ("{% iff contact.spouse %}both{% endif %}", 1,
     "“{% iff %}” on line 1 is not an instruction a card understands; did you mean “{% if %}”?"),
    ("A note {# for me", 1, "A note is not closed: add #} where the note that starts on line 1 ends."),
    ("Dear\n{{ contact.frist_name }}", 2,
     "There is no field called “contact.frist_name”; did you mean “First name” (contact.given_name)?"),
    ("{{ contact.birthday.agee }}", 1,
     "There is no field called “contact.birthday.agee”; did you mean “Age” (contact.birthday.age)?"),
    ("From {{ sender.nam }}", 1,
     "There is no field called “sender.nam”; did you mean “Your name” (sender.name)?"),
    ("\n{{ contact.given_name|upperr }}", 2, "“upperr” is not something a field can be changed with; "
                                            "did you mean “upper”?"),
    ("{{ config }}", 1, "There is no field called “config”."),
    ("{{ contct.given_name }}", 1, "There is no field called “contct”; did you mean “contact”?"),
    ("{% include 'other.j2' %}", 1,
     "“{% include %}” on line 1 is not allowed: a card cannot read other files."),
    ("{{ }}", 1, "The field on line 1 is empty: write a field name between {{ and }}."),
    ("{% %}", 1, "“{% %}” on line 1 is empty: write an instruction such as “if” inside it."),
    ("{% if %}yes{% endif %}", 1,
     "“{% if %}” on line 1 is missing what it is about, for example “{% if contact.spouse %}”."),
    ("{{ contact.given_name|default('friend }}", 1,
     "A quotation mark (') on line 1 is not closed: add another ' where the words end."),
    ("{{ sender.address|join(', ' }}", 1, "A “(” on line 1 is not closed: add “)” after what it holds."),
    ("{{ contact.given_name ) }}", 1, "There is a “)” on line 1 without a “(” before it."),
    ("{{ contact.given_name | }}", 1, "A “|” on line 1 must be followed by a change, such as “upper”."),
    ("{{ contact given_name }}", 1, "“given_name” on line 1 does not belong in the field there: "
                                    "names are joined with dots, as in “contact.given_name”."),
]


@pytest.mark.parametrize(("source", "line", "sentence"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistake_is_one_plain_sentence_on_the_right_line(source: str, line: int, sentence: str) -> None:
    problem = check_box(source)
    assert problem is not None
    assert (problem.sentence, problem.line) == (sentence, line)
    assert problem.excerpt == source.split("\n")[line - 1].strip()
    for word in ("/", "Jinja", "jinja", "token", "Error", "Traceback", "expected"):
        assert word not in problem.sentence


@pytest.mark.parametrize("source", [
    "Dear {{ contact|friendly }},\n\n{% if contact.spouse %}Love to you both.{% else %}Love.{% endif %}",
    "{{ contact.address.block|br }}<br/>{{ occasion.date.year }} {{ today.year }}",
    "{% for child in contact.children %}{{ child.name }}{% if not loop.last %}, {% endif %}{% endfor %}",
    "{% set name = contact|friendly %}{{ name|upper }}",
    "{# a note #}{{ sender.name }}",
    "{% raw %}}} {{{% endraw %}",
    '{{ contact.given_name|default("}}") }}',
])
def test_a_good_box_has_no_problem(source: str) -> None:
    assert check_box(source) is None


def test_the_column_points_at_the_mark() -> None:
    problem = check_box("Hi\nDear {{ contact.given_name")
    assert (problem.line, problem.column) == (2, 6)


def test_a_filling_error_is_explained_on_its_line() -> None:
    env = make_environment()
    source = "Dear {{ contact.given_name }},\n\n{{ contact.shoe_size }}"
    variables = _anna()
    with pytest.raises(Exception) as caught:
        env.from_string(source).render(variables)
    problem = explain(source, caught.value)
    assert problem == Explanation("There is no field called “contact.shoe_size”.", 3, None,
                                  "{{ contact.shoe_size }}")


def test_a_forbidden_attribute_is_refused_in_a_sentence() -> None:
    env = make_environment()
    source = "Hi\n{{ contact.__class__ }}"
    with pytest.raises(Exception) as caught:
        env.from_string(source).render({"contact": Contact(given_name="Anna")})
    problem = explain(source, caught.value)
    assert problem.line == 2
    assert problem.sentence == ("Line 2 reaches for “__class__”, which a card may not use: "
                                "a card can only read its fields.")


def test_line_offset_counts_lines_of_the_file_the_text_sits_in() -> None:
    source = "Happy\n{{ contact.given_name"
    with pytest.raises(TemplateSyntaxError) as caught:
        make_environment().parse(source)
    problem = explain(source, caught.value, line_offset=13)
    assert (problem.line, problem.sentence) == (2, "A field is not closed: add }} after “contact.given_name” "
                                                   "on line 15.")


def test_the_validator_names_the_file_and_line_with_the_sentence(tmp_path: Path) -> None:
    file = tmp_path / "inside.j2"
    text, problems = compile_text(make_environment(), "Dear\n\n{{ contact.given_name|upperr }}", file)
    assert text is None
    assert problems == [f"{file}:3: “upperr” is not something a field can be changed with; "
                        "did you mean “upper”?"]
    text, problems = compile_text(make_environment(), "{% if contact.spouse %}both", file, first_line=10)
    assert problems == [f"{file}:10: “{{% if %}}” on line 10 has no “{{% endif %}}”."]


def test_the_desktop_gets_the_sentences_without_the_file(write_template) -> None:
    folder = write_template(files={"inside.j2": "Dear {{ contact|friendly }},\n\n{{ sender.nam }}\n"})
    with pytest.raises(TemplateError) as caught:
        card = load_template(folder)
        fill_for_contact(card, Contact(given_name="Anna"), Settings(), today=dt.date(2026, 12, 7))
    assert caught.value.problems[0].startswith(f"{folder / 'inside.j2'}:3: ")  # the CLI keeps the place
    assert plain_problems(caught.value) == [
        "There is no field called “sender.nam”; did you mean “Your name” (sender.name)?"]
    assert plain_problems(ValueError("not a template problem")) == ["not a template problem"]


def test_every_bundled_text_reads_fine_in_the_code_view() -> None:
    checked = 0
    for folder in sorted(p for p in bundled_templates_dir().iterdir() if p.is_dir()):
        template = load_template(folder)
        sources = [box.text for panel in template.panels for box in panel.texts]
        sources += [template.message or "", *template.openings]
        for source in sources:
            assert check_box(source) is None, (folder.name, source, check_box(source))
            checked += 1
    assert checked > 20


def test_every_field_and_condition_of_the_visual_editor_reads_fine() -> None:
    for expression in FIELDS:
        assert check_box(f"{{{{ {expression} }}}}") is None, expression
    for condition in CONDITIONS:
        assert check_box(f"{{% if {condition} %}}yes{{% else %}}no{{% endif %}}") is None, condition


def test_each_unknown_field_is_listed_once_in_the_file_report(tmp_path: Path) -> None:
    file = tmp_path / "inside.j2"
    source = "{{ contact.frist_name }} and {{ contact.frist_name }}\n{{ sender.nam }}"
    _, problems = compile_text(make_environment(), source, file)
    assert problems == [
        f"{file}:1: There is no field called “contact.frist_name”; "
        "did you mean “First name” (contact.given_name)?",
        f"{file}:2: There is no field called “sender.nam”; did you mean “Your name” (sender.name)?"]


def test_a_change_that_does_not_fit_the_field_says_what_it_needs(tmp_path: Path) -> None:
    variables = _anna()
    text, _ = compile_text(make_environment(), "Hi\n{{ contact.given_name|date }}", tmp_path / "inside.j2")
    with pytest.raises(TemplateError) as caught:
        text.render(variables)
    assert plain_problems(caught.value) == ["On line 2, “date” needs a date, not 'Anna'."]
    text, _ = compile_text(make_environment(), "{{ 1 / 0 }}", tmp_path / "inside.j2")
    with pytest.raises(TemplateError) as caught:
        text.render(variables)
    assert plain_problems(caught.value) == [
        "Line 1 cannot be filled in for this person: check the fields on it "
        "and the changes written after “|”."]


def _anna() -> dict[str, object]:
    birthday = Occasion("birthday", "Birthday", dt.date(2026, 12, 20), dt.date(2026, 12, 13))
    return jinja_variables(CardContext(contact=Contact(given_name="Anna"), sender=Sender(name="Maya"),
                                       occasion=birthday, today=dt.date(2026, 12, 7)))
