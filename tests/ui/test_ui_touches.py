"""Today keeps in touch: who is due for a touch with one-click Called / Messaged and Undo,
and the birthdays to call today and tomorrow with their numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from studio.services import touches
from studio.store import open_store
from tests.ui.conftest import TODAY


def _buttons(panel, text: str) -> list[QPushButton]:  # noqa: ANN001
    return [b for b in panel.findChildren(QPushButton) if b.text() == text and b.isVisible()]


def test_called_and_messaged_in_one_click_with_undo(
    qtbot, open_app, seed, person, app_paths, tmp_path
) -> None:
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman", birthday="1986-11-21"),
               person("Daniel", "Cohen", tags=("friend",)))
    window, context = open_app()
    window.resize(1366, 768)
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    panel = today.touch_panel
    assert panel.heading.text() == "Due for a touch"
    assert sorted(panel.contact_ids) == sorted(ids[:2])  # Daniel (a friend) has no rhythm
    calls = today.calls_panel
    qtbot.waitUntil(calls.isVisible, timeout=5000)  # Priya's birthday is tomorrow
    assert calls.contact_ids == [ids[1]]
    links = " ".join(label.text() for label in calls.findChildren(QLabel))
    assert 'href="tel:5035550100"' in links and "Birthday tomorrow · turns 40" in links
    window.grab().save(str(tmp_path / "today-touches.png"))

    zoe = panel.contact_ids.index(ids[0])
    _buttons(panel, "Called")[zoe].click()
    qtbot.waitUntil(lambda: panel.undo_row.isVisible(), timeout=10000)
    assert panel.undo_text.text() == "Called Zoë Ångström today."
    qtbot.waitUntil(lambda: ids[0] not in today.touch_panel.contact_ids, timeout=30000)
    with open_store(app_paths.db_path) as store:
        _contact, logged = touches.touches_of(store, str(ids[0]))
    assert [(t.kind, t.date) for t in logged] == [("call", TODAY)]

    panel.undo_button.click()
    qtbot.waitUntil(lambda: ids[0] in today.touch_panel.contact_ids, timeout=30000)
    with open_store(app_paths.db_path) as store:
        assert touches.touches_of(store, str(ids[0]))[1] == []
    assert not panel.undo_row.isVisible()


def test_the_contact_page_records_a_call_shows_it_and_undoes_it(
    qtbot, open_app, seed, person, app_paths
) -> None:
    (anna,) = seed(person("Anna", "Berg"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=30000)
    view.select_contact(anna)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.called_button.isVisible(), timeout=10000)
    detail.called_button.click()
    qtbot.waitUntil(lambda: "call" in detail.body.text() and detail.undo_row.isVisible(), timeout=10000)
    assert "Touches" in detail.body.text() and TODAY.isoformat() in detail.body.text()
    assert detail.undo_text.text() == "Called Anna Berg today."
    detail.undo_button.click()
    qtbot.waitUntil(lambda: "Touches" not in detail.body.text(), timeout=10000)
    with open_store(app_paths.db_path) as store:
        assert touches.touches_of(store, str(anna))[1] == []


def test_settings_keeps_a_rhythm_per_tag(qtbot, open_app, seed, person, app_paths, tmp_path) -> None:
    seed(person("Anna", "Berg", tags=("vip",)))
    window, context = open_app()
    settings = window.show_view("settings")
    group = settings.rhythms
    qtbot.waitUntil(lambda: group.new_tag.count() > 0, timeout=10000)
    assert "every 90 days" in group.hint.text()
    group.new_tag.setCurrentText("vip")
    group.new_days.setValue(30)
    group.add_button.click()
    qtbot.waitUntil(lambda: group.table.rowCount() == 1, timeout=10000)
    assert group.table.item(0, 0).text() == "vip" and group.table.cellWidget(0, 1).value() == 30
    group.table.cellWidget(0, 1).setValue(21)
    qtbot.waitUntil(lambda: context.store.pending == 0, timeout=10000)
    with open_store(app_paths.db_path) as store:
        assert touches.load_rhythms(store).tags == {"vip": 21}
    group.grab().save(str(tmp_path / "rhythms.png"))
    group.table.selectRow(0)
    group.remove_button.click()
    qtbot.waitUntil(lambda: group.table.rowCount() == 0, timeout=10000)
    with open_store(app_paths.db_path) as store:
        assert touches.load_rhythms(store).tags == {}


def test_how_long_overdue_is_said_in_days_then_months_then_years() -> None:
    import datetime as dt

    from studio.ui.today.touch_panels import due_text

    today = dt.date(2026, 11, 20)
    assert due_text(dt.date(2026, 11, 10), "call", 1, today).endswith(" · 1 day over")
    assert due_text(None, None, 45, today) == "never in touch · 45 days over"
    assert due_text(None, None, 95, today) == "never in touch · 3 months over"
    assert due_text(None, None, 4176, today) == "never in touch · 11 years over"
    assert due_text(None, None, None, today) == "never in touch"
