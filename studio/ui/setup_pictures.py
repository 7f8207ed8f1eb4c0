"""Small QPainter pictures for the printer setup: what the printer test looks like when it
comes out, so the user picks the picture that matches the paper in their hand.

Each picture draws what `studio.printing.test_sheet` prints: the back of sheet 1 with its two
answers (one upright, one upside down), what lies on top of the output tray, the edge the
stack is turned over, and the front/back crosses with their 1 mm rings. `ChoiceCard` puts a
picture over a radio button; clicking anywhere on the card chooses it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QFrame, QRadioButton, QSizePolicy, QVBoxLayout, QWidget

from studio.printing.setup_answers import CrossReading
from studio.ui.printer_pictures import ACCENT, MARK, PAPER, _arrow, _ink

SHEET_RATIO = 0.77  # a Letter/A4 sheet's width over its height


class _Picture(QWidget):
    """A fixed-size picture; subclasses draw in `draw`."""

    def __init__(self, parent: QWidget | None = None, size: QSize | None = None) -> None:
        super().__init__(parent)
        size = size or QSize(190, 150)
        self._size = size
        self.setMinimumSize(size)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._size

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw(painter, _ink(self))
        painter.end()

    def draw(self, painter: QPainter, ink: QColor) -> None:
        raise NotImplementedError  # every picture draws itself


def _sheet(painter: QPainter, rect: QRectF, ink: QColor) -> None:
    painter.setPen(QPen(ink, 1.2))
    painter.setBrush(PAPER)
    painter.drawRect(rect)


def _font(painter: QPainter, pixels: float, bold: bool = False) -> None:
    font = QFont(painter.font())
    font.setPixelSize(max(4, int(pixels)))  # down, never up: fitted text must still fit
    font.setBold(bold)
    painter.setFont(font)


def _fitted(painter: QPainter, rect: QRectF, text: str, *, bold: bool = False, most: float = 14.0,
            colour: QColor | None = None) -> None:
    """``text`` centred in ``rect``, in the largest size up to ``most`` pixels that fits its width."""
    _font(painter, most, bold)
    width = QFontMetricsF(painter.font()).horizontalAdvance(text)
    if width > rect.width():
        _font(painter, most * rect.width() / width, bold)
    painter.setPen(colour or QColor("#1a1a1a"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _text_bars(painter: QPainter, left: float, top: float, width: float, count: int, gap: float) -> None:
    """Grey bars where the sheet has lines of small print."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(150, 150, 150, 140))
    for line in range(count):
        shorter = width * (0.15 if line % 2 else 0.0)
        painter.drawRoundedRect(QRectF(left + shorter / 2, top + line * gap, width - shorter, 2.2), 1, 1)
    painter.restore()


