"""Address-book use cases: import vCard files, choose contacts, export."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from studio.contacts.export import write_vcards
from studio.contacts.identity import identity_keys
from studio.contacts.matching import Verdict, match
from studio.contacts.merge import merge_contacts
from studio.contacts.photo import print_copy
from studio.contacts.reader import Problem, VCardFile
from studio.errors import StudioError, UsageError
from studio.model import Contact
from studio.paths import bundled_dir
from studio.progress import NO_PROGRESS, Progress
from studio.services.duplicates import possible_duplicates
from studio.services.sheets import SheetOptions, read_contacts
from studio.store import Store
from studio.store.bin import BinnedContact
from studio.store.contact_rows import stored_form

SAMPLE_CONTACTS = "samples/sample-contacts.vcf"


@dataclass
class ImportReport:
    """What an import did, file by file summed up."""

    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    possible_duplicates: int = 0  # pairs in the address book waiting for the user's decision

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.skipped} skipped, {len(self.problems)} problems"
                + (f", {len(self.rejected)} files rejected" if self.rejected else "")
                + (f"; {self.possible_duplicates} possible duplicates to review"
                   if self.possible_duplicates else ""))


def import_contact(store: Store, incoming: Contact, *, original_photos: bool = False) -> str:
    """Add ``incoming`` or merge it into the stored record of the same person.

    Returns "added", "updated" or "unchanged". Call inside a transaction.

    A card identical to one imported before is "unchanged" at once: merging is
    idempotent, and a detail the user has since deleted in the app is not brought back
    by importing the same old export again. A card merges only into a record that
    `matching.match` finds is the same person; one that is only possibly the same (the
    same name and address with another birthday) is added, for the user to decide in the
    possible-duplicates review.

    The photo is stored at print size (`photo.print_copy`) unless ``original_photos``.
    """
    incoming.id = None
    if incoming.photo and not original_photos:
        incoming.photo, incoming.photo_type = print_copy(incoming.photo, incoming.photo_type)
    form = stored_form(incoming)
    card = form.fingerprint
    if store.contacts.imported_card_owner(card) is not None:
        return "unchanged"
    home = store.contacts.home_country()  # where numbers without a country code are read
    for candidate_id in store.contacts.find_by_keys(identity_keys(incoming, home)):
        existing = store.contacts.get(candidate_id)
        if existing is None or match(existing, incoming, home).verdict is not Verdict.SAME:
            continue
        merged = merge_contacts(existing, incoming, home)
        outcome = "unchanged"
        merged_form = stored_form(merged)
        if merged_form.fingerprint != store.contacts.stored_fingerprint(candidate_id):
            store.contacts.update(merged, merged_form)
            outcome = "updated"
        store.contacts.remember_imported_card(candidate_id, card)
        return outcome
    contact_id = store.contacts.add(incoming, form)
    store.contacts.remember_imported_card(contact_id, card)
    return "added"


def import_vcards(store: Store, paths: Sequence[str | Path],
                  progress: Progress = NO_PROGRESS, sheets: SheetOptions | None = None, *,
                  original_photos: bool = False) -> ImportReport:
    """Import vCard files and contact sheets (CSV, XLSX, ODS), one transaction per file.

    A file that is not a vCard at all is rejected (listed in ``rejected``) and the others
    go on; a broken card or field inside a file is reported in ``problems`` and the rest
    of the file is imported.

    Every file is read first, then their contacts are imported, so `progress` counts
    contacts over all the files (``done`` of ``total`` cards), also for the usual single
    phone export. While the files are being read the number of contacts is not known yet:
    those steps report a total of 0. Cancelling (`progress`) keeps the files already
    imported and leaves the store as it was before the file in progress. Photos are
    kept at print size, whole only with ``original_photos``.
    """
    report = ImportReport()
    files = [Path(path) for path in paths]
    read: list[tuple[str, VCardFile]] = []
    for index, path in enumerate(files):
        of_files = f" ({index + 1} of {len(files)} files)" if len(files) > 1 else ""
        progress.step(0, 0, f"Reading {path.name}{of_files}")
        try:
            read.append((path.name, read_contacts(store, path, sheets or SheetOptions())))
        except StudioError as exc:
            report.rejected.append((str(path), str(exc)))
    total = sum(len(parsed.cards) for _, parsed in read)
    done = 0
    for name, parsed in read:
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        with store.transaction():
            for number, card in enumerate(parsed.cards):
                progress.step(done + number, total, f"{name}: {number} of {len(parsed.cards)} contacts")
                counts[import_contact(store, card.contact, original_photos=original_photos)] += 1
        done += len(parsed.cards)
        report.files += 1
        report.added += counts["added"]
        report.updated += counts["updated"]
        report.unchanged += counts["unchanged"]
        report.skipped += parsed.skipped
        report.problems.extend(parsed.problems)
    if report.added:
        report.possible_duplicates = len(possible_duplicates(store))
    progress.step(total, total, "Done")
    return report


def load_sample_contacts(store: Store, progress: Progress = NO_PROGRESS) -> ImportReport:
    """Import the bundled sample customers, for trying the app out."""
    return import_vcards(store, [bundled_dir("assets") / SAMPLE_CONTACTS], progress)


def select_contact_ids(store: Store, *, ids: Iterable[int] | None = None, tag: str | None = None,
                       everyone: bool = False) -> list[int]:
    """The contacts a command works on: the given ids (in that order, each once), or a tag's
    or everyone's in address-book order.

    Raises StudioError for an id that is not in the address book, a tag nobody has or an
    empty address book (things the user fixes in the address book), UsageError for no
    selection at all (the command line lacks a choice).
    """
    if ids:
        wanted = list(dict.fromkeys(ids))
        unknown = [i for i in wanted if store.contacts.get(i) is None]
        if unknown:
            raise StudioError(f"no contact with id {', '.join(map(str, unknown))} "
                             "(see `studio contacts` for the ids)")
        return wanted
    if tag:
        found = store.contacts.ids(tag=tag)
        if not found:
            raise StudioError(f"no contact has the tag {tag!r}")
        return found
    if everyone:
        found = store.contacts.ids()
        if not found:
            raise StudioError("the address book is empty; import contacts first (`studio import`)")
        return found
    raise UsageError("choose contacts with --contact ID, --tag TAG or --all")


def export_vcards(store: Store, out: TextIO, *, tag: str | None = None) -> int:
    """Write contacts (all, or those with ``tag``) as vCard 3.0; returns how many."""
    ids = store.contacts.ids(tag=tag)
    return write_vcards((c for c in (store.contacts.get(i) for i in ids) if c is not None), out)


DeletedContact = BinnedContact  # what deleting removed, kept in the bin until restored


def delete_contacts(store: Store, contact_ids: Iterable[int], *,
                    now: dt.datetime | None = None) -> list[DeletedContact]:
    """Move contacts to the bin in one transaction; returns what `restore_contacts` puts back.

    The bin keeps each contact whole with its events and the links to the cards they were
    sent (mailing history keeps the recipient's name meanwhile), across restarts, until it is
    restored or the bin is emptied.
    """
    deleted = []
    when = now or dt.datetime.now()
    with store.transaction():
        for contact_id in contact_ids:
            contact = store.contacts.get(contact_id)
            if contact is None:
                continue
            gone = BinnedContact(None, contact, store.history.events(contact_id=contact_id),
                                 store.history.item_positions(contact_id),
                                 customer_numbers=store.contacts.customer_numbers(contact_id),
                                 enrolments=store.sequences.kept(contact_id))
            store.bin.add(gone, when)
            store.contacts.delete(contact_id)
            deleted.append(gone)
    return deleted


def restore_contacts(store: Store, deleted: Iterable[DeletedContact]) -> list[Contact]:
    """Take contacts out of the bin with their events, mailing history and follow-up
    sequences, under their old ids (a new one when a new contact has taken it since);
    returns the restored contacts."""
    restored = []
    with store.transaction():
        for gone in deleted:
            if gone.id is not None and store.bin.get(gone.id) is None:
                continue  # already restored (an undo after a restore from the bin)
            contact = dataclasses.replace(gone.contact)
            if contact.id is not None and store.contacts.get(contact.id) is not None:
                contact.id = None
            store.contacts.add(contact)
            event_ids = {}
            for event in gone.events:
                new_id = store.history.add_event(dataclasses.replace(event, id=None, contact_id=contact.id))
                if event.id is not None:
                    event_ids[event.id] = new_id
            store.sequences.put_back(contact.id, gone.enrolments, event_ids)
            store.history.link_items(gone.mailing_items, contact.id)
            for number in gone.customer_numbers:
                store.contacts.add_customer_number(contact.id, number)
            if gone.id is not None:
                store.bin.remove(gone.id)
            restored.append(contact)
    return restored
