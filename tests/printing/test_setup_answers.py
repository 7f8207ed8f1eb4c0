"""The printer setup's answers as profile settings: duplex, stack, turn, the back's offset from
the window test, and the calibration page's measurements; and the summary in words."""

from __future__ import annotations

import pytest

from studio.errors import UsageError
from studio.model import Calibration, PrinterProfile
from studio.printing.setup_answers import (
    CalibrationReading,
    CrossReading,
    SetupAnswers,
    apply_answers,
    stack_sights,
    summary,
)


def test_short_edge_face_up_and_the_cross_set_duplex_stack_and_back_offset() -> None:
    before = PrinterProfile(name="Office laser", queue="laser", margin_mm=3.0)
    after = apply_answers(before, SetupAnswers(duplex="short", stack="face-up",
                                               cross=CrossReading(right=1.5, down=-0.5)))
    assert (after.duplex, after.stack) == ("short", "face-up")
    # The back moves back onto the front: the other way from where its cross was seen.
    assert (after.back_offset_x, after.back_offset_y) == (-1.5, 0.5)
    kept = (after.name, after.queue, after.margin_mm, after.manual_turn)
    assert kept == ("Office laser", "laser", 3.0, "long")
    assert summary(before, after) == [
        "Prints two-sided, turned over the short edge (was two-sided, turned over the long edge).",
        "Output tray: face up, last page on top (was face down, pages in order).",
        "Card backs move 1.5 mm left and 0.5 mm down (seen from the front) to line up with the fronts.",
    ]


def test_nothing_answered_changes_nothing() -> None:
    before = PrinterProfile(duplex="short", back_offset_x=1.0)
    assert apply_answers(before, SetupAnswers()) == before
    assert summary(before, before) == []


def test_a_manual_printer_keeps_its_back_offset_and_gets_its_turn() -> None:
    before = PrinterProfile(back_offset_x=0.5)
    after = apply_answers(before, SetupAnswers(duplex="manual", stack="face-up", manual_turn="short",
                                               cross=CrossReading(2.0, 2.0)))
    assert (after.duplex, after.manual_turn, after.back_offset_x) == ("manual", "short", 0.5)
    assert "Turn the printed stack over its top edge (was over its side edge, like a book page)." \
        in summary(before, after)


def test_what_lies_on_top_means_face_down_or_up_for_each_kind_of_printer() -> None:
    assert [(s.seen, s.stack) for s in stack_sights("long")] == [("back-words", "face-down"),
                                                                 ("big-2", "face-up")]
    # One side per sheet: the last page is "back of sheet 2"; its words on top mean face up.
    assert [(s.seen, s.stack) for s in stack_sights("manual")] == [("blank", "face-down"),
                                                                   ("back-words", "face-up")]


def test_the_calibration_page_sets_offset_and_scale_from_what_it_was_drawn_with() -> None:
    drawn = Calibration(offset_x=1.0, offset_y=0.0, scale_x=1.0, scale_y=1.0)
    before = PrinterProfile(labels=drawn, cards=Calibration(offset_x=3.0))
    reading = CalibrationReading(kinds=("labels", "envelopes"), right=0.5, down=-1.25, ruler_x=151.5,
                                 ruler_y=None, drawn_with=drawn)
    after = apply_answers(before, SetupAnswers(calibration=reading))
    assert after.labels == after.envelopes == Calibration(0.5, 1.25, round(150 / 151.5, 4), 1.0)
    assert after.cards == Calibration(offset_x=3.0)  # not chosen: untouched
    lines = summary(before, after)
    assert "Labels: shift 0.5 mm right and 1.25 mm down, scale 0.990 across and 1.000 down." in lines
    assert any(line.startswith("Envelopes: ") for line in lines) and not any("Cards" in x for x in lines)


def test_measurements_a_printer_cannot_be_off_by_are_refused_in_words() -> None:
    with pytest.raises(UsageError, match="ruler's length"):
        apply_answers(PrinterProfile(), SetupAnswers(calibration=CalibrationReading(ruler_x=100.0)))
    with pytest.raises(UsageError, match="red cross"):
        apply_answers(PrinterProfile(), SetupAnswers(calibration=CalibrationReading(right=25.0)))
    with pytest.raises(UsageError, match="crooked"):
        apply_answers(PrinterProfile(), SetupAnswers(cross=CrossReading(right=12.0)))
