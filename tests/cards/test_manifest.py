"""Loading a template: every mistake reported with its file and line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.cards import TemplateError, load_template
from studio.errors import StudioError
from tests.cards.conftest import MINIMAL


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    assert isinstance(caught.value, StudioError)
    return caught.value.problems


def test_a_good_template_loads(write_template) -> None:
    template = load_template(write_template())
    assert template.id == "demo"
    assert [p.name for p in template.panels] == ["front", "inside"]
    assert template.panels[1].texts[0].text.startswith("Dear {{ contact|friendly }}")
    assert template.compiled is not None


def test_toml_syntax_error_names_file_and_line(write_template) -> None:
    folder = write_template(MINIMAL.replace('name = "Demo card"', 'name = "Demo card'))
    (problem,) = problems_of(folder)
    assert problem.startswith(f"{folder / 'template.toml'}:2: TOML syntax error")


def test_every_semantic_mistake_is_listed_with_its_line(write_template) -> None:
    manifest = MINIMAL.replace('font = "script"', 'font = "comic"') \
        .replace('format = "a2-folded"', 'format = "a2-folded"\nrequires = ["contact.shoe_size"]') \
        .replace('occasions = ["birthday"]', 'occasions = ["birthdya"]') \
        .replace('width = 88\nheight = 100', 'width = 88\nheight = 200\ncolour = "#ff0000"') \
        .replace('size = 36', 'size = "big"')
    folder = write_template(manifest)
    problems = problems_of(folder)
    text = (folder / "template.toml").read_text().splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, line in enumerate(text, 1) if fragment in line)

    manifest_path = folder / "template.toml"
    expected = {
        line_of("font = \"comic\""): "font 'comic' must be one of: serif, sans, script",
        line_of("shoe_size"): "'contact.shoe_size' can't be required",
        line_of("birthdya"): "unknown occasion 'birthdya'",
        line_of("colour"): "unknown key 'colour' (did you mean 'color'?)",
        line_of("height = 200"): "runs off the 107.95×139.7 mm panel",
        line_of('size = "big"'): "'size' must be a number",
    }
    for line, message in expected.items():
        assert any(p.startswith(f"{manifest_path}:{line}: ") and message in p for p in problems), \
            (line, message, problems)
    assert len(problems) == len(expected)


def test_missing_keys_and_unknown_panel(write_template) -> None:
    manifest = MINIMAL.replace('id = "demo"\n', "").replace('name = "inside"', 'name = "inner"')
    problems = problems_of(write_template(manifest))
    assert any(":1: 'id' is missing" in p for p in problems)
    assert any("has no panel 'inner' (its panels: front, inside-cover, inside, back)" in p for p in problems)


def test_jinja_syntax_error_in_a_text_file_names_that_file(write_template) -> None:
    inside = "Dear {{ contact|friendly }},\n\n{% if contact.spouse %}\nno end\n"
    folder = write_template(files={"inside.j2": inside})
    (problem,) = problems_of(folder)
    assert problem == f"{folder / 'inside.j2'}:3: “{{% if %}}” on line 3 has no “{{% endif %}}”."


def test_jinja_error_in_inline_text_names_the_manifest_line(write_template) -> None:
    folder = write_template(MINIMAL.replace('text = "Happy birthday"', 'text = "Happy {{ contact.name"'))
    (problem,) = problems_of(folder)
    text = (folder / "template.toml").read_text().splitlines()
    line = next(number for number, content in enumerate(text, 1) if "Happy {{" in content)
    assert problem == (f"{folder / 'template.toml'}:{line}: "
                       f"A field is not closed: add }}}} after “contact.name” on line {line}.")


def test_unknown_field_found_when_the_sample_is_filled(write_template) -> None:
    inside = "Dear {{ contact|friendly }},\n\nsize {{ contact.shoe_size }}\n"
    folder = write_template(files={"inside.j2": inside})
    (problem,) = problems_of(folder)
    assert problem.startswith(f"{folder / 'inside.j2'}:3: ")
    assert problem.endswith(":3: There is no field called “contact.shoe_size”.")


def test_sample_mistakes_are_reported_with_line(write_template) -> None:
    sample = 'today = 2026-12-01\n[contact]\ngiven_name = "Anna"\nbirthday = "1990-02-30"\n'
    folder = write_template(files={"sample.toml": sample})
    (problem,) = problems_of(folder)
    assert problem.startswith(f"{folder / 'sample.toml'}:4: birthday")


def test_missing_text_file_and_artwork(write_template) -> None:
    manifest = MINIMAL + '\n[[panels.images]]\nfile = "art/none.png"\n'
    folder = write_template(manifest.replace('file = "inside.j2"', 'file = "missing.j2"'))
    problems = problems_of(folder)
    assert any("'missing.j2' does not exist" in p for p in problems)
    assert any("'art/none.png' does not exist" in p for p in problems)


def test_broken_image_is_a_clear_error(write_template) -> None:
    manifest = MINIMAL + '\n[[panels.images]]\nfile = "art.png"\n'
    folder = write_template(manifest, {"art.png": b"\x89PNG\r\n\x1a\nnot really"})
    (problem,) = [p for p in problems_of(folder)]
    assert "'art.png' is not a readable PNG or JPEG image" in problem
