"""Helpers for card-template tests: write a template folder from text."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

MINIMAL = """\
id = "demo"
name = "Demo card"
occasions = ["birthday"]
format = "a2-folded"

[[panels]]
name = "front"

[[panels.texts]]
name = "greeting"
text = "Happy birthday"
x = 10
y = 20
width = 88
height = 30
font = "script"
size = 36

[[panels]]
name = "inside"

[[panels.texts]]
name = "body"
file = "inside.j2"
x = 10
y = 10
width = 88
height = 100
"""


@pytest.fixture
def write_template(tmp_path: Path):
    """write_template(manifest, {name: content}) -> the folder; ``inside.j2`` defaults to a greeting."""

    def write(manifest: str = MINIMAL, files: dict[str, str | bytes] | None = None,
              folder: str = "demo") -> Path:
        root = tmp_path / "templates" / folder
        root.mkdir(parents=True, exist_ok=True)
        (root / "template.toml").write_text(textwrap.dedent(manifest), encoding="utf-8")
        files = dict(files or {})
        files.setdefault("inside.j2", "Dear {{ contact|friendly }},\n\n{{ message }}\n")
        for name, content in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(textwrap.dedent(content), encoding="utf-8")
        return root

    return write
