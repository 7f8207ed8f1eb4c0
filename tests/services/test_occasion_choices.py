"""What a mailing can be for (the wizard's first page) and how occasion keys read."""

from __future__ import annotations

from studio.services import occasions


def test_mailing_occasions_lists_personal_then_holidays_then_general() -> None:
    choices = occasions.mailing_occasions()
    keys = [c.key for c in choices]
    assert keys[:3] == list(occasions.PERSONAL_OCCASIONS)
    assert keys[-len(occasions.GENERAL_OCCASIONS):] == list(occasions.GENERAL_OCCASIONS)
    by_key = {c.key: c for c in choices}
    assert by_key["christmas"].name == "Christmas" and by_key["christmas"].datable
    assert by_key["birthday"].datable
    assert by_key["birthday"].name.casefold().startswith("birthday")
    assert len(keys) == len(set(keys))


def test_occasion_names_reads_holidays_dates_and_general_keys() -> None:
    names = occasions.occasion_names({"christmas", "date:wedding-day", "get-well", "made-up-thing"})
    assert names["christmas"] == "Christmas"
    assert names["date:wedding-day"] == "Wedding day"
    assert names["made-up-thing"] == "Made up thing"
    assert names["get-well"]
