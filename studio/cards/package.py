"""A card template as one file to share: a ``.cardstudio`` zip of its folder, checked on the way in.

    write_package(folder, out)        # template.toml, the .j2 texts, artwork, sample.toml
    unpack_package(file, into)        # refuses anything a template folder would not hold

A package comes from anywhere (an e-mail, a forum), so unpacking trusts none of its headers:
every member name must be a plain relative path inside the folder (no ``..``, no absolute
or drive paths, no links: "zip slip"), only the kinds of file a template holds are taken,
and the bytes actually inflated are counted against per-file and total budgets (a zip bomb
stops at the budget, whatever sizes its headers claim). Artwork gets `check_artwork`, the
check a template's own artwork gets. Loading the unpacked folder (`load_template`) then
checks the manifest and the Jinja in the sandbox, as for any template.
"""

from __future__ import annotations

import os
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from studio.cards.validate import check_artwork
from studio.errors import StudioError

SUFFIX = ".cardstudio"
MAX_PACKAGE_BYTES = 40 * 1024 * 1024  # the file itself; bundled templates are well under 2 MB
MAX_MEMBER_BYTES = 25 * 1024 * 1024  # one inflated file
MAX_TOTAL_BYTES = 60 * 1024 * 1024  # everything inflated
MAX_MEMBERS = 200
MAX_RATIO = 200  # inflated / compressed for a member over 1 MB: more is a bomb, not artwork
TEXT_SUFFIXES = (".toml", ".j2", ".txt", ".md")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
_CHUNK = 64 * 1024


class PackageError(StudioError):
    """A package that is not imported; the message is one sentence naming the file and why."""


def write_package(folder: Path, out: Path) -> Path:
    """Zip the template ``folder`` into ``out`` (written whole, then moved into place).

    Hidden files and files a template does not use (by suffix) stay out. Raises
    `StudioError` when ``out`` cannot be written.
    """
    folder, out = Path(folder), Path(out)
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                   and p.suffix.lower() in TEXT_SUFFIXES + IMAGE_SUFFIXES)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
        os.close(handle)
        try:
            with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as package:
                for path in files:
                    # Artwork is already compressed: storing it saves time for nothing lost.
                    stored = path.suffix.lower() in IMAGE_SUFFIXES
                    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                    package.write(path, path.relative_to(folder).as_posix(), compress_type=method)
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StudioError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def _refuse(file: Path, why: str) -> PackageError:
    return PackageError(f"'{file.name}' cannot be imported: {why}.")


def _member_path(file: Path, info: zipfile.ZipInfo) -> PurePosixPath | None:
    """The member's path inside the folder, None for a directory entry; refuses a way out."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _refuse(file, f"it holds a link ('{name}'), and a card template holds only plain files")
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":") or "\x00" in name:
        raise _refuse(file, f"it holds '{name}', a path outside the card's own folder")
    path = PurePosixPath(name)
    if ".." in path.parts:
        raise _refuse(file, f"it holds '{name}', which would be written outside the card's own folder")
    if name.endswith("/"):
        return None
    if any(part.startswith(".") for part in path.parts):
        raise _refuse(file, f"it holds the hidden file '{name}', which is no part of a card template")
    if path.suffix.lower() not in TEXT_SUFFIXES + IMAGE_SUFFIXES:
        raise _refuse(file, f"it holds '{name}', which is no part of a card template "
                            "(only template.toml, .j2 texts and PNG or JPEG artwork are)")
    return path


def unpack_package(file: Path, into: Path) -> None:
    """Check the package ``file`` and unpack it into the empty folder ``into``.

    Raises `PackageError` (one sentence) for a file that is not a package, a member that
    would leave the folder, a file kind a template does not hold, a package over its size
    budgets, no template.toml, or artwork that fails `check_artwork`. ``into`` may hold
    part of the package afterwards; the caller unpacks into a scratch folder.
    """
    file, into = Path(file), Path(into)
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise PackageError(f"cannot read {file}: {exc.strerror or exc}.") from exc
    if size > MAX_PACKAGE_BYTES:
        raise _refuse(file, f"it is {size / 1e6:.0f} MB, more than a shared card ever needs "
                            f"({MAX_PACKAGE_BYTES // (1024 * 1024)} MB at most)")
    try:
        package = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(file, f"it is not a Card Studio card file (a {SUFFIX} file made by "
                            "Export in the gallery or `studio templates --export`)") from None
    with package:
        members = package.infolist()
        if len(members) > MAX_MEMBERS:
            raise _refuse(file, f"it holds {len(members)} files, more than a card template ever has")
        wanted = [(info, _member_path(file, info)) for info in members]
        if not any(path == PurePosixPath("template.toml") for _, path in wanted):
            raise _refuse(file, "it holds no template.toml, so it is not a card template")
        total = 0
        for info, path in wanted:
            if path is None:
                continue
            if info.flag_bits & 0x1:
                raise _refuse(file, f"'{info.filename}' is encrypted")
            target = into.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            total += _inflate(file, package, info, target, MAX_TOTAL_BYTES - total)
            if path.suffix.lower() in IMAGE_SUFFIXES:
                problem = check_artwork(target)
                if problem:
                    raise _refuse(file, f"its picture {problem}")


def _inflate(file: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, room: int) -> int:
    """Write one member, counting the bytes actually inflated (headers can lie); its size."""
    limit = min(MAX_MEMBER_BYTES, room)
    written = 0
    try:
        with package.open(info) as source, open(target, "xb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > limit:
                    raise _refuse(file, f"'{info.filename}' unpacks to more than "
                                        f"{limit // (1024 * 1024)} MB (a zip bomb, not a card)")
                compressed = max(info.compress_size, 1)
                if written > 1024 * 1024 and written / compressed > MAX_RATIO:
                    raise _refuse(file, f"'{info.filename}' unpacks to hundreds of times its packed size "
                                        "(a zip bomb, not a card)")
                out.write(chunk)
    except FileExistsError:
        raise _refuse(file, f"it holds '{info.filename}' twice") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            NotImplementedError) as exc:
        raise _refuse(file, f"'{info.filename}' inside it is damaged ({exc})") from None
    return written
