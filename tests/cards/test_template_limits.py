"""Hostile templates: no hang, no memory blow-up, one clear sentence naming the file, and the
catalogue goes on with the other templates."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.cards.errors import TemplateError
from studio.cards.sandbox import compile_text, make_environment
from studio.cli import main
from studio.paths import AppPaths, bundled_dir

HOSTILE = {
    "{{ 2**9999999999 }}": "number far too large",
    "{{ 'x'*200000000 }}": "longer than 20,000 characters",
    "{{ 'a'|center(500000000) }}": "'center' to a width",
    "{{ '%500000000s'|format('a') }}": "'format' to a width",
    "{{ ('x'*19999)|replace('x', 'x'*19999) }}": "'replace' would make",
    "{% for a in 'x'*9999 %}{% for b in 'x'*9999 %}{% for c in 'x'*9999 %}"
    "{% endfor %}{% endfor %}{% endfor %}": "took longer than",
}


def _render(source: str) -> str:
    text, problems = compile_text(make_environment(), source, Path("/cards/hostile/inside.j2"))
    assert text is not None, problems
    return str(text.render({}))


@pytest.mark.parametrize(("source", "said"), HOSTILE.items())
def test_each_hostile_text_stops_quickly_with_its_file(source: str, said: str) -> None:
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        _render(source)
    assert time.monotonic() - start < 5
    assert "/cards/hostile/inside.j2:1: Line 1 is too costly to fill in: " in str(caught.value)
    assert said in str(caught.value)


def test_ordinary_arithmetic_and_repetition_still_work() -> None:
    assert _render("{{ 2**10 }} {{ '-' * 3 }} {{ 'x'|center(7) }}") == "1024 ---    x   "


def test_a_bad_user_template_is_named_and_the_catalogue_goes_on(tmp_path: Path, monkeypatch, capsys) -> None:
    paths = AppPaths.resolve(None)
    hostile = paths.user_templates_dir / "hostile"
    shutil.copytree(bundled_dir("templates") / "cards" / "birthday-balloons", hostile)
    manifest = hostile / "template.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('id = "birthday-balloons"', 'id = "hostile"'),
        encoding="utf-8",
    )
    (hostile / "inside.j2").write_text("{{ 2**9999999999 }}", encoding="utf-8")
    start = time.monotonic()
    status = main(["templates", "--json"])
    out, err = capsys.readouterr()
    assert time.monotonic() - start < 20
    ids = {t["id"] for t in json.loads(out)}
    assert "birthday-balloons" in ids and "holiday-snow" in ids
    assert "hostile" in err and "too costly" in err and status in (0, 1)


@settings(max_examples=150, deadline=6000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "{{",
                "}}",
                "{%",
                "%}",
                " for x in ",
                " endfor ",
                "'x'",
                "*",
                "**",
                "9999999",
                "|center(",
                "|format(",
                ")",
                " if ",
                " endif ",
                "contact.name",
                "2",
                "(",
                "~",
                "|replace('x','xx')",
                " range(9) ",
                "text",
            ]
        ),
        max_size=25,
    )
)
def test_fuzzed_templates_only_ever_fail_with_a_template_error(pieces: list[str]) -> None:
    source = "".join(pieces)
    start = time.monotonic()
    text, _ = compile_text(make_environment(), source, Path("/cards/fuzz/inside.j2"))
    if text is not None:
        try:
            text.render({})
        except TemplateError:
            pass
    assert time.monotonic() - start < 5
