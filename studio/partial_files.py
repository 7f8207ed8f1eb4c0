"""Files and folders written beside their final name and moved there when complete, and the
leftovers of runs that were killed before they could move or remove them.

Each temporary name carries the writing process's id, so a later run can tell a leftover of a
dead process (removed) from the work of a run still going on (left alone).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

# ".cards.pdf.1234.k2j4_x9a.part" and ".Holiday 2026.partial-1234-q8v3m1zt"
_FILE = re.compile(r"^\..+\.(?P<pid>\d+)\.[A-Za-z0-9_]{6,}\.part$")
_FOLDER = re.compile(r"^\..+\.partial-(?:(?P<pid>\d+)-)?[A-Za-z0-9_]{6,}$")
_OLD_FILE = re.compile(r"^\..+\.[A-Za-z0-9_]{6,}\.part$")  # written before names carried a pid
_STALE_AFTER = 6 * 3600  # seconds; for leftovers whose writer cannot be asked


def temporary_file(beside: Path) -> Path:
    """An empty file in ``beside``'s folder, to be moved onto ``beside`` when written.

    Raises OSError when the folder cannot be written. Leftovers of killed runs in that
    folder are removed first.
    """
    folder = beside.parent
    clean_leftovers(folder)
    handle, name = tempfile.mkstemp(prefix=f".{beside.name}.{os.getpid()}.", suffix=".part", dir=folder)
    os.close(handle)
    return Path(name)


def copy_into(source: Path, folder: Path) -> Path:
    """A copy of ``source`` kept in ``folder`` under its own name (written whole, then moved
    into place, so a crash never leaves half a file); returns the copy. A file already
    there is replaced; ``source`` already in ``folder`` is left as it is."""
    target = folder / source.name
    folder.mkdir(parents=True, exist_ok=True)
    if target.resolve() != source.resolve():
        temporary = temporary_file(target)
        try:
            shutil.copyfile(source, temporary)
            temporary.replace(target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    return target


def temporary_folder(beside: Path) -> Path:
    """An empty folder beside ``beside``, to be renamed to it when complete (see `temporary_file`)."""
    clean_leftovers(beside.parent)
    return Path(tempfile.mkdtemp(prefix=f".{beside.name}.partial-{os.getpid()}-", dir=beside.parent))


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files and folders that killed runs left in ``folder``; returns them."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if _is_leftover(entry):
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            if not path.exists():
                removed.append(path)
    return removed


def _is_leftover(entry: os.DirEntry) -> bool:
    if not entry.name.startswith("."):
        return False
    found = _FOLDER.match(entry.name) if entry.is_dir(follow_symlinks=False) else _FILE.match(entry.name)
    if found and found.group("pid") and sys.platform != "win32":
        return not _running(int(found.group("pid")))
    if found or _OLD_FILE.match(entry.name):
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
        except OSError:
            return False
    return False


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks; POSIX only (on Windows it would terminate)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
