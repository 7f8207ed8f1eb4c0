"""The wizard's review page says plainly when cards arrive late, never offers a post-by day
already gone, refuses a posting day before today, and leaves out an unticked recipient."""

from __future__ import annotations

import csv
import datetime as dt

from PySide6.QtCore import QDate, Qt

from studio.store import open_store
from studio.ui.mailings.preset import MailingPreset

LATE_TODAY = dt.date(2026, 12, 23)  # Christmas cards posted today (3 days at home) come on 26 Dec


def _open(qtbot, styled_app, app_paths, today):  # noqa: ANN001, ANN202
    from studio.ui.app import open_window

    window, context = open_window(app_paths, today=lambda: today)
    window.show()
    qtbot.waitExposed(window)
    return window, context


def _close(window, context) -> None:  # noqa: ANN001
    context.tasks.shutdown()
    window.close()
    context.shutdown()
    window.deleteLater()


def _to_review(qtbot, window, ids):  # noqa: ANN001, ANN202
    view = window.show_view("mailings")
    view.start(MailingPreset(occasion="christmas", year=2026, contact_ids=ids))
    wizard = view.wizard
    qtbot.waitUntil(lambda: wizard.choices is not None, timeout=30000)
    for _ in range(3):
        page = wizard.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=60000)
        wizard.next()
    assert wizard.currentPage() is wizard.review
    qtbot.waitUntil(lambda: wizard.review.plan is not None, timeout=60000)
    return wizard


def test_late_cards_are_said_late_and_the_posting_day_cannot_be_in_the_past(
    qtbot, styled_app, app_paths, seed, person, tmp_path
) -> None:
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"), person("Daniel", "Cohen"))
    window, context = _open(qtbot, styled_app, app_paths, LATE_TODAY)
    wizard = _to_review(qtbot, window, ids)
    review = wizard.review
    notes = review.warnings.text()
    assert "Posted today, these 3 cards arrive about 26 Dec, 1 day after the occasion." in notes
    assert "in time" not in notes and "post by" not in review.summary.text().casefold()
    arrives = [review.recipients.index(row, 4).data() for row in range(3)]
    assert arrives == ["about 26 Dec, 1 day late"] * 3
    # The posting day: today at the earliest; an earlier day typed is not taken.
    assert review.post_on.minimumDate() == QDate(2026, 12, 23)
    review.post_on.setDate(QDate(2026, 12, 1))
    assert review.post_on.date() == QDate(2026, 12, 23) and wizard.draft.post_on == LATE_TODAY
    wizard.resize(1024, 600)
    wizard.grab().save(str(tmp_path / "review-late.png"))
    _close(window, context)


def test_a_posting_day_ahead_moves_the_arrivals_and_offers_no_past_date(
    qtbot, styled_app, app_paths, seed, person
) -> None:
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"))
    window, context = _open(qtbot, styled_app, app_paths, dt.date(2026, 12, 5))
    wizard = _to_review(qtbot, window, ids)
    review = wizard.review
    assert "Post these 2 cards by 21 Dec to arrive in time." in review.warnings.text()
    review.post_on.setDate(QDate(2026, 12, 24))
    qtbot.waitUntil(lambda: review.plan is not None and review.plan.post_on == dt.date(2026, 12, 24),
                    timeout=60000)
    assert "Posted on 24 Dec, these 2 cards arrive about 27 Dec, 2 days after the occasion." in (
        review.warnings.text())
    _close(window, context)


def test_an_unticked_recipient_is_left_out_of_the_mailing(
    qtbot, styled_app, app_paths, seed, person, tmp_path
) -> None:
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"), person("Daniel", "Cohen"))
    window, context = _open(qtbot, styled_app, app_paths, dt.date(2026, 12, 1))
    wizard = _to_review(qtbot, window, ids)
    review = wizard.review
    names = [review.recipients.index(row, 1).data() for row in range(3)]
    priya = names.index("Priya Raman")
    table = review.recipient_table
    table.setFocus()
    table.setCurrentIndex(review.recipients.index(priya, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # the user's tick, as the keyboard gives it
    assert review.recipients.index(priya, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert review.summary.text().startswith("2 cards for Christmas 2026 (1 left out)")
    out = tmp_path / "out"
    review.folder.setText(str(out))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.produce.state == "done", timeout=120000)
    with open(out / "mailing.csv", encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["name"] for r in rows] == [n for n in names if n != "Priya Raman"]
    assert [r["position"] for r in rows] == ["1", "2"]
    with open_store(app_paths.db_path) as store:
        (mailing,) = store.history.mailings()
        assert sorted(i.contact_name for i in mailing.items) == ["Daniel Cohen", "Zoë Ångström"]
    _close(window, context)
