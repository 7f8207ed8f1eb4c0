"""Keeping the app in the theme the user chose: always light, always dark, or the desktop's.

The choice is a setting (`Settings.appearance`); "system" follows the desktop's colour
scheme (Qt 6.5+ `QStyleHints.colorScheme`) and switches when the desktop does, while the
app runs. A change is applied at once to the whole application (palette and stylesheet).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from studio.ui.style import DARK, LIGHT, Theme, apply_style, theme_of


def desktop_theme(app: QApplication) -> Theme:
    """The theme that matches the desktop's colour scheme (light when it does not say)."""
    return chosen_theme("system", app.styleHints().colorScheme())


def chosen_theme(appearance: str, desktop: Qt.ColorScheme) -> Theme:
    """The theme for the ``appearance`` setting ("system", "light" or "dark") on a desktop
    whose colour scheme is ``desktop``."""
    if appearance == "dark":
        return DARK
    if appearance == "light":
        return LIGHT
    return DARK if desktop == Qt.ColorScheme.Dark else LIGHT


class AppearanceFollower(QObject):
    """Applies the chosen appearance now and whenever it or the desktop's scheme changes.

    Lives as long as its parent (the main window); the application keeps the last theme
    applied after that.
    """

    def __init__(self, app: QApplication, appearance: str = "system", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.appearance = appearance
        self._desktop = app.styleHints().colorScheme()
        app.styleHints().colorSchemeChanged.connect(self._desktop_changed)
        self.apply()

    def follow(self, appearance: str) -> None:
        """Use ``appearance`` from now on (a new value of the setting)."""
        self.appearance = appearance
        self.apply()

    def follow_settings(self, settings: object) -> None:
        """A slot for `AppEvents.settings_changed`."""
        appearance = getattr(settings, "appearance", None)
        if isinstance(appearance, str) and appearance != self.appearance:
            self.follow(appearance)

    def apply(self) -> Theme:
        """Give the application the chosen theme, unless it is in it already (restyling
        every widget is not free: a settings save that changed something else costs nothing)."""
        theme = chosen_theme(self.appearance, self._desktop)
        if theme_of() is not theme or self._app.styleSheet() == "":
            apply_style(self._app, theme)
        return theme

    def _desktop_changed(self, scheme: Qt.ColorScheme) -> None:
        self._desktop = scheme
        if self.appearance == "system":
            self.apply()
