"""Finding, loading and saving card templates (one folder each).

Bundled templates live in ``bundled_dir("templates")/cards``, the user's in
``AppPaths.user_templates_dir``; a user template overrides a bundled one with the same
id. A template is checked completely when loaded, including filling its sample, so
a broken one is reported (every mistake, with file and line) instead of failing
halfway through a batch of cards.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from studio.cards.errors import TemplateError, located
from studio.cards.fill import fill_card
from studio.cards.manifest import parse_manifest
from studio.cards.sample import SAMPLE_FILE, load_sample
from studio.cards.sandbox import CardSandbox, make_environment
from studio.cards.spec import CardTemplate, template_to_toml_data
from studio.cards.tomllines import read_toml
from studio.cards.validate import compile_template, safe_file
from studio.paths import AppPaths, bundled_dir

MANIFEST = "template.toml"


def bundled_templates_dir() -> Path:
    return bundled_dir("templates") / "cards"


def load_template(folder: Path, source: str = "user", *, env: CardSandbox | None = None) -> CardTemplate:
    """Load and check the template in ``folder``; raises `TemplateError` with every problem.

    The sample (sample.toml) is filled once as part of the check, so Jinja that fails
    only at run time (an unknown field, a blocked attribute) is caught here too.
    """
    folder = Path(folder)
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise TemplateError([located(manifest, 1, "no template.toml in this folder")])
    data, lines = read_toml(manifest)
    problems: list[str] = []

    def read_text(name: str, where: tuple[str | int, ...]) -> str | None:
        try:
            path = safe_file(folder, name)
        except ValueError as exc:
            problems.append(located(manifest, lines.line(*where), str(exc)))
            return None
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(located(path, 1, "the file is not UTF-8 text"))
        except OSError as exc:
            problems.append(located(path, 1, f"cannot read the file: {exc.strerror or exc}"))
        return None

    template = parse_manifest(data, lines, manifest, read_text, problems)
    template.folder, template.source = folder, source
    compile_template(template, lines=lines, env=env or make_environment(), problems=problems)
    fill_card(template, load_sample(template))  # raises TemplateError naming the file and line
    return template


@dataclass
class Catalog:
    """The usable templates by id (bundled, overridden by the user's) and the broken ones."""

    templates: dict[str, CardTemplate] = field(default_factory=dict)
    broken: list[TemplateError] = field(default_factory=list)

    def sorted(self) -> list[CardTemplate]:
        return sorted(self.templates.values(), key=lambda t: (t.name.casefold(), t.id))


def _template_folders(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / MANIFEST).is_file())


def find_templates(paths: AppPaths | None, *, bundled: Path | None = None) -> Catalog:
    """Every template in the bundled folder and the user's, checked.

    A user template with the id of a bundled one replaces it. Broken templates are
    listed in ``Catalog.broken`` and left out; the others stay usable.
    """
    catalog = Catalog()
    env = make_environment()
    roots = [(bundled or bundled_templates_dir(), "bundled")]
    if paths is not None:
        roots.append((paths.user_templates_dir, "user"))
    for root, source in roots:
        seen_here: dict[str, Path] = {}
        for folder in _template_folders(root):
            try:
                template = load_template(folder, source, env=env)
            except TemplateError as exc:
                catalog.broken.append(exc)
                continue
            if template.id in seen_here:
                clash = f"id '{template.id}' is already used by {seen_here[template.id]}"
                catalog.broken.append(TemplateError([located(folder / MANIFEST, 1, clash)]))
                continue
            seen_here[template.id] = folder
            catalog.templates[template.id] = template
    return catalog


def save_template(template: CardTemplate, folder: Path) -> CardTemplate:
    """Write ``template`` to ``folder`` in the folder format and load it back (checked).

    Text boxes with a ``file`` get that .j2 file, the others are written inline.
    Artwork and sample.toml are copied from the template's current folder when saving
    somewhere else (e.g. a user's copy of a bundled template). The folder is written
    in full before it replaces the old one, so a failed save leaves it as it was.
    """
    folder = Path(folder)
    origin = template.folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        if origin is not None and origin.is_dir():
            for panel in template.panels:
                for image in panel.images:
                    if image.file:  # a signature box without a fallback file has nothing to copy
                        _copy_into(safe_file(origin, image.file), staging / image.file)
            if (origin / SAMPLE_FILE).is_file():
                _copy_into(origin / SAMPLE_FILE, staging / SAMPLE_FILE)
        for panel in template.panels:
            for box in panel.texts:
                if box.file:
                    target = staging / box.file
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(box.text if box.text.endswith("\n") else box.text + "\n",
                                      encoding="utf-8")
        with open(staging / MANIFEST, "wb") as out:
            tomli_w.dump(template_to_toml_data(template), out, multiline_strings=True)
        saved = load_template(staging, template.source)
        backup = None
        if folder.exists():
            backup = folder.with_name(f".{folder.name}.old")
            shutil.rmtree(backup, ignore_errors=True)
            folder.rename(backup)
        staging.rename(folder)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    saved.folder = folder
    return load_template(folder, template.source)


def _copy_into(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.resolve() != target.resolve():
        shutil.copy2(source, target)
