"""A 1024×600 netbook screen: the main window with every view, and each page of the mailing
wizard, fit in it; screenshots at 1024×600, 1366×768 and 1920×1080 are kept to look at."""

from __future__ import annotations

import pytest

from studio.ui.mailings.preset import MailingPreset

NETBOOK = (1024, 600 - 24 - 30)  # the screen less a top panel and the window's title bar
VIEWS = ("today", "contacts", "cards", "mailings", "settings")


def test_the_main_window_fits_a_netbook_with_every_view(qtbot, open_app, seed, person) -> None:
    seed(person("Zoë", "Ångström-Núñez"), person("Priya", "Raman"))
    window, _ = open_app()
    for name in VIEWS:
        window.show_view(name)
        qtbot.wait(50)
        needed = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert needed.width() <= NETBOOK[0] and needed.height() <= NETBOOK[1], (name, needed.toTuple())


def test_the_welcome_page_scrolls_instead_of_growing_the_window(qtbot, open_app) -> None:
    window, _ = open_app()  # an empty address book: the welcome page
    assert window.stack.currentWidget() is window.welcome_scroll
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.height() <= NETBOOK[1], needed.toTuple()


def test_every_wizard_page_fits_a_netbook(qtbot, open_app, seed, person, tmp_path) -> None:
    seed(person("Zoë", "Ångström-Núñez"), person("Priya", "Raman"))
    window, _ = open_app()
    view = window.show_view("mailings")
    view.start(MailingPreset(occasion="christmas", year=2026, tag="customer"))
    wizard = view.wizard
    qtbot.waitUntil(lambda: wizard.choices is not None, timeout=30000)
    assert wizard.minimumWidth() <= NETBOOK[0] and wizard.minimumHeight() <= NETBOOK[1]
    wizard.resize(NETBOOK[0] - 24, NETBOOK[1] - 10)
    for number in range(5):
        page = wizard.currentPage()
        qtbot.wait(100)
        hint = page.minimumSizeHint()
        assert page.width() >= hint.width() and page.height() >= hint.height(), (
            type(page).__name__,
            page.size().toTuple(),
            hint.toTuple(),
        )
        wizard.grab().save(str(tmp_path / f"wizard-{number}-{type(page).__name__}.png"))
        qtbot.waitUntil(page.isComplete, timeout=30000)
        if page is wizard.review:
            page.folder.setText(str(tmp_path / "christmas"))
        wizard.next()


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768), (1920, 1080)])
def test_screenshots_at_each_screen_size(qtbot, open_app, seed, person, tmp_path, size) -> None:
    seed(person("Zoë", "Ångström-Núñez"), person("Priya", "Raman"))
    window, _ = open_app()
    window.resize(*size)
    for name in VIEWS:
        page = window.show_view(name)
        qtbot.wait(100)
        assert page.width() >= page.minimumSizeHint().width(), name
        window.grab().save(str(tmp_path / f"{name}-{size[0]}x{size[1]}.png"))
