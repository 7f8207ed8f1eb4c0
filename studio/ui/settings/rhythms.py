"""Settings ▸ Keep in touch: how often to be in touch with everyone of a tag, and the weekly
goal of cards posted and calls made (Today's Results panel, `studio report`).

Rhythms live in their own table, not with the other settings: each change is saved at
once through `studio.services.touches` on the store thread. The weekly goal is a setting
(``weekly_goal.cards``, ``weekly_goal.calls``), saved a moment after it is changed.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from studio.services import contacts, touches
from studio.services.session import Store
from studio.services.touches import MAX_RHYTHM_DAYS
from studio.settings import Settings
from studio.touches.rhythm import CUSTOMER_TAG
from studio.ui.context import AppContext
from studio.ui.widgets import button, label


def _days_spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, MAX_RHYTHM_DAYS)
    spin.setSuffix(" days")
    spin.setValue(value)
    return spin


def _count_spin(suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 1000)
    spin.setSuffix(suffix)
    return spin


class RhythmsGroup(QGroupBox):
    """The tag rhythms: a line per tag (the days can be changed in place), Add and Remove."""

    def __init__(self, context: AppContext) -> None:
        super().__init__("Keep in touch")
        self._context = context
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Everyone tagged", "A touch every"])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)  # room for the days box in each line
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.table.horizontalHeader().setDefaultAlignment(left)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.new_tag = QComboBox()
        self.new_tag.setEditable(True)
        self.new_tag.lineEdit().setPlaceholderText("a tag, e.g. vip")
        self.new_days = _days_spin(30)
        self.add_button = button("Add", self.add_rhythm, tooltip="Keep in touch with everyone of this tag")
        self.remove_button = button("Remove", self.remove_selected, tooltip="No rhythm for the selected tag")
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_tag, 1)
        add_row.addWidget(self.new_days)
        add_row.addWidget(self.add_button)
        self.hint = label("", "muted", wrap=True)
        self.goal_cards = _count_spin(" cards posted")
        self.goal_calls = _count_spin(" calls made")
        goal_row = QHBoxLayout()
        goal_row.addWidget(label("Weekly goal:", ""))
        goal_row.addWidget(self.goal_cards)
        goal_row.addWidget(self.goal_calls)
        goal_row.addStretch(1)
        self._goal_timer = QTimer(self)
        self._goal_timer.setSingleShot(True)
        self._goal_timer.setInterval(400)
        self._goal_timer.timeout.connect(self.save_goal)
        self.goal_cards.valueChanged.connect(lambda _v: self._goal_timer.start())
        self.goal_calls.valueChanged.connect(lambda _v: self._goal_timer.start())
        self._show_goal(context.settings)
        context.events.settings_changed.connect(self._show_goal)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Someone is due for a touch (Today lists them) once this many days have "
                               "passed since their last card, call, message or order. Of several tags "
                               "the shortest counts.", "muted", wrap=True))
        layout.addWidget(self.table)
        layout.addLayout(add_row)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.hint)
        layout.addLayout(goal_row)
        layout.addWidget(label("A week (Monday to Sunday) meets the goal with that many cards posted and "
                               "calls made; Today shows the weeks and your streak. 0: no goal of that kind.",
                               "muted", wrap=True))
        self.reload()

    def _show_goal(self, settings: Settings | None) -> None:
        if settings is None or self._goal_timer.isActive():
            return
        for spin, value in ((self.goal_cards, settings.weekly_goal.cards),
                            (self.goal_calls, settings.weekly_goal.calls)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def save_goal(self) -> None:
        """Save the weekly goal as the boxes show it (with every other setting as it was)."""
        self._goal_timer.stop()
        settings = copy.deepcopy(self._context.settings)
        settings.weekly_goal = dataclasses.replace(settings.weekly_goal, cards=self.goal_cards.value(),
                                                   calls=self.goal_calls.value())
        if settings.weekly_goal != self._context.settings.weekly_goal:
            self._context.save_settings(settings)

    def reload(self) -> None:
        def load(store: Store) -> tuple[Any, list[tuple[str, int]]]:
            return touches.load_rhythms(store), contacts.tags(store)

        self._context.store.submit(load, self._loaded)

    def _loaded(self, result: tuple[Any, list[tuple[str, int]]]) -> None:
        rhythms, tags = result
        explicit = dict(rhythms.tags)
        self.table.setRowCount(0)
        for tag, days in explicit.items():
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(tag))
            spin = _days_spin(days)
            spin.valueChanged.connect(lambda value, t=tag: self._save(t, value))
            self.table.setCellWidget(row, 1, spin)
        current = self.new_tag.currentText()
        self.new_tag.clear()
        self.new_tag.addItems([tag for tag, _count in tags if tag.casefold() not in explicit])
        self.new_tag.setCurrentText(current if current not in explicit else "")
        own = len(rhythms.contacts)
        customers = ("" if CUSTOMER_TAG in explicit else
                     f"Customers without a line here: every {rhythms.customer_days} days (the “Not "
                     "thanked lately” period above).")
        self.hint.setText(customers
                          + (f" {own} contact{'s have' if own != 1 else ' has'} a rhythm of their own "
                             "(`studio rhythm --contact`)." if own else ""))
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    def add_rhythm(self) -> None:
        tag = self.new_tag.currentText().strip()
        if tag:
            self._save(tag, self.new_days.value(), reload=True)
            self.new_tag.setCurrentText("")

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None:
                self._save(item.text(), None, reload=True)

    def _save(self, tag: str, days: int | None, *, reload: bool = False) -> None:
        self._context.store.submit(
            lambda store: touches.set_tag_rhythm(store, tag, days),
            lambda _: (self._context.events.touches_changed.emit(), self.reload() if reload else None),
            lambda exc: self._context.errors.show(exc, self),
        )
