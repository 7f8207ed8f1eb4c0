"""Today's "Printed, not yet posted" panel: the mailings printed but not marked sent.

Each line has "Mark as posted"; the panel only says which mailing (`mark_posted`), the
view records it on the store thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.ui.today.side_panel import TitledPanel, clear_rows
from studio.ui.widgets import button

UNPOSTED_ROWS = 8


class UnpostedPanel(TitledPanel):
    """The mailings printed and not yet posted (the first `UNPOSTED_ROWS`); hidden without any."""

    mark_posted = Signal(int)  # the mailing's id

    def __init__(self) -> None:
        super().__init__("Printed, not yet posted")

    def show_unposted(self, unposted: Sequence[Any]) -> None:
        """``unposted``: the report's mailings (`studio.services.occasions.TodayReport.unposted`)."""
        clear_rows(self.rows)
        self.setVisible(bool(unposted))
        for mailing in unposted[:UNPOSTED_ROWS]:
            row = QHBoxLayout()
            row.setContentsMargins(0, 2, 0, 2)
            text = f"{mailing.occasion} {mailing.year or ''} · {len(mailing.items)} cards"
            row.addWidget(QLabel(text), 1)
            row.addWidget(button("Mark as posted", lambda m=mailing.id: self.mark_posted.emit(m)))
            holder = QWidget()
            holder.setLayout(row)
            self.rows.addWidget(holder)
