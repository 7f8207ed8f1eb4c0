"""The window says so while another program holds the store, and the edit goes through after."""

from __future__ import annotations

from studio.store import busy, open_store
from tests.cli.test_store_busy import other_program


def test_the_status_bar_says_another_program_is_using_the_store(
    qtbot, open_app, seed, person, app_paths, idle, monkeypatch
) -> None:
    monkeypatch.setattr(busy, "BUSY_TIMEOUT_S", 0.3)
    ids = seed(person("Ann", "Lee"), person("Bo", "Park"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    holder = other_program(app_paths.db_path, 2.0)
    try:
        view.select_contact(ids[0])
        view.delete_action.trigger()
        qtbot.waitUntil(
            lambda: "Another program is using the store" in window.statusBar().currentMessage(), timeout=5000
        )
        assert window.statusBar().isVisible()
        idle(context, timeout=15000)
    finally:
        holder.wait(10)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[0]) is None
