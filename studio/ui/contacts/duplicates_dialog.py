"""Edit ▸ Possible Duplicates…: pairs that may be one person, side by side, to merge or keep
apart; recent merges can be undone because both original cards are kept."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.model import Contact
from studio.services import duplicates as service
from studio.ui import style
from studio.ui.contacts.detail import contact_html
from studio.ui.context import AppContext
from studio.ui.widgets import button, label


class DuplicatesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._pairs: list[service.PossibleDuplicate] = []
        self.setWindowTitle("Possible Duplicates")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_pairs_tab(), "To review")
        self.tabs.addTab(self._build_merges_tab(), "Merged")
        self.status = label("", "muted", wrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(760, 540)
        self.reload()

    def _build_pairs_tab(self) -> QWidget:
        self.intro = label(
            "These cards may be one person, but something stops Card Studio from being sure. "
            "Merge them, or keep them apart and they are not offered again.",
            "muted",
            wrap=True,
        )
        self.pair_list = QTreeWidget()
        self.pair_list.setHeaderLabels(["Contact", "Maybe the same as", "Why"])
        self.pair_list.setRootIsDecorated(False)
        self.pair_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pair_list.currentItemChanged.connect(lambda *_: self._show_pair())
        self.first_card, self.second_card = QLabel(), QLabel()
        cards = QWidget()
        compare = QGridLayout(cards)
        for column, card in enumerate((self.first_card, self.second_card)):
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            compare.addWidget(card, 0, column)
            compare.setColumnStretch(column, 1)
        self.reasons = label("", wrap=True)
        self.merge_button = button(
            "Merge into the left card",
            self.merge_selected,
            tooltip="Keep the left card and add the right one's details to it",
        )
        self.apart_button = button("Keep apart", self.keep_selected_apart)
        row = QHBoxLayout()
        for widget in (self.merge_button, self.apart_button):
            widget.setAutoDefault(False)
            row.addWidget(widget)
        row.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.intro)
        layout.addWidget(self.pair_list, 1)
        self.pair_list.setMinimumHeight(90)
        layout.addWidget(self.reasons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards)
        layout.addWidget(scroll, 2)
        layout.addLayout(row)
        return tab

    def _build_merges_tab(self) -> QWidget:
        self.merge_list = QTreeWidget()
        self.merge_list.setHeaderLabels(["Kept", "Merged into it", "When"])
        self.merge_list.setRootIsDecorated(False)
        self.undo_button = button("Undo merge", self.undo_selected)
        self.undo_button.setAutoDefault(False)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            label(
                "Merges made here keep both original cards: undoing one parts the two contacts "
                "again, each with its own orders and cards received.",
                "muted",
                wrap=True,
            )
        )
        layout.addWidget(self.merge_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    def reload(self) -> None:
        self._context.store.submit(
            lambda store: (service.possible_duplicates(store), service.merges(store)), self._show
        )

    def _show(self, found: tuple[list[service.PossibleDuplicate], list[service.MergeRecord]]) -> None:
        self._pairs, merges = found
        self.pair_list.clear()
        for index, pair in enumerate(self._pairs):
            item = QTreeWidgetItem([pair.first.name, pair.second.name, _why(pair)])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.pair_list.addTopLevelItem(item)
        for column in (0, 1):
            self.pair_list.resizeColumnToContents(column)
        self.tabs.setTabText(0, f"To review ({len(self._pairs)})" if self._pairs else "To review")
        if self._pairs:
            self.pair_list.setCurrentItem(self.pair_list.topLevelItem(0))
        else:
            self.status.setText(self.status.text() or "No possible duplicates: every contact is one person.")
        self._show_pair()
        self.merge_list.clear()
        for record in merges:
            item = QTreeWidgetItem(
                [record.kept_before.name, record.absorbed.name, record.merged_at.replace("T", " ")[:16]]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            self.merge_list.addTopLevelItem(item)
        if merges:
            self.merge_list.setCurrentItem(self.merge_list.topLevelItem(0))
        self.undo_button.setEnabled(bool(merges))

    def _selected_pair(self) -> service.PossibleDuplicate | None:
        item = self.pair_list.currentItem()
        return None if item is None else self._pairs[item.data(0, Qt.ItemDataRole.UserRole)]

    def _show_pair(self) -> None:
        pair = self._selected_pair()
        for widget in (self.merge_button, self.apart_button):
            widget.setEnabled(pair is not None)
        if pair is None:
            self.first_card.clear()
            self.second_card.clear()
            self.reasons.clear()
            return
        self.first_card.setText(self._card_html(pair.first))
        self.second_card.setText(self._card_html(pair.second))
        self.reasons.setText(_reasons_html(pair))

    def _card_html(self, contact: Contact) -> str:
        settings = self._context.settings
        body = contact_html(contact, [], home_country=settings.home_country, language=settings.language,
                            muted=style.theme_of().muted)
        return f"<b>{html.escape(contact.name or '(no name)')}</b>{body}"

    def merge_selected(self) -> None:
        pair = self._selected_pair()
        if pair is not None:
            keep, other = pair.ids
            self._run(lambda store: service.merge_pair(store, keep, other),
                      lambda record: f"Merged {record.absorbed.name} into {record.kept_before.name}. "
                                     "Undo it on the Merged tab.")

    def keep_selected_apart(self) -> None:
        pair = self._selected_pair()
        if pair is not None:
            first, second = pair.ids
            self._run(lambda store: service.keep_apart(store, first, second),
                      lambda _: f"Kept {pair.first.name} and {pair.second.name} apart: "
                                "they are not offered again.")

    def undo_selected(self) -> None:
        item = self.merge_list.currentItem()
        if item is not None:
            merge_id = item.data(0, Qt.ItemDataRole.UserRole)
            self._run(lambda store: service.undo_merge(store, merge_id),
                      lambda parted: f"Parted {parted[0].name} and {parted[1].name} again; "
                                     "they are kept apart from now on.")

    def _run(self, job, say) -> None:  # noqa: ANN001 - a store job and what to say of its result
        """Run a decision on the store thread, then say what was done and show the lists again."""
        self._context.store.submit(job, lambda result: self._done(say(result)), self._failed)

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self._context.events.contacts_changed.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(f"Not done: {error}")


def _why(pair: service.PossibleDuplicate) -> str:
    """E.g. "the same name and address, but different birthdays (1950-03-02 / 1984-07-09)"."""
    shared = ", ".join(pair.shared) or "the same name"
    return f"{shared}, but {', '.join(pair.conflicts)}" if pair.conflicts else shared


def _reasons_html(pair: service.PossibleDuplicate) -> str:
    shared = html.escape(", ".join(pair.shared) or "the same name")
    text = f"<b>Alike:</b> {shared}"
    if pair.conflicts:
        text += f" &nbsp;·&nbsp; <b>Against:</b> {html.escape(', '.join(pair.conflicts))}"
    return text
