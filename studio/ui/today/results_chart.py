"""Today's "Results" panel: the weekly goal as a small bar chart (QPainter, no chart library),
the streak, and whether customers reorder after a card, in words when too few to compare.

Each week is a pair of bars, cards posted and calls made, against the goal's dashed line
(the taller of the two goals sets the scale). The comparison shows as two horizontal bars
only when `studio.touches.results` calls the groups comparable.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.ui.style import theme_of
from studio.ui.today.side_panel import SidePanel
from studio.ui.widgets import label


class WeeksChart(QWidget):
    """Cards and calls per week, the goal drawn as dashed lines."""

    def __init__(self) -> None:
        super().__init__()
        self.weeks: list[Any] = []  # studio.touches.results.WeekTally, oldest first
        self.goal: tuple[int, int] = (0, 0)
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, 96)

    def set_weeks(self, weeks: list[Any], goal_cards: int, goal_calls: int) -> None:
        self.weeks = list(weeks)
        self.goal = (goal_cards, goal_calls)
        text = "; ".join(f"week of {w.start:%d %b}: {w.cards} cards, {w.calls} calls" for w in self.weeks)
        self.setAccessibleName("Cards and calls per week")
        self.setAccessibleDescription(text)
        self.setToolTip(text.replace("; ", "\n"))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.weeks:
            return
        theme = theme_of()
        cards_colour, calls_colour = QColor(theme.accent), QColor(theme.muted)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_h = 14
        area = QRectF(0, 4, self.width(), self.height() - label_h - 6)
        top = max([*self.goal, *(w.cards for w in self.weeks), *(w.calls for w in self.weeks), 1])
        slot = area.width() / len(self.weeks)
        bar = max(3.0, slot * 0.3)

        def height(value: int) -> float:
            return area.height() * value / top

        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.75))
        painter.setFont(font)
        for index, week in enumerate(self.weeks):
            x = area.left() + index * slot + (slot - 2 * bar - 2) / 2
            for offset, value, colour in ((0, week.cards, cards_colour), (bar + 2, week.calls, calls_colour)):
                h = height(value)
                painter.fillRect(QRectF(x + offset, area.bottom() - h, bar, h), colour)
            painter.setPen(QColor(theme.ink if week.met else theme.muted))
            mark = "✓" if week.met else f"{week.start:%d}"
            painter.drawText(QRectF(area.left() + index * slot, area.bottom() + 2, slot, label_h),
                             Qt.AlignmentFlag.AlignCenter, mark)
        for value, colour in zip(self.goal, (cards_colour, calls_colour), strict=True):
            if value > 0:
                pen = QPen(colour, 1, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                y = area.bottom() - height(value)
                painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.setPen(QColor(theme.muted))
        painter.drawLine(int(area.left()), int(area.bottom()), int(area.right()), int(area.bottom()))
        painter.end()


class ShareBars(QWidget):
    """Two horizontal bars: the share who reordered with a card and without one."""

    def __init__(self) -> None:
        super().__init__()
        self.shares: tuple[float, float] = (0.0, 0.0)
        self.setFixedHeight(44)

    def set_shares(self, with_card: float, without_card: float) -> None:
        self.shares = (with_card, without_card)
        text = f"with a card {round(100 * with_card)} %, without {round(100 * without_card)} %"
        self.setAccessibleName("Reordered within 30 days")
        self.setAccessibleDescription(text)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        theme = theme_of()
        painter = QPainter(self)
        caption_w = 78.0
        for row, (share, words, colour) in enumerate(((self.shares[0], "With a card", theme.accent),
                                                       (self.shares[1], "Without", theme.muted))):
            y = 2 + row * 21
            painter.setPen(QColor(theme.ink))
            painter.drawText(QRectF(0, y, caption_w, 18), Qt.AlignmentFlag.AlignVCenter, words)
            room = self.width() - caption_w - 40
            painter.fillRect(QRectF(caption_w, y + 3, max(2.0, room * share), 12), QColor(colour))
            painter.drawText(QRectF(caption_w + room * share + 4, y, 40, 18), Qt.AlignmentFlag.AlignVCenter,
                             f"{round(100 * share)} %")
        painter.end()


class ResultsPanel(SidePanel):
    """This week against the goal, the streak, and reorders after cards."""

    def __init__(self) -> None:
        super().__init__("Results")
        self.goal_text = label("", "", wrap=True)
        self.chart = WeeksChart()
        self.legend = label("", "muted", wrap=True)
        self.streak_text = label("", "", wrap=True)
        self.shares = ShareBars()
        self.verdict = label("", "muted", wrap=True)
        for widget in (self.goal_text, self.chart, self.legend, self.streak_text, self.shares, self.verdict):
            self.rows.addWidget(widget)

    def show_results(self, report: Any) -> None:
        """``report``: `studio.services.results.ResultsReport`."""
        goal = report.goal
        self.goal_text.setText(report.goal_text())
        self.chart.set_weeks(report.weeks, goal.cards, goal.calls)
        self.legend.setText(f"Last {len(report.weeks)} weeks: cards (teal) and calls (grey); "
                            "dashed: the goal; ✓ a week that met it.")
        self.streak_text.setText(report.streak_text())
        reorders = report.reorders
        self.shares.setVisible(reorders.comparable)
        if reorders.comparable:
            self.shares.set_shares(reorders.with_card.share or 0.0, reorders.without_card.share or 0.0)
        self.verdict.setText(reorders.verdict())