def _answer_box(painter: QPainter, box: QRectF, word: str, upright: bool) -> None:
    """One answer of side 2 as the sheet prints it: its frame, “This sentence reads upright:”,
    the edge in big letters, then small print; turned upside down when not upright."""
    painter.save()
    if not upright:
        painter.translate(box.center())
        painter.rotate(180)
        painter.translate(-box.center())
    painter.setPen(QPen(ACCENT if upright else QColor("#1a1a1a"), 1.8 if upright else 0.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    inner = box.adjusted(4, 0, -4, 0)
    h = box.height()
    _fitted(painter, QRectF(inner.left(), box.top() + h * 0.06, inner.width(), h * 0.18),
            "This sentence reads upright:", most=h * 0.13)
    _fitted(painter, QRectF(inner.left(), box.top() + h * 0.24, inner.width(), h * 0.3), f"{word} EDGE",
            bold=True, most=h * 0.26)
    _text_bars(painter, inner.left() + inner.width() * 0.08, box.top() + h * 0.6, inner.width() * 0.84, 3,
               h * 0.11)
    painter.restore()


def _side_two(painter: QPainter, sheet: QRectF, ink: QColor, upright_word: str) -> None:
    """Side 2 of sheet 1 as held after turning it like a book page: ``upright_word``'s
    answer on top, reading upright; the other one under it, upside down."""
    _sheet(painter, sheet, ink)
    other = "SHORT" if upright_word == "LONG" else "LONG"
    margin = sheet.width() * 0.09
    height = sheet.height() * 0.3
    top = QRectF(sheet.left() + margin, sheet.top() + sheet.height() * 0.1, sheet.width() - 2 * margin,
                 height)
    bottom = QRectF(top.left(), sheet.bottom() - sheet.height() * 0.1 - height, top.width(), height)
    _answer_box(painter, top, upright_word, True)
    _answer_box(painter, bottom, other, False)


class DuplexAnswerPicture(_Picture):
    """Sheet 1 turned over: "long" or "short" (that answer reads upright), or "manual" (the
    answers came out on a sheet of their own, sheet 1's back is blank)."""

    def __init__(self, answer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, QSize(200, 210))
        self.answer = answer
        self.setAccessibleName({"long": "The long-edge sentence reads upright",
                                "short": "The short-edge sentence reads upright",
                                "manual": "The back came out on a sheet of its own"}[answer])

    def draw(self, painter: QPainter, ink: QColor) -> None:
        h = self.height() - 8
        w = h * SHEET_RATIO
        if self.answer != "manual":
            _side_two(painter, QRectF((self.width() - w) / 2, 4, w, h), ink, self.answer.upper())
            return
        # Two sheets: sheet 1 with nothing on its back, and the answers on a sheet of their own.
        gap = 12
        w = min(w * 0.8, (self.width() - gap - 8) / 2)
        h = w / SHEET_RATIO
        left = (self.width() - 2 * w - gap) / 2
        blank = QRectF(left, 4, w, h)
        _sheet(painter, blank, ink)
        _fitted(painter, blank, "blank", most=11, colour=QColor("#8a8a8a"))
        own = QRectF(left + w + gap, 4, w, h)
        _side_two(painter, own, ink, "LONG")
        for sheet, caption in ((blank, "sheet 1's back"), (own, "its own sheet")):
            under = QRectF(sheet.left() - gap / 2, sheet.bottom() + 4, sheet.width() + gap, 16)
            _fitted(painter, under, caption, most=11, colour=ink)


class StackSightPicture(_Picture):
    """The output tray with sheet 2 (or the last page) on top, showing ``seen``: "back-words"
    (“back of sheet 2”), "big-2" (sheet 2's front) or "blank" (an unprinted side)."""

    def __init__(self, seen: str, parent: QWidget | None = None, size: QSize | None = None) -> None:
        super().__init__(parent, size)
        self.seen = seen

    def draw(self, painter: QPainter, ink: QColor) -> None:
        h = self.height() - 16
        w = h * SHEET_RATIO
        left = (self.width() - w) / 2
        # The tray's rim round the stack, and the sheets under the top one showing at its edge.
        painter.setPen(QPen(ink, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(left - 16, 4, w + 32, h + 10), 7, 7)
        _sheet(painter, QRectF(left + 4, 12, w, h - 4), ink)
        top = QRectF(left, 8, w, h - 4)
        _sheet(painter, top, ink)
        if self.seen == "blank":
            return
        _fitted(painter, QRectF(top.left(), top.top() + 4, top.width(), 12), "▲  TOP EDGE  ▲", bold=True,
                most=9)
        if self.seen == "big-2":
            middle = QRectF(top.left(), top.top() + top.height() * 0.2, top.width(), top.height() * 0.45)
            _fitted(painter, middle, "2", bold=True, most=top.height() * 0.42)
            bars_at = top.top() + top.height() * 0.7
        else:
            _fitted(painter, QRectF(top.left() + 6, top.top() + top.height() * 0.28, top.width() - 12, 20),
                    "back of sheet 2", bold=True, most=16)
            bars_at = top.top() + top.height() * 0.5
        _text_bars(painter, top.left() + 10, bars_at, top.width() - 20, 3, 7)


class TurnPicture(_Picture):
    """The printed stack turned over its side edge ("long", like a book page) or its top edge
    ("short"): the edge it turns over in the accent colour, an arrow the way it goes."""

    def __init__(self, turn: str, parent: QWidget | None = None, size: QSize | None = None) -> None:
        super().__init__(parent, size)
        self.turn = turn

    def draw(self, painter: QPainter, ink: QColor) -> None:
        h = self.height() - 36
        w = h * SHEET_RATIO
        sheet = QRectF((self.width() - w) / 2, 28, w, h)
        _sheet(painter, sheet, ink)
        _fitted(painter, sheet, "1", bold=True, most=sheet.height() * 0.3)
        painter.setPen(QPen(ACCENT, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        path = QPainterPath()
        if self.turn == "long":
            painter.drawLine(sheet.topLeft(), sheet.bottomLeft())
            # From the right edge up, over and down onto the left: a book's page turning.
            start = QPointF(sheet.right() - 6, sheet.top() + 10)
            end = QPointF(sheet.left() - 14, sheet.top() + 14)
            path.moveTo(start)
            path.cubicTo(QPointF(start.x(), sheet.top() - 26), QPointF(end.x(), sheet.top() - 26), end)
            tail = QPointF(end.x(), end.y() - 6)
        else:
            painter.drawLine(sheet.topLeft(), sheet.topRight())
            # From the bottom edge out, up and over the top: a wall calendar's page.
            start = QPointF(sheet.right() - 10, sheet.bottom() - 6)
            end = QPointF(sheet.right() - 6, sheet.top() - 14)
            path.moveTo(start)
            out = sheet.right() + 40
            path.cubicTo(QPointF(out, sheet.bottom()), QPointF(out, end.y()), end)
            tail = QPointF(end.x() + 6, end.y())
        painter.setPen(QPen(ACCENT, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        _arrow(painter, tail, end, ACCENT)


class CrossPicture(_Picture):
    """Side 1's cross with its 1, 2 and 3 mm rings, and the back's cross where the reading
    puts it (seen from the front against a window)."""

    PIXELS_PER_MM = 11.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, QSize(230, 190))
        self.reading = CrossReading()
        self.setAccessibleName("The front's and the back's crosses")

    def set_reading(self, reading: CrossReading) -> None:
        self.reading = reading
        self.update()

    def draw(self, painter: QPainter, ink: QColor) -> None:
        painter.setPen(QPen(ink, 1))
        painter.setBrush(PAPER)
        painter.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 6, 6)
        centre = QPointF(self.width() / 2, self.height() / 2)
        scale, arm = self.PIXELS_PER_MM, 5.0 * self.PIXELS_PER_MM
        front = QColor("#1a1a1a")
        painter.setPen(QPen(front, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()))
        painter.drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm))
        for ring in (1, 2, 3):
            painter.drawEllipse(centre, ring * scale, ring * scale)
        # The back's cross shows through the paper: lighter, in the sheet's red.
        back = QPointF(centre.x() + self.reading.right * scale, centre.y() + self.reading.down * scale)
        seen = QColor(MARK)
        seen.setAlpha(170)
        painter.setPen(QPen(seen, 2))
        painter.drawLine(QPointF(back.x() - arm, back.y()), QPointF(back.x() + arm, back.y()))
        painter.drawLine(QPointF(back.x(), back.y() - arm), QPointF(back.x(), back.y() + arm))
        painter.setPen(front)
        _font(painter, 10)
        painter.drawText(QRectF(8, 6, self.width() - 16, 16), Qt.AlignmentFlag.AlignLeft, "front: black")
        painter.setPen(MARK)
        painter.drawText(QRectF(8, 6, self.width() - 16, 16), Qt.AlignmentFlag.AlignRight, "back: red")
        painter.setPen(front)  # on the paper: dark in a dark theme too
        painter.drawText(QRectF(8, self.height() - 20, self.width() - 16, 16), Qt.AlignmentFlag.AlignCenter,
                         "each ring is 1 mm further out")


class ChoiceCard(QFrame):
    """A picture with a radio button and its caption under it; a click anywhere chooses it."""

    chosen = Signal(str)

    def __init__(self, value: str, caption: str, picture: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setObjectName("choiceCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.picture = picture
        self.radio = QRadioButton(caption)
        self.radio.setAccessibleName(caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(picture)
        layout.addWidget(self.radio)
        self.radio.toggled.connect(self._toggled)
        self._toggled(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.radio.setChecked(True)
        event.accept()

    def _toggled(self, checked: bool) -> None:
        # The chosen card is framed in the accent colour, the others lightly.
        colour = ACCENT.name() if checked else "rgba(128, 128, 128, 90)"
        width = 2 if checked else 1
        self.setStyleSheet(f"QFrame#choiceCard {{ border: {width}px solid {colour}; border-radius: 8px; }}")
        if checked:
            self.chosen.emit(self.value)
