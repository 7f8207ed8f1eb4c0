"""What a customer buys: their orders, first and last, count, total and when they will reorder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from studio.orders.reorder import reorder_date, typical_gap


@dataclass(frozen=True)
class Order:
    date: dt.date
    items: str = ""
    amount: float | None = None
    source: str = "manual"  # "manual" (`studio log`) or "orders:FILE"

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "items": self.items, "amount": self.amount,
                "source": self.source}


@dataclass(frozen=True)
class OrderSummary:
    """A contact's orders, oldest first, and what they add up to."""

    orders: list[Order] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.orders)

    @property
    def first(self) -> dt.date | None:
        return self.orders[0].date if self.orders else None

    @property
    def last(self) -> dt.date | None:
        return self.orders[-1].date if self.orders else None

    @property
    def total(self) -> float:
        """The sum of the known amounts (orders without one count as nothing)."""
        return round(sum(o.amount for o in self.orders if o.amount is not None), 2)

    @property
    def typical_gap(self) -> int | None:
        return typical_gap(o.date for o in self.orders)

    @property
    def reorder_date(self) -> dt.date | None:
        """When they will likely order again (`reorder.reorder_date`); None below two orders."""
        return reorder_date(o.date for o in self.orders)

    def headline(self) -> str:
        """"2 orders, 152.40 in all, first 2026-01-05, last 2026-03-10, reorder around
        2026-04-07 (every 28 days)"; "No orders yet" without any."""
        if self.first is None or self.last is None:
            return "No orders yet"
        text = (f"{self.count} order{'s' if self.count != 1 else ''}, {self.total:.2f} in all, "
                f"first {self.first.isoformat()}, last {self.last.isoformat()}")
        if self.reorder_date is not None:
            text += f", reorder around {self.reorder_date.isoformat()} (every {self.typical_gap} days)"
        return text

    def to_json(self) -> dict[str, object]:
        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {"count": self.count, "total": self.total, "first_order": day(self.first),
                "last_order": day(self.last), "typical_gap_days": self.typical_gap,
                "reorder_date": day(self.reorder_date), "orders": [o.to_json() for o in self.orders]}


def summarise(orders: Iterable[Order]) -> OrderSummary:
    return OrderSummary(sorted(orders, key=lambda o: o.date))
