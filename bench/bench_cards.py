"""Card rendering benchmark: Card Studio's render_cards against WeasyPrint and a bare canvas.

Run from the repository root:

    .venv/bin/python bench/bench_cards.py            # 1,000 cards; 10,000 for memory
    .venv/bin/python bench/bench_cards.py --cards 200 --memory-cards 2000   # quicker

Setup (bench only, not an app dependency): ``.venv/bin/pip install -e ".[bench]"`` for
WeasyPrint, which needs Pango from the system (Debian: ``apt-get install libpango-1.0-0
libpangoft2-1.0-0``). Without WeasyPrint the bench reports it as skipped.

Every card is the same representative folded A2 card, two per Letter sheet, outside and
inside pages: full-panel artwork on the front with a title, a personalised greeting and a
message inside, a quote on the inside cover, a line on the back. Each contender runs in a
fresh Python process; the time excludes start-up and imports, the memory is the process'
peak resident size (ru_maxrss).

Targets (issue 3): at least 10x faster than WeasyPrint, within 1.5x of the bare canvas,
10,000 cards under 250 MB peak, under 10 KB of PDF per card beyond the first.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
sys.path.insert(0, str(REPO))

FIRST = ["Zoë", "Henrik", "Anna", "Liam", "Olivia", "Noah", "Mateo", "Sofía", "Aiko", "Priya", "Grace",
         "Owen"]
LAST = ["Ångström-Núñez", "Larsen", "Smith", "O'Brien", "García", "Nguyen", "Tanaka", "Patel", "Müller",
        "Kowalski"]
SPECIAL = ["王小明", "Анна Смирнова", "שרה כהן", "محمد علي"]
TITLE = "Happy Birthday"
MESSAGE = ("Wishing you a wonderful year ahead, filled with good health and happy moments. "
           "Thank you for being such a loyal customer — it means the world to us.")
SIGNATURE = "With warm wishes,"
SENDER = "Jane Doe"
QUOTE = "“Count your age by friends, not years.”"
BACK = "Printed with Card Studio"


def name(index: int) -> str:
    if index % 25 == 7:
        return SPECIAL[(index // 25) % len(SPECIAL)]
    return f"{FIRST[index % len(FIRST)]} {LAST[(index // len(FIRST)) % len(LAST)]}"


def artwork() -> Path:
    """The front picture: a 1,300×1,700 JPEG drawn with Pillow (made once, in bench/out/)."""
    from PIL import Image, ImageDraw

    path = OUT_DIR / "bench-art.jpg"
    if not path.exists():
        OUT_DIR.mkdir(exist_ok=True)
        image = Image.new("RGB", (1300, 1700), "#2a6f97")
        draw = ImageDraw.Draw(image)
        for y in range(0, 1700, 90):
            draw.rectangle([0, y, 1300, y + 40], fill="#468faf")
        for k in range(12):
            x, y = 150 + (k * 397) % 1000, 200 + (k * 631) % 1100
            draw.ellipse([x, y, x + 160, y + 160], fill=("#f4d35e", "#ee964b", "#f95738")[k % 3])
        image.save(path, quality=88)
    return path


# ---- (a) Card Studio ---------------------------------------------------------------------

def layouts(count: int):
    from studio.render.layout import CardLayout, ImageBox, PanelContent, TextBox

    art = artwork()
    w, h = 4.25 * 25.4, 5.5 * 25.4
    for index in range(count):
        person = name(index)
        yield CardLayout("a2-folded", {
            "front": PanelContent("front", images=[ImageBox("art", 0, 0, w, h, art, bleed=True)],
                                  texts=[TextBox("title", 8, h - 38, w - 16, 26, f"<b>{TITLE}</b>",
                                                 font="script", size=30, color="#ffffff")]),
            "inside-cover": PanelContent("inside-cover", texts=[
                TextBox("quote", 12, 40, w - 24, 50, f"<i>{QUOTE}</i>", size=14)]),
            "inside": PanelContent("inside", texts=[
                TextBox("greeting", 10, 14, w - 20, 18, f"Dear {person},", font="script", size=24,
                        min_size=14),
                TextBox("message", 10, 38, w - 20, 60, MESSAGE, size=13, min_size=9),
                TextBox("signature", 10, 102, w - 20, 20, f"{SIGNATURE}<br/><i>{SENDER}</i>", size=13)]),
            "back": PanelContent("back", texts=[
                TextBox("brand", 10, h - 18, w - 20, 8, BACK, font="sans", size=7)]),
        }, label=person)


def run_studio(count: int, out: str) -> dict:
    from studio.render.cards import render_cards

    notes = render_cards(layouts(count), out, paper="letter")
    return {"notes": len(notes)}


# ---- (b) WeasyPrint ----------------------------------------------------------------------

HTML_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><style>
@font-face { font-family: "EB Garamond"; src: url("{{ fonts }}/EBGaramond-Regular.ttf"); }
@font-face { font-family: "EB Garamond"; font-style: italic; src: url("{{ fonts }}/EBGaramond-Italic.ttf"); }
@font-face { font-family: "Dancing Script"; src: url("{{ fonts }}/DancingScript-Regular.ttf"); }
@font-face { font-family: "Dancing Script"; font-weight: bold;
             src: url("{{ fonts }}/DancingScript-Bold.ttf"); }
@font-face { font-family: "DejaVu Sans"; src: url("{{ fonts }}/DejaVuSans.ttf"); }
@page { size: 8.5in 11in; margin: 0; }
body { margin: 0; }
.sheet { width: 8.5in; height: 11in; position: relative; page-break-after: always; }
.card { position: absolute; left: 0; width: 8.5in; height: 5.5in; }
.panel { position: absolute; top: 0; width: 4.25in; height: 5.5in; overflow: hidden; }
.left { left: 0; } .right { left: 4.25in; }
.art { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
.title { position: absolute; left: 8mm; right: 8mm; bottom: 12mm; text-align: center; color: #fff;
         font: bold 30pt "Dancing Script"; }
.greeting { margin: 14mm 10mm 0; text-align: center; font: 24pt "Dancing Script"; }
.message { margin: 6mm 10mm 0; text-align: center; font: 13pt/1.25 "EB Garamond"; }
.quote { margin: 40mm 12mm 0; text-align: center; font: italic 14pt "EB Garamond"; }
.brand { position: absolute; bottom: 10mm; width: 100%; text-align: center; font: 7pt "DejaVu Sans"; }
</style></head><body>
{% for sheet in sheets %}
<div class="sheet">{% for card in sheet %}
  <div class="card" style="top: {{ loop.index0 * 5.5 }}in">
    <div class="panel left"><div class="brand">{{ back }}</div></div>
    <div class="panel right"><img class="art" src="{{ art }}"><div class="title">{{ title }}</div></div>
  </div>{% endfor %}
</div>
<div class="sheet">{% for card in sheet %}
  <div class="card" style="top: {{ loop.index0 * 5.5 }}in">
    <div class="panel left"><div class="quote">{{ quote }}</div></div>
    <div class="panel right"><div class="greeting">Dear {{ card.name }},</div>
      <div class="message">{{ message }}<br><br>{{ signature }}<br><i>{{ sender }}</i></div></div>
  </div>{% endfor %}
</div>
{% endfor %}
</body></html>"""


