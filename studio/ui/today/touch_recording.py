"""Recording what Today's side panels were clicked for, and taking the last one back.

A call or a message from "Due for a touch" or "Birthday calls", a follow-up step done or
skipped: each is written on the store thread (`AppContext.store.submit`), then the panel
clicked offers Undo and Today refreshes on ``touches_changed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from studio.services import sequences, touches
from studio.services.session import Store
from studio.ui.context import AppContext
from studio.ui.today.followups import FollowUpsPanel
from studio.ui.today.side_panel import SidePanel


class TouchRecorder:
    """Records the touches and steps of Today's panels; remembers the last for Undo."""

    def __init__(self, context: AppContext, parent: QWidget, touch_panels: Sequence[SidePanel],
                 followups: FollowUpsPanel) -> None:
        self._context = context
        self._parent = parent  # what errors are shown over
        self._touch_panels = tuple(touch_panels)
        self._followups = followups
        self._last_touch: tuple[int, str] | None = None  # the event id just recorded, and whom
        self._last_step: Any = None  # the DueStep just marked done or skipped

    def _show_error(self, exc: BaseException) -> None:
        self._context.errors.show(exc, self._parent)

    def record_touch(self, panel: SidePanel, contact_id: int, kind: str, name: str) -> None:
        """One click: a call or a message with ``contact_id`` today; the panel offers Undo."""
        day = self._context.today()

        def job(store: Store) -> Any:
            return touches.record_touch(store, contact_id, kind, day)

        def recorded(event_id: int) -> None:
            self._last_touch = (event_id, name)
            what = "Called" if kind == "call" else "Messaged"
            for each in self._touch_panels:
                each.hide_undo()
            panel.show_undo(f"{what} {name} today.")
            self._context.events.touches_changed.emit()

        self._context.store.submit(job, recorded, self._show_error)

    def undo_touch(self, panel: SidePanel) -> None:
        if self._last_touch is None:
            return
        event_id, _name = self._last_touch
        self._last_touch = None
        panel.hide_undo()
        self._context.store.submit(lambda store: touches.undo_touch(store, event_id),
                                   lambda _: self._context.events.touches_changed.emit(),
                                   self._show_error)

    def finish_step(self, step: Any, skipped: bool) -> None:
        """Done or Skip on a follow-up: recorded on the store thread (a call done is a call
        touch), then Today refreshes; the panel offers Undo."""
        day = self._context.today()
        paths = self._context.paths

        def job(store: Store) -> Any:
            return sequences.complete_step(store, step.enrolment_id, step.step, day, skip=skipped,
                                           paths=paths)

        def recorded(_: object) -> None:
            self._last_step = step
            for each in self._touch_panels:
                each.hide_undo()
            verb = "Skipped" if skipped else "Done:"
            self._followups.show_undo(f"{verb} {step.label} for {step.contact_name}.")
            self._context.events.touches_changed.emit()

        self._context.store.submit(job, recorded, self._show_error)

    def undo_step(self) -> None:
        step, self._last_step = self._last_step, None
        self._followups.hide_undo()
        if step is None:
            return
        self._context.store.submit(lambda store: sequences.undo_step(store, step.enrolment_id, step.step),
                                   lambda _: self._context.events.touches_changed.emit(),
                                   self._show_error)
