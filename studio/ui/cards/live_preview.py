"""The designer's live preview: render the edited card a moment after the last keystroke.

Requests are debounced (150 ms): typing a message renders once the user pauses, not
once per key. One render runs at a time on a pool thread; a request that arrives
meanwhile replaces any older waiting one, so the picture always catches up with the
latest text and never shows a stale one after a newer.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from studio.cards import CardTemplate
from studio.model import Contact
from studio.progress import Progress
from studio.settings import Settings
from studio.ui.jobs import TaskRunner

DEBOUNCE_MS = 150


@dataclass
class PreviewRequest:
    template: CardTemplate  # the designer's edited copy (copied again when sent)
    panel: str
    contact: Contact | None
    message: str | None
    occasion: str | None
    settings: Settings
    today: dt.date
    dpi: float


@dataclass
class PreviewResult:
    request: PreviewRequest
    image: object  # QImage
    notes: list  # FitNote of the panel
    edges: list[str] = field(default_factory=list)  # what reaches the printer's blank margin


def render_request(request: PreviewRequest, _: Progress) -> PreviewResult:
    """Fill and render one panel; runs on a pool thread."""
    from studio.ui.cards.backend import edge_notes, fill, render_panel

    layout = fill(
        request.template,
        contact=request.contact,
        settings=request.settings,
        today=request.today,
        message=request.message,
        occasion=request.occasion,
    )
    image, notes = render_panel(layout, request.panel, request.dpi)
    return PreviewResult(request, image, notes, edge_notes(layout, request.settings, request.panel))


class LivePreview(QObject):
    ready = Signal(object)  # PreviewResult
    failed = Signal(object)  # the exception (a TemplateError lists what is wrong)

    def __init__(self, tasks: TaskRunner, delay_ms: int = DEBOUNCE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._waiting: PreviewRequest | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self.renders = 0  # finished renders (tests and the status line read it)

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, request: PreviewRequest, *, now: bool = False) -> None:
        """Ask for a render of ``request`` after the debounce delay (or at once)."""
        self._waiting = PreviewRequest(**{**request.__dict__, "template": copy.deepcopy(request.template)})
        if now:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._running or self._waiting is None:
            return
        request, self._waiting = self._waiting, None
        self._running = True
        self._tasks.start(
            lambda progress: render_request(request, progress),
            name="card preview",
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: PreviewResult) -> None:
        self._running = False
        self.renders += 1
        self.ready.emit(result)
        self._start()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.failed.emit(exc)
        self._start()
