"""Photos on cards: `studio photo` and Settings ▸ Sender ▸ Your photo (the sender's own,
kept in the data folder), the photo chosen for one run (``--photo``), and the warnings a
run gives before printing: photo boxes left empty, photos too small to print sharply."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from studio.cards import CardTemplate
from studio.cards.spec import PHOTO_SOURCES
from studio.errors import StudioError, UsageError
from studio.model import Contact
from studio.partial_files import copy_into
from studio.paths import AppPaths
from studio.personal.photos import LOW_DPI, PhotoSize, photo_size, printed_dpi
from studio.services.session import Store
from studio.settings import Settings

PHOTO_DIR = Path("photo")  # under the user's data folder
_CHOOSE_AGAIN = "choose it again under Settings ▸ Sender, or run `studio photo --file FILE`"
_NAMES_SHOWN = 8


def sender_photo_problem(path: str) -> str | None:
    """Why the sender's photo at ``path`` cannot be printed, in words; None when it can (or
    when none is set)."""
    if not path.strip():
        return None
    why = photo_size(Path(path))
    return f"your photo {path} {why}: {_CHOOSE_AGAIN}" if isinstance(why, str) else None


def check_photo_settings(template: CardTemplate, settings: Settings) -> None:
    """Raise StudioError when ``template`` prints the sender's photo and the one set cannot
    be printed (gone missing, unreadable): named, not a card with a hole."""
    if "sender.photo" in photo_sources(template):
        problem = sender_photo_problem(settings.sender.photo)
        if problem:
            raise StudioError(problem)


def keep_sender_photo(photo: Path, paths: AppPaths) -> Path:
    """Check ``photo`` and copy it into the data folder (the original may be moved later);
    returns the copy. Settings are not changed (`use_sender_photo` does that)."""
    photo = Path(photo)
    why = photo_size(photo) if photo.is_file() else "is not a file"
    if isinstance(why, str):
        raise StudioError(f"{photo} {why}: choose a JPEG or PNG photo of yourself")
    return copy_into(photo, paths.data_dir / PHOTO_DIR)


def use_sender_photo(store: Store, photo: Path | None) -> None:
    """Print ``photo`` in "sender.photo" boxes from now on (None: those boxes stay empty)."""
    with store.transaction():
        settings = store.settings.load()
        settings.sender.photo = str(photo) if photo is not None else ""
        store.settings.save(settings)


def mailing_photo(photo: Path | None) -> str:
    """The photo chosen for a run (``--photo``) as the cards take it ("" none); `UsageError`
    naming the file when it cannot be printed, before any card is drawn."""
    if photo is None:
        return ""
    why = photo_size(Path(photo)) if Path(photo).is_file() else "is not a file"
    if isinstance(why, str):
        raise UsageError(f"--photo {photo} {why}")
    return str(photo)


def photo_sources(template: CardTemplate) -> set[str]:
    """The photo sources ``template``'s image boxes take ("contact.photo", …)."""
    return {i.source for p in template.panels for i in p.images if i.source in PHOTO_SOURCES}