def run_weasyprint(count: int, out: str) -> dict:
    import jinja2
    import weasyprint

    from studio.render.fonts import font_dir

    cards = [{"name": name(i)} for i in range(count)]
    sheets = [cards[i:i + 2] for i in range(0, count, 2)]
    html = jinja2.Environment(autoescape=True).from_string(HTML_TEMPLATE).render(
        sheets=sheets, fonts=font_dir().as_uri(), art=artwork().as_uri(), title=TITLE, message=MESSAGE,
        signature=SIGNATURE, sender=SENDER, quote=QUOTE, back=BACK)
    weasyprint.HTML(string=html, base_url=str(OUT_DIR)).write_pdf(out)
    return {}


# ---- (c) bare ReportLab canvas: the floor -----------------------------------------------

def run_floor(count: int, out: str) -> dict:
    """What a programmer writes by hand: fixed positions, simpleSplit, no fitting or fallback."""
    from reportlab.lib.units import inch, mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from studio.render.fonts import register_fonts

    register_fonts()
    art = str(artwork())
    canvas = Canvas(out, pagesize=(8.5 * inch, 11 * inch), pageCompression=1, initialFontName="DejaVuSans")
    pw, ph = 4.25 * inch, 5.5 * inch
    lines = simpleSplit(MESSAGE, "EBGaramond", 13, pw - 20 * mm)
    for first in range(0, count, 2):
        people = [name(i) for i in range(first, min(first + 2, count))]
        for slot, _person in enumerate(people):  # outside page
            y = (1 - slot) * ph
            canvas.drawImage(art, pw, y, pw, ph)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.setFont("DancingScript-Bold", 30)
            canvas.drawCentredString(pw * 1.5, y + 20 * mm, TITLE)
            canvas.setFillColorRGB(0.13, 0.13, 0.13)
            canvas.setFont("DejaVuSans", 7)
            canvas.drawCentredString(pw / 2, y + 12 * mm, BACK)
        canvas.showPage()
        for slot, person in enumerate(people):  # inside page
            top = (2 - slot) * ph
            canvas.setFillColorRGB(0.13, 0.13, 0.13)
            canvas.setFont("EBGaramond-Italic", 14)
            canvas.drawCentredString(pw / 2, top - 50 * mm, QUOTE)
            canvas.setFont("DancingScript", 24)
            canvas.drawCentredString(pw * 1.5, top - 28 * mm, f"Dear {person},")
            canvas.setFont("EBGaramond", 13)
            for k, line in enumerate(lines + ["", SIGNATURE]):
                canvas.drawCentredString(pw * 1.5, top - 45 * mm - k * 16.25, line)
            canvas.setFont("EBGaramond-Italic", 13)
            canvas.drawCentredString(pw * 1.5, top - 45 * mm - (len(lines) + 2) * 16.25, SENDER)
        canvas.showPage()
    canvas.save()
    return {}


