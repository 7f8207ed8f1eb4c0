"""Run every benchmark in bench/ in turn and print their tables.

    .venv/bin/python bench/run_all.py [--skip carddav,cards]

Each bench runs as its own process with its default sizes; one that fails is reported and
the others still run. The exit status is 1 when any failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
BENCHES = ("import", "sheet_import", "today", "carddav", "cards", "labels", "mailing", "orders", "startup",
           "designer")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip", default="", help="benches to leave out, by name (e.g. carddav,cards)")
    skip = {name.strip() for name in parser.parse_args().skip.split(",") if name.strip()}
    failed = []
    for name in BENCHES:
        if name in skip:
            continue
        print(f"\n=== bench_{name}.py", flush=True)
        if subprocess.run([sys.executable, str(BENCH_DIR / f"bench_{name}.py")], check=False).returncode:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
