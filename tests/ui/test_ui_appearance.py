"""Appearance: System / Light / Dark, chosen in Settings, applied to the open window at once,
kept in the store, and "System" following the desktop's colour scheme while the app runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from studio.errors import UsageError
from studio.services.preferences import change_setting
from studio.settings import Settings
from studio.store import open_store
from studio.ui import style
from studio.ui.appearance import AppearanceFollower


@pytest.fixture
def restyled(styled_app):  # noqa: ANN001, ANN201
    """The app, given back in the light theme after the test whatever it switched to."""
    yield styled_app
    style.apply_style(styled_app)


def _saved(app_paths):  # noqa: ANN001, ANN202
    with open_store(app_paths.db_path) as store:
        return store.settings.load()


def _page_colour(window) -> QColor:  # noqa: ANN001
    """The colour of the window's page background, from a real grab of the whole window."""
    view = window.stack.currentWidget()
    image = window.grab().toImage()
    corner = view.mapTo(window, view.rect().bottomRight() - QPoint(6, 6))  # inside the page margin
    return image.pixelColor(corner * window.devicePixelRatioF())


def test_choosing_dark_repaints_the_open_window_dark_and_light_again(qtbot, restyled, open_app,
                                                                     app_paths) -> None:  # noqa: ANN001
    window, _context = open_app()
    window.resize(1366, 768)
    settings = window.show_view("settings")
    assert _page_colour(window).lightnessF() > 0.8  # light to start with (the desktop says nothing)
    choice = settings.appearance.appearance
    choice.setCurrentIndex(choice.findData("dark"))
    qtbot.waitUntil(lambda: _saved(app_paths).appearance == "dark", timeout=5000)
    qtbot.waitUntil(lambda: _page_colour(window).lightnessF() < 0.2, timeout=2000)
    assert _page_colour(window).name() == style.DARK.canvas
    choice.setCurrentIndex(choice.findData("light"))
    qtbot.waitUntil(lambda: _saved(app_paths).appearance == "light", timeout=5000)
    qtbot.waitUntil(lambda: _page_colour(window).name() == style.LIGHT.canvas, timeout=2000)


def test_the_window_opens_in_the_saved_appearance(qtbot, restyled, open_app, app_paths) -> None:  # noqa: ANN001
    with open_store(app_paths.db_path) as store, store.transaction():
        store.settings.save(Settings(appearance="dark"))
    window, _context = open_app()
    qtbot.waitUntil(lambda: style.theme_of() is style.DARK, timeout=5000)
    assert _page_colour(window).name() == style.DARK.canvas


def test_system_follows_the_desktop_while_the_app_runs(qtbot, restyled) -> None:  # noqa: ANN001
    hints = restyled.styleHints()
    follower = AppearanceFollower(restyled, "system")
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turned dark
        assert style.theme_of() is style.DARK
        follower.follow("light")  # a fixed choice is kept whatever the desktop does
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert style.theme_of() is style.LIGHT
        follower.follow("system")
        assert style.theme_of() is style.DARK
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert style.theme_of() is style.LIGHT
    finally:
        follower.deleteLater()


def test_an_unknown_appearance_is_refused_by_name() -> None:
    assert change_setting(Settings(), "appearance", "dark").appearance == "dark"
    with pytest.raises(UsageError, match="appearance"):
        change_setting(Settings(), "appearance", "purple")


VIEWS = ("today", "contacts", "cards", "mailings", "settings")


