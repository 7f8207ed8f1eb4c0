"""The app's look: a calm, warm palette and one stylesheet.

Colours live here so widgets that paint themselves (avatars, the label-sheet diagram,
the designer's box outlines) match the stylesheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2f7a73"  # deep teal: primary buttons, selection
ACCENT_DARK = "#24605b"
ACCENT_SOFT = "#e2efed"
WARM = "#d9644a"  # terracotta: hearts, "late", attention (fills and marks, not text)
WARM_SOFT = "#fbe9e4"
WARM_TEXT = "#a8412a"  # terracotta dark enough for text on white and WARM_SOFT (WCAG AA)
INK = "#23313a"  # body text
MUTED = "#5a666e"  # secondary text: 5.4:1 on CANVAS, 5:1 on ACCENT_SOFT (WCAG AA is 4.5)
LINE = "#e3e0da"  # hairlines
CANVAS = "#f6f4f0"  # window background
SURFACE = "#ffffff"  # panels, tables
SIDEBAR = "#22343d"
SIDEBAR_TEXT = "#c9d3d8"
WARNING = "#b7791f"  # amber marks and fills
WARNING_SOFT = "#fdf3dc"
WARNING_TEXT = "#8a5a14"  # amber text on white and WARNING_SOFT
OK = "#2f855a"
FOCUS = "#24605b"  # the keyboard focus ring: 3:1 or more against every background (WCAG 1.4.11)

RESOURCES = (Path(__file__).resolve().parent / "resources").as_posix()

AVATAR_COLOURS = ("#2f7a73", "#d9644a", "#7b6cb0", "#c2883a", "#3f7cad", "#a0507a", "#5a8f4e")

STYLESHEET = f"""
QMainWindow, QDialog, QWizard {{ background: {CANVAS}; }}
QWidget {{ color: {INK}; }}
QWidget#page {{ background: {CANVAS}; }}

/* sidebar */
QListWidget#sidebar {{
    background: {SIDEBAR}; border: none; outline: none; padding: 14px 8px;
    color: {SIDEBAR_TEXT}; font-size: 10.5pt;
}}
QListWidget#sidebar::item {{ padding: 10px 12px; margin: 2px 0; border-radius: 8px; }}
QListWidget#sidebar::item:hover {{ background: #2d444e; color: white; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#brand {{ color: white; font-size: 13pt; font-weight: 600; padding: 18px 16px 6px 16px;
               background: {SIDEBAR}; }}
QLabel#brandSub {{ color: #8fa3ad; padding: 0 16px 10px 16px; background: {SIDEBAR}; }}
QWidget#sidebarPane {{ background: {SIDEBAR}; }}

/* headings */
QLabel#pageTitle {{ font-size: 18pt; font-weight: 600; color: {INK}; }}
QLabel#pageSubtitle {{ color: {MUTED}; font-size: 10pt; }}
QLabel#sectionTitle {{ font-size: 12pt; font-weight: 600; color: {INK}; padding-top: 6px; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#emptyTitle {{ font-size: 14pt; font-weight: 600; color: {INK}; }}
QLabel#emptyText {{ color: {MUTED}; font-size: 10.5pt; }}
QLabel#badgeWarn {{ background: {WARNING_SOFT}; color: {WARNING_TEXT}; border-radius: 9px;
                    padding: 3px 10px; font-weight: 600; }}
QLabel#badgeLate {{ background: {WARM_SOFT}; color: {WARM_TEXT}; border-radius: 9px;
                    padding: 3px 10px; font-weight: 600; }}
QLabel#badgeOk {{ background: {ACCENT_SOFT}; color: {ACCENT_DARK}; border-radius: 9px;
                  padding: 3px 10px; font-weight: 600; }}

/* panels */
QFrame#panel {{ background: {SURFACE}; border: 1px solid {LINE}; border-radius: 10px; }}
QFrame#emptyState {{ background: transparent; }}

/* inputs */
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox, QDateEdit,
QFontComboBox {{
    background: {SURFACE}; border: 1px solid #d6d2ca; border-radius: 6px; padding: 5px 8px;
    selection-background-color: {ACCENT}; selection-color: white;
}}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"] {{
    border: 1px solid {WARM}; background: {WARM_SOFT}; }}
QComboBox::drop-down {{ border: none; width: 22px; }}
QComboBox QAbstractItemView {{ background: {SURFACE}; selection-background-color: {ACCENT_SOFT};
                               selection-color: {INK}; border: 1px solid {LINE}; }}

/* buttons */
QPushButton, QToolButton#flat {{
    background: {SURFACE}; border: 1px solid #d3cec5; border-radius: 7px; padding: 6px 14px;
    color: {INK};
}}
QPushButton:hover, QToolButton#flat:hover {{ background: #f1eee8; }}
QPushButton:pressed {{ background: #e8e4dc; }}
QPushButton:disabled {{ color: #a7adb1; background: #f3f1ed; border-color: #e5e1da; }}
QPushButton#primary, QPushButton:default {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600;
}}
QPushButton#primary:hover, QPushButton:default:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled {{ background: #9cbfbb; border-color: #9cbfbb; color: #eef5f4; }}
QToolButton#flat {{ padding: 4px 6px; }}
QToolButton#flat:checked {{ background: {ACCENT_SOFT}; border-color: {ACCENT}; }}
QPushButton#danger {{ color: {WARM_TEXT}; }}
QPushButton#link {{ border: none; background: transparent; color: {ACCENT_DARK}; padding: 2px 4px;
                    text-align: left; }}
