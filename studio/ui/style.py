"""The app's look: one set of named colour roles, a light and a dark theme, one stylesheet.

Both themes fill the same `Theme` roles, and the stylesheet and palette are built from
whichever is chosen, so the two can never drift apart (tests/ui/test_ui_contrast.py checks
every text/background pair of both at WCAG AA). Widgets that paint themselves (avatars,
the label-sheet diagram, the designer's chrome) ask `theme_of()` while painting, so
they follow a switch at once. Card pages and previews are paper: they stay as printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

RESOURCES = (Path(__file__).resolve().parent / "resources").as_posix()

AVATAR_COLOURS = ("#2f7a73", "#d9644a", "#7b6cb0", "#c2883a", "#3f7cad", "#a0507a", "#5a8f4e")


@dataclass(frozen=True)
class Theme:
    """The colours of one theme, by what they are for (hex strings, "#rrggbb")."""

    name: str  # "light" or "dark"
    canvas: str  # window background
    surface: str  # panels, tables, fields
    surface_alt: str  # every other table row
    ink: str  # body text
    muted: str  # secondary text
    line: str  # hairlines
    field_border: str  # the edge of text fields and pickers
    button_border: str
    hover: str  # a button or gallery item under the mouse
    pressed: str
    disabled_text: str  # WCAG exempts disabled controls; still kept apart from the fill
    disabled_fill: str
    disabled_border: str
    accent: str  # deep teal: primary buttons, selection fills
    accent_dark: str  # the primary button's edge and hover
    accent_soft: str  # a quiet teal fill: selected rows, the "ok" badge
    accent_text: str  # teal text: links, the "ok" badge
    on_accent: str  # text on an accent fill
    primary_disabled: str
    primary_disabled_text: str
    warm: str  # terracotta: hearts, "late", attention (fills and marks, not text)
    warm_soft: str
    warm_text: str  # terracotta text on surface and warm_soft
    warning: str  # amber marks and fills
    warning_soft: str
    warning_text: str  # amber text on surface and warning_soft
    ok: str  # "sent" and the like, as text
    focus: str  # the keyboard focus ring: 3:1 or more against every background (WCAG 1.4.11)
    focus_on_accent: str  # the ring around a primary (accent) button
    sidebar: str
    sidebar_hover: str
    sidebar_text: str
    sidebar_sub: str
    tooltip: str
    tooltip_text: str
    track: str  # progress bar groove
    scroll_handle: str
    scroll_handle_hover: str
    check_border: str
    backdrop: str  # behind card pages and thumbnails (the designer's desk)
    weekend: str  # weekend days in the Today strip
    icon: str  # the glyphs on buttons and empty states (3:1 or more, WCAG 1.4.11)
    count: str  # the little count on a day of the Today strip, and its text
    on_count: str
    chevron: str  # the arrow images' suffix: "" (grey) or "-light"

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Theme(
    name="light",
    canvas="#f6f4f0",
    surface="#ffffff",
    surface_alt="#faf9f6",
    ink="#23313a",
    muted="#5a666e",  # 5.4:1 on canvas, 5:1 on accent_soft (WCAG AA is 4.5)
    line="#e3e0da",
    field_border="#d6d2ca",
    button_border="#d3cec5",
    hover="#f1eee8",
    pressed="#e8e4dc",
    disabled_text="#a7adb1",
    disabled_fill="#f3f1ed",
    disabled_border="#e5e1da",
    accent="#2f7a73",
    accent_dark="#24605b",
    accent_soft="#e2efed",
    accent_text="#24605b",
    on_accent="#ffffff",
    primary_disabled="#9cbfbb",
    primary_disabled_text="#eef5f4",
    warm="#d9644a",
    warm_soft="#fbe9e4",
    warm_text="#a8412a",
    warning="#b7791f",
    warning_soft="#fdf3dc",
    warning_text="#8a5a14",
    ok="#256f4b",  # green text for "sent": 5.6:1 on canvas (#2f855a was 4.1:1)
    focus="#24605b",
    focus_on_accent="#23313a",
    sidebar="#22343d",
    sidebar_hover="#2d444e",
    sidebar_text="#c9d3d8",
    sidebar_sub="#8fa3ad",
    tooltip="#23313a",
    tooltip_text="#ffffff",
    track="#e9e6e0",
    scroll_handle="#cfcac1",
    scroll_handle_hover="#b6b0a5",
    check_border="#bdb7ad",
    backdrop="#e9e6e0",
    weekend="#f0eee9",
    icon="#51606b",
    count="#a8412a",
    on_count="#ffffff",
    chevron="",
)

# The same roles at night: warm charcoal rather than black, text a soft white, the
# teal and terracotta lifted until they read on the dark surfaces.
DARK = Theme(
    name="dark",
    canvas="#1a2024",
    surface="#232b30",
    surface_alt="#272f35",
    ink="#e8ebed",
    muted="#a9b5bc",
    line="#37434a",
    field_border="#4f5d65",
    button_border="#4f5d65",
    hover="#2d373d",
    pressed="#343f46",
    disabled_text="#6c787f",
    disabled_fill="#242c31",
    disabled_border="#323c42",
    accent="#2f7a73",
    accent_dark="#24605b",
    accent_soft="#1d4a46",
    accent_text="#7fd1c6",
    on_accent="#ffffff",
    primary_disabled="#2b4744",
    primary_disabled_text="#8fa8a5",
    warm="#e07a62",
    warm_soft="#4a2b24",
    warm_text="#f4a894",
    warning="#d69a3a",
    warning_soft="#433519",
    warning_text="#f2c679",
    ok="#6fcf97",
    focus="#7fd1c6",
    focus_on_accent="#e8ebed",
    sidebar="#12181b",
    sidebar_hover="#1f2a30",
    sidebar_text="#c9d3d8",
    sidebar_sub="#93a6b0",
    tooltip="#e8ebed",
    tooltip_text="#1a2024",
    track="#323c42",
    scroll_handle="#4a565d",
    scroll_handle_hover="#5d6a72",
    check_border="#7a878e",
    backdrop="#12181b",
    weekend="#1e252a",
    icon="#b4bfc5",
    count="#f4a894",
    on_count="#1a2024",
    chevron="-light",
)

# The light theme's colours under their former names, for code that does not paint
# (or not yet) by `theme_of`; painting code should ask `theme_of()` instead.
ACCENT, ACCENT_DARK, ACCENT_SOFT = LIGHT.accent, LIGHT.accent_dark, LIGHT.accent_soft
WARM, WARM_SOFT, WARM_TEXT = LIGHT.warm, LIGHT.warm_soft, LIGHT.warm_text
INK, MUTED, LINE, CANVAS, SURFACE = LIGHT.ink, LIGHT.muted, LIGHT.line, LIGHT.canvas, LIGHT.surface
SIDEBAR, SIDEBAR_TEXT = LIGHT.sidebar, LIGHT.sidebar_text
WARNING, WARNING_SOFT, WARNING_TEXT = LIGHT.warning, LIGHT.warning_soft, LIGHT.warning_text
OK, FOCUS = LIGHT.ok, LIGHT.focus


def theme_of() -> Theme:
    """The theme the application is shown in now, read from its palette (`apply_style` set
    it). Not a widget's own palette: the stylesheet makes some of those transparent."""
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightnessF() < 0.5 else LIGHT


