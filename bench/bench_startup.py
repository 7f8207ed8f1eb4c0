#!/usr/bin/env python3
"""Desktop app startup with 5,000 contacts: time to the first painted window.

    .venv/bin/python bench/bench_startup.py [--contacts 5000] [--runs 5]

Generates the contacts into a temporary database through the store (some with photos,
some with non-Latin names), then starts the app in a fresh process for each run
(offscreen) and measures, from the moment the process is launched:

* first paint: the main window's first paint event (target: under 2 s);
* contacts listed: the contact table holding every row (loaded on the store thread).

For comparison it also times a bare PySide6 window in a fresh process: the floor that
importing Qt and showing any window costs on this machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 2.0

GIVEN = [
    "Zoë",
    "Priya",
    "Daniel",
    "Анна",
    "王",
    "Henrik",
    "Maria",
    "Kwame",
    "Siobhán",
    "Lukas",
    "Aisha",
    "Hiroshi",
    "Camille",
    "Olivia",
    "Chinedu",
    "Grace",
    "Mateo",
    "Noor",
    "Elif",
    "Tomás",
]
FAMILY = [
    "Ångström-Núñez",
    "Raman",
    "Cohen",
    "Смирнова",
    "小明",
    "Lund",
    "Lopez",
    "Mensah",
    "Ní Bhriain",
    "Müller",
    "Bello",
    "Sato",
    "Laurent",
    "Davis",
    "Okafor",
    "Kim",
    "García",
    "Haddad",
    "Yılmaz",
    "Silva",
]
CITIES = [
    ("Portland", "OR", "97205", "US"),
    ("Berlin", "", "10115", "DE"),
    ("Toronto", "ON", "M5V 2T6", "CA"),
    ("London", "", "SW1A 1AA", "GB"),
    ("Tokyo", "", "150-8512", "JP"),
    ("Lagos", "", "100001", "NG"),
]


def _photo() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (96, 96), tuple(random.randrange(40, 220) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def generate(db: Path, count: int) -> None:
    """``count`` realistic contacts written through the store, one transaction."""
    from studio.model import Address, Contact, Email, PartialDate, Phone
    from studio.store import open_store

    random.seed(7)
    photo = _photo()
    with open_store(db) as store, store.transaction():
        for n in range(count):
            given, family = random.choice(GIVEN), random.choice(FAMILY)
            city, region, code, country = random.choice(CITIES)
            year = random.choice([None, *range(1950, 2001)])
            store.contacts.add(
                Contact(
                    given_name=given,
                    family_name=f"{family}{'' if n < len(FAMILY) else f' {n}'}",
                    emails=[Email(f"person{n}@example.com", "home")],
                    phones=[Phone(f"+1 555 01{n % 100:02d}", "mobile")],
                    addresses=[
                        Address(
                            street=f"{n} Main Street",
                            city=city,
                            region=region,
                            postal_code=code,
                            country=country,
                            label="home",
                        )
                    ],
                    birthday=PartialDate(random.randint(1, 12), random.randint(1, 28), year),
                    tags=random.sample(["customer", "vip", "team", "prospect"], k=random.randint(1, 2)),
                    photo=photo if n % 10 == 0 else None,
                    photo_type="image/jpeg" if n % 10 == 0 else "",
                )
            )


CHILD_APP = r"""
import os, sys, time
t0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from studio.paths import AppPaths
from studio.ui.app import create_application, open_window
from pathlib import Path
app = create_application()
home = Path(os.environ["CARD_STUDIO_HOME"])
window, context = open_window(AppPaths(data_dir=home, db_path=Path(sys.argv[1])))
marks = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in marks:
            marks["first_paint"] = time.time() - t0
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.resize(1280, 800)
window.show()
expected = int(sys.argv[2])
def check():
    if window.contacts_view.model.rowCount() >= expected and "first_paint" in marks:
        marks["contacts_listed"] = time.time() - t0
        print("RESULT", __import__("json").dumps(marks), flush=True)
        window.close()
        context.shutdown()
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
app.exec()
"""

CHILD_BARE = r"""
import os, time
t0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("RESULT", __import__("json").dumps({"first_paint": time.time() - t0}), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.resize(1280, 800)
window.show()
app.exec()
"""


def run_child(code: str, args: list[str], home: Path) -> dict[str, float]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CARD_STUDIO_HOME=str(home),
        PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    env["BENCH_T0"] = repr(time.time())
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"the app did not report (exit {done.returncode}):\n{done.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="card-studio-bench-") as tmp:
        db = Path(tmp) / "bench.sqlite3"
        started = time.perf_counter()
        generate(db, args.contacts)
        print(
            f"generated {args.contacts} contacts in {time.perf_counter() - started:.1f} s "
            f"({db.stat().st_size / 1e6:.1f} MB)"
        )
        run_child(CHILD_APP, [str(db), str(args.contacts)], Path(tmp) / "warm")  # warm the OS file cache
        app_runs = [
            run_child(CHILD_APP, [str(db), str(args.contacts)], Path(tmp) / f"home{i}")
            for i in range(args.runs)
        ]
        bare_runs = [run_child(CHILD_BARE, [], Path(tmp) / "bare") for _ in range(args.runs)]

    def row(name: str, values: list[float], target: str = "") -> str:
        return (
            f"| {name:<38} | {statistics.median(values):6.2f} s | {min(values):6.2f} s | "
            f"{max(values):6.2f} s | {target:<10} |"
        )

    paint = [r["first_paint"] for r in app_runs]
    listed = [r["contacts_listed"] for r in app_runs]
    print(f"\nStartup with {args.contacts:,} contacts, {args.runs} runs each (offscreen, fresh process)\n")
    print("| measure                                | median   | best     | worst    | target     |")
    print("|----------------------------------------|----------|----------|----------|------------|")
    verdict = "ok" if statistics.median(paint) < TARGET_S else "MISSED"
    print(row("Card Studio: first painted window", paint, f"< {TARGET_S:g} s {verdict}"))
    print(row(f"Card Studio: all {args.contacts:,} contacts listed", listed))
    print(row("bare PySide6 window (the floor)", [r["first_paint"] for r in bare_runs]))
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
