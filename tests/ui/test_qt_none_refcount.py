"""The Qt binding keeps Python's None alive: PySide6 6.12.0 on Python 3.11 dropped a reference to
None on every Qt call that returns nothing, so a long session aborted with "deallocating None"."""

from __future__ import annotations

import sys

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget


def test_qt_calls_that_return_nothing_leave_none_counted(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    document = QPdfDocument()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setWindowTitle("Card Studio")
        widget.update()
        document.close()
    # A few references come and go with the interpreter's own work; 6.12.0 lost 6,000 here.
    assert sys.getrefcount(None) >= before - 50