def test_screenshots_of_every_view_the_designer_and_the_wizard_in_dark(
    qtbot, restyled, open_app, seed, person, tmp_path  # noqa: ANN001
) -> None:
    """Kept in ``tmp_path`` to look at; each page's background is the dark canvas."""
    from studio.ui.mailings.preset import MailingPreset

    ids = seed(person("Zoë", "Ångström-Núñez", birthday="1980-11-21"), person("Priya", "Raman"),
               person("Jonas", "Weber", birthday="1975-11-19", tags=("customer", "hanukkah")))
    window, context = open_app()
    window.resize(1366, 768)
    style.apply_style(restyled, style.DARK)
    for name in VIEWS:
        page = window.show_view(name)
        qtbot.wait(300)
        window.grab().save(str(tmp_path / f"dark-{name}.png"))
        assert _page_colour(window).name() == style.DARK.canvas, name
    cards = window.show_view("cards")
    qtbot.waitUntil(lambda: cards.loaded, timeout=20000)
    context.events.design_card.emit((None, None, "birthday"))
    qtbot.wait(1500)
    window.grab().save(str(tmp_path / "dark-designer.png"))
    view = window.show_view("mailings")
    view.start(MailingPreset(occasion="christmas", year=2026, tag="customer"))
    wizard = view.wizard
    qtbot.waitUntil(lambda: wizard.choices is not None, timeout=30000)
    wizard.resize(960, 680)
    for number in range(5):
        page = wizard.currentPage()
        qtbot.wait(300)
        wizard.grab().save(str(tmp_path / f"dark-wizard-{number}-{type(page).__name__}.png"))
        qtbot.waitUntil(page.isComplete, timeout=30000)
        if page is wizard.review:
            page.folder.setText(str(tmp_path / "christmas"))
        wizard.next()
    wizard.close()
    window.show_view("mailings")
    qtbot.wait(300)
    window.grab().save(str(tmp_path / "dark-mailings-history.png"))
    people = window.show_view("contacts")
    qtbot.waitUntil(lambda: people.model.rowCount() == 3, timeout=5000)
    people.select_contact(ids[0])
    qtbot.wait(300)
    window.grab().save(str(tmp_path / "dark-contact-detail.png"))
    people.edit_contact(ids[0])
    qtbot.waitUntil(lambda: getattr(people, "editor", None) is not None and people.editor.isVisible(),
                    timeout=5000)
    people.editor.grab().save(str(tmp_path / "dark-contact-editor.png"))
    people.editor.reject()


def test_open_views_follow_a_switch_while_shown(qtbot, restyled, open_app, seed, person) -> None:  # noqa: ANN001
    """What paints its own colours (the designer's desk, the contact pane's captions, the
    Today strip) takes the new theme without being reopened."""
    ids = seed(person("Zoë", "Ångström-Núñez", birthday="1980-11-21"))
    window, context = open_app()
    window.resize(1366, 768)
    people = window.show_view("contacts")
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    people.select_contact(ids[0])
    qtbot.waitUntil(lambda: style.LIGHT.muted in people.detail.body.text(), timeout=5000)
    cards = window.show_view("cards")
    qtbot.waitUntil(lambda: cards.loaded, timeout=20000)
    context.events.design_card.emit((None, None, "birthday"))
    canvas = cards.designer.canvas
    assert canvas.backgroundBrush().color().name() == style.LIGHT.backdrop
    style.apply_style(restyled, style.DARK)
    qtbot.waitUntil(lambda: canvas.backgroundBrush().color().name() == style.DARK.backdrop, timeout=2000)
    qtbot.waitUntil(lambda: style.DARK.muted in people.detail.body.text(), timeout=5000)
    today = window.show_view("today")
    qtbot.wait(200)
    strip = today.strip
    image = strip.grab().toImage()
    # the middle of the first day's cell, between its lines of text
    ratio = strip.devicePixelRatioF()
    cell = image.pixelColor(int(6 * ratio), int(strip.height() / 2 * ratio))
    assert cell.lightnessF() < 0.3, cell.name()


def _lightest(pixmap) -> float:  # noqa: ANN001
    image = pixmap.toImage()
    colours = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    return max(colour.lightnessF() for colour in colours if colour.alpha() > 200)


def test_an_empty_state_shows_its_whole_text_and_its_icon_follows_the_theme(qtbot, restyled,
                                                                            open_app) -> None:  # noqa: ANN001
    from studio.ui.widgets import EmptyState

    window, _context = open_app()
    window.resize(1366, 768)
    view = window.show_view("mailings")
    qtbot.wait(200)
    empty = next(w for w in view.findChildren(EmptyState) if w.isVisible())
    text = empty.text
    assert text.height() >= text.heightForWidth(text.width()), "the wrapped text is cut"
    assert _lightest(empty.picture.pixmap()) < 0.45  # the light theme's slate icon
    style.apply_style(restyled, style.DARK)
    qtbot.waitUntil(lambda: _lightest(empty.picture.pixmap()) > 0.6, timeout=2000)  # light on dark
