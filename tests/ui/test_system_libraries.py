"""The desktop starts on a plain X11 desktop: every library Qt's xcb plugin links is there,
and each comes from a package `scripts/setup` installs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

QT = Path(PySide6.__file__).parent / "Qt"
SETUP = Path(__file__).resolve().parents[2] / "scripts" / "setup"


def _linked(library: Path) -> list[tuple[str, str]]:
    out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s*(\S+) => (\S+)", out, flags=re.MULTILINE)


def _xcb_libraries() -> list[Path]:
    return [QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6"]


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is part of every glibc system")
def test_nothing_the_xcb_plugin_links_is_missing() -> None:
    missing = sorted({name for lib in _xcb_libraries() for name, where in _linked(lib) if where == "not"})
    assert not missing, f"install the packages with these libraries (scripts/setup): {missing}"


def test_setup_installs_every_xcb_library_package() -> None:
    listed = set(re.search(r"runtime=\(([^)]*)\)", SETUP.read_text(encoding="utf-8")).group(1).split())
    needed = {
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-image0",
        "libxcb-randr0",
        "libxcb-render-util0",
        "libxcb-shape0",
        "libxcb-sync1",
        "libxcb-xfixes0",
        "libxcb-xkb1",
        "libxcb-util1",
        "libx11-xcb1",
        "libxkbcommon-x11-0",
        "libegl1",
        "libgl1",
        "libfontconfig1",
    }
    # Every xcb library the plugin links names its package: libxcb-foo.so.N comes from libxcb-fooN.
    for lib in _xcb_libraries():
        for name, _ in _linked(lib):
            if match := re.match(r"libxcb-([a-z-]+)\.so\.(\d+)", name):
                needed.add(f"libxcb-{match.group(1)}{match.group(2)}")
    assert needed <= listed, f"scripts/setup misses {sorted(needed - listed)}"
