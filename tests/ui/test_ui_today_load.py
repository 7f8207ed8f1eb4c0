"""Today over a large address book: the window keeps responding and shows that it is loading."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from studio.model import PartialDate
from studio.services.occasion_cache import OccasionCache
from tests.ui.conftest import make_contact

CONTACTS = 6000


def _seed_many(app_paths, count: int) -> None:  # noqa: ANN001
    from studio.store import open_store

    with open_store(app_paths.db_path) as store, store.transaction():
        for n in range(count):
            contact = make_contact("Person", f"Number {n}", birthday=None)
            contact.birthday = PartialDate(n % 12 + 1, n % 28 + 1, 1960 + n % 40)
            store.contacts.add(contact)


def test_today_loads_a_large_store_off_the_gui_thread_with_a_busy_bar(qtbot, open_app, app_paths) -> None:
    _seed_many(app_paths, CONTACTS)
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None and not today.loading_bar.isVisible(), timeout=60000)
    first = today.data

    # The GUI thread's timer keeps firing while Today is worked out again on a pool thread.
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    context.occasions = OccasionCache()  # everyone worked out again: the slowest refresh
    context.events.contacts_changed.emit()
    assert today.loading_bar.isVisible()  # at once, before any result is in
    today.grab().save("/tmp/today-loading.png")
    qtbot.waitUntil(lambda: today.data is not first, timeout=60000)
    timer.stop()

    assert not today.loading_bar.isVisible()
    assert len(ticks) >= 3
    longest_gap = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    assert longest_gap < 0.25, f"the window froze for {longest_gap * 1000:.0f} ms"
    birthdays = [i for i in today.data.upcoming if i.occasion.kind == "birthday"]
    assert len(birthdays) > 100  # everyone with a birthday in the next six weeks
    assert today.due_rows.count() > 0 and today.upcoming_rows.count() > 0

