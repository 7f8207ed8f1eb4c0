"""template.toml → `CardTemplate`: the shape of the manifest, checked key by key.

This stage checks types and names (a number where a number belongs, no unknown key,
every required key present) and reads the Jinja text files. What the values mean
(fonts, panels of the format, boxes inside the panel, artwork, Jinja) is checked by
`studio.cards.validate`. Every mistake is collected, none stops the reading, so an
author sees the whole list at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.cards.errors import located
from studio.cards.spec import CardTemplate, ImageSpec, PanelSpec, QrSpec, TextSpec
from studio.cards.tomllines import KeyLines

Where = tuple[str | int, ...]
Report = Callable[[Where, str], None]

TOP_KEYS = ("id", "name", "description", "occasions", "format", "requires", "thanks_for", "message",
            "openings", "panels")
PANEL_KEYS = ("name", "background", "images", "texts", "qr")
IMAGE_KEYS = ("name", "file", "source", "replaces", "x", "y", "width", "height", "fit", "focus", "bleed")
TEXT_KEYS = ("name", "file", "text", "x", "y", "width", "height", "font", "size", "min_size",
             "color", "align", "valign", "leading")
QR_KEYS = ("name", "x", "y", "size", "color", "level")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class TableReader:
    """Typed access to one TOML table that reports, rather than raises, each mistake."""

    def __init__(self, table: dict[str, Any], where: Where, report: Report, allowed: tuple[str, ...]) -> None:
        self.table, self.where, self.report = table, where, report
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(allowed)})"
                report((*where, key), f"unknown key '{key}'{hint}")

    def _get(self, key: str, kinds: tuple[type, ...], kind_name: str, required: bool) -> Any:
        if key not in self.table:
            if required:
                self.report(self.where, f"'{key}' is missing")
            return None
        value = self.table[key]
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            self.report((*self.where, key), f"'{key}' must be {kind_name}, not {value!r}")
            return None
        return value

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self._get(key, (str,), "text in quotes", required)
        return default if value is None else value

    def number(self, key: str, default: float, *, required: bool = False) -> float:
        value = self._get(key, (int, float), "a number", required)
        return default if value is None else float(value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, (bool,), "true or false", False)
        return default if value is None else value

    def point(self, key: str) -> tuple[float, float] | None:
        """A pair of numbers, e.g. ``focus = [0.5, 0.3]``; None when absent or wrong (reported)."""
        value = self._get(key, (list,), "two numbers like [0.5, 0.3]", False)
        if value is None:
            return None
        if len(value) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            self.report((*self.where, key), f"'{key}' must be two numbers like [0.5, 0.3], not {value!r}")
            return None
        return float(value[0]), float(value[1])

    def texts(self, key: str, *, required: bool = False) -> list[str]:
        value = self._get(key, (list,), "a list of texts", required)
        if value is None:
            return []
        good = [v for v in value if isinstance(v, str)]
        if len(good) != len(value):
            self.report((*self.where, key), f"'{key}' must be a list of texts in quotes")
        return good

    def tables(self, key: str) -> list[dict[str, Any]]:
        value = self._get(key, (list,), f"a list of tables ([[{'.'.join(map(str, self.where + (key,)))}]])",
                          False)
        if value is None:
            return []
        if not all(isinstance(v, dict) for v in value):
            self.report((*self.where, key), f"every entry of '{key}' must be a table")
            return [v for v in value if isinstance(v, dict)]
        return value


def parse_manifest(data: dict[str, Any], lines: KeyLines | None, manifest: Path,
                   read_text: Callable[[str, Where], str | None], problems: list[str]) -> CardTemplate:
    """Build a `CardTemplate` from parsed TOML, appending ``FILE:LINE: message`` problems.

    ``read_text(file, where)`` returns the Jinja source of a text box's file (or None
    after reporting why it cannot). ``folder`` and ``source`` are left for the caller.
    """

    def report(where: Where, message: str) -> None:
        problems.append(located(manifest, lines.line(*where) if lines else 1, message))

    top = TableReader(data, (), report, TOP_KEYS)
    template_id = top.text("id", required=True)
    if template_id and not _ID.match(template_id):
        report(("id",), f"id '{template_id}' must be lower-case letters, digits and dashes "
                        "(e.g. 'birthday-balloons')")
    template = CardTemplate(
        id=template_id, name=top.text("name", required=True), format=top.text("format", required=True),
        occasions=top.texts("occasions", required=True), description=top.text("description"),
        requires=top.texts("requires"), thanks_for=top.texts("thanks_for"),
        message=top.text("message"), openings=top.texts("openings"))
    if "occasions" in data and not template.occasions:
        report(("occasions",), "'occasions' must name at least one occasion, e.g. [\"birthday\"]")
    for p, panel_table in enumerate(top.tables("panels")):
        panel = TableReader(panel_table, ("panels", p), report, PANEL_KEYS)
        spec = PanelSpec(name=panel.text("name", required=True),
                         background=panel.text("background") or None)
        for i, image_table in enumerate(panel.tables("images")):
            image = TableReader(image_table, ("panels", p, "images", i), report, IMAGE_KEYS)
            source = image.text("source")
            spec.images.append(ImageSpec(
                file=image.text("file", required=not source), name=image.text("name"),
                source=source, replaces=image.text("replaces"),
                x=image.number("x", 0.0), y=image.number("y", 0.0),
                width=image.number("width", 0.0), height=image.number("height", 0.0),
                fit=image.text("fit", "cover"), focus=image.point("focus"), bleed=image.flag("bleed")))
        for t, text_table in enumerate(panel.tables("texts")):
            where: Where = ("panels", p, "texts", t)
            box = TableReader(text_table, where, report, TEXT_KEYS)
            size = box.number("size", 14.0)
            spec.texts.append(TextSpec(
                name=box.text("name", required=True),
                x=box.number("x", 0.0, required=True), y=box.number("y", 0.0, required=True),
                width=box.number("width", 0.0, required=True),
                height=box.number("height", 0.0, required=True),
                file=box.text("file"), text=box.text("text"), font=box.text("font", "serif"),
                size=size, min_size=box.number("min_size", min(8.0, size)),
                color=box.text("color", "#222222"), align=box.text("align", "center"),
                valign=box.text("valign", "middle"), leading=box.number("leading", 1.25)))
            if "file" in text_table and "text" in text_table:
                report((*where, "text"), "a text box has either 'file' or 'text', not both")
            elif "file" not in text_table and "text" not in text_table:
                report(where, "a text box needs 'file' (a .j2 file in the folder) or 'text'")
            elif spec.texts[-1].file:
                source = read_text(spec.texts[-1].file, (*where, "file"))
                spec.texts[-1].text = source or ""
        for q, qr_table in enumerate(panel.tables("qr")):
            code = TableReader(qr_table, ("panels", p, "qr", q), report, QR_KEYS)
            spec.qr.append(QrSpec(
                name=code.text("name", required=True),
                x=code.number("x", 0.0, required=True), y=code.number("y", 0.0, required=True),
                size=code.number("size", 25.0), color=code.text("color", "#000000"),
                level=code.text("level", "M")))
        template.panels.append(spec)
    if not template.panels and "panels" in data:
        report(("panels",), "the template has no panels")
    elif "panels" not in data:
        report((), "the template has no [[panels]]")
    return template
