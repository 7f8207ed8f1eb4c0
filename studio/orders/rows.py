"""The orders of a back-office export: each row read into an `OrderRow`, or skipped with why.

A row needs a date with a year and someone who ordered; the amount may be missing but not
unreadable. Each order gets a ``ref`` that is the same whenever the same export is read
again: "order:<order id>", or without an id a hash of the row's cells that matter, read
and normalised (so a re-saved export with other spacing, case or column order is the same).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from studio.contacts.names import split_display_name
from studio.model import Address, Contact, Email, Phone
from studio.orders.amounts import parse_amount
from studio.orders.columns import CUSTOMER_FIELDS
from studio.sources.tables import Table
from studio.sources.typed_dates import parse_typed_date

CUSTOMER_TAG = "customer"
# "2026-11-20T14:03:00Z", "11/20/2026 2:15 PM", "20.11.2026 14:03": the time is no part of the day.
_TIME = re.compile(r"[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
                   r"\s*(?:z|utc|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)


@dataclass(frozen=True)
class OrderRow:
    """One order as the export gives it (text fields "" where the export has no column)."""

    line: int
    date: dt.date
    ref: str
    order_id: str = ""
    customer_number: str = ""
    name: str = ""
    given_name: str = ""
    family_name: str = ""
    email: str = ""
    phone: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    items: str = ""
    amount: float | None = None

    @property
    def customer_name(self) -> str:
        return self.name or f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class SkippedRow:
    """A row that was not imported; `str()` is ``FILE:LINE: why``, as import problems are."""

    source: str
    line: int
    why: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.why}"


def read_orders(table: Table, targets: dict[int, str], locale: str = "en_US"
                ) -> tuple[list[OrderRow], list[SkippedRow]]:
    """The orders of ``table`` read by ``targets`` (column index → `ORDER_FIELDS` name).

    Rows sharing an order id are one order's lines (exports of one row per product): their
    items are joined, and their amounts summed unless every line repeats the same total.
    """
    orders: list[OrderRow] = []
    skipped: list[SkippedRow] = []
    lines: dict[str, list[OrderRow]] = {}  # order id -> its rows, to join
    seen: Counter[str] = Counter()
    for line, cells in table.rows:
        values = {field: " ".join(cells[i].split()) for i, field in targets.items()}
        try:
            order = _order(line, values, locale)
        except ValueError as exc:
            skipped.append(SkippedRow(table.source, line, str(exc)))
            continue
        seen[order.ref] += 1
        if seen[order.ref] > 1 and not order.order_id:
            # The same order twice in one export without an order id (two alike on one day):
            # both count, and the second keeps its own ref when the file is imported again.
            order = _with_ref(order, f"{order.ref}#{seen[order.ref]}")
        elif seen[order.ref] > 1:
            lines[order.ref].append(order)
            continue
        else:
            lines[order.ref] = [order]
        orders.append(order)
    return [_joined(lines[o.ref]) if len(lines.get(o.ref, ())) > 1 else o for o in orders], skipped


def _joined(rows: list[OrderRow]) -> OrderRow:
    """One order from its lines: the first line's customer and date, every line's items."""
    items = "; ".join(dict.fromkeys(r.items for r in rows if r.items))
    amounts = [r.amount for r in rows if r.amount is not None]
    if not amounts:
        amount = None
    elif len(set(amounts)) == 1 and len(amounts) > 1:
        amount = amounts[0]  # the order's total on every line
    else:
        amount = round(sum(amounts), 2)
    return replace(rows[0], items=items, amount=amount)


@lru_cache(maxsize=4096)  # an export has a few hundred days over thousands of rows
def parse_order_date(text: str, locale: str = "en_US") -> dt.date:
    """The day of an order cell; raises ValueError with a sentence for the user."""
    value = _TIME.sub("", text.strip())
    if not value:
        raise ValueError("the order date is empty")
    try:
        day = parse_typed_date(value, locale).date
    except ValueError as exc:
        raise ValueError(f"the order date: {exc}") from None
    if day.year is None:
        raise ValueError(f"the order date {text!r} has no year")
    return dt.date(day.year, day.month, day.day)


def customer_contact(order: OrderRow) -> Contact:
    """The contact an order's customer details make: a customer, with what the export gives."""
    parts = split_display_name(order.name) if order.name and not (order.given_name or order.family_name) \
        else None
    address = Address(street=order.street, city=order.city, region=order.region,
                      postal_code=order.postal_code, country=order.country)
    # A row naming the customer only by number still makes someone the user can find.
    shown = order.name or ("" if order.given_name or order.family_name or order.email or order.phone
                           else f"Customer {order.customer_number}")
    return Contact(
        display_name=shown,
        given_name=order.given_name or (parts.given if parts else ""),
        family_name=order.family_name or (parts.family if parts else ""),
        additional_names=parts.additional if parts else "",
        prefix=parts.prefix if parts else "",
        suffix=parts.suffix if parts else "",
        emails=[Email(order.email)] if "@" in order.email else [],
        phones=[Phone(order.phone)] if order.phone else [],
        addresses=[] if address.is_empty() else [address],
        tags=[CUSTOMER_TAG])


def _order(line: int, values: dict[str, str], locale: str) -> OrderRow:
    date = parse_order_date(values.get("order_date", ""), locale)
    try:
        amount = parse_amount(values.get("amount", ""))
    except ValueError as exc:
        raise ValueError(f"the amount: {exc}") from None
    text = {f: v for f, v in values.items() if f not in ("order_date", "amount")}
    if not any(text.get(f) for f in CUSTOMER_FIELDS):
        raise ValueError("no customer: the row has no customer number, e-mail, phone or name")
    order_id = text.get("order_id", "")
    ref = f"order:{order_id}" if order_id else _row_hash(date, amount, text)
    return OrderRow(line=line, date=date, ref=ref, amount=amount, **text)


def _row_hash(date: dt.date, amount: float | None, text: dict[str, str]) -> str:
    name = text.get("name") or f"{text.get('given_name', '')} {text.get('family_name', '')}".strip()
    cells = [date.isoformat(), text.get("customer_number", "").casefold(), text.get("email", "").casefold(),
             re.sub(r"\D", "", text.get("phone", "")), name.casefold(), text.get("items", "").casefold(),
             "" if amount is None else f"{amount:.2f}"]
    return "row:" + hashlib.sha1("\x1f".join(cells).encode()).hexdigest()[:24]


def _with_ref(order: OrderRow, ref: str) -> OrderRow:
    return replace(order, ref=ref)
