"""Errors as friendly messages: a `StudioError` is shown as its sentence; anything else
is logged with its traceback to the log file and shown as a short apology.

`install_excepthook` makes this the app's last line of defence: an exception escaping a
slot or an event handler never prints a traceback to the user.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from studio.errors import Cancelled, StudioError

_log = logging.getLogger(__name__)


def write_log(log_path: Path, exc: BaseException) -> bool:
    """Append the traceback of ``exc`` to ``log_path``; False if the log cannot be written."""
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        return True
    except OSError:
        _log.debug("could not write the log", exc_info=True)
        return False


def user_message(exc: BaseException, log_path: Path | None) -> tuple[str, str]:
    """(title, text) to show for ``exc``; unexpected errors are logged first."""
    if isinstance(exc, Cancelled):
        return "Cancelled", "The work was cancelled. Nothing after that point was changed."
    if isinstance(exc, StudioError):
        return "Card Studio", str(exc)
    if isinstance(exc, MemoryError):
        return "Card Studio", "Your computer ran out of memory for this. Try a smaller selection."
    logged = log_path is not None and write_log(log_path, exc)
    where = f"\n\nThe details were written to {log_path}." if logged else ""
    detail = str(exc).strip()
    return (
        "Something went wrong",
        "Card Studio hit an unexpected problem and stopped what it was doing. "
        "Your contacts and earlier work are safe."
        + (f"\n\n({type(exc).__name__}: {detail})" if detail else "")
        + where,
    )


class ErrorReporter:
    """Shows errors to the user. One per window; ``log_path`` is where tracebacks go."""

    def __init__(self, log_path: Path | None, parent: Callable[[], QWidget | None] | None = None) -> None:
        self.log_path = log_path
        self._parent = parent or (lambda: QApplication.activeWindow())
        self.last_message: tuple[str, str] | None = None  # what was last shown (tests read it)
        self.last_box: QMessageBox | None = None

    def show(self, exc: BaseException, parent: QWidget | None = None) -> QMessageBox:
        """Show ``exc`` as a message box (window-modal, not blocking the caller)."""
        title, text = user_message(exc, self.log_path)
        self.last_message = (title, text)
        icon = QMessageBox.Icon.Information if isinstance(exc, Cancelled) else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent or self._parent())
        box.setObjectName("errorMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        self.last_box = box
        return box

    def excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        try:
            self.show(exc)
        except Exception:  # noqa: BLE001 - never let the hook itself fail loudly
            if self.log_path is not None:
                write_log(self.log_path, exc)


def install_excepthook(reporter: ErrorReporter) -> Callable[[], None]:
    """Route uncaught exceptions to ``reporter``; returns a function that undoes it."""
    previous = sys.excepthook
    sys.excepthook = reporter.excepthook

    def restore() -> None:
        sys.excepthook = previous

    return restore
