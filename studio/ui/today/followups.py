"""Today's "Follow-ups" panel: the steps of follow-up sequences that are due, each with Done
and Skip, and the due cards grouped into a mailing per template in one click.

The panel only says what the user chose (`step_finished`, `prepare_cards`); the view
(`touch_recording.TouchRecorder` for the steps) does the work on the store thread. A step
marked Done or Skipped leaves the list at once and can be undone from the panel
(`show_undo`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from studio.touches.due_steps import CardBatch, card_batches, cards_headline
from studio.ui.today.groups import friendly_date
from studio.ui.today.side_panel import SidePanel, clear_rows, person_line, small_button
from studio.ui.widgets import button, label

STEP_ROWS = 12
_KIND = {"card": "Card", "call": "Call", "message": "Message"}


def step_when(step: Any, today: dt.date) -> str:
    """ "Card · post by Thu 3 Dec", "Call · due today", "Call · 2 days late"."""
    kind = _KIND.get(step.kind, step.kind)
    if step.mail_by is not None:
        late = (today - step.mail_by).days
        behind = f" · {late} day{'s' if late != 1 else ''} late" if late > 0 else ""
        return f"{kind} · post by {friendly_date(step.mail_by, today)}{behind}"
    late = (today - step.due).days
    if late <= 0:
        return f"{kind} · due today"
    return f"{kind} · {late} day{'s' if late != 1 else ''} late"


class FollowUpsPanel(SidePanel):
    """Due steps of the follow-up sequences, earliest first; hidden when none is due."""

    step_finished = Signal(object, bool)  # the DueStep, skipped
    prepare_cards = Signal(object)  # a CardBatch

    def __init__(self) -> None:
        super().__init__("Follow-ups")
        self.steps: list[Any] = []
        self.batches: list[CardBatch] = []
        self._rows: dict[tuple[int, int], QWidget] = {}
        self.headline = label("", "muted", wrap=True)
        self.mail_buttons: list[Any] = []

    def show_steps(self, steps: Sequence[Any], today: dt.date, problems: Sequence[str] = ()) -> None:
        """``steps``: `studio.touches.due_steps.DueStep` lines; ``problems``: sequence files
        left out, and why (shown so the file can be put right)."""
        self.steps = list(steps)
        self.batches = card_batches(self.steps)
        self._rows = {}
        self.mail_buttons = []
        clear_rows(self.rows)
        self.setVisible(bool(self.steps) or bool(problems) or self.undo_row.isVisible())
        for problem in problems:
            self.rows.addWidget(label(f"Left out: {problem}", "badgeWarn", wrap=True))
        if not self.steps:
            self.rows.addWidget(label("No follow-up is due.", "muted", wrap=True))
            return
        headline = cards_headline(self.batches)
        self.rows.addWidget(label(f"{len(self.steps)} step{'s' if len(self.steps) != 1 else ''} due"
                                  + (f"; {headline}." if headline else "."), "muted", wrap=True))
        for batch in self.batches:
            prepare = button(f"Mail {batch.words()}…", lambda _=False, b=batch: self.prepare_cards.emit(b),
                             name="primary" if batch is self.batches[0] else "",
                             tooltip=f"One mailing of the {batch.template} card to them, post by "
                                     f"{batch.mail_by.isoformat()}")
            self.mail_buttons.append(prepare)
            self.rows.addWidget(prepare)
        for step in self.steps[:STEP_ROWS]:
            row = self._line(step, today)
            self._rows[(step.enrolment_id, step.step)] = row
            self.rows.addWidget(row)
        if len(self.steps) > STEP_ROWS:
            self.rows.addWidget(label(f"and {len(self.steps) - STEP_ROWS} more (studio today lists them all)",
                                      "muted", wrap=True))

    def _line(self, step: Any, today: dt.date) -> QWidget:
        buttons = [small_button("Done", lambda _=False, s=step: self._finish(s, False),
                                f"{step.label} for {step.contact_name}: done"
                                + (" (records the call)" if step.kind == "call" else "")),
                   small_button("Skip", lambda _=False, s=step: self._finish(s, True),
                                f"Leave out this step for {step.contact_name}")]
        when = step_when(step, today).split(" · ", 1)[1]
        holder = person_line(step.contact_name or "(no name)", buttons,
                             [label(f"{step.label} · {when}", "muted", wrap=True)])
        holder.setToolTip(f"{step.sequence}, step {step.step}")
        return holder

    def _finish(self, step: Any, skipped: bool) -> None:
        """Take the line away at once; the view records it and refreshes Today."""
        row = self._rows.pop((step.enrolment_id, step.step), None)
        if row is not None:
            row.hide()
        self.steps = [s for s in self.steps if (s.enrolment_id, s.step) != (step.enrolment_id, step.step)]
        self.step_finished.emit(step, skipped)

    def visible_steps(self) -> list[tuple[int, int]]:
        """(enrolment id, step) of the lines shown now."""
        return [key for key, row in self._rows.items() if not row.isHidden()]
