#!/usr/bin/env python3
"""Open each main view of the desktop app on the sample contacts and save screenshots.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Runs offscreen (no display needed) on a throwaway data folder: the bundled sample
contacts, a sender in Settings, one mailing already made. "Today" is fixed, so the
pictures are the same on every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TODAY = dt.date(2026, 11, 20)
SIZE = (1280, 800)


def prepare(home: Path) -> Path:
    """A data folder with the sample contacts, a sender and one mailing made and posted."""
    from studio.model import Address
    from studio.paths import AppPaths
    from studio.services.addressbook import load_sample_contacts
    from studio.services.mailings import MailingRequest, mark_sent, produce_mailing
    from studio.services.occasions import log_event
    from studio.store import open_store

    paths = AppPaths(data_dir=home, db_path=home / "card-studio.sqlite3")
    with open_store(paths.db_path) as store:
        load_sample_contacts(store)
        settings = store.settings.load()
        settings.sender.name = "Maya Lindqvist"
        settings.sender.company = "Lindqvist Wellness"
        settings.sender.signature_line = "Warmly, Maya"
        settings.sender.phone = "(503) 555-0199"
        settings.sender.address = Address(
            street="812 NW Flanders Street",
            city="Portland",
            region="OR",
            postal_code="97209",
            country="United States",
        )
        with store.transaction():
            store.settings.save(settings)
        ids = store.contacts.ids(tag="vip")[:6] or store.contacts.ids()[:6]
        request = MailingRequest(
            template="thinking-of-you",
            occasion="thinking-of-you",
            contact_ids=tuple(ids),
            labels="avery-5160",
        )
        (home / "mailings").mkdir(parents=True, exist_ok=True)
        done = produce_mailing(store, request, TODAY, home / "mailings" / "thank-you", paths)
        mark_sent(store, done.mailing_id, dt.date.today())  # the history records when it was made, today
        log_event(store, str(store.contacts.ids()[3]), "order", TODAY - dt.timedelta(days=1))
    return paths.db_path


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(window, context, until: Callable[[], bool] = lambda: True, limit_s: float = 60.0) -> None:  # noqa: ANN001
    """Let background work finish (store jobs, renders, thumbnails) and paint."""
    import time

    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        spin(100)
        if context.store.pending == 0 and not context.tasks.busy and until():
            break
    spin(300)


def printer_setup_shots(window, context, shot: Callable) -> None:  # noqa: ANN001
    """Settings ▸ Printer, and the printer setup wizard's duplex and calibration pages."""
    settings = window.show_view("settings")
    settle(window, context)
    box = settings.calibration
    shot(box, "16-settings-printer")
    box.open_setup()
    wizard = box.setup_wizard
    wizard.resize(720, 540)
    settle(window, context, lambda: wizard.print_test.pdf.path is not None)
    wizard.next()
    wizard.duplex.choices.choose("short")
    settle(window, context)
    shot(wizard, "14-printer-setup-duplex")
    wizard.next()
    wizard.stack.stack.choose("face-up")
    wizard.next()
    wizard.cross.right.setValue(1.0)
    wizard.next()
    page = wizard.calibrate
    page.pdf.make()
    settle(window, context, lambda: page.pdf.path is not None)
    page.group.setChecked(True)
    page.right.setValue(0.5)
    page.down.setValue(-1.0)
    page.ruler_x.setValue(151.0)
    settle(window, context)
    shot(wizard, "15-printer-setup-calibrate")
    wizard.reject()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--only", choices=("all", "printer-setup"), default="all",
                        help="printer-setup: only the Settings ▸ Printer and printer setup pictures")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="card-studio-shots-") as tmp:
        home = Path(tmp) / "home"
        os.environ["CARD_STUDIO_HOME"] = str(home)
        os.environ["HOME"] = tmp  # the wizard's default folder lands in the throwaway folder

        from PySide6.QtGui import QTextCursor

        from studio.paths import AppPaths
        from studio.ui.app import create_application, open_window

        app = create_application()
        saved: list[str] = []

        def shot(widget, name: str) -> None:  # noqa: ANN001
            path = args.out / f"{name}.png"
            widget.grab().save(str(path))
            saved.append(path.name)

        if args.only == "printer-setup":
            db = prepare(home)
            window, context = open_window(AppPaths(data_dir=home, db_path=db), today=lambda: TODAY)
            window.resize(*SIZE)
            window.show()
            printer_setup_shots(window, context, shot)
            window.close()
            context.shutdown()
            print("\n".join(f"{args.out / name}" for name in saved))
            return 0

        # First run: an empty address book.
        empty = AppPaths(data_dir=home / "empty", db_path=home / "empty" / "empty.sqlite3")
        window, context = open_window(empty, today=lambda: TODAY)
        window.resize(*SIZE)
        window.show()
        settle(window, context, lambda: window.store_empty is True)
        window.show_view("today")
        settle(window, context)
        shot(window, "01-welcome")
        window.close()
        context.shutdown()

        db = prepare(home)
        window, context = open_window(AppPaths(data_dir=home, db_path=db), today=lambda: TODAY)
        window.resize(*SIZE)
        window.show()
        today = window.show_view("today")
        settle(window, context, lambda: today.data is not None)
        shot(window, "02-today")

        contacts = window.show_view("contacts")
        settle(window, context, lambda: contacts.model.rowCount() > 0)
        contacts.table.selectRow(0)
        settle(window, context)
        shot(window, "03-contacts")
        contacts.edit_selected()
        settle(window, context, lambda: contacts.editor is not None)
        contacts.editor.tabs.setCurrentIndex(4)  # Dates: the day, month and year pickers
        spin(200)
        shot(contacts.editor, "04-contact-editor")
        contacts.editor.reject()

        cards = window.show_view("cards")
        settle(window, context, lambda: cards.loaded)
        for row in range(cards.gallery.model.rowCount()):
            cards.gallery.model.index(row).data(1)  # ask for every thumbnail
        settle(
            window, context, lambda: cards.gallery.model.thumbnails_ready() == cards.gallery.model.rowCount()
        )
        shot(window, "05-cards")

        zoe = next(
            (i for i in range(contacts.model.rowCount()) if contacts.model.summary(i).name.startswith("Zoë")),
            0,
        )
        cards.design(("birthday-balloons", contacts.model.summary(zoe).id, "birthday"))
        designer = cards.designer
        settle(window, context, lambda: designer.last_result is not None and designer.contact is not None)
        designer.tabs.setCurrentIndex(1)
        designer.message.setPlainText(
            "Happy birthday, Zoë! Thank you for a wonderful year — your next lavender body butter is on me."
        )
        settle(window, context, lambda: not designer.preview.busy)
        # The designer on a 1366×768 laptop: the greeting's words in the rich editor, with a
        # bold word and a merge-field chip put in the way a user would.
        window.resize(1366, 768)
        designer.tabs.setCurrentIndex(0)
        designer.select_box("greeting")
        words = designer.box_editor.text
        words.editor.moveCursor(QTextCursor.MoveOperation.End)
        words.editor.insertPlainText(", ")
        words.insert_field("contact|friendly")
        cursor = words.editor.textCursor()
        cursor.setPosition(len("Happy "))
        cursor.setPosition(len("Happy Birthday"), QTextCursor.MoveMode.KeepAnchor)
        words.editor.setTextCursor(cursor)
        words.toggle_style("bold")
        settle(window, context, lambda: not designer.preview.busy)
        shot(window, "06-designer")
        designer.discard_edits()
        window.resize(*SIZE)

        mailings = window.show_view("mailings")
        settle(window, context, lambda: mailings.model.rowCount() > 0)
        shot(window, "07-mailings-history")

        from studio.ui.mailings.preset import MailingPreset

        mailings.start(MailingPreset(occasion="christmas", year=2026, tag="customer"))
        wizard = mailings.wizard
        wizard.resize(960, 680)
        settle(window, context, lambda: wizard.choices is not None)
        shot(wizard, "08-wizard-who")
        wizard.next()
        settle(
            window,
            context,
            lambda: (
                wizard.card.model.thumbnails_ready()
                >= min(wizard.card.model.rowCount(), wizard.card.proxy.rowCount())
            ),
        )
        shot(wizard, "09-wizard-card")
        wizard.next()
        wizard.output.labels.setChecked(True)
        wizard.output.stock.setCurrentIndex(max(wizard.output.stock.findData("avery-5160"), 0))
        wizard.output.start.setValue(7)
        settle(window, context)
        shot(wizard, "10-wizard-labels")
        wizard.next()
        settle(window, context, lambda: wizard.review.plan is not None)
        shot(wizard, "11-wizard-review")
        wizard.reject()

        settings = window.show_view("settings")
        settle(window, context, lambda: settings.holidays.list.count() > 0)
        shot(window, "12-settings")
        printer_setup_shots(window, context, shot)

        window.close()
        context.shutdown()
        del app
    print("\n".join(f"{args.out / name}" for name in saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
