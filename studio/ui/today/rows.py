"""The pieces of the Today view: an occasion line with its actions, and the two-week strip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from studio.ui import icons, style
from studio.ui.today.groups import OccasionGroup, mail_by_text
from studio.ui.widgets import ElidedLabel, avatar, button, label

_BADGES = {
    "late": ("Late", "badgeLate"),
    "today": ("Post today", "badgeWarn"),
    "soon": ("This week", "badgeOk"),
}
_KIND_COLOURS = {
    "birthday": "#d9644a",
    "anniversary": "#a0507a",
    "customer-anniversary": "#2f7a73",
    "thank-you": "#c2883a",
    "holiday": "#3f7cad",
    "date": "#7b6cb0",
}


_TEXT_MIN_PX = 150  # of a line's name and detail, before they are shortened with "…"

# Rows are drawn by the app's stylesheet (QFrame#occasionRow in studio/ui/style.py), in
# the theme of the moment: a style sheet of their own would make every row slow to build.


class OccasionRow(QFrame):
    """One occasion (or a holiday for many people): who, what, when to mail, and two actions."""

    def __init__(
        self,
        group: OccasionGroup,
        today: dt.date,
        on_prepare: Callable[[OccasionGroup], None],
        on_card: Callable[[OccasionGroup], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = group  # replaced by a fresh one with the same content on refresh
        self.content = row_content(group, today)
        self.setObjectName("occasionRow")  # drawn by the app's stylesheet
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        picture = QLabel()
        ratio = self.devicePixelRatioF() or 1.0
        if group.personal:
            picture.setPixmap(avatar(group.title(), 34, ratio))
        else:
            picture.setPixmap(_holiday_badge(group.name, ratio))
        layout.addWidget(picture)
        text = QVBoxLayout()
        text.setSpacing(1)
        # A long name or detail ends in "…" rather than push the buttons off the page; the
        # first 150 pixels or so are always shown (a narrower page puts the side panels below).
        title = ElidedLabel()
        font = title.font()
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        title.setText(group.title())
        detail = ElidedLabel("muted")
        detail.setText(group.detail())
        for part in (title, detail):
            part.setMinimumWidth(min(part.sizeHint().width(), _TEXT_MIN_PX))
            text.addWidget(part)
        layout.addLayout(text, 1)
        # The status badge over when to post, right-aligned: the row stays narrow.
        status_column = QVBoxLayout()
        status_column.setSpacing(3)
        status = group.status(today)
        badge = None
        if group.mailed and group.mailed == len(group.items):
            badge = label("In a mailing", "badgeOk")
        elif status in _BADGES:
            caption, name = _BADGES[status]
            badge = label(caption, name)
        if badge is not None:
            status_column.addWidget(badge, 0, Qt.AlignmentFlag.AlignRight)
        when = label(mail_by_text(group.mail_by, today), "muted")
        when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        status_column.addWidget(when, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(status_column)
        if group.personal:
            self.card_button = button(
                "",
                lambda: on_card(self.group),
                icon=icons.icon("cards"),
                tooltip="See the card for this person in the designer",
            )
            self.card_button.setFixedWidth(40)
            layout.addWidget(self.card_button)
        self.prepare_button = button(
            "Prepare…",
            lambda: on_prepare(self.group),
            name="primary",
            tooltip="Make the cards and envelopes for this occasion",
        )
        layout.addWidget(self.prepare_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)


def row_content(group: OccasionGroup, today: dt.date) -> tuple[object, ...]:
    """Everything an `OccasionRow` shows or acts on: equal content, no need for a new row."""
    return (
        group.key,
        group.kind,
        group.personal,
        group.title(),
        group.detail(),
        group.status(today),
        group.mailed,
        len(group.items),
        group.mail_by,
        today,
        tuple(group.contact_ids),
    )


class OccasionList:
    """The lines of one Today list: the first ``first`` built, "Show more" adds ``more``.

    `show` keeps the lines whose content did not change, so a refresh after an edit that
    does not touch them builds no widgets; only lines that are shown are ever built.
    """

    def __init__(
        self,
        rows: QVBoxLayout,
        on_prepare: Callable[[OccasionGroup], None],
        on_card: Callable[[OccasionGroup], None],
        first: int,
        more: int,
    ) -> None:
        self.rows = rows
        self._on_prepare, self._on_card = on_prepare, on_card
        self._first, self._more = first, more
        self.limit = first
        self._groups: list[OccasionGroup] = []
        self._today = dt.date.min
        self.built: list[OccasionRow] = []
        self.footer = QWidget()
        line = QHBoxLayout(self.footer)
        line.setContentsMargins(4, 0, 0, 0)
        self.left_label = label("", "muted")
        self.more_button = button("", self.show_more, name="link")
        line.addWidget(self.left_label)
        line.addWidget(self.more_button)
        line.addStretch(1)
        rows.addWidget(self.footer)
        self.footer.hide()
        self._message: QWidget | None = None

    def reset_limit(self) -> None:
        """Back to the first lines only (another list is about to be shown)."""
        self.limit = self._first

    def show(self, groups: Sequence[OccasionGroup], today: dt.date, empty: QWidget | None = None) -> None:
        """Show ``groups`` (or ``empty`` when there are none)."""
        self._groups, self._today = list(groups), today
        self._set_message(None if groups else empty)
        wanted = self._groups[: self.limit]
        for index, group in enumerate(wanted):
            content = row_content(group, today)
            if index < len(self.built) and self.built[index].content == content:
                self.built[index].group = group
                continue
            row = OccasionRow(group, today, self._on_prepare, self._on_card)
            if index < len(self.built):
                old = self.built[index]
                self.rows.replaceWidget(old, row)
                old.hide()
                old.deleteLater()
                self.built[index] = row
            else:
                self.rows.insertWidget(index, row)
                self.built.append(row)
        for old in self.built[len(wanted) :]:
            self.rows.removeWidget(old)
            old.hide()
            old.deleteLater()
        del self.built[len(wanted) :]
        left = len(self._groups) - len(wanted)
        self.footer.setVisible(left > 0)
        if left > 0:
            self.left_label.setText(f"and {left} more")
            self.more_button.setText(f"Show {min(left, self._more)} more")

    def show_more(self) -> None:
        self.limit += self._more
        self.show(self._groups, self._today, self._message)

    def _set_message(self, widget: QWidget | None) -> None:
        if widget is self._message:
            return
        if self._message is not None:
            self.rows.removeWidget(self._message)
            self._message.hide()
            self._message.deleteLater()
        self._message = widget
        if widget is not None:
            self.rows.addWidget(widget)


def _holiday_badge(name: str, ratio: float) -> object:
    """A square calendar-leaf badge with the holiday's initial (holidays have no face)."""
    from PySide6.QtGui import QPixmap

    size = 34
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(_KIND_COLOURS["holiday"]))
    painter.drawRoundedRect(QRectF(0, 0, size, size), 8, 8)
    font = QFont()
    font.setPixelSize(15)
    font.setWeight(QFont.Weight.Bold)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, name[:1].upper())
    painter.end()
    return pixmap


