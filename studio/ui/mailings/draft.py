"""The mailing the wizard is putting together, and what it offers at each step.

`MailingDraft` holds the user's choices page by page and turns them into the
`studio.services.mailings.MailingRequest` the service plans and produces. The
``load_*`` functions run on pool threads and gather the choices from the services.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.paths import AppPaths
from studio.services import contacts
from studio.services.occasions import PERSONAL_OCCASIONS, OccasionChoice, occasion_names
from studio.services.session import Store
from studio.settings import Settings

# The wizard pages and the history view import these from here.
__all__ = ["PERSONAL_OCCASIONS", "MailingDraft", "OccasionChoice", "WizardChoices", "load_choices",
           "occasion_names", "default_folder"]

PEOPLE_MODES = ("occasion", "tag", "people")


@dataclass
class MailingDraft:
    mode: str = "occasion"  # who: everyone with the occasion, a tag, or hand-picked people
    occasion: str | None = None
    year: int | None = None
    days: int = 14  # personal occasions: those due within this many days
    tag: str | None = None
    contact_ids: list[int] = field(default_factory=list)
    template: str | None = None
    message: str = ""
    messages: dict[int, str] = field(default_factory=dict)  # written for each person (contact id: text)
    photos: dict[int, str] = field(default_factory=dict)  # a photo for some cards (contact id: file)
    output: str = "envelopes"  # "envelopes" or "labels"
    envelope: str | None = None
    stock: str | None = None
    start: int = 1
    order: str = "name"
    force: bool = False
    post_on: dt.date | None = None  # the day the cards go in the post; None: today

    def request(self) -> Any:
        """The service's `MailingRequest` for these choices."""
        from studio.services.mailings import MailingRequest

        return MailingRequest(
            template=self.template or "",
            occasion=self.occasion,
            year=self.year,
            tag=self.tag if self.mode == "tag" else None,
            contact_ids=tuple(self.contact_ids) if self.mode == "people" else (),
            envelopes=self.envelope if self.output == "envelopes" else None,
            labels=self.stock if self.output == "labels" else None,
            start=self.start if self.output == "labels" else 1,
            force=self.force,
            days=self.days,
            message=self.message.strip() or None,
            messages=tuple((i, text) for i, text in self.messages.items() if text.strip()),
            photos=tuple(self.photos.items()),
            order=self.order,
            post_on=self.post_on,
        )

    def folder_name(self, today: dt.date) -> str:
        what = re.sub(r"[^a-z0-9]+", "-", (self.occasion or "cards").casefold()).strip("-")
        year = f"-{self.year}" if self.year else ""
        return f"{what}{year}-{today.isoformat()}"


@dataclass
class WizardChoices:
    occasions: list[OccasionChoice]
    tags: list[tuple[str, int]]
    people: list[tuple[int, str]]
    envelopes: list[tuple[str, str]]  # (id, caption)
    stocks: list[Any]  # LabelStock
    templates: list[Any]  # CardTemplate
    default_envelope: str | None = None  # Settings' envelope size as an id of ``envelopes``
    default_stock: str | None = None  # Settings' label stock as an id of ``stocks``
    fitting_envelopes: dict[str, list[str]] = field(default_factory=dict)  # template id → envelopes


def load_choices(store: Store, paths: AppPaths, settings: Settings | None = None) -> WizardChoices:
    """Everything the wizard offers (pool thread, own store); the defaults from ``settings``
    (the stored settings when None)."""
    from studio.services import stock
    from studio.services.cards import list_templates
    from studio.services.mailings import default_stock_ids
    from studio.services.occasions import mailing_occasions
    from studio.services.preferences import load_settings

    occasions = mailing_occasions()
    envelopes = [(e.id, e.name) for e in stock.envelope_sizes(paths)]
    stocks = [s for s in stock.label_stocks(paths) if s.kind == "address"]
    default_envelope, default_stock = default_stock_ids(settings or load_settings(store), paths)
    templates = list_templates(paths).templates
    return WizardChoices(
        occasions=occasions,
        tags=contacts.tags(store),
        people=contacts.people(store),
        envelopes=envelopes,
        stocks=stocks,
        templates=templates,
        default_envelope=default_envelope,
        default_stock=default_stock,
        fitting_envelopes=stock.envelopes_for_templates({t.id: t.format for t in templates}, paths),
    )


def default_folder(base: Path, draft: MailingDraft, today: dt.date) -> Path:
    """A new, empty folder for the mailing's PDFs under ``base`` ("christmas-2026-2026-11-20")."""
    name = draft.folder_name(today)
    candidate = base / name
    number = 2
    while candidate.exists() and any(candidate.iterdir()):
        candidate = base / f"{name}-{number}"
        number += 1
    return candidate