# ---- driver ------------------------------------------------------------------------------

_CHILD = """
import json, resource, sys, time, os
sys.path.insert(0, {bench!r})
import bench_cards as b
b.artwork()
b.{function}(2, {out!r})  # warm up: imports, font registration
start = time.perf_counter()
extra = b.{function}({count}, {out!r})
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": elapsed, "peak_mb": peak, "bytes": os.path.getsize({out!r}), "extra": extra}}))
"""


def measure(function: str, count: int) -> dict | None:
    out = str(OUT_DIR / f"{function}-{count}.pdf")
    code = _CHILD.format(bench=str(BENCH_DIR), function=function, count=count, out=out)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"{function} ({count} cards) failed:\n{done.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def weasyprint_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=1000, help="cards for the speed comparison")
    parser.add_argument("--memory-cards", type=int, default=10_000, help="cards for the memory run")
    args = parser.parse_args()
    OUT_DIR.mkdir(exist_ok=True)
    artwork()
    n = args.cards
    studio = measure("run_studio", n)
    floor = measure("run_floor", n)
    weasy = measure("run_weasyprint", n) if weasyprint_available() else None
    one = measure("run_studio", 1)
    big = measure("run_studio", args.memory_cards)
    if studio is None or floor is None or one is None or big is None:
        return 1
    per_card_kb = (studio["bytes"] - one["bytes"]) / (n - 1) / 1024
    rows = [["contender", "cards", "seconds", "cards/s", "peak MB", "PDF KB", "vs Card Studio"]]

    def row(label: str, result: dict | None, count: int) -> None:
        if result is None:
            rows.append([label, str(count), "skipped", "-", "-", "-", "-"])
            return
        rows.append([label, str(count), f"{result['seconds']:.2f}", f"{count / result['seconds']:.0f}",
                     f"{result['peak_mb']:.0f}", f"{result['bytes'] / 1024:.0f}",
                     f"{result['seconds'] / studio['seconds']:.2f}x" if count == n else "-"])

    row("(a) Card Studio render_cards", studio, n)
    row("(b) Jinja HTML + WeasyPrint", weasy, n)
    row("(c) bare ReportLab canvas (floor)", floor, n)
    row("(a) Card Studio, memory run", big, args.memory_cards)
    print(f"\nCard rendering: folded A2 cards with artwork, 2 per Letter sheet, duplex ({n} cards)\n")
    table(rows)
    checks = [
        ("faster than WeasyPrint", "≥ 10x",
         f"{weasy['seconds'] / studio['seconds']:.1f}x" if weasy else "not measured",
         None if weasy is None else weasy["seconds"] / studio["seconds"] >= 10),
        ("time vs the bare canvas", "≤ 1.5x", f"{studio['seconds'] / floor['seconds']:.2f}x",
         studio["seconds"] / floor["seconds"] <= 1.5),
        (f"peak memory, {args.memory_cards} cards", "< 250 MB", f"{big['peak_mb']:.0f} MB",
         big["peak_mb"] < 250),
        ("PDF growth per card after the first", "< 10 KB", f"{per_card_kb:.1f} KB", per_card_kb < 10),
    ]
    print()
    table([["target", "goal", "measured", "met"]]
          + [[goal_name, goal, measured, _verdict(ok)] for goal_name, goal, measured, ok in checks])
    return 0 if all(ok is not False for *_, ok in checks) else 1


def _verdict(ok: bool | None) -> str:
    """None: the contender could not run here, so the target is neither met nor missed."""
    return "-" if ok is None else "yes" if ok else "NO"


if __name__ == "__main__":
    sys.exit(main())
