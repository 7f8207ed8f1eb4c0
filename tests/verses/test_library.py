"""The verse library: a few hundred verses by occasion and tone, found by words."""

from __future__ import annotations

import json

import pytest

from studio.cli import main
from studio.verses.library import OWN_WORDS, TONES, bundled_verses, find_verses, parse_verses


def test_the_library_has_a_few_hundred_verses_for_every_occasion_and_tone() -> None:
    verses = bundled_verses()
    assert len(verses) >= 200
    occasions = {v.occasion for v in verses}
    assert {"birthday", "thank-you", "referral", "holiday", "new-year", "thanksgiving", "welcome",
            "customer-anniversary", "thinking-of-you", "get-well", "sympathy"} <= occasions
    for occasion in occasions - {"sympathy"}:  # no fun sympathy verses, on purpose
        assert {v.tone for v in verses if v.occasion == occasion} == set(TONES), occasion
    assert len({v.text for v in verses}) == len(verses)  # none twice
    assert all(v.source == OWN_WORDS and len(v.text) <= 120 for v in verses)


def test_verses_are_found_by_words_without_case_or_accents_and_by_template_occasion() -> None:
    verses = bundled_verses()
    cake = find_verses(verses, words="CAKE birthday")
    assert cake and all("cake" in v.text.casefold() for v in cake)
    hanukkah = find_verses(verses, occasions=["hanukkah"], tone="warm")
    assert hanukkah and {v.occasion for v in hanukkah} == {"holiday"}
    both = find_verses(verses, occasions=["referral", "thank-you"])
    assert both[0].occasion == "referral" and both[-1].occasion == "thank-you"


def test_a_set_with_an_unknown_tone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown tone 'silly'"):
        parse_verses({"set": [{"occasion": "birthday", "tone": "silly", "verses": ["Hi"]}]})


def test_studio_verses_for_a_template(capsys, tmp_path) -> None:
    db = tmp_path / "s.sqlite3"
    args = ["verses", "--template", "thank-you-referral", "--tone", "formal", "--json"]
    assert main(["--db", str(db), *args]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["occasion"] == "referral" and {v["tone"] for v in found} == {"formal"}
    assert main(["--db", str(db), "verses", "--occasion", "wedding"]) == 2
    assert "has no verses for 'wedding'" in capsys.readouterr().err
