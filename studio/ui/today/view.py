"""The Today view: what to post today or is late, the weeks ahead, and who was not thanked lately.

Everything shown comes from `studio.services.occasions` (`today_report`, `list_upcoming`),
computed on a pool thread with a store of its own. "Prepare…" opens the mailing wizard
with the occasion and its people chosen; "Card…" opens the designer for one person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from studio.store import Store
from studio.ui import icons
from studio.ui.context import AppContext
from studio.ui.mailings.preset import MailingPreset
from studio.ui.today.groups import OccasionGroup, friendly_date, group_occasions, mail_by_counts
from studio.ui.today.rows import DayStrip, OccasionRow
from studio.ui.widgets import EmptyState, PageHeader, Panel, button, label, page_layout

UPCOMING_DAYS = 42
STRIP_DAYS = 14
_MAX_ROWS = 40


@dataclass
class TodayData:
    today: dt.date
    report: Any  # studio.services.occasions.TodayReport
    upcoming: list[Any]  # UpcomingItem


def load_today(store: Store, today: dt.date) -> TodayData:
    from studio.services.occasions import list_upcoming, today_report

    return TodayData(today, today_report(store, today), list_upcoming(store, today, UPCOMING_DAYS))


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class TodayView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._context = context
        self._stale = True
        self._loading = False
        self._day: dt.date | None = None
        self.data: TodayData | None = None

        self.header = PageHeader(
            "Today",
            "",
            [
                button(
                    "Record an order…",
                    self.record_event,
                    tooltip="Log an order or referral; a thank-you card becomes due",
                ),
                button(
                    "New mailing…",
                    lambda: self._prepare(None),
                    name="primary",
                    icon=icons.icon("mailings", "#ffffff"),
                ),
            ],
        )
        self.strip = DayStrip()
        self.strip.day_chosen.connect(self._choose_day)

        self.due_panel, self.due_rows = self._panel("Post today, or late")
        self.upcoming_panel, self.upcoming_rows = self._panel("Coming up")
        self.neglect_panel, self.neglect_rows = self._panel("Not thanked lately")
        self.unposted_panel, self.unposted_rows = self._panel("Printed, not yet posted")

        left = QVBoxLayout()
        left.addWidget(self.due_panel)
        left.addWidget(self.upcoming_panel)
        left.addStretch(1)
        right = QVBoxLayout()
        for panel in (self.neglect_panel, self.unposted_panel):
            panel.setFixedWidth(280)
        right.addWidget(self.neglect_panel)
        right.addWidget(self.unposted_panel)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 0)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 6, 0)
        body.setSpacing(14)
        body.addWidget(self.strip)
        body.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(content)

        page_layout(self, self.header, scroll)

        for signal in (
            context.events.contacts_changed,
            context.events.mailings_changed,
            context.events.settings_changed,
        ):
            signal.connect(self.mark_stale)
        self.refresh()

    @staticmethod
    def _panel(title: str) -> tuple[Panel, QVBoxLayout]:
        panel = Panel()
        heading = label(title, "sectionTitle")
        panel.body.addWidget(heading)
        rows = QVBoxLayout()
        rows.setSpacing(6)
        panel.body.addLayout(rows)
        panel.heading = heading  # type: ignore[attr-defined]
        return panel, rows

    # --- loading ----------------------------------------------------------------------

    def mark_stale(self, *_: object) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._stale = False
        today = self._context.today()
        self.header.subtitle.setText(f"{today:%A} {today.day} {today:%B %Y}")
        tasks = self._context.tasks
        tasks.start(
            tasks.with_store(lambda store, _p: load_today(store, today)),
            name="today",
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._context.errors.show(exc, self)

    def _loaded(self, data: TodayData) -> None:
        self._loading = False
        self.data = data
        self._show()
        if self._stale:
            self.refresh()

    # --- showing ----------------------------------------------------------------------

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        today = data.today
        due = group_occasions(data.report.due)
        coming = [g for g in group_occasions(i for i in data.upcoming if i.occasion.mail_by > today)]
        self.strip.set_days(
            today,
            mail_by_counts(
                group_occasions(data.report.due + [i for i in data.upcoming if i.occasion.mail_by > today]),
                today,
                STRIP_DAYS,
            ),
        )
        cards = sum(len(g.items) for g in due)
        self.header.subtitle.setText(
            f"{today:%A} {today.day} {today:%B %Y} · "
            + (
                f"{cards} card{'s' if cards != 1 else ''} to post today or late"
                if cards
                else "nothing to post today"
            )
        )

        _clear(self.due_rows)
        if due:
            self._add_groups(self.due_rows, due, today)
        else:
            self.due_rows.addWidget(
                label("Nothing must go out today. Have a look at what is coming up.", "muted")
            )

        _clear(self.upcoming_rows)
        if self._day is not None:
            coming = [g for g in coming if any(i.occasion.mail_by == self._day for i in g.items)]
            self.upcoming_panel.heading.setText(f"To post on {friendly_date(self._day)}")  # type: ignore[attr-defined]
        else:
            self.upcoming_panel.heading.setText(f"Coming up in the next {UPCOMING_DAYS // 7} weeks")  # type: ignore[attr-defined]
        if coming:
            self._add_groups(self.upcoming_rows, coming, today)
        else:
            self.upcoming_rows.addWidget(
                EmptyState(
                    icons.icon("today"),
                    "No occasions ahead",
                    "Birthdays, anniversaries and holidays show here with the day to post the card. "
                    "Add birthdays to your contacts, or choose holidays in Settings.",
                )
                if self._day is None
                else label("Nothing to post that day.", "muted")
            )
        self._show_neglected(data)
        self._show_unposted(data)

    def _add_groups(self, rows: QVBoxLayout, groups: list[OccasionGroup], today: dt.date) -> None:
        for group in groups[:_MAX_ROWS]:
            rows.addWidget(OccasionRow(group, today, self._prepare_group, self._design_card))
        if len(groups) > _MAX_ROWS:
            rows.addWidget(label(f"and {len(groups) - _MAX_ROWS} more…", "muted"))

    def _show_neglected(self, data: TodayData) -> None:
        _clear(self.neglect_rows)
        neglected = data.report.not_thanked
        days = data.report.not_thanked_days
        self.neglect_panel.heading.setText(f"Not thanked in {days} days")  # type: ignore[attr-defined]
        if not neglected:
            self.neglect_rows.addWidget(
                label("Every customer had a card recently. Well done.", "muted", wrap=True)
            )
            return
        self.neglect_rows.addWidget(
            label(
                f"{len(neglected)} customer{'s' if len(neglected) != 1 else ''} may feel forgotten.", "muted"
            )
        )
        for person in neglected[:12]:
            when = (
                "no card yet"
                if person.last_card is None
                else f"last {friendly_date(person.last_card, data.today)}"
            )
            row = QHBoxLayout()
            name = QLabel(person.contact_name or "(no name)")
            name.setMinimumWidth(60)
            row.addWidget(name, 1)
            row.addWidget(label(when, "muted"))
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 2, 0, 2)
            self.neglect_rows.addWidget(holder)
        if len(neglected) > 12:
            self.neglect_rows.addWidget(label(f"and {len(neglected) - 12} more", "muted"))
        ids = [p.contact_id for p in neglected]
        self.neglect_rows.addWidget(
            button(
                "Send them a card…",
                lambda: self._prepare(
                    MailingPreset(
                        occasion="thinking-of-you",
                        year=data.today.year,
                        contact_ids=ids,
                        title="Customers not thanked lately",
                    )
                ),
            )
        )

    def _show_unposted(self, data: TodayData) -> None:
        _clear(self.unposted_rows)
        unposted = data.report.unposted
        self.unposted_panel.setVisible(bool(unposted))
        for mailing in unposted[:8]:
            row = QHBoxLayout()
            row.setContentsMargins(0, 2, 0, 2)
            text = f"{mailing.occasion} {mailing.year or ''} · {len(mailing.items)} cards"
            row.addWidget(QLabel(text), 1)
            row.addWidget(button("Mark as posted", lambda m=mailing.id: self._mark_sent(m)))
            holder = QWidget()
            holder.setLayout(row)
            self.unposted_rows.addWidget(holder)

    # --- actions ----------------------------------------------------------------------

    def _choose_day(self, day: dt.date | None) -> None:
        self._day = day
        self._show()

    def _prepare_group(self, group: OccasionGroup) -> None:
        self._prepare(
            MailingPreset(
                occasion=group.key,
                year=group.year,
                contact_ids=group.contact_ids,
                title=f"{group.title()} — {group.detail()}",
            )
        )

    def _prepare(self, preset: MailingPreset | None) -> None:
        self._context.events.open_view.emit("mailings")  # first, so the view exists to hear the preset
        self._context.events.start_mailing.emit(preset)

    def _design_card(self, group: OccasionGroup) -> None:
        contact_id = group.contact_ids[0] if group.contact_ids else None
        self._context.events.open_view.emit("cards")
        self._context.events.design_card.emit((None, contact_id, group.key))

    def _mark_sent(self, mailing_id: int) -> None:
        today = self._context.today()

        def job(store: Store) -> None:
            from studio.services.mailings import mark_sent

            mark_sent(store, mailing_id, today)

        self._context.store.submit(job, lambda _: self._context.events.mailings_changed.emit())

    def record_event(self) -> None:
        self._context.store.submit(
            lambda store: [(s.id, s.name) for s in store.contacts.summaries()], self._open_event_dialog
        )

    def _open_event_dialog(self, people: list[tuple[int, str]]) -> None:
        from studio.ui.today.log_event import LogEventDialog

        dialog = LogEventDialog(people, self._context.today(), self)
        self.event_dialog = dialog

        def record() -> None:
            contact_id, kind, day, note = dialog.values()

            def job(store: Store) -> Any:
                from studio.services.occasions import log_event

                return log_event(store, str(contact_id), kind, day, note)

            self._context.store.submit(job, lambda _: self.mark_stale())

        dialog.accepted.connect(record)
        dialog.open()
