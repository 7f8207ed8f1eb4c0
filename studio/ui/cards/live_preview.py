"""The designer's live preview: render the edited card as the user types, without waiting
for a pause.

A request renders at once when no render is running. One render runs at a time on a pool
thread; a request that arrives meanwhile replaces any older waiting one and starts as soon
as the running one ends, so keystrokes coalesce, the picture always catches up with the
latest text and never shows a stale one after a newer (bench/bench_designer.py measures the
lag: it was the 150 ms debounce plus a render, and up to 1.7 s while typing on).
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from studio.cards import CardTemplate
from studio.model import Contact
from studio.progress import Progress
from studio.render.images import ImageStore
from studio.settings import Settings
from studio.ui.jobs import TaskRunner

DEBOUNCE_MS = 0  # a wait after each keystroke (was 150: the preview then waited for a pause)


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


def preview_edge_px(dpi: float) -> int:
    """The longest artwork edge worth keeping for a preview at ``dpi``: the longest panel
    (7 in) plus a margin for cropping, in steps of 200 px so a resized window reuses it."""
    return max(600, -(-round(dpi * 8.5) // 200) * 200)


def render_request(request: PreviewRequest, _: Progress, art: ImageStore | None = None) -> PreviewResult:
    """Fill and render one panel; runs on a pool thread. ``art`` is the preview's artwork,
    scaled to the screen and checked once (`LivePreview` keeps it across renders)."""
    from studio.ui.cards.backend import edge_notes, fill, render_panel

    layout = fill(
        request.template,
        contact=request.contact,
        settings=request.settings,
        today=request.today,
        message=request.message,
        occasion=request.occasion,
    )
    image, notes = render_panel(layout, request.panel, request.dpi, art)
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
        # Artwork at screen size, by longest edge: re-encoding a print-size picture into
        # each preview's PDF was most of a render (bench/bench_designer.py).
        self._art: dict[int, ImageStore] = {}
        self.destroyed.connect(self._close_art)

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, request: PreviewRequest, *, now: bool = False) -> None:
        """Ask for a render of ``request``: at once (after the delay, if one is set), or as soon
        as the running render ends."""
        self._waiting = PreviewRequest(**{**request.__dict__, "template": copy.deepcopy(request.template)})
        if now or self._timer.interval() <= 0:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        if self._running or self._waiting is None:
            return
        request, self._waiting = self._waiting, None
        self._running = True
        edge = preview_edge_px(request.dpi)
        art = self._art.get(edge)
        if art is None:
            for old in list(self._art)[:-2]:  # a few sizes at most (a window being resized)
                self._art.pop(old).close()
            art = self._art[edge] = ImageStore(max_edge_px=edge)
        self._tasks.start(
            lambda progress: render_request(request, progress, art),
            name="card preview",
            on_done=self._done,
            on_error=self._failed,
        )

    def _close_art(self, *_: object) -> None:
        for art in self._art.values():
            art.close()
        self._art.clear()

    def _done(self, result: PreviewResult) -> None:
        self._running = False
        self.renders += 1
        self.ready.emit(result)
        self._start()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.failed.emit(exc)
        self._start()
