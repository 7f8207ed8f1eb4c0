"""Fonts load when first needed: a card in Latin script never reads the CJK or Hangul fonts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pdfcheck import font_problems

# Runs in a fresh interpreter: ReportLab's font registry is process-wide, and other tests
# in this process have long since drawn Chinese and Korean names.
_SCRIPT = """
import json, sys
from io import BytesIO
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from studio.render.layout import TextBox
from studio.render.pdf import open_canvas
from studio.render.lines import draw_line
from studio.render.text import draw_text_box

def registered():
    return sorted(n for n in pdfmetrics.getRegisteredFontNames() if n not in pdfmetrics.standardFonts)

out = BytesIO()
canvas = open_canvas(out, (120 * mm, 160 * mm))
for family in ("serif", "sans", "script"):
    draw_text_box(canvas, TextBox("m", 5, 5, 100, 40, "Dear Zoë Ångström-Núñez,<br/><b>Thank</b> <i>you</i>!",
                                  font=family), 0, 160 * mm)
draw_line(canvas, "Søren Kierkegaard, Nørrebrogade 1", 10, 10, "sans", 10)
latin = registered()
draw_text_box(canvas, TextBox("m", 5, 60, 100, 40, "Dear 王小明 and 김민준,"), 0, 160 * mm)
canvas.showPage()
canvas.save()
open(sys.argv[1], "wb").write(out.getvalue())
print(json.dumps({"latin": latin, "after": registered()}))
"""


def test_a_latin_card_loads_no_cjk_or_hangul_font_and_fallback_still_works(tmp_path: Path) -> None:
    pdf = tmp_path / "fonts.pdf"
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(pdf)], capture_output=True, text=True,
                          check=True)
    loaded = json.loads(done.stdout)
    assert not any(name.startswith(("DroidSans", "NanumGothic")) for name in loaded["latin"]), loaded
    assert {"EBGaramond", "EBGaramond-Bold", "EBGaramond-Italic", "DancingScript", "DejaVuSans"} \
        <= set(loaded["latin"])
    # The first Chinese and Korean characters bring their fonts, and every font is embedded.
    assert {"DroidSansFallback", "NanumGothic"} <= set(loaded["after"])
    assert font_problems(pdf.read_bytes()) == []
