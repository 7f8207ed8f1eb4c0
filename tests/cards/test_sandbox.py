"""Server-side template injection and path escapes: each fails with a clear TemplateError."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from studio.cards import TemplateError, fill_for_contact, load_template
from studio.model import Contact
from studio.settings import Settings
from tests.cards.conftest import MINIMAL

PAYLOADS = [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "reaches for “__class__”"),
    ("{{ cycler.__init__.__globals__.os }}", "There is no field called “cycler”."),
    ("{{ self._TemplateReference__context }}", "There is no field called “self”."),
    ("{% include '/etc/passwd' %}", "“{% include %}” on line 3 is not allowed"),
    ("{% import 'x.j2' as x %}", "“{% import %}” on line 3 is not allowed"),
    ("{% extends 'base.j2' %}", "“{% extends %}” on line 3 is not allowed"),
    ("{% from 'x.j2' import y %}", "“{% from … import %}” on line 3 is not allowed"),
    ("{{ config }}", "There is no field called “config”."),
    ("{{ config.items() }}", "There is no field called “config”."),
    ("{{ request.application.__globals__.__builtins__ }}", "There is no field called “request”."),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "There is no field called “lipsum”."),
    ("{{ joiner.__init__.__globals__ }}", "There is no field called “joiner”."),
    ("{{ namespace.__init__.__globals__ }}", "There is no field called “namespace”."),
    ("{{ range.__self__ }}", "There is no field called “range”."),
    ("{{ contact.__class__.__init__.__globals__ }}", "reaches for “__class__”"),
    ("{{ contact|attr('__class__') }}", "reaches for “__class__”"),
    ("{{ '{0.__class__}'.format(contact) }}", "reaches for “__class__”"),
    ("{{ message.__html__.__globals__ }}", "reaches for “__html__”"),
    ("{{ today.__class__.__subclasses__() }}", "reaches for “__class__”"),
    ("{{ contact.tags.__len__() }}", "reaches for “__len__”"),
    ("{{ contact.birthday.next.__reduce_ex__(2) }}", "reaches for “__reduce_ex__”"),
    ("{% set x = contact.tags.append('x') %}", "append"),
    ("{{ (contact.tags|list).pop() }}", "pop"),
    ("{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}", "reaches for “__class__”"),
]


@pytest.mark.parametrize(("payload", "message"), PAYLOADS, ids=[p for p, _ in PAYLOADS])
def test_injection_payload_fails_with_a_clear_error(write_template, payload: str, message: str,
                                                    tmp_path: Path) -> None:
    canary = tmp_path / "pwned"
    text = f"Dear {{{{ contact|friendly }}}},\n\n{payload}\n"
    text = text.replace("'id'", f"'touch {canary}'")
    folder = write_template(files={"inside.j2": text})
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{folder / 'inside.j2'}:3: "), problem
    assert message in problem, problem
    assert "Traceback" not in str(caught.value)
    assert not canary.exists()


def test_payload_in_the_default_message_is_caught_too(write_template) -> None:
    folder = write_template(MINIMAL.replace('format = "a2-folded"',
                                            'format = "a2-folded"\nmessage = "{{ \'\'.__class__ }}"'))
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    assert caught.value.problems[0] == (f"{folder / 'template.toml'}:5: Line 5 reaches for “__class__”, "
                                        "which a card may not use: a card can only read its fields.")


def test_contact_data_is_never_evaluated_as_jinja(write_template) -> None:
    template = load_template(write_template())
    contact = Contact(given_name="{{ ''.__class__ }}", family_name="<b>&")
    layout = fill_for_contact(template, contact, Settings(), today=dt.date(2026, 5, 1))
    body = layout.panels["inside"].texts[0].text
    assert "Dear {{ &#39;&#39;.__class__ }}," in body


@pytest.mark.parametrize("path", ["../outside.png", "/etc/passwd", "art/../../outside.png",
                                  "C:/Windows/win.ini", "..\\outside.png"])
def test_artwork_may_not_leave_the_template_folder(write_template, path: str) -> None:
    folder = write_template(MINIMAL + f'\n[[panels.images]]\nfile = "{path.replace(chr(92), chr(92) * 2)}"\n')
    (folder.parent / "outside.png").write_bytes(b"")
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{folder / 'template.toml'}:3"), problem
    assert "absolute path" in problem or "leaves the template's folder" in problem


def test_a_text_file_may_not_leave_the_folder(write_template, tmp_path: Path) -> None:
    (tmp_path / "secret.j2").write_text("s3cret")
    folder = write_template(MINIMAL.replace('file = "inside.j2"', 'file = "../../secret.j2"'))
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    assert "leaves the template's folder" in caught.value.problems[0]
    assert "s3cret" not in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlink_pointing_outside_is_refused(write_template, tmp_path: Path) -> None:
    (tmp_path / "secret.j2").write_text("s3cret")
    folder = write_template(MINIMAL.replace('file = "inside.j2"', 'file = "linked.j2"'))
    (folder / "linked.j2").symlink_to(tmp_path / "secret.j2")
    with pytest.raises(TemplateError) as caught:
        load_template(folder)
    assert "is a link that points outside the template's folder" in caught.value.problems[0]
