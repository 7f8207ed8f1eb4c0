"""Today benchmark (issue 11): the Today view over a 20,000-contact store.

    .venv/bin/python bench/bench_today.py [--count 20000]

The contacts are the startup benchmark's (birthdays on random days, some with photos, tags
customer/vip/team/prospect), written through the store; a few hundred orders are recorded
so thank-you cards are due, and a quarter of the contacts are enrolled in the "new customer"
follow-up sequence on days spread over the last 60, the steps of more than a week ago done
(``--heavy``: none done, every step of two months waiting). Measured, each in a fresh process:
the services call behind Today (`studio.ui.today.loading.load_today`: `today_report` +
`list_upcoming`, the due steps and the results) the first time and as the desktop refreshes
it (keeping everyone's occasions between refreshes and working out again only the contacts
that changed), and the Today view appearing in a window (offscreen) until its lists are
filled. Target: under 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import measure, print_table  # noqa: E402

TODAY = dt.date(2026, 11, 20)
TARGET_MS = 300


def build(db: Path, count: int, heavy: bool = False) -> None:
    from bench_startup import generate

    from studio.store import open_store
    from studio.store.history import Event

    generate(db, count)
    with open_store(db) as store, store.transaction():
        for contact_id in range(1, count + 1, max(1, count // 300)):
            store.history.add_event(
                Event(contact_id, "order", TODAY - dt.timedelta(days=contact_id % 20))
            )
        for contact_id in range(1, count + 1, 4):
            day = TODAY - dt.timedelta(days=contact_id % 60)
            enrolment = store.sequences.enrol(contact_id, "new-customer", day, day, day, "first-order")
            for step, shown in ((1, 1), (2, 14), (3, 44)):  # a distributor keeps up: a week's steps wait
                if enrolment and not heavy and day + dt.timedelta(days=shown) < TODAY - dt.timedelta(days=7):
                    store.sequences.record_step(enrolment, step, "done", day + dt.timedelta(days=shown))


def services_call(db: str) -> dict:
    """The first Today in a fresh process, then the refreshes the desktop makes (its cache kept)."""
    import time

    from studio.model import PartialDate
    from studio.services.occasion_cache import OccasionCache
    from studio.store import open_store
    from studio.store.history import Event
    from studio.ui.today.loading import load_today

    def timed(work) -> float:  # noqa: ANN001
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    cache = OccasionCache()
    with open_store(Path(db)) as store:
        data = load_today(store, TODAY, cache=cache)
        unchanged_s = min(timed(lambda: load_today(store, TODAY, cache=cache)) for _ in range(3))
        with store.transaction():
            store.history.add_event(Event(3, "call", TODAY))
        call_s = timed(lambda: load_today(store, TODAY, cache=cache))
        contact = store.contacts.get(7)
        contact.birthday = PartialDate(TODAY.month, TODAY.day, 1980)
        with store.transaction():
            store.contacts.update(contact)
        edit_s = timed(lambda: load_today(store, TODAY, cache=cache))
        uncached_s = timed(lambda: load_today(store, TODAY))
        from studio.services.results import results_report
        from studio.services.sequences import due_steps

        started = time.perf_counter()
        steps = due_steps(store, TODAY, None)
        steps_s = time.perf_counter() - started
        started = time.perf_counter()
        results_report(store, TODAY)
        results_s = time.perf_counter() - started
    report = data.report
    return {"due": data.due_cards, "upcoming": len(data.upcoming), "not_thanked": len(report.not_thanked),
            "unchanged_s": unchanged_s, "call_s": call_s, "edit_s": edit_s, "uncached_s": uncached_s,
            "steps": len(steps), "steps_s": steps_s, "results_s": results_s}


def view_appears(db: str, home: str) -> dict:
    """From creating the Today view until its lists are filled (the store opened, Qt started)."""
    import time

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from studio.paths import AppPaths
    from studio.ui.context import AppContext
    from studio.ui.today.view import TodayView

    app = QApplication.instance() or QApplication([])
    context = AppContext.create(AppPaths(data_dir=Path(home), db_path=Path(db)), lambda: TODAY)
    marks: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and "painted_s" not in marks:
                marks["painted_s"] = time.perf_counter() - started
                marks["busy_bar"] = view.loading_bar.isVisible()
            return False

    watcher = FirstPaint()
    started = time.perf_counter()
    view = TodayView(context)
    view.installEventFilter(watcher)
    view.resize(1280, 800)
    view.show()
    longest_gap, last = 0.0, time.perf_counter()
    while view.data is None or "painted_s" not in marks:
        app.processEvents()
        now = time.perf_counter()
        longest_gap, last = max(longest_gap, now - last), now
        time.sleep(0.001)
    app.processEvents()
    shown = time.perf_counter() - started
    rows = view.due_rows.count() + view.upcoming_rows.count()
    context.tasks.shutdown()
    context.store.shutdown()
    return {"shown_s": shown, "rows": rows, "gap_s": longest_gap, **marks}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--heavy", action="store_true", help="no follow-up step ever done")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        build(db, args.count, args.heavy)
        services_call(str(db))  # once to bring the store up to date and warm the file cache
        rows = []
        result = measure("bench_today", "services_call", str(db))
        extra = result["extra"]
        timed_apart = ("unchanged_s", "call_s", "edit_s", "uncached_s", "steps_s", "results_s")
        first_s = result["seconds"] - sum(extra[k] for k in timed_apart)
        rows.append(("services: load_today, first call in a fresh process",
                     f"{first_s * 1000:.0f} ms", "imports and the holiday calendars included",
                     f"{result['peak_mb']:.0f} MB"))
        refreshes = (("unchanged_s", "nothing changed"), ("call_s", "a call was logged"),
                     ("edit_s", "a contact's birthday was changed"))
        for key, why in refreshes:
            rows.append((f"services: refresh after {why}", f"{extra[key] * 1000:.0f} ms",
                         f"{extra['due']} due, {extra['upcoming']} coming, {extra['not_thanked']} not thanked"
                         if key == "unchanged_s" else "", ""))
        rows.append(("services: a refresh without the desktop's cache",
                     f"{extra['uncached_s'] * 1000:.0f} ms", "what the CLI's today does", ""))
        rows.append(("services: due_steps (the Follow-ups, part of load_today)",
                     f"{extra['steps_s'] * 1000:.0f} ms",
                     f"{extra['steps']} steps due of {args.count // 4:,} enrolments", ""))
        rows.append(("services: results_report (the Results chart, part of load_today)",
                     f"{extra['results_s'] * 1000:.0f} ms", "", ""))
        result = measure("bench_today", "view_appears", str(db), str(Path(tmp) / "home"))
        extra = result["extra"]
        if "painted_s" in extra:
            rows.append(("Today view: created until first painted",
                         f"{extra['painted_s'] * 1000:.0f} ms",
                         "busy bar showing" if extra["busy_bar"] else "lists already filled", ""))
        rows.append(("Today view: created until its lists are filled",
                     f"{extra['shown_s'] * 1000:.0f} ms",
                     f"{extra['rows']} lines built", f"{result['peak_mb']:.0f} MB"))
        rows.append(("GUI thread: longest wait between events while loading",
                     f"{extra['gap_s'] * 1000:.0f} ms", "", ""))
    print_table(f"Today over {args.count:,} contacts (today = {TODAY}, target < {TARGET_MS} ms)",
                ["step", "time", "content", "peak memory"], rows)


if __name__ == "__main__":
    main()
