"""Sheet import benchmark (issue 13): a 10,000-row Google Contacts CSV into a fresh store.

    .venv/bin/python bench/bench_sheet_import.py [--count 10000]

Measures, each in its own process: the yardstick (a bare `csv.DictReader` over the file,
each row made into a `Contact` by hand and stored with the same inserts, in one
transaction), the whole `studio import` of the file into an empty store (header
recognition, typed dates, the merge), and a re-import of the same file (everything
unchanged). Target: the import within 1.5x the yardstick; re-import faster than import.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT_DIR, measure, print_table  # noqa: E402

HEADERS = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Nickname",
    "Birthday",
    "Notes",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Label",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Organization Name",
]
GIVEN = [
    "James",
    "Mary",
    "Zoë",
    "Henrik",
    "Sören",
    "Anaïs",
    "José",
    "Chloé",
    "Oluwaseun",
    "Siobhán",
    "Łukasz",
    "Björn",
    "Amélie",
    "Priya",
    "Hiroshi",
    "Grace",
]
FAMILY = [
    "Smith",
    "Müller",
    "García",
    "O'Brien",
    "Okafor",
    "Dubois",
    "Nakamura",
    "Kowalski",
    "Lefèvre",
    "Ångström-Núñez",
    "Raman",
    "Kim",
]
CITIES = [
    ("Springfield", "IL", "62704", "United States"),
    ("Toronto", "ON", "M5V 2T6", "Canada"),
    ("München", "", "80331", "Germany"),
    ("Lyon", "", "69002", "France"),
]


def generate(path: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for n in range(count):
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            city, region, code, country = rng.choice(CITIES)
            birthday = (
                f"{rng.randint(1940, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                if rng.random() < 0.6
                else f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            )
            writer.writerow(
                [
                    given,
                    "",
                    family,
                    "",
                    birthday,
                    "Prefers e-mail" if n % 7 == 0 else "",
                    "* myContacts ::: Customers" if n % 3 else "* myContacts ::: Team",
                    "Home",
                    f"{given.lower()}.{n}@example.com",
                    "Mobile",
                    f"+1 555 {n:07d}",
                    "Home",
                    f"{n + 1} Oak Street",
                    city,
                    region,
                    code,
                    country,
                    "Acme" if n % 5 == 0 else "",
                ]
            )


def bare_rows(path: str, db: str) -> int:
    """The yardstick: read the rows with csv.DictReader and store them with the same inserts."""
    from studio.model import Address, Contact, Email, PartialDate, Phone
    from studio.store import open_store

    with open(path, encoding="utf-8", newline="") as handle, open_store(db) as store, store.transaction():
        count = 0
        for row in csv.DictReader(handle):
            contact = Contact(
                given_name=row["First Name"],
                family_name=row["Last Name"],
                organization=row["Organization Name"],
                notes=row["Notes"],
                emails=[Email(row["E-mail 1 - Value"], "home")],
                phones=[Phone(row["Phone 1 - Value"], "cell")],
                addresses=[
                    Address(
                        street=row["Address 1 - Street"],
                        city=row["Address 1 - City"],
                        region=row["Address 1 - Region"],
                        postal_code=row["Address 1 - Postal Code"],
                        country=row["Address 1 - Country"],
                        label="home",
                    )
                ],
                birthday=PartialDate.parse(row["Birthday"]) if row["Birthday"] else None,
                tags=[t for t in row["Labels"].split(" ::: ") if not t.startswith("*")],
            )
            store.contacts.add(contact)
            count += 1
        return count


def studio_import(path: str, db: str) -> dict:
    from studio.services.addressbook import import_vcards
    from studio.store import open_store

    with open_store(db) as store:
        report = import_vcards(store, [path])
        return {
            "added": report.added,
            "unchanged": report.unchanged,
            "problems": len(report.problems),
            "contacts": store.contacts.count(),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    sheet = OUT_DIR / "contacts.csv"
    for stale in OUT_DIR.glob("sheet-*.sqlite3*"):
        stale.unlink()
    generate(sheet, args.count)

    bare = measure("bench_sheet_import", "bare_rows", str(sheet), str(OUT_DIR / "sheet-bare.sqlite3"))
    db = str(OUT_DIR / "sheet-import.sqlite3")
    first = measure("bench_sheet_import", "studio_import", str(sheet), db)
    again = measure("bench_sheet_import", "studio_import", str(sheet), db)
    base = bare["seconds"]
    rows = [
        (
            "csv.DictReader + the same inserts",
            f"{base:.2f}",
            "1.00x",
            f"{bare['peak_mb']:.0f}",
            f"{bare['extra']} rows",
        ),
        (
            "studio import, empty store",
            f"{first['seconds']:.2f}",
            f"{first['seconds'] / base:.2f}x",
            f"{first['peak_mb']:.0f}",
            f"added {first['extra']['added']}, problems {first['extra']['problems']}",
        ),
        (
            "studio re-import, same file",
            f"{again['seconds']:.2f}",
            f"{again['seconds'] / base:.2f}x",
            f"{again['peak_mb']:.0f}",
            f"unchanged {again['extra']['unchanged']}",
        ),
    ]
    print_table(
        f"Import of a {args.count:,}-row Google Contacts CSV",
        ("step", "seconds", "vs bare", "peak MB", "result"),
        rows,
    )
    ok = first["seconds"] <= 1.5 * base and again["seconds"] < first["seconds"]
    print(
        "\ntargets: import <= 1.5x csv.DictReader + inserts, re-import < import:", "met" if ok else "NOT met"
    )


if __name__ == "__main__":
    main()
