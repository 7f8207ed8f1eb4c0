"""WCAG AA: every text colour of the stylesheet and the palette reads at 4.5:1 or more on its
background, and every kind of control shows the keyboard focus."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from studio.ui import style

AA_TEXT, AA_GRAPHICS = 4.5, 3.0
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = r"#[0-9a-fA-F]{6}|white"
# Rules that draw no text (bars, handles, indicators) or only a disabled state (WCAG exempts it).
_NO_TEXT = (
    "scrollbar",
    "progressbar",
    "splitter",
    "indicator",
    "::chunk",
    "::handle",
    "drop-down",
    "-button",
    "-arrow",
    ":disabled",
    "qscrollarea",
    "qframe#emptystate",
    "qlineedit[invalid",
    "sidebarpane",
)


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [c / 255 for c in QColor(colour).getRgb()[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _value(body: str, prop: str) -> str | None:
    found = re.search(rf"(?:^|[;\s]){prop}\s*:\s*({_HEX})", body)
    return found.group(1) if found else None


def stylesheet_pairs() -> list[tuple[str, str, str]]:
    """(rule, text colour, background) for every rule that sets a text colour or a background."""
    pairs = []
    rules = _RULE.findall(re.sub(r"/\*.*?\*/", "", style.STYLESHEET, flags=re.S))
    ink_of = {}  # a state's text is its widget's: "QPushButton#primary:hover" is white like the button
    for selector, body in rules:
        for part in selector.split(","):
            if _value(body, "color"):
                ink_of[" ".join(part.split())] = _value(body, "color")
    for selector, body in rules:
        selector = " ".join(selector.split())
        if any(word in selector.lower() for word in _NO_TEXT):
            continue
        text, background = _value(body, "color"), _value(body, "background")
        on_sidebar = "sidebar" in selector.lower() or "brand" in selector.lower()
        behind = (
            [background] if background else ([style.SIDEBAR] if on_sidebar else [style.CANVAS, style.SURFACE])
        )
        if text:
            pairs += [(selector, text, b) for b in behind]
        elif background:
            for part in selector.split(","):
                base = re.sub(r":(hover|pressed|focus|checked|selected)", "", part.strip())
                pairs.append((part.strip(), ink_of.get(base, style.INK), background))
        chosen, behind_chosen = _value(body, "selection-color"), _value(body, "selection-background-color")
        if chosen and behind_chosen:
            pairs.append((f"{selector} (selection)", chosen, behind_chosen))
    return pairs


def test_the_stylesheet_has_text_pairs_to_check() -> None:
    assert len(stylesheet_pairs()) > 40


@pytest.mark.parametrize(("rule", "text", "background"), stylesheet_pairs())
def test_every_text_colour_of_the_stylesheet_reads(rule: str, text: str, background: str) -> None:
    assert contrast(text, background) >= AA_TEXT, f"{rule}: {text} on {background}"


@pytest.mark.parametrize("background", [style.CANVAS, style.SURFACE, style.ACCENT_SOFT, style.WARM_SOFT])
def test_the_colours_widgets_paint_text_in_read(background: str) -> None:
    for text in (style.INK, style.MUTED, style.ACCENT_DARK, style.WARM_TEXT):
        assert contrast(text, background) >= AA_TEXT, f"{text} on {background}"
    assert contrast(style.WARNING_TEXT, style.WARNING_SOFT) >= AA_TEXT
    assert contrast(style.FOCUS, background) >= AA_GRAPHICS  # the focus ring is seen


def test_the_palette_reads_even_over_a_dark_desktop_theme(qapp) -> None:  # noqa: ANN001
    dark = QPalette(QColor("#202020"), QColor("#101010"))
    qapp.setPalette(dark)
    style.apply_style(qapp)
    palette = qapp.palette()
    roles = QPalette.ColorRole
    for text, background in (
        (roles.Text, roles.Base),
        (roles.WindowText, roles.Window),
        (roles.ButtonText, roles.Button),
        (roles.HighlightedText, roles.Highlight),
        (roles.PlaceholderText, roles.Base),
        (roles.ToolTipText, roles.ToolTipBase),
        (roles.Text, roles.AlternateBase),
    ):
        ratio = contrast(palette.color(text).name(), palette.color(background).name())
        assert ratio >= AA_TEXT, f"{text.name} on {background.name}: {ratio:.2f}"


def _controls() -> list[QWidget]:
    primary = QPushButton("Print")
    primary.setObjectName("primary")
    combo = QComboBox()
    combo.addItems(["A2", "A7"])
    listing = QListWidget()
    listing.addItems(["Ann", "Bo"])
    table = QTableWidget(2, 2)
    return [
        QPushButton("Cancel"),
        primary,
        QLineEdit("Müller"),
        combo,
        QCheckBox("Envelopes"),
        QRadioButton("Labels"),
        QSpinBox(),
        listing,
        table,
    ]


def test_every_kind_of_control_shows_the_keyboard_focus(qtbot, styled_app) -> None:  # noqa: ANN001
    window = QWidget()
    layout = QVBoxLayout(window)
    controls = _controls()
    for control in controls:
        layout.addWidget(control)
    layout.addWidget(QLineEdit("elsewhere"))  # where the focus waits
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    parking = layout.itemAt(layout.count() - 1).widget()
    for control in controls:
        parking.setFocus()
        qtbot.waitUntil(parking.hasFocus)
        unfocused = control.grab().toImage()
        control.setFocus()
        qtbot.waitUntil(control.hasFocus)
        focused = control.grab().toImage()
        assert focused != unfocused, f"{type(control).__name__} {control.objectName()} shows no focus"
