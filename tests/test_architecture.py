"""The house rules of ARCHITECTURE.md, checked on the source."""

from __future__ import annotations

import ast
import re
from pathlib import Path

STUDIO = Path(__file__).resolve().parent.parent / "studio"
QT_PACKAGES = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_ui_imports_qt() -> None:
    offenders = []
    for path in STUDIO.rglob("*.py"):
        if STUDIO / "ui" in path.parents:
            continue
        qt = {m for m in _imported_modules(path) if m.split(".")[0] in QT_PACKAGES}
        if qt:
            offenders.append(f"{path.relative_to(STUDIO.parent)} imports {sorted(qt)}")
    assert not offenders, "Qt outside studio/ui/:\n" + "\n".join(offenders)


def test_only_the_store_writes_sql() -> None:
    offenders = [str(p.relative_to(STUDIO.parent)) for p in STUDIO.rglob("*.py")
                 if STUDIO / "store" not in p.parents and "sqlite3" in _imported_modules(p)]
    assert not offenders, f"sqlite3 used outside studio/store/: {offenders}"


def test_core_never_imports_the_faces() -> None:
    core = [p for p in STUDIO.rglob("*.py")
            if p.name != "__main__.py" and not ({STUDIO / "ui", STUDIO / "cli"} & set(p.parents))]
    offenders = [f"{p.relative_to(STUDIO.parent)} imports {m}" for p in core
                 for m in _imported_modules(p) if m.startswith(("studio.ui", "studio.cli"))]
    assert not offenders, "\n".join(offenders)


def test_the_desktop_reaches_data_only_through_services() -> None:
    offenders = [f"{p.relative_to(STUDIO.parent)} imports {m}" for p in (STUDIO / "ui").rglob("*.py")
                 for m in _imported_modules(p) if m == "studio.store" or m.startswith("studio.store.")]
    assert not offenders, "UI modules must call studio.services, not the store:\n" + "\n".join(offenders)


def test_the_desktop_never_calls_store_repositories() -> None:
    # A job handed to the store thread receives the store; it passes it to a service.
    pattern = re.compile(r"\bstore\.(contacts|history|settings|transaction)\b")
    offenders = [f"{p.relative_to(STUDIO.parent)}:{n}" for p in (STUDIO / "ui").rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line) and not line.lstrip().startswith("#")]
    assert not offenders, "store repositories used in the UI:\n" + "\n".join(offenders)


def test_readme_links_stay_inside_the_repository() -> None:
    readme = (STUDIO.parent / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)\)", readme) + re.findall(r"`(\.\./[^`]+)`", readme)
    local = [t for t in targets if not t.startswith(("http://", "https://", "mailto:"))]
    outside = [t for t in local if not (STUDIO.parent / t).resolve().is_relative_to(STUDIO.parent)]
    missing = [t for t in local if t not in outside and not (STUDIO.parent / t).exists()]
    assert not outside, f"README links outside the repository: {outside}"
    assert not missing, f"README links to missing files: {missing}"
