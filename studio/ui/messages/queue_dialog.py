"""Write a message for each person: one recipient at a time, with what you know of them,
the openings their card suggests, and the card itself updating as you type.

Ctrl+Return keeps the message and goes to the next person; Done hands every message
back to the mailing wizard, which plans again (shared or repeated words are warned on
its review page, as `studio mailing` warns them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError
from studio.messages.checks import same_words
from studio.services.messages import QueueEntry, message_queue
from studio.services.photos import card_photo_problem, photo_sources
from studio.services.session import Store
from studio.ui.cards.live_preview import LivePreview, PreviewRequest, PreviewResult
from studio.ui.context import AppContext
from studio.ui.messages.verse_picker import VersePicker, pick_verse
from studio.ui.today.groups import friendly_date
from studio.ui.widgets import button, label
from studio.verses.library import Verse, card_occasions

_PREVIEW_DPI = 72  # a folded card's inside at about 300 px across: readable, quick to render
_ABOUT_FIELDS = (  # (MessageRow field, caption)
    ("occasion", "Occasion"),
    ("years", "Years"),
    ("spouse", "Spouse or partner"),
    ("children", "Children"),
    ("last_order", "Last order"),
    ("notes", "Notes"),
    ("last_card", "Last card"),
    ("last_message", "Its message"),
)


class MessageQueueDialog(QDialog):
    def __init__(self, context: AppContext, plan: Any, messages: dict[int, str], today: dt.date,
                 *, everyone: str = "", photos: dict[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        """``plan``: the mailing's `MailingPlan`; ``messages``: those written so far (contact
        id: text); ``everyone``: the wizard's message for every card, shown where none is written;
        ``photos``: a photo chosen for some cards (contact id: file), for "mailing.photo" boxes."""
        super().__init__(parent)
        self._context, self._plan, self._today = context, plan, today
        self._messages = {i: text for i, text in messages.items() if text.strip()}
        self._entries: list[QueueEntry] = []
        self._photos = dict(photos or {})
        self._takes_photo = "mailing.photo" in photo_sources(plan.template)
        self._current = -1
        self.previewed: tuple[int | None, str | None] = (None, None)  # the card shown: contact id, message
        self._everyone = everyone.strip()
        # The preview copies and compiles its template each time: hand it one without the
        # compiled Jinja, which cannot be copied.
        self._template = dataclasses.replace(plan.template, compiled=None)
        self.setWindowTitle("Write a message for each person")
        self.people = QListWidget()
        self.people.setMinimumWidth(170)
        self.people.currentRowChanged.connect(self._show_person)
        self.count = label("Loading the recipients…", "muted", wrap=True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.people, 1)
        left_layout.addWidget(self.count)

        self.name = label("", "sectionTitle", wrap=True)
        self.about = QLabel()
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.openings = QLabel()
        self.openings.setTextFormat(Qt.TextFormat.RichText)
        self.openings.setWordWrap(True)
        self.openings.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.openings.linkActivated.connect(self._use_opening)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._text_changed)
        self.spelling = context.spelling.attach(self.editor) if context.spelling is not None else None
        self.notice = label("", "warningText", wrap=True)
        self.previous_button = button("Previous", lambda: self._go(self._current - 1))
        self.next_button = button("Keep and next (Ctrl+Return)", self.keep_and_next,
                                  tooltip="Keep this message and go to the next person (Ctrl+Return)")
        for widget in (self.previous_button, self.next_button):
            widget.setAutoDefault(False)
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addStretch(1)
        steps.addWidget(self.next_button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.name)
        middle_layout.addWidget(self.about)
        self.verse_button = button("Choose a verse…", self.choose_verse,
                                   tooltip="Short messages for this occasion, warm, fun or formal")
        self.verse_button.setAutoDefault(False)
        start = QHBoxLayout()
        start.addWidget(label("Start with", "muted"), 1)
        start.addWidget(self.verse_button)
        middle_layout.addLayout(start)
        middle_layout.addWidget(self.openings)
        middle_layout.addWidget(label("Your message", "muted"))
        middle_layout.addWidget(self.editor, 1)
        middle_layout.addWidget(self.notice)
        self.photo_button = button("Photo for this card…", self.choose_photo,
                                   tooltip="A photo printed in this person's card only")
        self.photo_button.setAutoDefault(False)
        self.clear_photo_button = button("No photo", lambda: self.set_photo(None),
                                         tooltip="This card takes the mailing's photo, if any")
        self.clear_photo_button.setAutoDefault(False)
        self.photo_label = label("", "muted")
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.clear_photo_button)
        photo_row.addWidget(self.photo_label, 1)
        self.photo_row = QWidget()
        self.photo_row.setLayout(photo_row)
        photo_row.setContentsMargins(0, 0, 0, 0)
        self.photo_row.setVisible(self._takes_photo)
        middle_layout.addWidget(self.photo_row)
        middle_layout.addLayout(steps)

        self.preview = QLabel("The card appears here.")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumWidth(220)
        self.preview.setObjectName("cardPreview")
        splitter = QSplitter()
        for widget in (left, middle, self.preview):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 380, 320])

        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.button(standard.Ok).setText("Done")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.keep_and_next)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.keep_and_next)
        self._preview = LivePreview(context.tasks, parent=self)
        self._preview.ready.connect(self._show_preview)
        self._preview.failed.connect(lambda exc: self.preview.setText(str(exc)))
        self._set_editing(False)
        self.setMinimumSize(700, 460)
        self._fit_to_screen()
        self._load()

    # --- loading --------------------------------------------------------------

    def _load(self) -> None:
        plan, today = self._plan, self._today

        def work(store: Store, _: Any) -> list[QueueEntry]:
            return message_queue(store, plan, today)

        tasks = self._context.tasks
        tasks.start(tasks.with_store(work), name="message queue", on_done=self._loaded,
                    on_error=lambda exc: self._context.errors.show(exc, self), owner=self)

    def _loaded(self, entries: list[QueueEntry]) -> None:
        self._entries = entries
        self.people.blockSignals(True)
        for entry in entries:
            self.people.addItem(QListWidgetItem(entry.row.name))
        self.people.blockSignals(False)
        self._refresh_marks()
        self._set_editing(bool(entries))
        if entries:
            self._go(next((i for i, e in enumerate(entries) if e.row.contact_id not in self._messages), 0))
        else:
            self.count.setText("Nobody to write to.")

    @property
    def loaded(self) -> bool:
        return bool(self._entries)

    # --- moving between people -----------------------------------------------

    def keep_and_next(self) -> None:
        """Keep the message written (it is kept as typed anyway) and go to the next person."""
        if self._current + 1 < len(self._entries):
            self._go(self._current + 1)
        else:
            self.count.setText(self._count_text() + " That was the last one: press Done.")

    def _go(self, index: int) -> None:
        if 0 <= index < len(self._entries):
            self.people.setCurrentRow(index)

    def _show_person(self, index: int) -> None:
        if not 0 <= index < len(self._entries):
            return
        self._current = index
        entry = self._entries[index]
        row = entry.row
        self.name.setText(row.name)
        self.about.setText(_about_html(entry, self._today))
        self.openings.setText("<br>".join(f'<a href="{i}">{html.escape(text)}</a>'
                                          for i, text in enumerate(entry.openings)) or "—")
        self.editor.blockSignals(True)
        self.editor.setPlainText(self._messages.get(row.contact_id, ""))
        self.editor.blockSignals(False)
        self.editor.setPlaceholderText(
            f"Write to {row.name.split(' ')[0] or row.name}… (left empty, the card says: "
            f"{self._everyone or 'its own words'})")
        self._show_photo()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(self._entries))
        self._check()
        self._ask_preview(now=True)
        self.editor.setFocus()

    def _use_opening(self, link: str) -> None:
        opening = self._entries[self._current].openings[int(link)]
        text = self.editor.toPlainText().strip()
        self.editor.setPlainText(f"{opening} {text}".strip() if text else opening)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.editor.setFocus()

    def choose_photo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "A photo for this card", str(Path.home()),
                                                "Photos (*.jpg *.jpeg *.png)")
        if chosen:
            self.set_photo(Path(chosen))

    def set_photo(self, photo: Path | None) -> None:
        """The photo for the current person's card (checked on a pool thread); None: none."""
        if not 0 <= self._current < len(self._entries):
            return
        contact_id = self._entries[self._current].row.contact_id
        if photo is None:
            self._photos.pop(contact_id, None)
            self._show_photo()
            return

        def checked(problem: str | None) -> None:
            if problem:
                self._context.errors.show(StudioError(f"{photo} {problem}: choose a JPEG or PNG photo"), self)
                return
            self._photos[contact_id] = str(photo)
            self._show_photo()

        self._context.tasks.start(lambda _p: card_photo_problem(photo), name="card photo", on_done=checked,
                                  owner=self)

    def _show_photo(self) -> None:
        contact_id = self._entries[self._current].row.contact_id
        own = self._photos.get(contact_id)
        self.photo_label.setText(Path(own).name if own else "the mailing's photo, if any")
        self.clear_photo_button.setEnabled(bool(own))

    def photos(self) -> dict[int, str]:
        """The photo chosen for each card that has one (contact id: file)."""
        return dict(self._photos)

    def choose_verse(self) -> VersePicker:
        """The verse picker for this card; Use puts the verse in this person's message."""
        template = self._plan.template
        return pick_verse(self, card_occasions(template.occasions, template.thanks_for), self._use_verse)

    def _use_verse(self, verse: Verse) -> None:
        if 0 <= self._current < len(self._entries):
            self.editor.setPlainText(verse.text)
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
            self.editor.setFocus()

    # --- typing ---------------------------------------------------------------

    def _text_changed(self) -> None:
        if not 0 <= self._current < len(self._entries):
            return
        contact_id = self._entries[self._current].row.contact_id
        text = self.editor.toPlainText().strip()
        if text:
            self._messages[contact_id] = text
        else:
            self._messages.pop(contact_id, None)
        self._refresh_marks()
        self._check()
        self._ask_preview()

    def _check(self) -> None:
        """Say at once when the words are another recipient's, or this person's last card's."""
        entry = self._entries[self._current]
        words = same_words(self._messages.get(entry.row.contact_id, ""))
        notes = []
        if words:
            others = [e.row.name for e in self._entries if e is not entry
                      and same_words(self._messages.get(e.row.contact_id, "")) == words]
            if others:
                notes.append(f"{', '.join(others)} get{'s' if len(others) == 1 else ''} the same words.")
            if entry.row.last_message and same_words(entry.row.last_message) == words:
                notes.append(f"This is what {entry.row.name} got on the last card ({entry.row.last_card}).")
        self.notice.setText(" ".join(notes))

    def _refresh_marks(self) -> None:
        for index, entry in enumerate(self._entries):
            item = self.people.item(index)
            written = entry.row.contact_id in self._messages
            item.setText(f"{'✓ ' if written else '    '}{entry.row.name}")
            item.setToolTip("Message written" if written else "No message yet: the card's own words")
        self.count.setText(self._count_text())

    def _count_text(self) -> str:
        written = sum(1 for e in self._entries if e.row.contact_id in self._messages)
        return f"{written} of {len(self._entries)} written."

    def _set_editing(self, enabled: bool) -> None:
        for widget in (self.editor, self.previous_button, self.next_button):
            widget.setEnabled(enabled)

    # --- the card -------------------------------------------------------------

    def _ask_preview(self, now: bool = False) -> None:
        entry = self._entries[self._current]
        template = self._template
        text = self._messages.get(entry.row.contact_id) or self._everyone or None
        self._preview.request(PreviewRequest(
            template=template, panel=template.message_panel() or template.panels[0].name,
            contact=entry.contact, message=text, occasion=self._plan.occasion_key,
            settings=self._context.settings, today=self._today, dpi=_PREVIEW_DPI), now=now)

    def _show_preview(self, result: PreviewResult) -> None:
        contact = result.request.contact
        self.previewed = (contact.id if contact is not None else None, result.request.message)
        pixmap = QPixmap.fromImage(result.image)
        room = self.preview.size()
        self.preview.setPixmap(pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))

    @property
    def preview_renders(self) -> int:
        return self._preview.renders

    # --- the result -----------------------------------------------------------

    def messages(self) -> dict[int, str]:
        """Every message written, by contact id (people left empty get the card's own words)."""
        return dict(self._messages)

    def _fit_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 980, 600
        if room is not None:
            width, height = min(width, room.width() - 24), min(height, room.height() - 40)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))


def _about_html(entry: QueueEntry, today: dt.date) -> str:
    """What the user knows of the person, as caption: value lines (empty ones left out)."""
    row = entry.row

    def day(iso: str) -> str:
        return friendly_date(dt.date.fromisoformat(iso), today) if iso else ""

    values = {name: getattr(row, name) for name, _ in _ABOUT_FIELDS}
    values["occasion"] = ", ".join(part for part in (row.occasion, day(row.date)) if part)
    values["last_order"] = " on ".join(part for part in (row.last_order, day(row.last_order_date)) if part)
    values["last_card"] = ", ".join(part for part in (row.last_card, day(row.last_card_date)) if part)
    lines = [f"<b>{caption}:</b> {html.escape(values[name]).replace(chr(10), '<br>')}"
             for name, caption in _ABOUT_FIELDS if values[name]]
    return "<br>".join(lines) or "Nothing recorded about them yet."
