"""Handing PDFs to CUPS with `lp`, so the printer gets the vector pages, not pictures of them.

``server`` ("127.0.0.1:631") picks a CUPS server other than the system's; None means the
usual one (or CUPS_SERVER from the environment, which `lp`, `lpstat` and Qt all honour).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studio.errors import StudioError
from studio.printing.hints import Sides, job_sides

__all__ = ["PrintRequest", "Sides", "cups_available", "queues", "submit"]

_TIMEOUT_S = 60
_REQUEST_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PrintRequest:
    queue: str
    copies: int = 1
    sides: Sides | None = None  # for two-sided PDFs; None: each PDF's own hint (`job_sides`)
    title: str = "Card Studio"


def cups_available() -> bool:
    return shutil.which("lp") is not None and shutil.which("lpstat") is not None


def queues(server: str | None = None) -> list[str]:
    """The CUPS queues this machine prints to; [] when CUPS is not there or not running."""
    if not cups_available():
        return []
    try:
        done = subprocess.run(
            ["lpstat", *_host(server), "-e"], capture_output=True, text=True, timeout=_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in done.stdout.splitlines() if line.strip()] if done.returncode == 0 else []


def submit(paths: Sequence[Path], request: PrintRequest, server: str | None = None) -> list[str]:
    """Send each PDF to ``request.queue`` at 100 % (no fit-to-page), each with the sides its
    own print hint allows (`job_sides`: envelopes never two-sided); returns the job ids.

    Raises StudioError with the spooler's own words when a job is refused.
    """
    if not cups_available():
        raise StudioError(
            "CUPS's `lp` command is not installed, so Card Studio cannot hand the PDF to the printer"
        )
    if request.copies < 1:
        raise StudioError(f"the number of copies must be at least 1 (got {request.copies})")
    jobs = []
    for path in paths:
        options = ["-o", "print-scaling=none", "-o", "fit-to-page=false"]
        sides = job_sides(path, request.sides)
        if sides is not None:
            options += ["-o", f"sides={sides.value}"]
        command = [
            "lp",
            *_host(server),
            "-d",
            request.queue,
            "-n",
            str(request.copies),
            "-t",
            f"{request.title} - {path.name}",
            *options,
            str(path),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise StudioError(
                f"the printer queue {request.queue} did not answer within {_TIMEOUT_S} s"
            ) from None
        except OSError as exc:
            raise StudioError(f"could not run lp: {exc.strerror or exc}") from None
        if done.returncode != 0:
            why = (done.stderr or done.stdout).strip().removeprefix(
                "lp: "
            ) or f"lp exited with {done.returncode}"
            raise StudioError(f"the printer queue {request.queue} refused {path.name}: {why}")
        match = _REQUEST_ID.search(done.stdout)
        jobs.append(match.group(1) if match else "")
    return jobs


def _host(server: str | None) -> list[str]:
    return ["-h", server] if server else []
