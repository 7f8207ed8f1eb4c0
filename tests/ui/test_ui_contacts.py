"""The Contacts view: the table model, search, the editor, undoable delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from studio.store import open_store
from studio.ui.contacts.editor import ContactEditor
from studio.ui.contacts.model import ID_ROLE, ContactFilterModel


def test_contact_models_pass_the_model_tester(qtbot, qtmodeltester, open_app, seed, person) -> None:
    seed(
        person("Zoë", "Ångström-Núñez", tags=("customer", "vip")),
        person("Priya", "Raman"),
        person("王", "小明", tags=()),
    )
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == ["Zoë Ångström-Núñez", "Priya Raman", "王 小明"]
    # Thumbnails: every name cell carries an avatar.
    assert not view.proxy.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_search_and_tag_filter_go_through_the_store(qtbot, open_app, seed, idle, person) -> None:
    seed(
        person("Zoë", "Ångström-Núñez", tags=("customer", "vip"), city="Portland"),
        person("Priya", "Raman", city="Edison"),
        person("Daniel", "Cohen", tags=("friend",)),
    )
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    qtbot.keyClicks(view.search, "edison")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert view.proxy.index(0, 0).data() == "Priya Raman"
    view.search.clear()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3)
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("vip"))
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert view.proxy.index(0, 0).data() == "Zoë Ångström-Núñez"
    view.search.setText("nobody-like-this")
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.no_match)


def test_editor_validates_dates_and_keeps_postal_codes_as_text(qtbot, styled_app, person) -> None:
    contact = person("Ana", "Silva")
    contact.id = 7
    editor = ContactEditor(contact)
    qtbot.addWidget(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    editor.birthday.setText("1984-02-30")
    assert not save.isEnabled()
    assert "not a date" in editor.problem.text()
    editor.birthday.setText("--02-29")
    assert save.isEnabled()
    editor.addresses.postal_code.setText("02134")
    edited = editor.result_contact()
    assert edited.id == 7
    assert edited.birthday is not None and edited.birthday.iso() == "--02-29"
    assert edited.addresses[0].postal_code == "02134"
    editor.given.clear()
    editor.family.clear()
    editor.emails.set_values([])
    assert not save.isEnabled()


def test_edit_is_committed_at_once_and_delete_is_undoable(
    qtbot, open_app, seed, app_paths, idle, person
) -> None:
    ids = seed(person("Zoë", "Ångström-Núñez"), person("Priya", "Raman"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)

    # Edit Priya's birthday through the editor.
    view.select_contact(ids[1])
    view.edit_selected()
    qtbot.waitUntil(lambda: view.editor is not None and view.editor.isVisible())
    view.editor.birthday.setText("--11-30")
    view.editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    idle(context)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[1]).birthday.iso() == "--11-30"

    # Delete Zoë with the Delete key; she is gone from the store at once.
    view.select_contact(ids[0])
    view.table.setFocus()
    view.delete_action.trigger()
    idle(context)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[0]) is None

    # Edit ▸ Undo brings her back under her old id, with everything she had.
    assert window.undo_action.isEnabled()
    assert "Zoë" in window.undo_action.text()
    window.undo_action.trigger()
    idle(context)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    with open_store(app_paths.db_path) as store:
        back = store.contacts.get(ids[0])
        assert back is not None and back.name == "Zoë Ångström-Núñez"
        assert back.addresses[0].postal_code == "97205" and back.tags == ["customer"]
    assert view.model.row_of(ids[0]) is not None

    # Redo deletes again; undoing the edit restores the old birthday.
    window.redo_action.trigger()
    idle(context)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[0]) is None
    window.undo_action.trigger()
    window.undo_action.trigger()
    idle(context)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.get(ids[1]).birthday.iso() == "1980-12-01"


def test_new_contact_is_added_and_selected(qtbot, open_app, seed, app_paths, idle, person) -> None:
    seed(person("Priya", "Raman"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.new_action.trigger()
    editor = view.editor
    qtbot.waitUntil(lambda: editor.isVisible())
    editor.given.setText("Henrik")
    editor.family.setText("Lund")
    editor.birthday.setText("--07-04")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    idle(context)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.waitUntil(lambda: view.selected_ids() != [])
    with open_store(app_paths.db_path) as store:
        (new_id,) = [i for i in store.contacts.ids() if store.contacts.get(i).given_name == "Henrik"]
    assert view.selected_ids() == [new_id]


def test_filter_model_alone(qtmodeltester) -> None:
    from studio.store.contacts import ContactSummary
    from studio.ui.contacts.model import ContactTableModel

    class NoStore:
        def submit(self, *args: object, **kwargs: object) -> None:
            pass

    model = ContactTableModel(NoStore())  # type: ignore[arg-type]
    model.set_rows(
        [
            ContactSummary(i, f"Person {i}", f"person {i}", "", "", "", "", None, (), False)
            for i in range(1, 6)
        ]
    )
    proxy = ContactFilterModel()
    proxy.setSourceModel(model)
    proxy.set_visible_ids({2, 4})
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [2, 4]
    qtmodeltester.check(proxy)


def test_sorting_by_a_column_keeps_the_selection(qtbot, qtmodeltester, open_app, seed, person) -> None:
    ids = seed(
        person("Zoë", "Ångström-Núñez", birthday="1984-03-14"),
        person("Priya", "Raman", birthday="--02-29"),
        person("Daniel", "Cohen", birthday="1990-12-24"),
    )
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.select_contact(ids[2])
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # birthdays by month and day
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == ["Priya Raman", "Zoë Ångström-Núñez", "Daniel Cohen"]
    assert view.selected_ids() == [ids[2]]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(3)] == [
        "Priya Raman",
        "Daniel Cohen",
        "Zoë Ångström-Núñez",
    ]
    qtmodeltester.check(view.model)
