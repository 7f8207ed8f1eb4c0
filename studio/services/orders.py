"""Orders from the back office: importing an export, and what a customer buys.

`import_orders` reads a CSV/XLSX order export (`orders.columns`, `orders.rows`), finds each
order's contact (`order_customers`) and records every new order as an "order" touch with its
amount and items, from source "orders:FILE": a touch, and a thank-you due. The whole export is
one transaction: a failure or a cancel leaves the store as it was. Importing the same export
again adds nothing (each order's ``ref``, `orders.rows`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from studio.errors import StudioError
from studio.model import Contact
from studio.orders.columns import (
    CUSTOMER_FIELDS,
    ORDER_FIELDS,
    UnknownOrderColumns,
    order_map_text,
    order_targets,
    suggested_order_fields,
)
from studio.orders.rows import SkippedRow, read_orders
from studio.orders.summary import Order, OrderSummary, summarise
from studio.paths import AppPaths
from studio.progress import NO_PROGRESS, Progress
from studio.services.contact_ref import find_contact
from studio.services.order_customers import CustomerFinder
from studio.services.sheets import sheet_locale
from studio.sources.tables import Table, read_table
from studio.store import Store
from studio.store.column_maps import ORDERS
from studio.store.history import Event

__all__ = ["CUSTOMER_FIELDS", "ORDER_FIELDS", "OrderImportReport", "OrderSummary", "UnknownOrderColumns",
           "import_orders", "order_summary", "orders_needing_map", "orders_of", "save_order_map",
           "suggested_order_fields"]


@dataclass
class OrderImportReport:
    """What an order import did (or, with ``dry_run``, would do)."""

    file: str
    added: int = 0
    already: int = 0  # orders imported before (the same order id or row)
    created: list[tuple[int, str]] = field(default_factory=list)  # (contact id, name) of new customers
    enrolled: int = 0  # follow-up sequences started by the new orders (`services.sequences`)
    sequence_problems: list[str] = field(default_factory=list)  # sequence files left out, and why
    skipped: list[SkippedRow] = field(default_factory=list)
    matched: Counter[str] = field(default_factory=Counter)  # how orders found their contact
    column_map: str = ""
    dry_run: bool = False

    @property
    def problems(self) -> list[SkippedRow]:  # the import report dialog lists these by line
        return self.skipped

    @property
    def rejected(self) -> list[tuple[str, str]]:
        return []

    @property
    def no_problems(self) -> str:
        return "Every row was read without a problem."

    def headline(self) -> str:
        verb = "to add" if self.dry_run else "added"
        text = (f"{Path(self.file).name}: {_count(self.added, 'order')} {verb}, "
                f"{self.already} already there, "
                f"{_count(len(self.created), 'new customer')}, {_count(len(self.skipped), 'row')} skipped")
        return text + (" (dry run: nothing was saved)" if self.dry_run else "")

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "added": self.added, "already": self.already,
                "created": [{"contact_id": i, "contact_name": n} for i, n in self.created],
                "skipped": [{"line": s.line, "why": s.why} for s in self.skipped],
                "matched": dict(self.matched), "column_map": self.column_map, "dry_run": self.dry_run,
                "enrolled": self.enrolled, "sequence_problems": self.sequence_problems}


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'' if number == 1 else 's'}"


class _DryRun(Exception):
    """Raised inside the transaction to undo a dry run's writes."""


def import_orders(store: Store, path: Path, *, column_map: str | None = None, dry_run: bool = False,
                  progress: Progress = NO_PROGRESS, today: dt.date | None = None,
                  paths: AppPaths | None = None) -> OrderImportReport:
    """Import one order export; raises StudioError naming the file when it cannot be read,
    `UnknownOrderColumns` when its columns need a map (``column_map``: map text
    ``"Column=field,…"`` or the name of a saved one; the map used is saved for this header
    row unless ``dry_run``). The customers who ordered are enrolled in the order-triggered
    follow-up sequences as of ``today`` (default: the system date; ``paths`` finds the
    user's own sequences)."""
    from studio.services.sequences import enrol_after_orders

    path = Path(path)
    progress.step(0, 0, f"Reading {path.name}")
    table = read_table(path)
    targets = order_targets(table, _column_map(store, table, column_map))
    orders, skipped = read_orders(table, targets, sheet_locale(store.settings.load()))
    report = OrderImportReport(str(path), skipped=skipped, dry_run=dry_run,
                               column_map=order_map_text(table.headers, targets))
    source = f"orders:{path.name}"
    try:
        with store.transaction():
            finder = CustomerFinder(store, store.contacts.home_country())
            ordered: set[int] = set()
            for number, order in enumerate(orders):
                if number % 200 == 0:
                    progress.step(number, len(orders), f"{path.name}: {number} of {len(orders)} orders")
                if store.history.has_ref(order.ref):
                    report.already += 1
                    continue
                contact_id, how = finder.contact_for(order)
                report.matched[how] += 1
                store.history.add_event(Event(contact_id, "order", order.date, order.items,
                                              amount=order.amount, source=source, ref=order.ref))
                report.added += 1
                ordered.add(contact_id)
            progress.step(len(orders), len(orders), f"{path.name}: saving")  # a cancel still undoes all
            report.created = finder.created
            report.enrolled = enrol_after_orders(store, ordered, today or dt.date.today(), paths=paths,
                                                 problems=report.sequence_problems)
            if column_map:
                store.column_maps.save(path.stem, table.headers, report.column_map, purpose=ORDERS)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def orders_needing_map(store: Store, path: Path) -> Table | None:
    """The export's table when its columns need the user to say what they hold (no recognised
    order date or customer, no saved map for its header row); None when it can be read as it
    is, or cannot be read at all (the import reports that)."""
    try:
        table = read_table(Path(path))
        order_targets(table, _column_map(store, table, None))
    except UnknownOrderColumns as exc:
        return exc.table
    except StudioError:
        return None
    return None


def save_order_map(store: Store, name: str, headers: list[str], mapping: str) -> None:
    """Remember ``mapping`` for order exports with these headers; raises StudioError when it
    does not fit them."""
    order_targets(Table(name, headers), mapping)
    with store.transaction():
        store.column_maps.save(name, headers, mapping, purpose=ORDERS)


def order_summary(store: Store, contact_id: int) -> OrderSummary:
    """A contact's orders (recorded with `studio log` or imported) and what they add up to."""
    return summarise(Order(e.date, e.note, e.amount, e.source)
                     for e in store.history.events(contact_id=contact_id, kinds=["order"]))


def orders_of(store: Store, contact_ref: str) -> tuple[Contact, OrderSummary]:
    """The contact ``contact_ref`` names (an id or a search) and their orders."""
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    return contact, order_summary(store, contact.id)


def _column_map(store: Store, table: Table, given: str | None) -> str | None:
    if given and "=" not in given:
        saved = store.column_maps.by_name(given, purpose=ORDERS)
        if saved is None:
            known = store.column_maps.names(purpose=ORDERS)
            raise StudioError(f"no saved order column map called {given!r}"
                              + (f" (saved: {', '.join(known)})" if known else ""))
        return saved
    if given:
        return given
    found = store.column_maps.for_headers(table.headers, purpose=ORDERS)
    return found[1] if found else None
