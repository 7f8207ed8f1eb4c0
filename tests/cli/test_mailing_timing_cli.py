"""`studio mailing`: a posting date before today is refused; arrival is said plainly; no
post-by date already gone is offered."""

from __future__ import annotations

from pathlib import Path

CHRISTMAS = ("mailing", "--template", "holiday-snow", "--occasion", "christmas", "--year", "2026",
             "--dry-run")


def test_a_posting_date_before_today_is_refused_in_one_sentence(db: Path, cli, tmp_path: Path) -> None:  # noqa: ANN001
    status, out, err = cli(db, *CHRISTMAS, "--today", "2026-12-10", "--post-on", "2026-12-09")
    assert status == 2 and out == ""
    assert err.strip() == ("studio: the posting date 2026-12-09 is before today (2026-12-10): "
                           "choose today or a later day")
    assert "Traceback" not in err
    made = tmp_path / "made"
    status, _, err = cli(db, *CHRISTMAS[:-1], "--out", str(made), "--today", "2026-12-10",
                         "--post-on", "2026-12-01")
    assert status == 2 and "before today" in err and not made.exists()


def test_late_cards_are_said_late_and_a_gone_post_by_is_not_offered(db: Path, cli) -> None:  # noqa: ANN001
    status, out, _ = cli(db, *CHRISTMAS, "--today", "2026-12-21")
    assert status == 0
    # 6 domestic cards (3 days) still arrive in time (the families tagged hanukkah and diwali get
    # those holidays' cards instead); 16 abroad (10 days) arrive 31 Dec.
    assert "Posted today, these 6 cards arrive in time." in out
    assert "Posted today, these 16 cards arrive about 31 Dec, 6 days after the occasion." in out
    assert "2026-12-14" not in out.split("Recipients")[0]  # the abroad post-by is gone: not offered
    assert "Post by: 2026-12-21 (6 cards)" in out


def test_a_later_posting_day_moves_the_arrivals(db: Path, cli) -> None:  # noqa: ANN001
    status, out, _ = cli(db, *CHRISTMAS, "--today", "2026-12-01", "--post-on", "2026-12-23")
    assert status == 0
    assert "Posted on 23 Dec, these 6 cards arrive about 26 Dec, 1 day after the occasion." in out
    status, out, _ = cli(db, *CHRISTMAS, "--today", "2026-12-01")
    assert "To arrive in time, post 16 cards by 14 Dec, 6 by 21 Dec." in out
