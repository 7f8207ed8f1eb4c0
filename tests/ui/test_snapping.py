"""Snapping a dragged box to the panel's centre lines and safe margins (pure arithmetic)."""

from __future__ import annotations

from studio.ui.cards.snapping import Guide, snap_box


def test_a_box_near_the_centre_line_lands_on_it_with_its_guide() -> None:
    landed = snap_box(25.7, 40.0, 56.0, 20.0, 108.0, 140.0, 5.0, 1.0)  # middle at 53.7; centre 54
    assert landed.x == 26.0 and landed.guides == [Guide(True, 54.0, "centre")]


def test_edges_snap_to_the_safe_margins_and_far_boxes_stay_put() -> None:
    landed = snap_box(5.6, 114.5, 30.0, 20.0, 108.0, 140.0, 5.0, 1.0)
    assert (landed.x, landed.y) == (5.0, 115.0)  # left edge on 5 mm, bottom edge on 135 mm
    assert {g.kind for g in landed.guides} == {"margin"}
    free = snap_box(12.0, 30.0, 30.0, 20.0, 108.0, 140.0, 5.0, 1.0)
    assert (free.x, free.y, free.guides) == (12.0, 30.0, [])
