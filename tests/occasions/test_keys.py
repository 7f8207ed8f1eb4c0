"""Occasion keys: which exist, how they are spelled, and what "the same occasion" is."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.errors import UsageError
from studio.occasions import check_occasion_key, load_catalogue, occasion_instance

D = dt.date
HOLIDAYS = load_catalogue().keys()


def test_the_same_occasion_is_once_a_year_once_an_order_or_once_ever() -> None:
    assert occasion_instance("birthday", D(2026, 11, 29)) == "birthday/2026"
    assert occasion_instance("christmas", D(2026, 12, 25)) == "christmas/2026"
    assert occasion_instance("date:joined-the-team", D(2027, 3, 1)) == "date:joined-the-team/2027"
    assert occasion_instance("thank-you", D(2026, 3, 2)) == "thank-you/2026-03-02"
    assert occasion_instance("welcome", D(2026, 3, 2)) == "welcome"
    assert occasion_instance("welcome", D(2031, 7, 9)) == "welcome"  # once ever


@pytest.mark.parametrize(("typed", "key"), [
    ("christmas", "christmas"), ("Christmas", "christmas"), (" birthday ", "birthday"),
    ("thank-you", "thank-you"), ("welcome", "welcome"), ("thinking-of-you", "thinking-of-you"),
    ("date:Joined the team", "date:joined-the-team"), ("DATE:joined-the-team", "date:joined-the-team"),
])
def test_known_keys_in_their_normal_spelling(typed: str, key: str) -> None:
    assert check_occasion_key(typed, HOLIDAYS) == key


@pytest.mark.parametrize(("typed", "suggestion"), [
    ("xmas", "christmas"), ("birthdy", "birthday"), ("thanksgivng", "thanksgiving"), ("newyear", "new-year"),
    ("welcom", "welcome"),
])
def test_a_typo_is_refused_with_the_closest_key(typed: str, suggestion: str) -> None:
    with pytest.raises(UsageError) as error:
        check_occasion_key(typed, HOLIDAYS)
    message = str(error.value)
    assert message.startswith(f"'{typed}' is not an occasion Card Studio knows; did you mean {suggestion}?")
    assert "christmas" in message and "date:LABEL" in message  # the list of known keys


def test_nothing_close_is_refused_without_a_guess_and_a_templates_own_occasion_counts() -> None:
    with pytest.raises(UsageError, match=r"^'zzz' is not an occasion Card Studio knows\. Known occasions"):
        check_occasion_key("zzz", HOLIDAYS)
    assert check_occasion_key("graduation", HOLIDAYS, also=("graduation",)) == "graduation"
    with pytest.raises(UsageError, match="needs its label after 'date:'"):
        check_occasion_key("date: ", HOLIDAYS)
