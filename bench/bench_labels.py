"""Label benchmark (issue 4): 10,000 address labels on Avery 5160, three ways, one table.

    .venv/bin/python bench/bench_labels.py [--count 10000] [--glabels-timeout 600]

Generates 10,000 realistic customers (about 85 % US, the rest Canada, the UK, Ireland,
Germany, France and Nigeria, some with an apartment line or a company), then measures,
each in its own process (wall time, peak RSS from ru_maxrss):

* Card Studio: `render_labels_for` from the contacts, i.e. postal formatting by country,
  shrink-to-fit, vertical centring, streaming onto Avery 5160 sheets;
* a bare ReportLab canvas drawing the same lines (formatted beforehand) at the same
  places in the same embedded font, with no fitting: the yardstick;
* gLabels 3 (`glabels-3-batch`) merging the same lines from a CSV into a `.glabels`
  template (gzip'ed XML) for the same stock, with auto-shrink on, as a user of gLabels
  would set it up. Its row is skipped when gLabels is not installed:
      apt-get install glabels
  (Debian/Ubuntu; gLabels needs no display). If gLabels takes longer than
  --glabels-timeout seconds for the full count it is measured at 1,000 labels and the
  table says so, with its time scaled to the full count for the ratio.

Targets: Card Studio at least 50x faster than gLabels, within 2x of the bare canvas,
peak memory under 200 MB. Files go to bench/out/labels/.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT_DIR, measure, print_table  # noqa: E402

# Imported here, before the clock starts in each measured process: the rows compare the
# work of making labels, not Python's start-up.
from studio.model import Address, Contact  # noqa: E402
from studio.paths import bundled_dir  # noqa: E402
from studio.render.stocks import label_rect, load_stocks  # noqa: E402
from studio.services.mail_pieces import recipient_lines, render_labels_for  # noqa: E402
from studio.settings import Settings  # noqa: E402

WORK = OUT_DIR / "labels"
GIVEN = ["James", "Mary", "Robert", "Patricia", "Zoë", "Henrik", "Sören", "Anaïs", "José", "Chloé",
         "Oluwaseun", "Chidinma", "Siobhán", "Seán", "Ingrid", "Łukasz", "Björn", "Amélie", "Priya", "Wei"]
FAMILY = ["Smith", "Johnson", "Ångström-Núñez", "Müller", "García", "O'Brien", "Okafor", "Dubois",
          "Schröder", "Nakamura", "Kowalski", "Lefèvre", "Adeyemi", "Murphy", "Brennan", "Raman"]
STREETS = ["Oak Tree Road", "Maple Avenue", "Linden Street", "Fremont Avenue North", "Elm Street",
           "South Lamar Boulevard", "Spring Garden Road", "Rue de la Paix", "Hauptstraße", "High Street"]
US_PLACES = [("Springfield", "IL", "62704"), ("Edison", "NJ", "08817"), ("Austin", "TX", "78704"),
             ("Seattle", "WA", "98103"), ("Columbus", "OH", "43215"), ("Skokie", "IL", "60077"),
             ("Denver", "CO", "80206"), ("Portland", "OR", "97205"), ("Mountain View", "CA", "94043"),
             ("Boston", "MA", "02108"), ("Miami", "FL", "33131"), ("Phoenix", "AZ", "85004")]
ABROAD = [("Toronto", "ON", "M5V 2T6", "Canada"), ("München", "Bayern", "80331", "Deutschland"),
          ("Lyon", "", "69002", "France"), ("Dublin 2", "Co. Dublin", "D02 XR20", "Ireland"),
          ("Lagos", "Lagos", "106104", "Nigeria"), ("London", "", "SW1A 1AA", "United Kingdom"),
          ("Leeds", "", "LS6 1AB", "UK")]
FIELDS = ("display_name", "organization", "street", "city", "region", "postal_code", "country")
MAX_LINES = 7


def generate(path: Path, count: int, seed: int = 4) -> None:
    """A CSV of customers' raw fields, as an address book holds them."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(FIELDS)
        for n in range(count):
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            street = f"{rng.randint(1, 9999)} {rng.choice(STREETS)}"
            if rng.random() < 0.2:
                street += f"\nApt {rng.randint(1, 40)}{rng.choice('ABCD')}"
            company = rng.choice(["Glow Naturals", "Sunrise Yoga Studio", "Acme Wellness LLC"]) \
                if rng.random() < 0.1 else ""
            if rng.random() < 0.85:
                city, region, code = rng.choice(US_PLACES)
                country = rng.choice(["", "USA", "United States"])
            else:
                city, region, code, country = rng.choice(ABROAD)
            writer.writerow((f"{name} {n}", company, street, city, region, code, country))


def _contacts(path: Path):
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            yield Contact(id=number, display_name=row["display_name"], organization=row["organization"],
                          addresses=[Address(row["street"], row["city"], row["region"], row["postal_code"],
                                             row["country"])])


