"""`studio demo`: the one-line way to see what Card Studio makes, on any machine.

Loads the bundled sample contacts into a throwaway database (a temporary file, never the
user's) and produces a sample holiday mailing (cards, envelopes and labels) into a folder.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from studio.cards import CardTemplate, find_templates
from studio.errors import StudioError
from studio.model import Address, Sender
from studio.progress import NO_PROGRESS, Progress
from studio.render.formats import card_format
from studio.services.addressbook import ImportReport, load_sample_contacts
from studio.services.mailings import MailingRequest, MailingResult, produce_mailing
from studio.store import open_store

DEMO_OCCASION = "christmas"
DEMO_TEMPLATE = "holiday-snow"
DEMO_TAG = "customer"
DEMO_LABELS = "avery-5160"
# Who the sample cards come from: a fictional distributor, so return addresses show.
DEMO_SENDER = Sender(name="Jordan Rivera", company="Rivera Wellness", signature_line="With gratitude, Jordan",
                     phone="(503) 555-0100", email="jordan@rivera-wellness.example",
                     address=Address(street="2200 NE Broadway Street", city="Portland", region="OR",
                                     postal_code="97232", country="US"))


@dataclass(frozen=True)
class DemoResult:
    imported: ImportReport
    mailing: MailingResult
    template: str


def _demo_template(occasion: str) -> CardTemplate:
    """The bundled template for the demo: holiday-snow, else any for the occasion, else the first."""
    catalog = find_templates(None)  # bundled only: the demo shows what ships, not the user's edits
    if DEMO_TEMPLATE in catalog.templates:
        return catalog.templates[DEMO_TEMPLATE]
    templates = catalog.sorted()
    if not templates:
        raise StudioError("no card template is bundled with this installation; the demo needs one")
    matching = [t for t in templates if occasion in t.occasions]
    return (matching or templates)[0]


def run_demo(out: Path, today: dt.date, *, progress: Progress = NO_PROGRESS) -> DemoResult:
    """Import the sample contacts into a temporary store and make a mailing in ``out``.

    The mailing is the next Christmas for the sample customers, with envelopes the
    template's cards go in and Avery 5160 labels. ``out`` must be new or empty. Nothing of the
    user's (database, templates, settings) is read or written.
    """
    template = _demo_template(DEMO_OCCASION)
    with tempfile.TemporaryDirectory(prefix="card-studio-demo-") as scratch:
        with open_store(Path(scratch) / "demo.sqlite3") as store:
            imported = load_sample_contacts(store)
            settings = store.settings.load()
            settings.sender = DEMO_SENDER
            with store.transaction():
                store.settings.save(settings)
            request = MailingRequest(template=template.id, occasion=DEMO_OCCASION, tag=DEMO_TAG,
                                     envelopes=card_format(template.format).envelope, labels=DEMO_LABELS)
            mailing = produce_mailing(store, request, today, out, None, progress=progress)
    return DemoResult(imported=imported, mailing=mailing, template=template.id)
