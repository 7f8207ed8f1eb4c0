"""Past mailings as a table model: when, what for, which card, how many, posted or not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from studio.store.history import Mailing
from studio.ui import style
from studio.ui.table_model import ReadOnlyTableModel

MAILING_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Made", "Occasion", "Card", "Printed on", "Cards", "Posted")

Index = QModelIndex | QPersistentModelIndex


def output_text(output: str) -> str:
    """ "envelopes:a7+labels:avery-5160@4" → "A7 envelopes, avery-5160 labels from label 4"."""
    parts = []
    for piece in filter(None, output.split("+")):
        kind, _, spec = piece.partition(":")
        stock, _, start = spec.partition("@")
        if kind == "envelopes":
            parts.append(f"{stock.upper()} envelopes")
        elif kind == "labels":
            parts.append(f"{stock} labels" + (f" from label {start}" if start else ""))
        else:
            parts.append(piece)
    return ", ".join(parts)


class MailingHistoryModel(ReadOnlyTableModel):
    """Newest first; ``MAILING_ROLE`` gives the `Mailing` (with its items)."""

    def __init__(self) -> None:
        super().__init__(COLUMNS)
        self._mailings: list[Mailing] = []
        self._names: dict[str, str] = {}

    def set_mailings(self, mailings: Sequence[Mailing], names: dict[str, str] | None = None) -> None:
        """``names`` maps occasion keys to what a user reads ("christmas" -> "Christmas")."""
        self.beginResetModel()
        self._mailings = list(mailings)
        self._names = dict(names or {})
        self.endResetModel()

    def occasion_name(self, key: str) -> str:
        return self._names.get(key, key)

    def mailing(self, row: int) -> Mailing:
        return self._mailings[row]

    def row_of(self, mailing_id: int) -> int | None:
        return next((i for i, m in enumerate(self._mailings) if m.id == mailing_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._mailings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._mailings)
            or not 0 <= index.column() < len(COLUMNS)
        ):
            return None
        mailing = self._mailings[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                mailing.created_at[:10],
                f"{self.occasion_name(mailing.occasion)} {mailing.year or ''}".strip(),
                mailing.template,
                output_text(mailing.output),
                str(len(mailing.items)),
                mailing.sent_at[:10] if mailing.sent_at else "not yet",
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return QColor(style.OK if mailing.sent_at else style.WARNING)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MAILING_ROLE:
            return mailing
        return None
