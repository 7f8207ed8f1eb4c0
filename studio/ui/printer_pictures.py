"""Pictures of a printer profile, drawn with QPainter: how an envelope goes into the tray
(`FeedGuidePicture`) and how to turn the printed stack for its insides (`StackTurnPicture`).

Both are drawn from the profile's values alone, in the palette's colours (light or dark),
so they show what the PDFs were made for: `studio.render.envelope_feed` and
`studio.printing.manual_duplex` describe the same positions in words.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.model import PrinterProfile

ACCENT = QColor("#0f766e")
PAPER = QColor("#fdfcf8")
MARK = QColor("#b42318")
_LEADING = {0: "its top edge", 90: "its right end (the stamp end)", 180: "its bottom edge",
            270: "its left end (the return-address end)"}


def feed_caption(profile: PrinterProfile) -> str:
    """The feed guide in words, under the picture."""
    side = "address side up" if profile.envelope_face == "up" else "address side down"
    where = "centred between the guides" if profile.envelope_feed == "centre" else "against the left guide"
    page = ("" if profile.envelope_carrier == "none" else
            f" Printed on a {'Letter' if profile.envelope_carrier == 'letter' else 'A4'} page.")
    return (f"Envelope {side}, {where}, {_LEADING.get(profile.envelope_rotation, 'its top edge')} "
            f"going in first.{page}")


def _ink(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def _arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor, width: float = 2.0) -> None:
    painter.save()
    painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(start, end)
    direction = end - start
    length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
    ux, uy = direction.x() / length, direction.y() / length
    size = 7 + width
    left = QPointF(end.x() - ux * size - uy * size * 0.6, end.y() - uy * size + ux * size * 0.6)
    right = QPointF(end.x() - ux * size + uy * size * 0.6, end.y() - uy * size - ux * size * 0.6)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([end, left, right]))
    painter.restore()


class _ProfilePicture(QWidget):
    """A picture drawn for one printer profile (`set_profile`), as wide as its row allows."""

    def __init__(self, name: str, least: QSize, hint: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = PrinterProfile()
        self._hint = hint
        self.setMinimumSize(least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(name)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._hint

    def set_profile(self, profile: PrinterProfile) -> None:
        self.profile = profile
        self.update()


class FeedGuidePicture(_ProfilePicture):
    """The paper tray seen from above: the guides, the way in, and the envelope as it is fed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Envelope feed guide", QSize(220, 170), QSize(300, 190), parent)

    def set_profile(self, profile: PrinterProfile) -> None:
        self.setToolTip(feed_caption(profile))
        super().set_profile(profile)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        del event
        p = self.profile
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = _ink(self)
        w, h = self.width(), self.height()
        # The printer's slot at the top, the tray below it (as wide as a Letter page).
        tray_w = min(w * 0.62, (h - 46) * 0.77)
        tray = QRectF((w - tray_w) / 2, 40, tray_w, h - 48)
        painter.setPen(QPen(ink, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(tray.left() - 18, 4, tray.width() + 36, 26), 5, 5)
        painter.drawText(QRectF(tray.left() - 18, 4, tray.width() + 36, 26), Qt.AlignmentFlag.AlignCenter,
                         "printer")
        _arrow(painter, QPointF(tray.right() + 28, tray.top() + 60),
               QPointF(tray.right() + 28, tray.top() + 4), ACCENT)
        painter.save()
        painter.translate(tray.right() + 40, tray.top() + 62)
        painter.rotate(-90)
        painter.setPen(ACCENT)
        painter.drawText(QPointF(0, 0), "in")
        painter.restore()
        dashed = QPen(ink, 1, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawRect(tray)  # the page the driver sends (a carrier page, or where it would lie)
        # The guides: either side of the envelope when centred, one at the left edge otherwise.
        env_long, env_short = tray.width() * 0.92, tray.width() * 0.92 / 2.3
        turned = p.envelope_rotation in (90, 270)
        box_w, box_h = (env_short, env_long) if turned else (env_long, env_short)
        if turned:  # an envelope fed end first is narrower than the tray; scale to fit its height
            scale = min(1.0, (tray.height() - 4) / box_h)
            box_w, box_h = box_w * scale, box_h * scale
            env_long, env_short = env_long * scale, env_short * scale
        left = tray.left() + (tray.width() - box_w) / 2 if p.envelope_feed == "centre" else tray.left()
        box = QRectF(left, tray.top(), box_w, box_h)
        painter.setPen(QPen(ACCENT, 3))
        for x in ((box.left() - 3, box.right() + 3) if p.envelope_feed == "centre" else (box.left() - 3,)):
            painter.drawLine(QPointF(x, tray.top() + 6), QPointF(x, tray.bottom() - 6))
        # The envelope itself, drawn upright then turned into its box.
        painter.save()
        painter.translate(box.center())
        painter.rotate(-p.envelope_rotation)  # anticlockwise as the profile counts it
        body = QRectF(-env_long / 2, -env_short / 2, env_long, env_short)
        painter.setPen(QPen(ink, 1.2))
        painter.setBrush(PAPER)
        painter.drawRect(body)
        if p.envelope_face == "up":
            self._front(painter, body)
        else:
            self._back(painter, body)
        painter.restore()
        painter.end()

    def _front(self, painter: QPainter, body: QRectF) -> None:
        """Return address top left, stamp top right, the address in the middle."""
        grey = QColor(90, 90, 90)
        painter.setPen(QPen(grey, 1.4))
        x, y, u = body.left(), body.top(), body.height() / 10
        for row in range(3):
            painter.drawLine(QPointF(x + u, y + u * (1.3 + row)), QPointF(x + u * 5.5, y + u * (1.3 + row)))
        for row in range(3):
            painter.drawLine(QPointF(body.center().x() - u * 3, y + u * (5 + row * 1.3)),
                             QPointF(body.center().x() + u * 6, y + u * (5 + row * 1.3)))
        painter.setPen(QPen(MARK, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(body.right() - u * 3.2, y + u * 0.8, u * 2.4, u * 2.8))

    def _back(self, painter: QPainter, body: QRectF) -> None:
        """The flap: the back is what shows when the address side lies down."""
        painter.setPen(QPen(QColor(90, 90, 90), 1.2))
        flap = QPainterPath(body.topLeft())
        flap.lineTo(QPointF(body.center().x(), body.top() + body.height() * 0.55))
        flap.lineTo(body.topRight())
        painter.drawPath(flap)
        painter.drawText(body.adjusted(0, body.height() * 0.55, 0, 0), Qt.AlignmentFlag.AlignCenter, "back")


class StackTurnPicture(_ProfilePicture):
    """Three steps: the stack as it comes out, turned over its side or top edge, back in the tray."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("How to turn the stack", QSize(420, 170), QSize(560, 200), parent)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = _ink(self)
        third = self.width() / 3
        captions = ("1. Take the stack out", "2. Turn it over", "3. Back in the tray")
        for index, caption in enumerate(captions):
            painter.setPen(ink)
            painter.drawText(QRectF(third * index, self.height() - 24, third, 20),
                             Qt.AlignmentFlag.AlignCenter, caption)
        sheet_h = min(self.height() - 72, third * 0.9)  # room below for two lines of words
        sheet_w = sheet_h * 0.77
        top = 12.0
        face_up = self.profile.stack == "face-up"
        # 1: the stack as it lies in the output tray.
        x = third * 0.5 - sheet_w / 2
        for offset in (8, 4, 0):
            self._sheet(painter, QRectF(x + offset, top + offset, sheet_w, sheet_h), printed=face_up,
                        label="" if offset else "last", ink=ink)  # the last sheet lies on top either way
        painter.setPen(ink)
        painter.drawText(QRectF(x - 10, top + sheet_h + 12, sheet_w + 28, 16), Qt.AlignmentFlag.AlignCenter,
                         "printed side up" if face_up else "printed side down")
        # 2: the turn, over the side edge (long) or the top edge (short).
        rect = QRectF(third * 1.5 - sheet_w / 2, top + 4, sheet_w, sheet_h)
        self._sheet(painter, rect, printed=face_up, label="", ink=ink)
        painter.setPen(QPen(ACCENT, 1.2, Qt.PenStyle.DashLine))
        path = QPainterPath()
        if self.profile.manual_turn == "long":
            painter.drawLine(rect.topRight() + QPointF(0, -6), rect.bottomRight() + QPointF(0, 6))
            path.moveTo(rect.left() + sheet_w * 0.2, rect.center().y())
            path.quadTo(QPointF(rect.center().x() + sheet_w * 0.2, rect.top() - sheet_h * 0.35),
                        QPointF(rect.right() + sheet_w * 0.45, rect.center().y()))
        else:
            painter.drawLine(rect.topLeft() + QPointF(-6, 0), rect.topRight() + QPointF(6, 0))
            path.moveTo(rect.center().x(), rect.bottom() - sheet_h * 0.2)
            path.quadTo(QPointF(rect.right() + sheet_w * 0.55, rect.center().y() - sheet_h * 0.2),
                        QPointF(rect.center().x(), rect.top() - 8))
        painter.setPen(QPen(ACCENT, 2.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        end, before = path.pointAtPercent(1.0), path.pointAtPercent(0.93)
        _arrow(painter, before, end, ACCENT, 2.4)
        # 3: into the tray, the same edge first.
        tray = QRectF(third * 2.5 - sheet_w / 2 - 8, top + 14, sheet_w + 16, sheet_h - 4)
        painter.setPen(QPen(ink, 1.2))
        painter.drawRect(tray)
        self._sheet(painter, tray.adjusted(8, 8, -8, -2), printed=not face_up, label="", ink=ink)
        _arrow(painter, QPointF(tray.right() + 14, tray.center().y()),
               QPointF(tray.right() + 14, tray.top() - 6), ACCENT)
        painter.setPen(ACCENT)
        painter.drawText(QRectF(tray.left() - 20, 0, tray.width() + 40, 14), Qt.AlignmentFlag.AlignCenter,
                         "same edge first")
        painter.end()

    def _sheet(self, painter: QPainter, rect: QRectF, *, printed: bool, label: str, ink: QColor) -> None:
        painter.save()
        painter.setPen(QPen(ink, 1))
        painter.setBrush(PAPER)
        painter.drawRect(rect)
        if printed:  # the printed outsides show: lines of text
            painter.setPen(QPen(QColor(120, 120, 120), 1.2))
            for row in range(4):
                y = rect.top() + rect.height() * (0.25 + row * 0.13)
                painter.drawLine(QPointF(rect.left() + rect.width() * 0.18, y),
                                 QPointF(rect.right() - rect.width() * 0.18, y))
        if label:
            painter.setPen(MARK)
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(rect.adjusted(0, 0, -4, -2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, label)
        painter.restore()
