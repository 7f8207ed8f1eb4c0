"""Deleting many asks first; deleted contacts wait in a bin that survives restarts; each view
has its own undo history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from studio.store import open_store


def _answer(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:  # noqa: ANN001
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_select_all_then_delete_asks_and_no_keeps_everyone(
    qtbot, open_app, seed, person, app_paths, idle, monkeypatch
) -> None:
    seed(*(person(f"Name{i}", f"Family{i}") for i in range(6)))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 6)
    view.table.setFocus()
    view.table.selectAll()  # Ctrl+A
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    view.delete_action.trigger()  # Delete
    idle(context)
    assert len(asked) == 1 and "Delete 6 contacts" in asked[0] and "bin" in asked[0]
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 6

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    view.table.selectAll()
    view.delete_action.trigger()
    idle(context)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 0 and store.bin.count() == 6
    assert window.undo_action.text().replace("&", "") == "Undo Delete 6 contacts"


def test_a_few_are_deleted_without_a_question(qtbot, open_app, seed, person, idle, monkeypatch) -> None:
    ids = seed(person("Ann", "A"), person("Bo", "B"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    view.select_contact(ids[0])
    view.delete_action.trigger()
    idle(context)
    assert asked == []
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)


def test_the_bin_survives_a_restart_and_restores(qtbot, open_app, seed, person, app_paths, idle) -> None:
    from studio.services.addressbook import delete_contacts

    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"))
    with open_store(app_paths.db_path) as store:
        delete_contacts(store, ids)  # deleted in an earlier session
    window, context = open_app()
    view = window.show_view("contacts")
    window.show_bin()
    dialog = window.bin_dialog
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2)
    names = {dialog.tree.topLevelItem(i).text(0) for i in range(2)}
    assert names == {"Zoë Ångström", "Priya Raman"}
    first = next(
        dialog.tree.topLevelItem(i) for i in range(2) if dialog.tree.topLevelItem(i).text(0) == "Priya Raman"
    )
    first.setSelected(True)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    dialog.restore_all_button.click()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 0)
    with open_store(app_paths.db_path) as store:
        assert sorted(store.contacts.get(i).name for i in store.contacts.ids()) == [
            "Priya Raman",
            "Zoë Ångström",
        ]
        assert store.contacts.get(ids[0]) is not None  # under the old ids


def test_undo_belongs_to_the_view_on_screen(qtbot, open_app, seed, person, app_paths, idle) -> None:
    ids = seed(person("Ann", "A"), person("Bo", "B"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.select_contact(ids[0])
    view.delete_action.trigger()
    idle(context)
    assert (
        window.undo_action.isEnabled() and window.undo_action.text().replace("&", "") == "Undo Delete Ann A"
    )
    for name in ("cards", "mailings", "today"):
        window.show_view(name)
        assert not window.undo_action.isEnabled(), name  # nothing done here to undo
        window.undo_action.trigger()  # Ctrl+Z here
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    idle(context)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[0]) is None  # still deleted: no undo out of sight
    window.show_view("contacts")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    idle(context)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[0]) is not None
