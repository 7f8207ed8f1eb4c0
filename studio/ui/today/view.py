"""The Today view: what to post today or is late, the weeks ahead, and who was not thanked lately.

Everything shown comes from `studio.ui.today.loading.load_today`, computed on a pool thread
with a store of its own; a busy bar under the header shows while it loads. The touches and
steps clicked in the side panels are recorded by `touch_recording.TouchRecorder`.
"Prepare…" opens the mailing wizard with the occasion and its people chosen; "Card…" opens
the designer for one person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.services import contacts
from studio.services.session import Store
from studio.ui import icons
from studio.ui.context import AppContext
from studio.ui.mailings.preset import MailingPreset
from studio.ui.today.followups import FollowUpsPanel
from studio.ui.today.groups import OccasionGroup, friendly_date
from studio.ui.today.loading import UPCOMING_DAYS, TodayData, load_today
from studio.ui.today.results_chart import ResultsPanel
from studio.ui.today.rows import DayStrip, OccasionList
from studio.ui.today.side_panel import TitledPanel
from studio.ui.today.touch_panels import CallsPanel, TouchPanel
from studio.ui.today.touch_recording import TouchRecorder
from studio.ui.today.unposted import UnpostedPanel
from studio.ui.widgets import EmptyState, PageHeader, button, label, page_layout

FIRST_ROWS = 10  # occasion lines built at first in each list; "Show more" adds MORE_ROWS at a time
MORE_ROWS = 24
SIDE_PANEL_PX = 280  # the calls, "Due for a touch" and "Printed, not yet posted", beside the lists
QWIDGETSIZE_MAX = (1 << 24) - 1


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
                    "Record a touch…",
                    self.record_event,
                    tooltip="Log a call, a message, an order or a referral (a thank-you card becomes due)",
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

        self.due_panel = TitledPanel("Post today, or late")
        self.upcoming_panel = TitledPanel("Coming up")
        self.due_rows, self.upcoming_rows = self.due_panel.rows, self.upcoming_panel.rows
        self.touch_panel = TouchPanel()
        self.calls_panel = CallsPanel()
        self.calls_panel.hide()
        self.followups_panel = FollowUpsPanel()
        self.followups_panel.hide()
        self.recorder = TouchRecorder(context, self, (self.touch_panel, self.calls_panel),
                                      self.followups_panel)
        for panel in (self.touch_panel, self.calls_panel):
            panel.touched.connect(
                lambda contact_id, kind, name, p=panel: self.recorder.record_touch(p, contact_id, kind, name))
            panel.undo_requested.connect(lambda p=panel: self.recorder.undo_touch(p))
        self.touch_panel.send_card.connect(self._send_due_a_card)
        self.followups_panel.step_finished.connect(self.recorder.finish_step)
        self.followups_panel.undo_requested.connect(self.recorder.undo_step)
        self.followups_panel.prepare_cards.connect(self._prepare_cards)
        self.results_panel = ResultsPanel()
        self.unposted_panel = UnpostedPanel()
        self.unposted_panel.mark_posted.connect(self._mark_sent)
        self.due_list = OccasionList(
            self.due_rows, self._prepare_group, self._design_card, FIRST_ROWS, MORE_ROWS
        )
        self.upcoming_list = OccasionList(
            self.upcoming_rows, self._prepare_group, self._design_card, FIRST_ROWS, MORE_ROWS
        )

        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(self.due_panel)
        left.addWidget(self.upcoming_panel)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self.calls_panel)
        right.addWidget(self.followups_panel)
        right.addWidget(self.touch_panel)
        right.addWidget(self.unposted_panel)
        right.addWidget(self.results_panel)
        right.addStretch(1)
        # The side panels stand right of the lists, or under them when the page is narrow.
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(16)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 0)
        self.side_by_side = False
        self._place_side_panels(True)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 6, 0)
        body.setSpacing(14)
        body.addWidget(self.strip)
        body.addLayout(self.columns)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(content)

        # Shown while the lists are worked out on a pool thread (seconds in a large address book).
        self.loading_bar = QProgressBar()
        self.loading_bar.setObjectName("todayLoading")
        self.loading_bar.setTextVisible(False)
        self.loading_bar.setMaximumHeight(10)
        self.loading_bar.setRange(0, 0)
        self.loading_bar.setVisible(False)
        self.loading_bar.setAccessibleName("Loading Today")
        page_layout(self, self.header, self.loading_bar, scroll)

        for signal in (
            context.events.contacts_changed,
            context.events.mailings_changed,
            context.events.settings_changed,
            context.events.touches_changed,
        ):
            signal.connect(self.mark_stale)
        self.refresh()

    # --- layout: side panels beside the lists, or under them ---------------------------

    def _place_side_panels(self, beside: bool) -> None:
        if beside == self.side_by_side:
            return
        self.side_by_side = beside
        for panel in (self.calls_panel, self.followups_panel, self.touch_panel, self.unposted_panel,
                      self.results_panel):
            if beside:
                panel.setFixedWidth(SIDE_PANEL_PX)
            else:
                panel.setMinimumWidth(0)
                panel.setMaximumWidth(QWIDGETSIZE_MAX)
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        self.columns.setStretch(0, 1 if beside else 0)

    def _side_panels_fit(self) -> bool:
        """The lists at their narrowest, the gap and the side panels fit across the page."""
        lists = max(self.due_panel.minimumSizeHint().width(), self.upcoming_panel.minimumSizeHint().width())
        room = self.width() - 2 * 28 - 6 - 20  # page margins, the content's, a vertical scroll bar
        return lists + self.columns.spacing() + SIDE_PANEL_PX <= room

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_side_panels(self._side_panels_fit())

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
        self.loading_bar.setRange(0, 0)  # busy until the first step says how many there are
        self.loading_bar.setVisible(True)
        tasks, paths, cache = self._context.tasks, self._context.paths, self._context.occasions
        tasks.start(
            tasks.with_store(lambda store, progress: load_today(store, today, progress, paths, cache)),
            name="today",
            on_done=self._loaded,
            on_error=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int, _what: str) -> None:
        if total and self._loading:
            self.loading_bar.setRange(0, total)
            self.loading_bar.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.loading_bar.setVisible(False)
        self._context.errors.show(exc, self)

    def _loaded(self, data: TodayData) -> None:
        self._loading = False
        self.loading_bar.setVisible(False)
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
        self.strip.set_days(today, data.strip)
        cards = data.due_cards
        self.header.subtitle.setText(
            f"{today:%A} {today.day} {today:%B %Y} · "
            + (
                f"{cards} card{'s' if cards != 1 else ''} to post today or late"
                if cards
                else "nothing to post today"
            )
        )

        self.due_list.show(
            data.due, today, label("Nothing must go out today. Have a look at what is coming up.", "muted")
        )

        if self._day is not None:
            coming = data.by_day.get(self._day, [])
            self.upcoming_panel.heading.setText(f"To post on {friendly_date(self._day)}")
        else:
            coming = data.coming
            self.upcoming_panel.heading.setText(f"Coming up in the next {UPCOMING_DAYS // 7} weeks")
        empty: QWidget | None = None
        if not coming and self._day is None:
            empty = EmptyState(
                icons.icon("today"),
                "No occasions ahead",
                "Birthdays, anniversaries and holidays show here with the day to post the card. "
                "Add birthdays to your contacts, or choose holidays in Settings.",
            )
        elif not coming:
            empty = label("Nothing to post that day.", "muted")
        self.upcoming_list.show(coming, today, empty)
        self.calls_panel.show_calls(data.report.calls, data.today)
        self.touch_panel.show_due(data.report.due_touch, data.today)
        self.followups_panel.show_steps(data.report.steps, data.today, data.report.sequence_problems)
        if data.results is not None:
            self.results_panel.show_results(data.results)
        self.unposted_panel.show_unposted(data.report.unposted)
        self._place_side_panels(self._side_panels_fit())  # the lines may need more room than before

    def _send_due_a_card(self) -> None:
        self._prepare(
            MailingPreset(
                occasion="thinking-of-you",
                year=self._context.today().year,
                contact_ids=list(self.touch_panel.contact_ids),
                title="Due for a touch",
            )
        )

    # --- actions ----------------------------------------------------------------------

    def _choose_day(self, day: dt.date | None) -> None:
        self._day = day
        self.upcoming_list.reset_limit()
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

    def _prepare_cards(self, batch: Any) -> None:
        """The due cards of one template as one mailing: the wizard opens with them chosen."""
        self._prepare(
            MailingPreset(
                occasion=batch.occasion or None,
                year=self._context.today().year,
                contact_ids=list(batch.contact_ids),
                template=batch.template,
                title=f"Follow-ups — {batch.words()}",
            )
        )

    def record_event(self) -> None:
        self._context.store.submit(
            contacts.people, self._open_event_dialog
        )

    def _open_event_dialog(self, people: list[tuple[int, str]]) -> None:
        from studio.ui.today.log_event import LogEventDialog

        dialog = LogEventDialog(people, self._context.today(), self)
        self.event_dialog = dialog

        def record() -> None:
            contact_id, kind, day, note = dialog.values()

            def job(store: Store) -> Any:
                from studio.services.occasions import log_event

                return log_event(store, str(contact_id), kind, day, note, paths=self._context.paths)

            self._context.store.submit(job, lambda _: self.mark_stale())

        dialog.accepted.connect(record)
        dialog.open()
