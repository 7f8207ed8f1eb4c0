"""Managing the user's own card templates: rename, duplicate, delete to a bin and restore,
export one as a ``.cardstudio`` file and import one.

The gallery's buttons and `studio templates --rename/--duplicate/--delete/--restore/--export/
--import` call these, so both follow one set of rules:

* Card Studio's own (bundled) templates are never renamed or deleted; duplicating one makes
  a user copy, and exporting one is allowed.
* Deleting moves the template's folder into the template bin in the data folder
  (`template_bin_dir`), with a note of when; `restore_template` brings the latest deletion
  of an id back, across restarts, until `empty_template_bin`.
* Nothing is ever written over another template: a duplicate, an import or a restore whose
  id is taken gets a free one ("-2", "-3"…), and an import never takes a bundled id.
* An imported file is checked before use (`studio.cards.package`: paths, sizes, file kinds,
  artwork), then loaded as any template is (manifest, sandboxed Jinja, its sample filled)
  from a scratch folder; only a template that passes is copied into the user's folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from studio.cards import CardTemplate, TemplateError, load_template, save_template
from studio.cards.catalog import MANIFEST
from studio.cards.package import SUFFIX, PackageError, unpack_package, write_package
from studio.errors import StudioError, UsageError
from studio.paths import AppPaths
from studio.services.cards import choose_template_id, get_template, manifest_id_and_name, taken_templates

NOTE = ".deleted.json"  # in a binned folder: its id, name and when it was deleted
MAX_NAME = 80


@dataclass(frozen=True)
class BinnedTemplate:
    """A deleted template waiting in the bin."""

    template_id: str
    name: str
    deleted_at: dt.datetime
    folder: Path


@dataclass(frozen=True)
class ImportedTemplate:
    """What `import_template` added, and the id the file asked for when that one was taken."""

    template: CardTemplate
    wanted_id: str  # == template.id unless it clashed

    @property
    def renamed(self) -> bool:
        return self.wanted_id != self.template.id


def template_bin_dir(paths: AppPaths) -> Path:
    """Where deleted templates wait: beside, not inside, the folder templates are loaded from."""
    return paths.data_dir / "templates" / "bin"


def _own_folder(paths: AppPaths, template_id: str, doing: str) -> Path:
    """The folder of the user's template ``template_id``, found by its manifest alone (cheap:
    nothing is compiled, so the gallery's delete is instant); refuses a bundled one."""
    root = paths.user_templates_dir
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if (folder / MANIFEST).is_file() and manifest_id_and_name(folder)[0] == template_id:
                return folder
    template = get_template(paths, template_id)  # raises naming the known ids when there is none
    raise UsageError(f"'{template.name}' is one of Card Studio's own cards and cannot be {doing}; "
                     f"duplicate it (`studio templates --duplicate {template_id}`) to get your own copy")


def _own(paths: AppPaths, template_id: str, doing: str) -> CardTemplate:
    return load_template(_own_folder(paths, template_id, doing), "user")


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UsageError("a card needs a name: type at least one letter")
    if len(name) > MAX_NAME:
        raise UsageError(f"the name is {len(name)} characters long; {MAX_NAME} at most")
    return name


def _free_name(name: str, names: set[str]) -> str:
    """``name``, or "name (2)", "name (3)"… when one of the user's cards has it already."""
    folded = {n.casefold() for n in names}
    if name.casefold() not in folded:
        return name
    base = re.sub(r" \(\d+\)$", "", name)
    number = 2
    while f"{base} ({number})".casefold() in folded:
        number += 1
    return f"{base} ({number})"


def _free_id(wanted: str, paths: AppPaths, *, bundled_too: bool = True) -> str:
    """``wanted`` when no template (bundled or the user's) has it, else the first free "-N".

    A restore passes ``bundled_too=False``: a deleted override of a bundled card comes back
    as the override it was."""
    taken = taken_templates(paths)
    used = set(taken.mine) | (set(taken.bundled) if bundled_too else set())
    if wanted not in used:
        return wanted
    base = re.sub(r"-\d+$", "", wanted) or "my-card"
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"[:64]


def _saved(paths: AppPaths, template: CardTemplate, template_id: str, name: str) -> CardTemplate:
    mine = dataclasses.replace(template, id=template_id, name=name, source="user", compiled=None)
    return save_template(mine, paths.user_templates_dir / template_id)


def rename_template(paths: AppPaths, template_id: str, name: str) -> CardTemplate:
    """Give the user's template ``template_id`` a new name (its id, and so its folder, stay)."""
    template = _own(paths, template_id, "renamed")
    renamed = dataclasses.replace(template, name=_clean_name(name), compiled=None)
    return save_template(renamed, template.folder)


def duplicate_template(paths: AppPaths, template_id: str, *, name: str | None = None) -> CardTemplate:
    """A user copy of any template (bundled or the user's), named ``name`` or "… (copy)"."""
    template = get_template(paths, template_id)
    taken = taken_templates(paths)
    wanted = _clean_name(name) if name is not None else f"{template.name} (copy)"
    wanted = _free_name(wanted, set(taken.mine.values()))
    choice = choose_template_id(wanted, taken, based_on=template.id)
    new_id = choice.template_id if choice.replaces is None else _free_id(choice.template_id, paths)
    return _saved(paths, template, new_id, wanted)


