"""The reorder date comes from the customer's own gaps between orders."""

from __future__ import annotations

import datetime as dt

from studio.orders.reorder import reorder_date, typical_gap


def test_the_reorder_date_from_gaps_of_28_30_and_35_days() -> None:
    first = dt.date(2026, 6, 1)
    orders = [first + dt.timedelta(days=offset) for offset in (0, 28, 58, 93)]
    assert typical_gap(orders) == 30  # the median, not the mean (31)
    assert reorder_date(reversed(orders)) == orders[-1] + dt.timedelta(days=30)


def test_one_order_gives_no_reorder_date_and_same_day_orders_count_once() -> None:
    day = dt.date(2026, 6, 1)
    assert typical_gap([day]) is None and reorder_date([day, day]) is None
    assert typical_gap([day, day, day + dt.timedelta(days=10)]) == 10