class DayStrip(QWidget):
    """The next two weeks as a row of days, each with how many cards must be posted then.

    Clicking a day emits ``day_chosen`` with that date (clicking it again: None).
    """

    day_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = dt.date.today()
        self._counts: list[int] = [0] * 14
        self._chosen: dt.date | None = None
        self.setMinimumHeight(74)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_days(self, start: dt.date, counts: Sequence[int]) -> None:
        self._start, self._counts = start, list(counts)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(14 * 56, 74)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(14 * 34, 74)

    def _cell(self, index: int) -> QRectF:
        width = self.width() / max(len(self._counts), 1)
        return QRectF(index * width + 3, 2, width - 6, self.height() - 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1.5))
        big = QFont(self.font())
        big.setPointSizeF(small.pointSizeF() + 4)
        big.setWeight(QFont.Weight.DemiBold)
        t = style.theme_of()
        for index, count in enumerate(self._counts):
            day = self._start + dt.timedelta(days=index)
            cell = self._cell(index)
            chosen = day == self._chosen
            weekend = day.weekday() >= 5
            fill = t.accent if chosen else (t.surface if not weekend else t.weekend)
            painter.setPen(QPen(QColor(t.line), 1))
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(cell, 8, 8)
            ink = QColor(t.on_accent) if chosen else QColor(t.muted)
            painter.setPen(ink)
            painter.setFont(small)
            top = QRectF(cell.x(), cell.y() + 4, cell.width(), 16)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, "Today" if index == 0 else f"{day:%a}")
            painter.setFont(big)
            painter.setPen(QColor(t.on_accent) if chosen else QColor(t.ink))
            painter.drawText(
                QRectF(cell.x(), cell.y() + 20, cell.width(), 24), Qt.AlignmentFlag.AlignCenter, str(day.day)
            )
            if count:
                # The count reads at 4.5:1 on its dot (white on terracotta was 3.6:1).
                dot = QRectF(cell.center().x() - 11, cell.bottom() - 21, 22, 16)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(t.on_accent) if chosen else QColor(t.count))
                painter.drawRoundedRect(dot, 8, 8)
                painter.setFont(small)
                painter.setPen(QColor(style.LIGHT.accent_dark) if chosen else QColor(t.on_count))
                painter.drawText(dot, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for index in range(len(self._counts)):
            if self._cell(index).contains(event.position()):
                day = self._start + dt.timedelta(days=index)
                self._chosen = None if self._chosen == day else day
                self.update()
                self.day_chosen.emit(self._chosen)
                return