QPushButton#link:hover {{ text-decoration: underline; }}

/* keyboard focus: every control shows where the keys go (a 2 px ring, or a tint) */
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 5px 13px; }}
QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {SURFACE}; }}
QCalendarWidget QToolButton {{ color: {INK}; background: transparent; font-weight: 600; }}
QToolButton:focus {{ border: 2px solid {FOCUS}; border-radius: 6px; }}
QToolButton#flat:focus {{ padding: 3px 5px; }}
QPushButton#primary:focus, QPushButton:default:focus {{ border: 2px solid {INK}; }}
QPushButton#link:focus {{ border: 2px solid {FOCUS}; padding: 0 2px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus,
QDateEdit:focus, QFontComboBox:focus {{ border: 2px solid {FOCUS}; padding: 4px 7px; }}
QCheckBox:focus, QRadioButton:focus {{ background: {ACCENT_SOFT}; border-radius: 4px; }}
QTableView:focus, QListView:focus, QTreeView:focus {{ border: 2px solid {FOCUS}; }}
QListWidget#sidebar:focus {{ border: 2px solid {SIDEBAR_TEXT}; }}
QTabBar::tab:focus {{ background: {ACCENT_SOFT}; }}
QSlider:focus {{ background: {ACCENT_SOFT}; }}

/* tables and lists */
QTableView, QListView, QTreeView {{
    background: {SURFACE}; border: 1px solid {LINE}; border-radius: 10px;
    alternate-background-color: #faf9f6; gridline-color: transparent;
    selection-background-color: {ACCENT_SOFT}; selection-color: {INK}; outline: none;
}}
QTableView::item, QTreeView::item {{ padding: 4px 6px; border: none; }}
QHeaderView::section {{
    background: {SURFACE}; color: {MUTED}; border: none; border-bottom: 1px solid {LINE};
    padding: 8px 6px; font-weight: 600;
}}
QListView#gallery {{ background: transparent; border: none; }}
QListView#gallery::item {{ border-radius: 10px; padding: 8px; margin: 4px; color: {INK}; }}
QListView#gallery::item:selected {{ background: {ACCENT_SOFT}; color: {INK}; }}
QListView#gallery::item:hover {{ background: #efece6; }}

QTabWidget::pane {{ border: 1px solid {LINE}; border-radius: 8px; background: {SURFACE}; top: -1px; }}
QTabBar::tab {{ background: transparent; padding: 8px 16px; color: {MUTED}; border: none;
                border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {INK}; border-bottom: 2px solid {ACCENT}; }}

QGroupBox {{ background: {SURFACE}; border: 1px solid {LINE}; border-radius: 10px; margin-top: 14px;
             padding: 16px 14px 12px 14px; font-weight: 600; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {INK}; }}

QProgressBar {{ background: #e9e6e0; border: none; border-radius: 5px; height: 10px; text-align: center;
                color: transparent; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 5px; }}

QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QSplitter::handle {{ background: transparent; }}
QStatusBar {{ background: {CANVAS}; color: {MUTED}; }}
QToolTip {{ background: {INK}; color: white; border: none; padding: 6px; border-radius: 4px; }}
QMenu {{ background: {SURFACE}; border: 1px solid {LINE}; padding: 4px; }}
QMenu::item {{ padding: 6px 24px 6px 22px; border-radius: 4px; }}
QMenu::item:selected {{ background: {ACCENT_SOFT}; color: {INK}; }}
QMenuBar {{ background: {CANVAS}; }}
QMenuBar::item:selected {{ background: {ACCENT_SOFT}; border-radius: 4px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 16px; height: 16px; }}

/* spin boxes: slim arrows drawn as triangles */
QAbstractSpinBox {{ padding-right: 22px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 20px; border: none; background: transparent;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({RESOURCES}/chevron-up.svg); width: 10px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url({RESOURCES}/chevron-down.svg); width: 10px; height: 10px; }}
QComboBox::down-arrow {{ image: url({RESOURCES}/chevron-down.svg); width: 12px; height: 12px; }}
QCheckBox::indicator:unchecked, QListView::indicator:unchecked {{
    border: 1px solid #bdb7ad; border-radius: 4px; background: {SURFACE}; }}
QCheckBox::indicator:checked, QListView::indicator:checked {{
    border: 1px solid {ACCENT_DARK}; border-radius: 4px; background: {ACCENT};
    image: url({RESOURCES}/check.svg); }}

/* thin, quiet scroll bars */
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle {{ background: #cfcac1; border-radius: 3px; min-height: 30px; min-width: 30px; }}
QScrollBar::handle:hover {{ background: #b6b0a5; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def apply_style(app: QApplication) -> None:
    """Give ``app`` the Card Studio look (Fusion underneath, so every platform matches)."""
    app.setStyle("Fusion")
    # A palette built whole from the light colours, so no role is left from a dark desktop
    # theme (the app keeps one theme whose contrast is checked, tests/ui/test_ui_contrast.py).
    palette = QPalette(QColor(SURFACE), QColor(CANVAS))
    palette.setColor(QPalette.ColorRole.Window, QColor(CANVAS))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#faf9f6"))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Button, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(INK))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
