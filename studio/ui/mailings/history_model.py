"""Past mailings as a table model: when, what for, which card, how many, posted or not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from studio.services.mailings import Mailing
from studio.ui import style
from studio.ui.table_model import ReadOnlyTableModel

if TYPE_CHECKING:
    from studio.services.mailings import HistoryNames

MAILING_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Made", "Occasion", "Card", "Printed on", "Cards", "Posted")

Index = QModelIndex | QPersistentModelIndex


class MailingHistoryModel(ReadOnlyTableModel):
    """Newest first; ``MAILING_ROLE`` gives the `Mailing` (with its items).

    Occasions, templates and outputs show by the names given with `add_names`
    (`studio.services.mailings.history_names`); one without a name shows as recorded.
    """

    def __init__(self) -> None:
        super().__init__(COLUMNS)
        self._mailings: list[Mailing] = []
        self._occasions: dict[str, str] = {}
        self._templates: dict[str, str] = {}
        self._outputs: dict[str, str] = {}

    def set_mailings(self, mailings: Sequence[Mailing], names: HistoryNames | None = None) -> None:
        self.beginResetModel()
        self._mailings = list(mailings)
        self.endResetModel()
        if names is not None:
            self.add_names(names)

    def add_names(self, names: HistoryNames) -> None:
        """Learn ``names`` (they win over names learnt before) and show them."""
        self._occasions.update(names.occasions)
        self._templates.update(names.templates)
        self._outputs.update(names.outputs)
        if self._mailings:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._mailings) - 1, len(COLUMNS) - 1))

    def occasion_name(self, key: str) -> str:
        return self._occasions.get(key, key)

    def template_name(self, template_id: str) -> str:
        return self._templates.get(template_id, template_id)

    def output_name(self, output: str) -> str:
        return self._outputs.get(output, output)

    def mailings(self) -> list[Mailing]:
        return list(self._mailings)

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
                self.template_name(mailing.template),
                self.output_name(mailing.output),
                str(len(mailing.items)),
                mailing.sent_at[:10] if mailing.sent_at else "not yet",
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            theme = style.theme_of()  # asked while the table paints: the theme of the moment
            return QColor(theme.ok if mailing.sent_at else theme.warning_text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MAILING_ROLE:
            return mailing
        return None
