"""Today's Follow-ups panel: due sequence steps with Done and Skip (Done takes the line away
and a call done is a call touch, the window answering all the while), due cards mailed in
one click per template, and the Results panel with its chart and honest words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea

from studio.services.occasions import log_event
from studio.services.sequences import complete_step, due_steps, enroll
from studio.store import open_store
from studio.store.history import Mailing, MailingItem
from tests.ui.conftest import TODAY


def _buttons(panel, text: str) -> list[QPushButton]:  # noqa: ANN001
    return [b for b in panel.findChildren(QPushButton) if b.text() == text and b.isVisible()]


def _seed_followups(seed, person, app_paths) -> list[int]:  # noqa: ANN001
    ids = seed(person("Anna", "Berg"), person("Ben", "Okafor"), person("Carla", "Diaz"),
               person("Dev", "Patel"), person("Eve", "Moreau"), person("Femi", "Adeyemi"),
               person("Gus", "Larsen"))
    with open_store(app_paths.db_path) as store:
        for contact_id in ids[:3]:  # first orders two days ago: "Post today" lists their thank-yous
            log_event(store, str(contact_id), "order", TODAY - dt.timedelta(days=2), today=TODAY)
        for contact_id in ids[3:5]:  # enrolled a fortnight ago: today the call, and the card is late
            enroll(store, str(contact_id), "new customer", TODAY - dt.timedelta(days=14), None)
        for contact_id in ids[5:]:  # 44 days ago, the first two steps behind them: the check-in
            enroll(store, str(contact_id), "new customer", TODAY - dt.timedelta(days=44), None)
        for step in due_steps(store, TODAY - dt.timedelta(days=20), None):
            complete_step(store, step.enrolment_id, step.step, TODAY - dt.timedelta(days=20), skip=True)
        week = TODAY - dt.timedelta(days=7)
        mailing = Mailing("christmas", TODAY.year, "holiday-snow", created_at=f"{week.isoformat()}T09:00:00",
                          items=[MailingItem(n, cid, "x", "christmas", week, "holiday-snow")
                                 for n, cid in enumerate(ids, start=1)])
        with store.transaction():
            store.history.mark_sent(store.history.add_mailing(mailing), week)
    return ids


def test_done_takes_the_step_away_and_records_the_call(qtbot, open_app, seed, person, app_paths,
                                                        tmp_path) -> None:  # noqa: ANN001
    ids = _seed_followups(seed, person, app_paths)
    window, context = open_app()
    window.resize(1366, 768)
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    panel = today.followups_panel
    qtbot.waitUntil(panel.isVisible, timeout=10000)
    assert panel.heading.text() == "Follow-ups"
    assert [b.words() for b in panel.batches] == ["2 thank-you cards", "2 check-in cards"]
    assert sorted(s.contact_id for s in panel.steps if s.kind == "call") == ids[3:5]
    scroll = today.findChild(QScrollArea)
    qtbot.wait(300)  # the layout settles around the panels just filled
    scroll.ensureWidgetVisible(panel)
    window.grab().save(str(tmp_path / "today-followups.png"))
    scroll.ensureWidgetVisible(today.results_panel)
    qtbot.wait(100)
    window.grab().save(str(tmp_path / "today-results.png"))

    dev_call = next(s for s in panel.steps if s.contact_id == ids[3] and s.kind == "call")
    key = (dev_call.enrolment_id, dev_call.step)
    assert key in panel.visible_steps()
    done = _buttons(panel, "Done")
    position = [k for k in panel._rows].index(key)  # the rows in the order shown
    done[position].click()
    assert key not in panel.visible_steps()  # at once, before the store has answered
    assert window.isVisible()
    qtbot.waitUntil(lambda: panel.undo_row.isVisible(), timeout=10000)
    assert panel.undo_text.text() == "Done: call: how do you like it? for Dev Patel."
    qtbot.waitUntil(lambda: not today._loading and key not in
                    [(s.enrolment_id, s.step) for s in today.data.report.steps], timeout=30000)
    assert key not in panel.visible_steps()
    qtbot.wait(50)  # the window keeps answering events
    with open_store(app_paths.db_path) as store:
        calls = store.history.events(contact_id=ids[3], kinds=["call"])
    assert [(e.date, e.note) for e in calls] == [(TODAY, "New customer: call: how do you like it?")]

    panel.undo_button.click()
    qtbot.waitUntil(lambda: key in panel.visible_steps(), timeout=30000)
    with open_store(app_paths.db_path) as store:
        assert store.history.events(contact_id=ids[3], kinds=["call"]) == []


def test_due_cards_open_one_mailing_with_them_chosen(qtbot, open_app, seed, person,  # noqa: ANN001
                                                     app_paths) -> None:
    ids = _seed_followups(seed, person, app_paths)
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None and bool(today.followups_panel.mail_buttons),
                    timeout=60000)
    presets = []
    context.events.start_mailing.connect(presets.append)
    mail, check_in = today.followups_panel.mail_buttons
    assert (mail.text(), check_in.text()) == ("Mail 2 thank-you cards…", "Mail 2 check-in cards…")
    mail.click()
    qtbot.waitUntil(lambda: bool(presets), timeout=10000)
    preset = presets[0]
    assert (preset.template, preset.occasion, sorted(preset.contact_ids)) == ("thank-you-order", "thank-you",
                                                                              ids[3:5])


def test_results_panel_says_too_few_to_compare_in_words(qtbot, open_app, seed, person,  # noqa: ANN001
                                                        app_paths) -> None:
    _seed_followups(seed, person, app_paths)
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    results = today.results_panel
    assert results.goal_text.text() == "This week: 0 of 10 cards posted and 0 of 5 calls made (to go)."
    assert results.verdict.text().startswith("Too few customers to compare yet")
    assert not results.shares.isVisible()
    assert len(results.chart.weeks) == 8 and results.chart.weeks[-2].cards == 7


def test_settings_keep_in_touch_sets_the_weekly_goal(qtbot, open_app, app_paths,  # noqa: ANN001
                                                     tmp_path) -> None:
    window, context = open_app()
    window.resize(1366, 768)
    settings = window.show_view("settings")
    group = settings.rhythms
    assert (group.goal_cards.value(), group.goal_calls.value()) == (10, 5)
    group.goal_cards.setValue(12)
    group.goal_calls.setValue(0)
    qtbot.waitUntil(lambda: context.settings.weekly_goal.cards == 12, timeout=10000)
    with open_store(app_paths.db_path) as store:
        goal = store.settings.load().weekly_goal
    assert (goal.cards, goal.calls) == (12, 0)
    settings.scroll.ensureWidgetVisible(group.goal_cards)
    qtbot.wait(100)
    window.grab().save(str(tmp_path / "settings-goal.png"))


def test_a_bad_sequence_file_is_named_in_the_panel_and_today_still_loads(qtbot, open_app,  # noqa: ANN001
                                                                          seed, person, app_paths) -> None:
    seed(person("Anna", "Berg"))
    folder = app_paths.data_dir / "sequences"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('[trigger]\non = "soon"\n[[steps]]\nafter_days = 1\nkind = "call"\n',
                                      encoding="utf-8")
    window, context = open_app()
    today = window.show_view("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=60000)
    panel = today.followups_panel
    assert panel.isVisible()
    texts = [w.text() for w in panel.findChildren(QLabel) if w.isVisible()]
    assert any(t.startswith("Left out: ") and "mine.toml, line 2" in t for t in texts)