@dataclass
class PhotoCheck:
    """The photo warnings of one run of ``template``: `add` each card's contact, then read
    `warnings`. A contact's photo Card Studio cannot print is left out of their card
    (`printable`), the rest of the card prints."""

    template: CardTemplate
    settings: Settings
    mailing_photo: str = ""
    _boxes: list[tuple[str, str, float, float, str]] = field(default_factory=list)  # source, name, w, h, fit
    _without: list[str] = field(default_factory=list)  # contacts whose card has no photo
    _soft: list[str] = field(default_factory=list)  # "Anna Berg (96 dpi)"
    _unreadable: list[str] = field(default_factory=list)  # "Dana Ortiz's photo is a HEIF image …"

    def __post_init__(self) -> None:
        width, height = _panel_size(self.template)
        for panel in self.template.panels:
            for i, image in enumerate(panel.images):
                if image.source in PHOTO_SOURCES:
                    self._boxes.append((image.source, image.name or f"{panel.name}-image-{i + 1}",
                                        image.width or width - image.x, image.height or height - image.y,
                                        image.fit))

    @property
    def wants_contact_photos(self) -> bool:
        return any(source == "contact.photo" for source, *_ in self._boxes)

    def add(self, contact: Contact, photo: bytes | None) -> bool:
        """Note ``contact``'s card (``photo``: their stored photo); True when the photo prints."""
        if not self.wants_contact_photos:
            return False
        name = contact.name or f"#{contact.id}"
        if not photo:
            self._without.append(name)
            return False
        size = photo_size(photo)
        if isinstance(size, str):
            self._unreadable.append(f"{name}'s photo {size}")
            return False
        dpi = self._lowest_dpi(size, "contact.photo")
        if dpi < LOW_DPI:
            self._soft.append(f"{name} ({dpi:.0f} dpi)")
        return True

    def warnings(self) -> list[str]:
        """What to tell the user before printing, each a sentence naming the people or file."""
        notes: list[str] = []
        sources = {source for source, *_ in self._boxes}
        if self._without:
            notes.append(f"{_count(self._without, 'card')} without a photo (the contact has none in the "
                         f"address book; the rest of the card prints): {_names(self._without)}")
        if self._unreadable:
            notes.append(f"{_count(self._unreadable, 'photo')} cannot be printed and "
                         f"{'are' if len(self._unreadable) != 1 else 'is'} left out: "
                         f"{_names(self._unreadable, separator='; ')}")
        if self._soft:
            notes.append(f"{_count(self._soft, 'photo')} under {LOW_DPI} dpi at the printed size "
                         f"may print blurred: {_names(self._soft)}")
        notes += self._file_warnings("sender.photo", self.settings.sender.photo, sources, "your photo",
                                     "set none (Settings ▸ Sender, or `studio photo --file FILE`)")
        notes += self._file_warnings("mailing.photo", self.mailing_photo, sources,
                                     "the photo chosen with --photo", "chose none (--photo FILE)")
        if self.mailing_photo and "mailing.photo" not in sources:
            notes.append(f"the {self.template.id} cards have no box for a photo chosen with --photo: "
                         f"{self.mailing_photo} is not printed")
        return notes

    def _file_warnings(self, source: str, path: str, sources: set[str], what: str, none: str) -> list[str]:
        if source not in sources:
            return []
        if not path.strip():
            return [f"the {self.template.id} cards have a place for {what}, but you {none}: "
                    "they print without it"]
        size = photo_size(Path(path))
        if isinstance(size, str):
            return []  # refused before the run began (`sender_photo_problem`, `mailing_photo`)
        dpi = self._lowest_dpi(size, source)
        if dpi < LOW_DPI:
            return [f"{what} {path} is {dpi:.0f} dpi at its printed size (under {LOW_DPI}) and may "
                    "print blurred: use a larger picture"]
        return []

    def _lowest_dpi(self, size: PhotoSize, source: str) -> float:
        return min(printed_dpi(size, w, h, fit) for s, _name, w, h, fit in self._boxes if s == source)


def printable(contact: Contact) -> Contact:
    """``contact`` as their card takes it: without a photo that cannot be printed (a HEIC
    from an iPhone, which the import keeps unchecked), so the card prints without the box."""
    if contact.photo and isinstance(photo_size(contact.photo), str):
        return dataclasses.replace(contact, photo=None)
    return contact


def _panel_size(template: CardTemplate) -> tuple[float, float]:
    if template.compiled is not None:
        return template.compiled.panel_size
    from studio.render.formats import card_format

    fmt = card_format(template.format)
    return fmt.width_mm, fmt.height_mm


def _count(items: list[str], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


def _names(items: list[str], *, separator: str = ", ") -> str:
    more = len(items) - _NAMES_SHOWN
    return separator.join(items[:_NAMES_SHOWN]) + (f" and {more} more" if more > 0 else "")
