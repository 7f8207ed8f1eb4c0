"""Shared bench plumbing: run a measured step in a fresh subprocess, print a table."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"

# Runs inside the child: time the step, then report wall time and peak RSS as JSON.
_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
import {module} as m
start = time.perf_counter()
extra = m.{function}(*{args!r})
elapsed = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": elapsed, "peak_mb": peak_mb, "extra": extra}}))
"""


def measure(module: str, function: str, *args: object) -> dict:
    """Run ``module.function(*args)`` in a new Python process; wall seconds and peak MB."""
    code = _CHILD.format(bench=str(BENCH_DIR), module=module, function=function, args=tuple(args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{module}.{function} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
