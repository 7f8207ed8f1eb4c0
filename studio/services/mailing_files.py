"""The files of a mailing folder besides the PDFs, and the folder's rules.

``mailing.csv`` lists each card in the order of the PDFs; the folder is new or empty
(a mailing never mixes with another's files); progress is reported on the scale of the
whole folder.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from studio.errors import UsageError
from studio.occasions import contact_country
from studio.postal import format_address
from studio.progress import Progress
from studio.settings import Settings

if TYPE_CHECKING:
    from studio.services.mailing_plan import MailingPlan

CARDS_PDF, ENVELOPES_PDF, LABELS_PDF, CSV_NAME = "cards.pdf", "envelopes.pdf", "labels.pdf", "mailing.csv"


def phase(progress: Progress, offset: int, grand_total: int) -> Progress:
    """A progress for one file of the folder, reporting on the mailing's overall scale."""
    report = progress.report

    def relay(done: int, total: int, what: str) -> None:
        if report is not None:
            report(offset + done, grand_total, what)

    return Progress(report=relay, cancelled=progress.cancelled)


def check_out_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; --out needs a folder for the mailing")
    if out.is_dir() and any(out.iterdir()):
        raise UsageError(f"the folder {out} already holds files; "
                         "choose a new or empty folder for the mailing")
    if not out.parent.exists():
        raise UsageError(f"cannot create {out}: the folder {out.parent} does not exist")


def open_up(folder: Path) -> None:
    """Give the folder and its files the permissions of an ordinary new file (the umask's).

    Temporary files and folders are created private (0600/0700); the finished mailing is
    the user's to share, print from another account or copy.
    """
    probe = folder / ".permissions"
    probe.touch()
    mode = probe.stat().st_mode & 0o777
    probe.unlink()
    for path in folder.iterdir():
        os.chmod(path, mode)
    os.chmod(folder, mode | (mode & 0o444) >> 2)  # a folder can be entered where it can be read


def write_mailing_csv(path: Path, plan: MailingPlan, settings: Settings) -> None:
    """``mailing.csv``: one row per card, in the order of the PDFs.

    Columns: position, contact_id, name, address_1 … address_N (the address as printed,
    without the name), country, occasion, date, mail_by, years. UTF-8 with a byte-order
    mark, so spreadsheet programs show 王小明 and Zoë as written.
    """
    rows = []
    for r in plan.recipients:
        address = r.contact.preferred_address()
        lines = format_address([], address, home_country=settings.home_country,
                               language=settings.language) if address else []
        country = contact_country(r.contact, settings.home_country)
        rows.append((r, lines, country))
    width = max((len(lines) for _, lines, _ in rows), default=1) or 1
    header = ["position", "contact_id", "name", *(f"address_{i}" for i in range(1, width + 1)),
              "country", "occasion", "date", "mail_by", "years"]
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for r, lines, country in rows:
            years = "" if r.occasion.years is None else r.occasion.years
            writer.writerow([r.position, r.contact.id, r.contact.name, *lines, *[""] * (width - len(lines)),
                             country, r.occasion.name, r.occasion.date.isoformat(),
                             r.occasion.mail_by.isoformat(), years])
