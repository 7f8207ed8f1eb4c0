"""Import benchmark (issue 2): 10,000 realistic contacts into a fresh store, then again.

    .venv/bin/python bench/bench_import.py [--count 10000]

Generates one .vcf with mixed vCard 2.1 quoted-printable and 3.0 cards (about 8 % with a
JPEG photo, a fifth with non-Latin names), then measures, each in its own process:
the bare `vobject.readComponents` parse of the file (the yardstick), the whole import
into an empty store, and a re-import of the same file (everything unchanged).
Targets: import within 1.5x the bare parse, re-import faster than the import, peak
memory under 300 MB.
"""

from __future__ import annotations

import argparse
import base64
import io
import quopri
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT_DIR, measure, print_table  # noqa: E402

GIVEN = ["James", "Mary", "Robert", "Patricia", "Zoë", "Henrik", "Sören", "Anaïs", "José", "Chloé",
         "Oluwaseun", "Chidinma", "Siobhán", "Seán", "Ingrid", "Łukasz", "Björn", "Amélie"]
FAMILY = ["Smith", "Johnson", "Ångström-Núñez", "Müller", "García", "O'Brien", "Okafor", "Dubois",
          "Schröder", "Nakamura", "Kowalski", "Lefèvre", "Adeyemi", "Murphy", "Brennan"]
NON_LATIN = [("小明", "王"), ("Анна", "Смирнова"), ("Γιώργος", "Παπαδόπουλος"), ("太郎", "山田"),
             ("דוד", "כהן"), ("Иван", "Петров")]
CITIES = [("Springfield", "IL", "62704", "USA"), ("Toronto", "ON", "M5V 2T6", "Canada"),
          ("München", "", "80331", "Deutschland"), ("Lyon", "", "69002", "France"),
          ("Dublin", "", "D02 X285", "Ireland"), ("Lagos", "Lagos", "100001", "Nigeria"),
          ("London", "", "SW1A 1AA", "United Kingdom"), ("東京都", "", "150-8512", "Japan")]


def _photo() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (96, 96), (200, 120, 80))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("=\n", "")


def generate(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    photo = base64.b64encode(_photo()).decode("ascii")
    photo_lines = [photo[i:i + 74] for i in range(0, len(photo), 74)]
    with open(path, "w", encoding="utf-8", newline="") as out:
        for n in range(count):
            given, family = (rng.choice(NON_LATIN) if rng.random() < 0.2
                             else (rng.choice(GIVEN), rng.choice(FAMILY)))
            city, region, code, country = rng.choice(CITIES)
            street = f"{n + 1} {rng.choice(['Oak', 'Maple', 'Linden', 'Rue de la Paix'])} Street"
            email = f"person{n}@example.com"
            phone = f"+1 555 {n // 10000:03d} {n % 10000:04d}"
            bday = f"{rng.randint(1940, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            lines = ["BEGIN:VCARD"]
            if n % 2:  # Android-style 2.1 with quoted-printable UTF-8
                lines += ["VERSION:2.1",
                          f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(family)};{_qp(given)};;;",
                          f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(given + ' ' + family)}",
                          f"TEL;CELL:{phone}", f"EMAIL;HOME:{email}",
                          f"ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;{_qp(street)};{_qp(city)};"
                          f"{_qp(region)};{code};{_qp(country)}",
                          f"BDAY:{bday}"]
            else:  # iPhone-style 3.0
                lines += ["VERSION:3.0", f"N:{family};{given};;;", f"FN:{given} {family}",
                          f"TEL;type=CELL;type=VOICE;type=pref:{phone}",
                          f"EMAIL;type=INTERNET;type=HOME:{email}",
                          f"item1.ADR;type=HOME:;;{street};{city};{region};{code};{country}",
                          "item1.X-ABADR:us", f"BDAY;value=date:{bday}",
                          f"item2.X-ABDATE:{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-"
                          f"{rng.randint(1, 28):02d}",
                          "item2.X-ABLabel:Customer since", "CATEGORIES:customer",
                          f"UID:bench-{n}"]
            if n % 12 == 0:
                lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + photo_lines[0])
                lines += [" " + chunk for chunk in photo_lines[1:]]
            lines.append("END:VCARD")
            out.write("\r\n".join(lines) + "\r\n")


# --- the measured steps (run in child processes) ------------------------------------

def bare_vobject(path: str) -> int:
    import vobject

    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in vobject.readComponents(handle.read(), ignoreUnreadable=True))


def studio_import(path: str, db: str) -> dict:
    from studio.services.addressbook import import_vcards
    from studio.store import open_store

    with open_store(db) as store:
        report = import_vcards(store, [path])
        return {"added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                "problems": len(report.problems), "contacts": store.contacts.count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    vcf, db = OUT_DIR / "contacts.vcf", OUT_DIR / "import.sqlite3"
    for stale in OUT_DIR.glob("import.sqlite3*"):
        stale.unlink()
    generate(vcf, args.count)
    size_mb = vcf.stat().st_size / 1e6

    bare = measure("bench_import", "bare_vobject", str(vcf))
    first = measure("bench_import", "studio_import", str(vcf), str(db))
    again = measure("bench_import", "studio_import", str(vcf), str(db))

    base = bare["seconds"]
    rows = [
        ("vobject.readComponents (bare parse)", f"{bare['seconds']:.2f}", "1.00x", f"{bare['peak_mb']:.0f}",
         f"{bare['extra']} cards"),
        ("studio import, empty store", f"{first['seconds']:.2f}", f"{first['seconds'] / base:.2f}x",
         f"{first['peak_mb']:.0f}",
         f"added {first['extra']['added']}, problems {first['extra']['problems']}"),
        ("studio re-import, same file", f"{again['seconds']:.2f}", f"{again['seconds'] / base:.2f}x",
         f"{again['peak_mb']:.0f}",
         f"unchanged {again['extra']['unchanged']}, added {again['extra']['added']}"),
    ]
    print_table(f"Import of {args.count:,} contacts ({size_mb:.1f} MB vCard)",
                ("step", "seconds", "vs bare", "peak MB", "result"), rows)
    ok = (first["seconds"] <= 1.5 * base and again["seconds"] < first["seconds"]
          and max(first["peak_mb"], again["peak_mb"]) < 300)
    print("\ntargets: import <= 1.5x bare parse, re-import < import, peak < 300 MB:",
          "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