def stylesheet(t: Theme) -> str:
    """The app's stylesheet in theme ``t``."""
    return f"""

QMainWindow, QDialog, QWizard {{ background: {t.canvas}; }}
QWidget {{ color: {t.ink}; }}
QWidget#page {{ background: {t.canvas}; }}

/* sidebar */
QListWidget#sidebar {{
    background: {t.sidebar}; border: none; outline: none; padding: 14px 8px;
    color: {t.sidebar_text}; font-size: 10.5pt;
}}
QListWidget#sidebar::item {{ padding: 10px 12px; margin: 2px 0; border-radius: 8px; }}
QListWidget#sidebar::item:hover {{ background: {t.sidebar_hover}; color: #ffffff; }}
QListWidget#sidebar::item:selected {{ background: {t.accent}; color: {t.on_accent}; }}
QLabel#brand {{ color: #ffffff; font-size: 13pt; font-weight: 600; padding: 18px 16px 6px 16px;
               background: {t.sidebar}; }}
QLabel#brandSub {{ color: {t.sidebar_sub}; padding: 0 16px 10px 16px; background: {t.sidebar}; }}
QWidget#sidebarPane {{ background: {t.sidebar}; }}

/* headings */
QLabel#pageTitle {{ font-size: 18pt; font-weight: 600; color: {t.ink}; }}
QLabel#pageSubtitle {{ color: {t.muted}; font-size: 10pt; }}
QLabel#sectionTitle {{ font-size: 12pt; font-weight: 600; color: {t.ink}; padding-top: 6px; }}
QLabel#muted {{ color: {t.muted}; }}
QLabel#problemText {{ color: {t.warm_text}; }}
QLabel#warningText {{ color: {t.warning_text}; font-weight: 600; }}
QLabel#emptyTitle {{ font-size: 14pt; font-weight: 600; color: {t.ink}; }}
QLabel#emptyText {{ color: {t.muted}; font-size: 10.5pt; }}
QLabel#badgeWarn {{ background: {t.warning_soft}; color: {t.warning_text}; border-radius: 9px;
                    padding: 3px 10px; font-weight: 600; }}
QLabel#badgeLate {{ background: {t.warm_soft}; color: {t.warm_text}; border-radius: 9px;
                    padding: 3px 10px; font-weight: 600; }}
QLabel#badgeOk {{ background: {t.accent_soft}; color: {t.accent_text}; border-radius: 9px;
                  padding: 3px 10px; font-weight: 600; }}

/* panels */
QFrame#panel {{ background: {t.surface}; border: 1px solid {t.line}; border-radius: 10px; }}
QFrame#occasionRow {{ background: {t.surface}; border: 1px solid {t.line}; border-radius: 9px; }}
QFrame#emptyState {{ background: transparent; }}

/* inputs */
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QDateEdit,
QFontComboBox {{
    background: {t.surface}; border: 1px solid {t.field_border}; border-radius: 6px; padding: 5px 8px;
    selection-background-color: {t.accent}; selection-color: {t.on_accent};
}}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] {{
    border: 1px solid {t.warm}; background: {t.warm_soft}; }}
QComboBox::drop-down {{ border: none; width: 22px; }}
QComboBox QAbstractItemView {{ background: {t.surface}; selection-background-color: {t.accent_soft};
                               selection-color: {t.ink}; border: 1px solid {t.line}; }}

/* buttons */
QPushButton, QToolButton#flat {{
    background: {t.surface}; border: 1px solid {t.button_border}; border-radius: 7px; padding: 6px 14px;
    color: {t.ink};
}}
QPushButton:hover, QToolButton#flat:hover {{ background: {t.hover}; }}
QPushButton:pressed {{ background: {t.pressed}; }}
QPushButton:disabled {{ color: {t.disabled_text}; background: {t.disabled_fill};
                        border-color: {t.disabled_border}; }}
QPushButton#primary, QPushButton:default {{
    background: {t.accent}; color: {t.on_accent}; border: 1px solid {t.accent_dark}; font-weight: 600;
}}
QPushButton#primary:hover, QPushButton:default:hover {{ background: {t.accent_dark}; }}
QPushButton#primary:disabled {{ background: {t.primary_disabled}; border-color: {t.primary_disabled};
                                color: {t.primary_disabled_text}; }}
QToolButton#flat {{ padding: 4px 6px; }}
QToolButton#flat:checked {{ background: {t.accent_soft}; border-color: {t.accent}; }}
QPushButton#danger {{ color: {t.warm_text}; }}
QPushButton#small {{ padding: 2px 8px; border-radius: 6px; }}
QPushButton#link {{ border: none; background: transparent; color: {t.accent_text}; padding: 2px 4px;
                    text-align: left; }}
QPushButton#link:hover {{ text-decoration: underline; }}

/* keyboard focus: every control shows where the keys go (a 2 px ring, or a tint) */
QPushButton:focus {{ border: 2px solid {t.focus}; padding: 5px 13px; }}
QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {t.surface}; }}
QCalendarWidget QToolButton {{ color: {t.ink}; background: transparent; font-weight: 600; }}
QToolButton:focus {{ border: 2px solid {t.focus}; border-radius: 6px; }}
QToolButton#flat:focus {{ padding: 3px 5px; }}
QPushButton#primary:focus, QPushButton:default:focus {{ border: 2px solid {t.focus_on_accent}; }}
QPushButton#link:focus {{ border: 2px solid {t.focus}; padding: 0 2px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus,
QDateEdit:focus, QFontComboBox:focus {{ border: 2px solid {t.focus}; padding: 4px 7px; }}
QCheckBox:focus, QRadioButton:focus {{ background: {t.accent_soft}; border-radius: 4px; }}
QTableView:focus, QListView:focus, QTreeView:focus {{ border: 2px solid {t.focus}; }}
QListWidget#sidebar:focus {{ border: 2px solid {t.sidebar_text}; }}
QTabBar::tab:focus {{ background: {t.accent_soft}; }}
QSlider:focus {{ background: {t.accent_soft}; }}

/* tables and lists */
QTableView, QListView, QTreeView {{
    background: {t.surface}; border: 1px solid {t.line}; border-radius: 10px;
    alternate-background-color: {t.surface_alt}; gridline-color: transparent;
    selection-background-color: {t.accent_soft}; selection-color: {t.ink}; outline: none;
}}
QTableView::item, QTreeView::item {{ padding: 4px 6px; border: none; }}
QHeaderView::section {{
    background: {t.surface}; color: {t.muted}; border: none; border-bottom: 1px solid {t.line};
    padding: 8px 6px; font-weight: 600;
}}
QListView#gallery {{ background: transparent; border: none; }}
QListView#gallery::item {{ border-radius: 10px; padding: 8px; margin: 4px; color: {t.ink}; }}
QListView#gallery::item:selected {{ background: {t.accent_soft}; color: {t.ink}; }}
QListView#gallery::item:hover {{ background: {t.hover}; }}

QTabWidget::pane {{ border: 1px solid {t.line}; border-radius: 8px; background: {t.surface}; top: -1px; }}
QTabBar::tab {{ background: transparent; padding: 8px 16px; color: {t.muted}; border: none;
                border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {t.ink}; border-bottom: 2px solid {t.accent}; }}

QGroupBox {{ background: {t.surface}; border: 1px solid {t.line}; border-radius: 10px; margin-top: 14px;
             padding: 16px 14px 12px 14px; font-weight: 600; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {t.ink}; }}

QProgressBar {{ background: {t.track}; border: none; border-radius: 5px; height: 10px; text-align: center;
                color: transparent; }}
QProgressBar::chunk {{ background: {t.accent}; border-radius: 5px; }}

QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QSplitter::handle {{ background: transparent; }}
QStatusBar {{ background: {t.canvas}; color: {t.muted}; }}
QToolTip {{ background: {t.tooltip}; color: {t.tooltip_text}; border: none; padding: 6px;
            border-radius: 4px; }}
QMenu {{ background: {t.surface}; border: 1px solid {t.line}; padding: 4px; }}
QMenu::item {{ padding: 6px 24px 6px 22px; border-radius: 4px; }}
QMenu::item:selected {{ background: {t.accent_soft}; color: {t.ink}; }}
QMenuBar {{ background: {t.canvas}; }}
QMenuBar::item:selected {{ background: {t.accent_soft}; border-radius: 4px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 16px; height: 16px; }}

/* spin boxes: slim arrows drawn as triangles */
QAbstractSpinBox {{ padding-right: 22px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 20px; border: none; background: transparent;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({RESOURCES}/chevron-up{t.chevron}.svg);
                              width: 10px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url({RESOURCES}/chevron-down{t.chevron}.svg);
                                width: 10px; height: 10px; }}
QComboBox::down-arrow {{ image: url({RESOURCES}/chevron-down{t.chevron}.svg); width: 12px; height: 12px; }}
QCheckBox::indicator:unchecked, QListView::indicator:unchecked {{
    border: 1px solid {t.check_border}; border-radius: 4px; background: {t.surface}; }}
QRadioButton::indicator:unchecked {{
    border: 1px solid {t.check_border}; border-radius: 8px; background: {t.surface}; }}
QRadioButton::indicator:checked {{
    border: 1px solid {t.accent_dark}; border-radius: 8px;
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
                                stop: 0 {t.on_accent}, stop: 0.3 {t.on_accent}, stop: 0.4 {t.accent},
                                stop: 1 {t.accent}); }}
QCheckBox::indicator:checked, QListView::indicator:checked {{
    border: 1px solid {t.accent_dark}; border-radius: 4px; background: {t.accent};
    image: url({RESOURCES}/check.svg); }}

/* thin, quiet scroll bars */
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle {{ background: {t.scroll_handle}; border-radius: 3px; min-height: 30px; min-width: 30px; }}
QScrollBar::handle:hover {{ background: {t.scroll_handle_hover}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


STYLESHEET = stylesheet(LIGHT)  # the light one, under its former name


def palette(t: Theme) -> QPalette:
    """A palette built whole from theme ``t``: no role is left from the desktop's theme."""
    pal = QPalette(QColor(t.surface), QColor(t.canvas))
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, t.canvas),
        (roles.Base, t.surface),
        (roles.AlternateBase, t.surface_alt),
        (roles.Text, t.ink),
        (roles.WindowText, t.ink),
        (roles.ButtonText, t.ink),
        (roles.Button, t.surface),
        (roles.BrightText, t.ink),
        (roles.Highlight, t.accent),
        (roles.HighlightedText, t.on_accent),
        (roles.PlaceholderText, t.muted),
        (roles.ToolTipBase, t.tooltip),
        (roles.ToolTipText, t.tooltip_text),
        (roles.Link, t.accent_text),
        (roles.LinkVisited, t.accent_text),
        (roles.Light, t.hover),
        (roles.Midlight, t.line),
        (roles.Mid, t.field_border),
        (roles.Dark, t.check_border),
        (roles.Shadow, t.sidebar),
    ):
        pal.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        pal.setColor(disabled, role, QColor(t.disabled_text))
    return pal


def apply_style(app: QApplication, theme: Theme = LIGHT) -> None:
    """Give ``app`` the Card Studio look in ``theme`` (Fusion underneath, so every platform
    matches); calling it again with the other theme repaints every open window."""
    if not app.property("cardStudioStyled"):  # a new QStyle only once: a switch keeps it
        app.setStyle("Fusion")
        app.setProperty("cardStudioStyled", True)
    app.setPalette(palette(theme))
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(stylesheet(theme))