def format_lines(contacts_csv: Path, lines_csv: Path) -> None:
    """The printed lines of every label, for gLabels and the bare canvas."""
    settings = Settings(home_country="US", language="en")
    with open(lines_csv, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([f"line{i}" for i in range(1, MAX_LINES + 1)])
        for contact in _contacts(contacts_csv):
            lines = recipient_lines(contact, settings)
            writer.writerow((lines + [""] * MAX_LINES)[:MAX_LINES])


# --- the three contenders (each runs in its own process via common.measure) -----------------

def run_studio(contacts_csv: str, out: str) -> dict:
    summary = render_labels_for(_contacts(Path(contacts_csv)), "avery-5160", Path(out),
                                Settings(home_country="US", language="en"))
    return {"labels": summary.count, "pages": summary.pages}


def run_bare(lines_csv: str, out: str) -> dict:
    """ReportLab at its simplest: drawString per line, same font, same grid, no fitting."""
    stock = load_stocks().label("avery-5160")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(bundled_dir("assets") / "fonts" / "DejaVuSans.ttf")))
    canvas = Canvas(out, pagesize=(stock.sheet_width * mm, stock.sheet_height * mm), pageCompression=1,
                    initialFontName="DejaVuSans")
    count = 0
    with open(lines_csv, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for row in rows:
            position = count % stock.per_sheet
            if count and position == 0:
                canvas.showPage()
            x, y, _, height = label_rect(stock, position)
            baseline = (stock.sheet_height - y) * mm - 12
            canvas.setFont("DejaVuSans", 9)
            for line in row:
                if line:
                    canvas.drawString((x + 2.5) * mm, baseline, line)
                    baseline -= 10.5
            count += 1
    canvas.showPage()
    canvas.save()
    return {"labels": count}


def glabels_template(lines_csv: Path, path: Path) -> None:
    """A gLabels 3 document (gzip'ed XML) for Avery 5160 merging ``lines_csv``: one text
    object the size of the label less its markup margin, auto-shrink on."""
    fields = "<NL/>".join(f'<Field name="line{i}"/>' for i in range(1, MAX_LINES + 1))
    xml = f"""<?xml version="1.0"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="Avery" part="5160" size="US-Letter" description="Address Labels">
    <Meta category="label"/>
    <Label-rectangle id="0" width="2.625in" height="1in" round="0.0625in" x_waste="0in" y_waste="0in">
      <Markup-margin size="0.0625in"/>
      <Layout nx="3" ny="10" x0="0.15625in" y0="0.5in" dx="2.78125in" dy="1in"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    <Object-text x="7.087pt" y="3.4pt" w="174.8pt" h="65.2pt" justify="Left" auto_shrink="True" \
a0="1" a1="0" a2="0" a3="1" a4="0" a5="0" shadow="False"><Span font_family="DejaVu Sans" font_size="9" \
font_weight="Regular" font_italic="False" color="0xff" line_spacing="1">{fields}</Span></Object-text>
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src="{lines_csv.resolve()}"/>
  <Data/>
</Glabels-document>
"""
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(xml)


def run_glabels(template: str, out: str, timeout: float) -> dict:
    """glabels-3-batch as a child; its own peak memory comes from RUSAGE_CHILDREN."""
    start = time.perf_counter()
    try:
        done = subprocess.run(["glabels-3-batch", "-o", out, template], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"timeout": False, "seconds": seconds, "peak_mb": peak, "status": done.returncode}


def _pdf_pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(str(path)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--glabels-timeout", type=float, default=600.0)
    parser.add_argument("--no-glabels", action="store_true", help="leave gLabels out (quick runs)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    contacts_csv, lines_csv = WORK / "contacts.csv", WORK / "lines.csv"
    generate(contacts_csv, args.count)
    format_lines(contacts_csv, lines_csv)

    studio = measure("bench_labels", "run_studio", str(contacts_csv), str(WORK / "studio.pdf"))
    bare = measure("bench_labels", "run_bare", str(lines_csv), str(WORK / "bare.pdf"))
    rows = [("Card Studio (format + fit + draw)", f"{args.count:,}", f"{studio['seconds']:.2f}",
             f"{studio['peak_mb']:.0f}", _pdf_pages(WORK / "studio.pdf"), "1.0x"),
            ("bare ReportLab canvas (drawString)", f"{args.count:,}", f"{bare['seconds']:.2f}",
             f"{bare['peak_mb']:.0f}", _pdf_pages(WORK / "bare.pdf"),
             f"Card Studio takes {studio['seconds'] / bare['seconds']:.2f}x this" if bare["seconds"] else "")]
    glabels_result = None
    if args.no_glabels or shutil.which("glabels-3-batch") is None:
        why = "left out (--no-glabels)" if args.no_glabels else "not installed: apt-get install glabels"
        rows.append(("gLabels 3 (glabels-3-batch)", "-", "skipped", "-", "-", why))
    else:
        template = WORK / "labels.glabels"
        glabels_template(lines_csv, template)
        glabels_result = measure("bench_labels", "run_glabels", str(template), str(WORK / "glabels.pdf"),
                                 args.glabels_timeout)["extra"]
        measured_count = args.count
        if glabels_result["timeout"]:
            measured_count = 1_000
            small = WORK / "lines-1000.csv"
            with open(lines_csv, encoding="utf-8") as source, open(small, "w", encoding="utf-8") as target:
                target.writelines(line for number, line in enumerate(source) if number <= measured_count)
            glabels_template(small, template)
            glabels_result = measure("bench_labels", "run_glabels", str(template), str(WORK / "glabels.pdf"),
                                     args.glabels_timeout)["extra"]
        scaled = glabels_result["seconds"] * args.count / measured_count
        note = f"Card Studio {scaled / studio['seconds']:.0f}x faster"
        if measured_count != args.count:
            note += f" (gLabels timed at {measured_count:,}, scaled x{args.count // measured_count})"
        rows.append(("gLabels 3 (glabels-3-batch)", f"{measured_count:,}", f"{glabels_result['seconds']:.2f}",
                     f"{glabels_result['peak_mb']:.0f}", _pdf_pages(WORK / "glabels.pdf"), note))
    print_table(f"{args.count:,} address labels on Avery 5160 (files in {WORK})",
                ("run", "labels", "seconds", "peak MB", "pages", "compared"), rows)
    print("\nTargets: >= 50x faster than gLabels, <= 2x the bare canvas, < 200 MB peak.")
    print(json.dumps({"studio": studio, "bare": bare, "glabels": glabels_result}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