def delete_template(paths: AppPaths, template_id: str, *, now: dt.datetime | None = None) -> BinnedTemplate:
    """Move the user's template into the bin; `restore_template` brings it back."""
    folder = _own_folder(paths, template_id, "deleted")
    name = manifest_id_and_name(folder)[1] or template_id
    when = now or dt.datetime.now()
    bin_dir = template_bin_dir(paths)
    target = bin_dir / f"{template_id}~{when:%Y%m%d-%H%M%S-%f}"
    try:
        bin_dir.mkdir(parents=True, exist_ok=True)
        note = {"id": template_id, "name": name, "deleted_at": when.isoformat(timespec="seconds"),
                "folder": folder.name}
        (folder / NOTE).write_text(json.dumps(note), encoding="utf-8")
        shutil.move(str(folder), str(target))
    except OSError as exc:
        (folder / NOTE).unlink(missing_ok=True)
        raise StudioError(f"cannot move '{name}' to the bin: {exc.strerror or exc}") from exc
    return BinnedTemplate(template_id, name, when, target)


def binned_templates(paths: AppPaths) -> list[BinnedTemplate]:
    """The templates in the bin, the latest deletion first."""
    bin_dir = template_bin_dir(paths)
    found: list[BinnedTemplate] = []
    if not bin_dir.is_dir():
        return found
    for folder in bin_dir.iterdir():
        try:
            note = json.loads((folder / NOTE).read_text(encoding="utf-8"))
            found.append(BinnedTemplate(str(note["id"]), str(note["name"]),
                                        dt.datetime.fromisoformat(note["deleted_at"]), folder))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not one of ours (or half-written): left alone
    return sorted(found, key=lambda b: (b.deleted_at, b.folder.name), reverse=True)


def restore_template(paths: AppPaths, template_id: str) -> CardTemplate:
    """Bring the latest deletion of ``template_id`` back from the bin.

    When a template with that id was made since, the restored one gets a free id (both
    stay). Raises `UsageError` naming what the bin holds when it has no ``template_id``.
    """
    binned = next((b for b in binned_templates(paths) if b.template_id == template_id), None)
    if binned is None:
        held = ", ".join(sorted({b.template_id for b in binned_templates(paths)})) or "nothing"
        raise UsageError(f"the template bin holds no '{template_id}' (it holds: {held})")
    new_id = _free_id(template_id, paths, bundled_too=False)
    target = paths.user_templates_dir / new_id
    try:
        (binned.folder / NOTE).unlink(missing_ok=True)
        paths.user_templates_dir.mkdir(parents=True, exist_ok=True)
        shutil.move(str(binned.folder), str(target))
    except OSError as exc:
        raise StudioError(f"cannot bring '{binned.name}' back from the bin: {exc.strerror or exc}") from exc
    restored = load_template(target, "user")
    if restored.id != new_id:  # its id was taken meanwhile: it keeps its files under a free one
        name = _free_name(restored.name, set(taken_templates(paths).mine.values()) - {restored.name})
        restored = save_template(dataclasses.replace(restored, id=new_id, name=name, compiled=None), target)
    return restored


def empty_template_bin(paths: AppPaths) -> int:
    """Delete every template in the bin for good; how many there were."""
    binned = binned_templates(paths)
    for entry in binned:
        shutil.rmtree(entry.folder, ignore_errors=True)
    return len(binned)


def export_template(paths: AppPaths, template_id: str, out: Path) -> Path:
    """Write ``template_id`` (bundled or the user's) as one ``.cardstudio`` file at ``out``."""
    template = get_template(paths, template_id)
    if template.folder is None:
        raise StudioError(f"'{template.name}' has no folder to export")
    out = Path(out)
    if out.is_dir():
        out = out / f"{template.id}{SUFFIX}"
    return write_package(template.folder, out)


def _plain_problem(error: TemplateError, scratch: Path) -> str:
    """The first problem of a template error, its scratch-folder path cut to the file name."""
    first = error.problems[0]
    first = first.replace(str(scratch.resolve()) + "/", "").replace(str(scratch) + "/", "")
    more = len(error.problems) - 1
    return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def import_template(paths: AppPaths, file: Path) -> ImportedTemplate:
    """Check the card file ``file`` and add its template to the user's own.

    Raises `PackageError` with one sentence when the file is refused: not a card file, a
    path leaving the folder, too large, a file kind or picture a template may not hold, or
    a template that does not load (its first problem, by file and line).
    """
    file = Path(file)
    if not file.is_file():
        raise UsageError(f"there is no file {file}")
    with tempfile.TemporaryDirectory(prefix="card-import-") as scratch_name:
        scratch = Path(scratch_name) / "template"
        scratch.mkdir()
        unpack_package(file, scratch)
        try:
            template = load_template(scratch, "user")
        except TemplateError as exc:
            raise PackageError(f"'{file.name}' cannot be imported: the card in it is not usable "
                               f"({_plain_problem(exc, scratch)}).") from exc
        taken = taken_templates(paths)
        new_id = _free_id(template.id, paths)
        name = _free_name(template.name, set(taken.mine.values()))
        saved = _saved(paths, template, new_id, name)
    return ImportedTemplate(saved, template.id)
