"""When a customer will want to order again: their own rhythm of ordering.

The typical interval is the median of the gaps between their orders (one late order
does not drag it as a mean would); with a single order there is no interval yet.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable


def typical_gap(order_dates: Iterable[dt.date]) -> int | None:
    """The median number of days between consecutive orders; None with fewer than two.

    Orders on the same day count as one.
    """
    days = sorted(set(order_dates))
    if len(days) < 2:
        return None
    gaps = [(later - earlier).days for earlier, later in zip(days, days[1:], strict=False)]
    return round(statistics.median(gaps))


def reorder_date(order_dates: Iterable[dt.date]) -> dt.date | None:
    """The day the next order is due by the customer's typical interval, counted from the
    last order; None when the interval is not known yet."""
    days = sorted(set(order_dates))
    gap = typical_gap(days)
    return days[-1] + dt.timedelta(days=gap) if gap is not None else None
