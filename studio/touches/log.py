"""A contact's touches, recorded and derived: every call, message, order… and every card of
a mailing once it is posted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

CARD = "card"  # the kind of a touch made by a posted mailing


@dataclass(frozen=True)
class Touch:
    """One touch, as `studio touches --json` lists it."""

    date: dt.date
    kind: str  # a TOUCH_KINDS kind, or "card"
    note: str = ""
    amount: float | None = None
    source: str = "manual"  # "manual", "mailing:ID" or "orders:FILE"
    event_id: int | None = None  # the recorded event, when it is one (a card is not)

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "kind": self.kind, "note": self.note,
                "amount": self.amount, "source": self.source}


def newest_first(touches: Iterable[Touch]) -> list[Touch]:
    """Touches by date, the latest first (on one day, the one recorded last first)."""
    return sorted(touches, key=lambda t: (t.date, t.event_id or 0), reverse=True)
