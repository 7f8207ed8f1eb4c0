"""Mailing benchmark (issue 5): a holiday mailing of 5,000 customers, cards and labels.

    .venv/bin/python bench/bench_mailing.py [--count 5000] [--small 500]

Seeds a store with ``--count`` customers (addresses in nine countries, a tenth with a
50 KB photo, a fifth with non-Latin names), then, each in a fresh process, measures:
the plan alone (who gets a card, skips, mail-by: what ``--dry-run`` does), and the whole
mailing (plan, cards.pdf, labels.pdf on Avery 5160, mailing.csv, history) for ``--small``
and for ``--count`` contacts. The time excludes start-up and imports; memory is the
process' peak resident size. Comparing the small and the full run shows whether memory
grows with the mailing (it should stay nearly flat: cards and labels stream).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent))
from common import OUT_DIR, measure, print_table  # noqa: E402

TEMPLATE = "holiday-snow"
TODAY = "2026-11-20"
GIVEN = ["James", "Mary", "Zoë", "Henrik", "Siobhán", "Chinedu", "Émilie", "Lukas", "Camille", "Priya",
         "Grace", "Owen", "Sofía", "Björn"]
FAMILY = ["Smith", "Ångström-Núñez", "O'Brien", "Okafor", "Tremblay", "Müller", "Dubois", "Raman", "Kim",
          "Murphy", "García", "Larsen"]
NON_LATIN = [("小明", "王"), ("Анна", "Смирнова"), ("由紀", "田中"), ("Иван", "Петров")]
PLACES = [  # (street, city, region, postal code, country) as phones export them
    ("1437 SW Morrison Street", "Portland", "OR", "97205", "United States"),
    ("8320 Lincoln Avenue", "Skokie", "IL", "60077", "USA"),
    ("1902 South Presa Street", "San Antonio", "TX", "78210", ""),
    ("4520 rue Saint-Denis", "Montréal", "QC", "H2J 2L3", "Canada"),
    ("14 Hyde Park Road", "Leeds", "", "LS6 1AB", "United Kingdom"),
    ("22 Sandymount Avenue", "Dublin 4", "", "D04 X2Y7", "Ireland"),
    ("Leopoldstraße 57", "München", "Bayern", "80802", "Deutschland"),
    ("18 rue de la République", "Lyon", "", "69002", "France"),
    ("渋谷2-21-1", "渋谷区", "東京都", "150-0002", "日本"),
    ("浦东新区世纪大道1000号", "上海市", "", "200120", "中国"),
    ("12 Admiralty Way", "Lagos", "Lagos State", "106104", "Nigeria"),
]


def _photo(rng: random.Random) -> bytes:
    from PIL import Image

    image = Image.effect_noise((200, 200), 60).convert("RGB")  # noise: a photo that does not compress
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def seed(db: str, count: int, seed_value: int = 5) -> int:
    """A store of ``count`` customers (not measured)."""
    from studio.model import Address, Contact, PartialDate
    from studio.store import open_store

    rng = random.Random(seed_value)
    photo = _photo(rng)
    with open_store(db) as store, store.transaction():
        for n in range(count):
            latin = (rng.choice(GIVEN), rng.choice(FAMILY))
            given, family = rng.choice(NON_LATIN) if rng.random() < 0.2 else latin
            street, city, region, code, country = rng.choice(PLACES)
            store.contacts.add(Contact(
                given_name=given, family_name=family, display_name=f"{given} {family} {n}",
                addresses=[Address(street=f"{street}", city=city, region=region, postal_code=code,
                                   country=country)],
                birthday=PartialDate(rng.randint(1, 12), rng.randint(1, 28), rng.choice([None, 1970, 1988])),
                tags=["customer"], photo=photo if n % 10 == 0 else None,
                photo_type="image/jpeg" if n % 10 == 0 else ""))
        return store.contacts.count()


# --- the measured steps (run in child processes) ------------------------------------

def plan_only(db: str) -> dict:
    import datetime as dt

    from studio.services.mailings import MailingRequest, plan_mailing
    from studio.store import open_store

    with open_store(db) as store:
        plan = plan_mailing(store, MailingRequest(template=TEMPLATE, occasion="christmas", year=2026,
                                                  tag="customer", labels="avery-5160"),
                            dt.date.fromisoformat(TODAY))
        return {"cards": len(plan.recipients), "skipped": len(plan.skipped)}


def mailing(db: str, out: str) -> dict:
    import datetime as dt

    from studio.services.mailings import MailingRequest, produce_mailing
    from studio.store import open_store

    with open_store(db) as store:
        result = produce_mailing(store, MailingRequest(template=TEMPLATE, occasion="christmas", year=2026,
                                                       tag="customer", labels="avery-5160"),
                                 dt.date.fromisoformat(TODAY), Path(out))
        sizes = {p.name: p.stat().st_size for p in result.files}
        return {"cards": len(result.plan.recipients), "sizes": sizes}


def _run(count: int, label: str) -> tuple[dict, dict]:
    db = OUT_DIR / f"mailing-{count}.sqlite3"
    out = OUT_DIR / f"mailing-{count}"
    for stale in OUT_DIR.glob(f"mailing-{count}.sqlite3*"):
        stale.unlink()
    shutil.rmtree(out, ignore_errors=True)
    print(f"seeding {count:,} contacts for the {label} run …", file=sys.stderr)
    seed(str(db), count)
    planned = measure("bench_mailing", "plan_only", str(db))
    made = measure("bench_mailing", "mailing", str(db), str(out))
    return planned, made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5_000)
    parser.add_argument("--small", type=int, default=500)
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    for count, label in ((args.small, "small"), (args.count, "full")):
        planned, made = _run(count, label)
        cards = made["extra"]["cards"]
        sizes = made["extra"]["sizes"]
        rows.append((f"{count:,}", f"{cards:,}", f"{planned['seconds']:.1f}", f"{planned['peak_mb']:.0f}",
                     f"{made['seconds']:.1f}",
                     f"{1000 * made['seconds'] / cards:.1f}", f"{made['peak_mb']:.0f}",
                     f"{sizes.get('cards.pdf', 0) / 1e6:.1f}", f"{sizes.get('labels.pdf', 0) / 1e6:.2f}"))
    print_table(f"Christmas mailing with {TEMPLATE}, cards + Avery 5160 labels + mailing.csv",
                ("contacts", "cards", "plan s", "plan MB", "mailing s", "ms/card", "peak MB", "cards.pdf MB",
                 "labels.pdf MB"), rows)


if __name__ == "__main__":
    main()
