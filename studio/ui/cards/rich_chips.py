"""Merge-field and condition chips inside the rich text editor.

A chip is one object-replacement character (U+FFFC) whose character format carries the
template source it stands for ("{{ contact.given_name }}", "{% endif %}") and its plain
label ("First name", "end"). Being one character, the cursor steps over it, Backspace
deletes it whole and a drag moves it whole; nobody can type inside it. `ChipPainter`
draws it as a rounded label: teal for fields, amber for conditions.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from studio.cards.richtext import Segment

CHIP_TYPE = int(QTextFormat.ObjectTypes.UserObject) + 12
OBJECT_CHAR = "\ufffc"
_SOURCE = int(QTextFormat.Property.UserProperty) + 1
_KIND = int(QTextFormat.Property.UserProperty) + 2
_LABEL = int(QTextFormat.Property.UserProperty) + 3
CONTROL_KINDS = ("if", "elif", "else", "endif", "note")  # written unstyled, drawn as control chips
# Background, text: readable in the light and the dark theme, since the chip paints its own.
_COLOURS = {"field": ("#d7efec", "#0b5d55"), "control": ("#fbe8c8", "#7a4b00")}
_PAD_X, _PAD_Y, _GAP = 5.0, 1.0, 2.0


def chip_format(base: QTextCharFormat, segment: Segment) -> QTextCharFormat:
    """``base`` (the text style around the chip) turned into the chip for ``segment``."""
    chip = QTextCharFormat(base)
    chip.setObjectType(CHIP_TYPE)
    chip.setProperty(_SOURCE, segment.source)
    chip.setProperty(_KIND, segment.kind)
    chip.setProperty(_LABEL, segment.label)
    chip.setToolTip(segment.label)
    # Centred on the line's x-height, as a word would sit, not standing on the baseline.
    chip.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    return chip


def text_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` without its chip: the style a word typed just after a chip gets."""
    plain = QTextCharFormat(fmt)
    plain.setObjectType(0)
    plain.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignNormal)
    for prop in (_SOURCE, _KIND, _LABEL, int(QTextFormat.Property.TextToolTip)):
        plain.clearProperty(prop)
    return plain


def soft_newline_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """The space a single newline of the source shows as (the card prints it as a space);
    it keeps the newline, so the template is written back as it was."""
    soft = QTextCharFormat(fmt)
    soft.setProperty(_SOURCE, "\n")
    return soft


def is_soft_newline(fmt: QTextFormat) -> bool:
    return fmt.objectType() != CHIP_TYPE and fmt.property(_SOURCE) == "\n"


def has_chip_properties(fmt: QTextFormat) -> bool:
    return fmt.hasProperty(_SOURCE)


def is_chip(fmt: QTextFormat) -> bool:
    return fmt.objectType() == CHIP_TYPE and bool(fmt.property(_SOURCE))


def chip_segment(fmt: QTextFormat) -> tuple[str, str, str]:
    """(kind, source, label) of the chip ``fmt`` describes."""
    return str(fmt.property(_KIND)), str(fmt.property(_SOURCE)), str(fmt.property(_LABEL))


class ChipPainter(QPyTextObject):
    """Lays out and paints the chips of one document (registered on its layout)."""

    def _font(self, doc: QTextDocument, fmt: QTextCharFormat) -> QFont:
        font = QFont(doc.defaultFont())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.92))
        font.setBold(fmt.fontWeight() >= QFont.Weight.Bold)
        font.setItalic(fmt.fontItalic())
        font.setUnderline(fmt.fontUnderline())
        return font

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        char = QTextCharFormat(fmt.toCharFormat())
        metrics = QFontMetricsF(self._font(doc, char))
        _, _, label = chip_segment(fmt)
        # _GAP each side keeps a chip off the words (and the chip) beside it.
        return QSizeF(metrics.horizontalAdvance(label) + 2 * (_PAD_X + _GAP), metrics.height() + 2 * _PAD_Y)

    def drawObject(  # noqa: N802 - Qt's name
        self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat
    ) -> None:
        char = QTextCharFormat(fmt.toCharFormat())
        kind, _, label = chip_segment(fmt)
        back, ink = _COLOURS["control" if kind in CONTROL_KINDS else "field"]
        if char.hasProperty(QTextFormat.Property.ForegroundBrush) and kind == "field":
            ink = char.foreground().color().name()  # a field in a coloured run shows the colour
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = rect.adjusted(_GAP, 1, -_GAP, -1)
        painter.setPen(QColor(ink).lighter(160))
        painter.setBrush(QColor(back))
        painter.drawRoundedRect(body, 6, 6)
        painter.setPen(QColor(ink))
        painter.setFont(self._font(doc, char))
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
