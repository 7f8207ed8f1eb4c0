"""Edit ▸ Possible Duplicates…: the pairs side by side; merge, keep apart, undo a merge."""

from __future__ import annotations

from studio.model import Address, PartialDate
from studio.store import open_store


def _namesakes(person):  # noqa: ANN001, ANN202 - the conftest factory
    """A parent and a grown child of one name at one address: alike, but not provably one."""
    parent = person("Robert", "Miller", email="bob.miller@example.com")
    child = person("Robert", "Miller", email="rob.miller@example.org")
    child.phones = []
    for contact, year in ((parent, 1950), (child, 1984)):
        contact.addresses = [
            Address(street="12 Oak Lane", city="Springfield", region="IL", postal_code="62701", country="US")
        ]
        contact.birthday = PartialDate.parse("1950-03-02" if year == 1950 else "1984-07-09")
    return parent, child


def test_a_pair_is_shown_side_by_side_and_kept_apart(qtbot, open_app, seed, person, app_paths, idle) -> None:
    ids = seed(*_namesakes(person))
    window, context = open_app()
    window.show_duplicates()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog.pair_list.topLevelItemCount() == 1)
    row = dialog.pair_list.topLevelItem(0)
    assert row.text(0) == row.text(1) == "Robert Miller"
    assert "different birthdays" in row.text(2) and "name and address" in row.text(2)
    assert "1950" in dialog.first_card.text() and "1984" in dialog.second_card.text()
    assert "12 Oak Lane" in dialog.first_card.text()
    dialog.resize(1024 - 40, 600 - 60)
    dialog.grab().save(str(app_paths.data_dir / "duplicates.png"))

    dialog.apart_button.click()
    qtbot.waitUntil(lambda: dialog.pair_list.topLevelItemCount() == 0)
    assert "apart" in dialog.status.text()
    with open_store(app_paths.db_path) as store:
        assert store.contacts.count() == 2
        assert (min(ids), max(ids)) in store.duplicates.kept_apart()


def test_merge_then_undo_parts_them_again(qtbot, open_app, seed, person, app_paths, idle) -> None:
    ids = seed(*_namesakes(person))
    window, context = open_app()
    contacts = window.show_view("contacts")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 2)
    window.show_duplicates()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog.pair_list.topLevelItemCount() == 1)
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.merge_list.topLevelItemCount() == 1)
    assert dialog.pair_list.topLevelItemCount() == 0
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    with open_store(app_paths.db_path) as store:
        assert store.contacts.ids() == [ids[0]]

    dialog.tabs.setCurrentIndex(1)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.merge_list.topLevelItemCount() == 0)
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 2)
    assert "Parted" in dialog.status.text()
    with open_store(app_paths.db_path) as store:
        births = sorted(store.contacts.get(i).birthday.year for i in store.contacts.ids())
        assert births == [1950, 1984]
    assert dialog.pair_list.topLevelItemCount() == 0  # kept apart after the undo


def test_no_pairs_says_so(qtbot, open_app, seed, person) -> None:
    seed(person("Ann", "A"), person("Bo", "B"))
    window, context = open_app()
    window.show_duplicates()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: "No possible duplicates" in dialog.status.text())
    assert not dialog.merge_button.isEnabled() and not dialog.undo_button.isEnabled()
