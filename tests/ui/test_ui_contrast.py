"""WCAG AA in both themes: every text colour of the stylesheet and the palette reads at 4.5:1
or more on its background, and every kind of control shows the keyboard focus."""

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
THEMES = [style.LIGHT, style.DARK]
_IDS = [t.name for t in THEMES]
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


def stylesheet_pairs(theme: style.Theme) -> list[tuple[str, str, str]]:
    """(rule, text colour, background) for every rule of ``theme``'s stylesheet that sets a
    text colour or a background."""
    pairs = []
    rules = _RULE.findall(re.sub(r"/\*.*?\*/", "", style.stylesheet(theme), flags=re.S))
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
            [background] if background else ([theme.sidebar] if on_sidebar else [theme.canvas, theme.surface])
        )
        if text:
            pairs += [(selector, text, b) for b in behind]
        elif background:
            for part in selector.split(","):
                base = re.sub(r":(hover|pressed|focus|checked|selected)", "", part.strip())
                pairs.append((part.strip(), ink_of.get(base, theme.ink), background))
        chosen, behind_chosen = _value(body, "selection-color"), _value(body, "selection-background-color")
        if chosen and behind_chosen:
            pairs.append((f"{selector} (selection)", chosen, behind_chosen))
    return pairs


@pytest.mark.parametrize("theme", THEMES, ids=_IDS)
def test_the_stylesheet_has_text_pairs_to_check(theme: style.Theme) -> None:
    assert len(stylesheet_pairs(theme)) > 40


@pytest.mark.parametrize(
    ("theme", "rule", "text", "background"),
    [(t, *pair) for t in THEMES for pair in stylesheet_pairs(t)],
    ids=[f"{t.name}-{i}" for t in THEMES for i in range(len(stylesheet_pairs(t)))],
)
def test_every_text_colour_of_the_stylesheet_reads(theme: style.Theme, rule: str, text: str,
                                                   background: str) -> None:
    assert contrast(text, background) >= AA_TEXT, f"{theme.name} {rule}: {text} on {background}"


def test_both_themes_are_one_stylesheet_with_other_colours() -> None:
    """No rule is written twice: the two stylesheets differ only in their colours."""
    hexes = r"#[0-9a-fA-F]{6}|chevron-(?:up|down)[-a-z]*\.svg"
    light, dark = (re.sub(hexes, "C", style.stylesheet(t)) for t in THEMES)
    assert light == dark
    assert style.stylesheet(style.LIGHT) != style.stylesheet(style.DARK)


@pytest.mark.parametrize("theme", THEMES, ids=_IDS)
def test_the_colours_widgets_paint_text_in_read(theme: style.Theme) -> None:
    t = theme
    for background in (t.canvas, t.surface, t.surface_alt, t.accent_soft, t.warm_soft, t.hover):
        for text in (t.ink, t.muted, t.accent_text, t.warm_text):
            assert contrast(text, background) >= AA_TEXT, f"{text} on {background}"
        assert contrast(t.focus, background) >= AA_GRAPHICS, f"focus {t.focus} on {background}"
    for background in (t.surface, t.warning_soft):
        assert contrast(t.warning_text, background) >= AA_TEXT
    for background in (t.canvas, t.surface, t.surface_alt):
        assert contrast(t.ok, background) >= AA_TEXT  # "sent" in the history table
    assert contrast(t.on_accent, t.accent) >= AA_TEXT
    assert contrast(t.on_accent, t.accent_dark) >= AA_TEXT
    for background in (t.canvas, t.surface):  # the ring around a primary button, against what is around it
        assert contrast(t.focus_on_accent, background) >= AA_GRAPHICS
    assert contrast(t.sidebar_text, t.sidebar) >= AA_TEXT
    assert contrast(t.ink, t.backdrop) >= AA_TEXT  # text on the designer's desk
    assert contrast(t.muted, t.weekend) >= AA_TEXT  # weekend days in the Today strip


@pytest.mark.parametrize("theme", THEMES, ids=_IDS)
def test_the_palette_reads_even_over_a_desktop_theme_of_the_other_kind(qapp, theme) -> None:  # noqa: ANN001
    other = QPalette(QColor("#202020"), QColor("#101010")) if not theme.dark else QPalette(QColor("#fafafa"))
    qapp.setPalette(other)
    style.apply_style(qapp, theme)
    palette = qapp.palette()
    roles = QPalette.ColorRole
    try:
        assert style.theme_of() is theme
        for text, background in (
            (roles.Text, roles.Base),
            (roles.WindowText, roles.Window),
            (roles.ButtonText, roles.Button),
            (roles.HighlightedText, roles.Highlight),
            (roles.PlaceholderText, roles.Base),
            (roles.ToolTipText, roles.ToolTipBase),
            (roles.Text, roles.AlternateBase),
            (roles.Link, roles.Base),
        ):
            ratio = contrast(palette.color(text).name(), palette.color(background).name())
            assert ratio >= AA_TEXT, f"{theme.name} {text.name} on {background.name}: {ratio:.2f}"
    finally:
        style.apply_style(qapp)


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


@pytest.mark.parametrize("theme", THEMES, ids=_IDS)
def test_every_kind_of_control_shows_the_keyboard_focus(qtbot, styled_app, theme) -> None:  # noqa: ANN001
    style.apply_style(styled_app, theme)
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
        assert focused != unfocused, (
            f"{theme.name}: {type(control).__name__} {control.objectName()} shows no focus"
        )
    style.apply_style(styled_app)
