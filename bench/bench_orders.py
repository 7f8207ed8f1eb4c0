"""Order import benchmark (issue 16): a 50,000-order back-office export over 5,000 customers.

    .venv/bin/python bench/bench_orders.py [--customers 5000] [--orders 50000]

The store holds the startup benchmark's contacts (some with photos); the export (CSV, the
columns of a typical direct-ship back office: Order Date, Order #, Customer ID, First Name,
Last Name, Email, Phone, Products, Total) has ten orders per customer over the last year,
one customer in ten not in the address book yet (created by the import). Measured, each in
a fresh process: the import into that store (one transaction), the same export imported
again (every order already there), the import's peak Python memory with tracemalloc (a run
of its own: tracing slows it down), and Today (`services.occasions.today_overview`, the
call behind the Today view) over the store afterwards. Target for Today: under 300 ms.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import measure, print_table  # noqa: E402

TODAY = dt.date(2026, 12, 7)
TARGET_MS = 300
PRODUCTS = ["Daily Greens", "Protein Shake", "Night Cream", "Starter Kit", "Eye Gel", "Lip Balm", "Omega-3"]


def build(db: Path, export: Path, customers: int, orders: int) -> None:
    from bench_startup import generate

    from studio.store import open_store

    known = int(customers * 0.9)  # nine in ten are in the store; the rest are new customers
    generate(db, known)
    with open_store(db) as store:
        people = [(c.given_name, c.family_name, c.emails[0].value)
                  for c in store.contacts.everyone(photos=False)]
    people += [("Pat", f"Newcustomer {n}", f"new{n}@example.org") for n in range(customers - known)]
    random.seed(16)
    with export.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Order Date", "Order #", "Customer ID", "First Name", "Last Name", "Email", "Phone",
                         "Products", "Total"])
        for number in range(orders):
            person = number % customers
            given, family, email = people[person]
            day = TODAY - dt.timedelta(days=random.randint(0, 365))
            # The first order of each customer names them by e-mail; the later ones only by
            # the customer number the back office gives (which the first one taught).
            writer.writerow([day.strftime("%m/%d/%Y"), f"A-{100000 + number}", f"C-{person}", given,
                             family, email if number < customers else "", "",
                             f"{random.choice(PRODUCTS)} x{random.randint(1, 3)}",
                             f"${random.randint(1500, 250000) / 100:,.2f}"])


def import_export(db: str, export: str, traced: bool = False) -> dict:
    import time
    import tracemalloc

    from studio.services.orders import import_orders
    from studio.store import open_store

    with open_store(Path(db)) as store:
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        report = import_orders(store, Path(export))
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
    return {"s": seconds, "added": report.added, "already": report.already, "created": len(report.created),
            "skipped": len(report.skipped), "traced_mb": peak / 2**20, "matched": dict(report.matched)}


def today(db: str) -> dict:
    import time

    from studio.services.occasion_cache import OccasionCache
    from studio.services.occasions import today_overview
    from studio.store import open_store

    cache = OccasionCache()  # as the desktop keeps one
    with open_store(Path(db)) as store:
        started = time.perf_counter()
        report, coming = today_overview(store, TODAY, 14, cache=cache)
        first = time.perf_counter() - started
        started = time.perf_counter()
        today_overview(store, TODAY, 14, cache=cache)  # again, as a refresh does
        warm = time.perf_counter() - started
        started = time.perf_counter()
        today_overview(store, TODAY, 14)  # the command line's `studio today`: no cache
        uncached = time.perf_counter() - started
    return {"first_s": first, "warm_s": warm, "uncached_s": uncached, "due": len(report.due),
            "due_touch": len(report.due_touch), "coming": len(coming)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--orders", type=int, default=50000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, export = Path(tmp) / "bench.sqlite3", Path(tmp) / "back-office-orders.csv"
        build(db, export, args.customers, args.orders)
        pristine = Path(tmp) / "pristine.sqlite3"
        shutil.copy(db, pristine)
        rows = []
        result = measure("bench_orders", "import_export", str(db), str(export))
        extra = result["extra"]
        rows.append((f"import {args.orders:,} orders (one transaction)", f"{extra['s']:.2f} s",
                     f"{extra['added']:,} added, {extra['created']:,} customers created, "
                     f"matched {extra['matched']}", f"{result['peak_mb']:.0f} MB RSS"))
        result = measure("bench_orders", "import_export", str(db), str(export))
        extra = result["extra"]
        rows.append(("the same export again", f"{extra['s']:.2f} s",
                     f"{extra['added']} added, {extra['already']:,} already there",
                     f"{result['peak_mb']:.0f} MB RSS"))
        result = measure("bench_orders", "import_export", str(pristine), str(export), True)
        rows.append(("import under tracemalloc (fresh store)", f"{result['extra']['s']:.2f} s",
                     "Python allocations traced", f"{result['extra']['traced_mb']:.1f} MB peak traced"))
        result = measure("bench_orders", "today", str(db))
        extra = result["extra"]
        rows.append(("Today: today_overview, first call in a fresh process",
                     f"{extra['first_s'] * 1000:.0f} ms",
                     f"{extra['due']} due, {extra['due_touch']} due a touch, {extra['coming']} coming",
                     f"{result['peak_mb']:.0f} MB RSS"))
        rows.append(("Today: again (a refresh, the desktop's cache kept)", f"{extra['warm_s'] * 1000:.0f} ms",
                     "", ""))
        rows.append(("Today: again without the cache (the CLI)", f"{extra['uncached_s'] * 1000:.0f} ms",
                     "", ""))
    print_table(f"Orders: {args.orders:,} orders over {args.customers:,} customers (today = {TODAY}, "
                f"Today target < {TARGET_MS} ms)", ["step", "time", "content", "memory"], rows)


if __name__ == "__main__":
    main()
