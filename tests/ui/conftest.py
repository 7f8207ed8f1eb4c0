"""Fixtures for the desktop app's tests: offscreen Qt, a real database, an open window."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import datetime as dt  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from studio.model import Address, Contact, Email, PartialDate, Phone  # noqa: E402
from studio.paths import AppPaths  # noqa: E402
from studio.store import open_store  # noqa: E402

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "home", db_path=tmp_path / "app.sqlite3")


def make_contact(
    given: str,
    family: str,
    *,
    tags: tuple[str, ...] = ("customer",),
    city: str = "Portland",
    birthday: str | None = "1980-12-01",
    email: str | None = None,
) -> Contact:
    return Contact(
        given_name=given,
        family_name=family,
        emails=[Email(email or f"{given.lower()}.{family.lower()}@example.com", "home")],
        phones=[Phone("(503) 555-0100", "mobile")],
        addresses=[
            Address(
                street="1 Main Street",
                city=city,
                region="OR",
                postal_code="97205",
                country="United States",
                label="home",
            )
        ],
        birthday=PartialDate.parse(birthday) if birthday else None,
        tags=list(tags),
    )


@pytest.fixture
def person() -> Callable[..., Contact]:
    """``person(given, family, tags=..., city=..., birthday=...)`` builds a Contact."""
    return make_contact


@pytest.fixture
def seed(app_paths: AppPaths) -> Callable[..., list[int]]:
    """Put contacts into the app's database before the window opens."""

    def add(*contacts: Contact) -> list[int]:
        with open_store(app_paths.db_path) as store, store.transaction():
            return [store.contacts.add(c) for c in contacts]

    return add


@pytest.fixture
def styled_app(qapp):  # noqa: ANN001, ANN201 - pytest-qt's QApplication
    from studio.ui.style import apply_style

    apply_style(qapp)
    return qapp


@pytest.fixture
def open_app(qtbot, styled_app, app_paths: AppPaths) -> Iterator[Callable[[], tuple]]:  # noqa: ANN001
    """Opens the main window on ``app_paths`` (today is fixed); closes it and its threads after."""
    from studio.ui.app import open_window

    opened = []

    def open_() -> tuple:
        window, context = open_window(app_paths, today=lambda: TODAY)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, context))
        wait_idle(qtbot, context)
        return window, context

    yield open_
    for window, context in opened:
        context.tasks.shutdown()  # first: a window with work running asks before closing
        window.close()
        context.shutdown()
        window.deleteLater()


def wait_idle(qtbot, context, timeout: int = 10000) -> None:  # noqa: ANN001
    """Wait until the store thread and the task pool have answered everything asked of them."""
    qtbot.waitUntil(lambda: context.store.pending == 0 and not context.tasks.busy, timeout=timeout)


@pytest.fixture
def idle(qtbot) -> Callable[..., None]:  # noqa: ANN001
    """``idle(context)`` waits for the app's background work to settle."""
    return lambda context, timeout=10000: wait_idle(qtbot, context, timeout)
