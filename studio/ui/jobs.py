"""Work that must not run on the GUI thread: store access and long, cancellable tasks.

Two kinds of work, two runners:

* `StoreThread` runs short store jobs (load the contact list, save an edit, delete) one
  at a time on a thread that owns its own `Store`. SQLite connections belong to one
  thread, and a single writer keeps edits in the order the user made them.
* `TaskRunner` runs long jobs (import, rendering, producing a mailing) on a
  `QThreadPool`. Each task receives a `Progress` whose ``step`` reports to the GUI and
  raises `Cancelled` once the user pressed Cancel; a task that needs the store opens its
  own with `open_store(db_path)`.

Results come back to the GUI thread through queued signals, so callbacks given here
always run on the GUI thread.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThread, QThreadPool, Signal, Slot

from studio.errors import Cancelled
from studio.progress import Progress
from studio.services.session import Store, open_store

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]

# Progress signals are throttled so a fast loop cannot flood the GUI's event queue.
_PROGRESS_INTERVAL_S = 0.04


class _StoreWorker(QObject):
    """Lives on the store thread; owns the connection."""

    finished = Signal(object, object, object)  # ticket, result, error
    waiting = Signal(str)  # another program holds the store's write lock; we wait for it

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path
        self._store: Store | None = None

    @Slot(object, object)
    def run(self, ticket: object, job: Callable[[Store], Any]) -> None:
        try:
            if self._store is None:
                self._store = open_store(self._db_path, on_busy=self.waiting.emit)
            result = job(self._store)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI's error handler
            self.finished.emit(ticket, None, exc)
        else:
            self.finished.emit(ticket, result, None)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class StoreThread(QObject):
    """Runs ``job(store)`` calls in order on one background thread.

    ``on_done(result)`` or ``on_error(exc)`` is then called on the GUI thread; without
    ``on_error`` the failure goes to the ``failed`` signal (the window shows a friendly
    message). ``pending`` counts jobs not yet answered, which tests wait on.
    """

    failed = Signal(object)  # the exception of a job that had no on_error
    waiting = Signal(str)  # a sentence: another program is using the store, and we wait
    _request = Signal(object, object)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._thread = QThread()
        self._thread.setObjectName("card-studio-store")
        self._worker = _StoreWorker(self.db_path)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.finished.connect(self._deliver)
        self._worker.waiting.connect(self.waiting)
        # Closing on the thread that opened the connection, as SQLite requires.
        self._thread.finished.connect(self._worker.close, type=Qt.ConnectionType.DirectConnection)
        self._callbacks: dict[int, tuple[OnDone | None, OnError | None]] = {}
        self._next_ticket = 0
        self._thread.start()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def submit(
        self, job: Callable[[Store], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> None:
        """Queue ``job``; it runs after every job submitted before it."""
        self._next_ticket += 1
        self._callbacks[self._next_ticket] = (on_done, on_error)
        self._request.emit(self._next_ticket, job)

    @Slot(object, object, object)
    def _deliver(self, ticket: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(ticket, (None, None))
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(error)
        elif on_done is not None:
            on_done(result)

    def shutdown(self) -> None:
        """Finish queued jobs, close the connection and stop the thread."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()


class HeapFreeze:
    """Keeps the collector off the app's long-lived objects while background work runs.

    A full garbage collection walks every tracked object while holding the GIL; with
    the fonts, locale data and address book of a running app that takes 100-200 ms,
    a visible freeze of the window if it happens mid-render. While any task runs, the
    objects that existed when it started are frozen (`gc.freeze`), so collections only
    walk what the work itself creates; when the last task ends they are unfrozen and
    collected normally again, so nothing is leaked.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0

    def enter(self) -> None:
        with self._lock:
            self._running += 1
            gc.freeze()

    def leave(self) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                gc.unfreeze()


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    """One long job: ``work(progress)`` on a pool thread, answers via ``signals``.

    Create it on the GUI thread (its signals then deliver there). ``cancel()`` makes
    the next ``progress.step`` raise `Cancelled`; the task then emits ``cancelled``.
    """

    def __init__(
        self, work: Callable[[Progress], Any], name: str = "", heap: HeapFreeze | None = None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.name = name
        self._heap = heap
        self.important = False
        self.signals = TaskSignals()
        self._work = work
        self._cancel = threading.Event()
        self._last_report = 0.0
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_report >= _PROGRESS_INTERVAL_S:
            self._last_report = now
            self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        progress = Progress(report=self._report, cancelled=self._cancel.is_set)
        if self._heap is not None:
            self._heap.enter()
        try:
            result = self._work(progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - shown to the user by the GUI
            self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.done.emit(result)
        finally:
            if self._heap is not None:
                self._heap.leave()
            self.finished.set()


def _while_alive(owner: QObject, callback: Callable[..., Any] | None) -> Callable[..., Any] | None:
    """``callback``, called only while ``owner``'s Qt object still exists."""
    if callback is None:
        return None

    def guarded(*args: Any) -> Any:
        if shiboken6.isValid(owner):
            return callback(*args)
        return None

    return guarded


class TaskRunner(QObject):
    """Starts `Task`s on a private thread pool and keeps them alive until they end."""

    def __init__(self, db_path: Path, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()
        self._heap = HeapFreeze()

    def start(
        self,
        work: Callable[[Progress], Any],
        *,
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        name: str = "",
        important: bool = False,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``work(progress)`` in the background; callbacks run on the GUI thread.

        ``important`` marks work the user would lose by quitting (an import, a mailing,
        printing): the window asks before closing while such a task runs. With an ``owner``
        the callbacks are dropped once that widget is gone (a view closed while it worked).
        """
        task = Task(work, name, self._heap)
        task.important = important
        if owner is not None:
            on_done, on_error, on_progress, on_cancelled = (
                _while_alive(owner, callback)
                for callback in (on_done, on_error, on_progress, on_cancelled))
        if on_done is not None:
            task.signals.done.connect(on_done)
        if on_error is not None:
            task.signals.failed.connect(on_error)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if on_cancelled is not None:
            task.signals.cancelled.connect(on_cancelled)
        for signal in (task.signals.done, task.signals.failed, task.signals.cancelled):
            signal.connect(lambda *_, t=task: self._running.discard(t))
        self._running.add(task)
        self._pool.start(task)
        return task

    @property
    def important_active(self) -> int:
        return sum(1 for task in self._running if task.important and not task.finished.is_set())

    @property
    def busy(self) -> bool:
        """True until every started task has finished and its answer was delivered."""
        return bool(self._running)

    def with_store(self, work: Callable[[Store, Progress], Any]) -> Callable[[Progress], Any]:
        """Wrap ``work`` so it gets a store of its own, opened and closed on its thread."""
        db_path = self.db_path

        def run(progress: Progress) -> Any:
            with open_store(db_path) as store:
                return work(store, progress)

        return run

    @property
    def active(self) -> int:
        """Tasks started and not yet finished (their answers may still be on their way)."""
        return sum(1 for task in self._running if not task.finished.is_set())

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel what is running and wait for the pool to drain."""
        for task in list(self._running):
            task.cancel()
        self._pool.waitForDone(timeout_ms)
