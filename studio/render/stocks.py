"""The stock database: label sheets and envelopes as data files, not code.

Bundled stock lives in ``assets/stock/labels.toml`` and ``assets/stock/envelopes.toml``
(gLabels' way of describing a label product: brand, part, equivalents, sheet size, grid
nx x ny, origin x0/y0, pitch dx/dy, label size, corner radius; all millimetres). A user's
own ``labels.toml`` / ``envelopes.toml`` in `AppPaths.user_stock_dir` are read after the
bundled ones; an entry with the same id replaces the bundled entry. A broken file is skipped
whole (half a file would mix its entries with the bundled ones) and named in
`StockCatalog.warnings` as FILE:LINE, so one bad file never stops every label command.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from studio.errors import StudioError, UsageError
from studio.model import EnvelopeSize, LabelStock
from studio.paths import bundled_dir
from studio.render.formats import FORMATS, CardFormat

LABELS_FILE = "labels.toml"
ENVELOPES_FILE = "envelopes.toml"
PAPERS = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
_LABEL_NUMBERS = ("sheet_width", "sheet_height", "label_width", "label_height", "x0", "y0", "dx", "dy")
_EDGE_TOLERANCE = 0.5  # mm; data sheets round, a grid may touch the edge
# A card slides into an envelope at least this much larger both ways (1/8 in, the stationers' rule).
CARD_CLEARANCE_MM = 3.0
T = TypeVar("T")
_CUSTOM = re.compile(r"^custom:\s*([0-9]+(?:\.[0-9]+)?)\s*[x×]\s*([0-9]+(?:\.[0-9]+)?)\s*(mm|in)?$", re.I)


def _slug(text: str) -> str:
    return re.sub(r"[\s_/]+", "-", text.strip().casefold())


@dataclass
class StockCatalog:
    """Every known label stock and envelope size, and how names given by users find them."""

    labels: dict[str, LabelStock] = field(default_factory=dict)
    envelopes: dict[str, EnvelopeSize] = field(default_factory=dict)
    _label_names: dict[str, str] = field(default_factory=dict, repr=False)
    _bare_parts: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _envelope_names: dict[str, str] = field(default_factory=dict, repr=False)
    warnings: list[str] = field(default_factory=list)  # one "FILE:LINE: problem" per skipped file

    def label(self, name: str) -> LabelStock:
        """The label stock called ``name``: its id ("avery-5160"), brand and part
        ("Avery 5160"), an equivalent part ("avery-8160") or a bare part number ("J8160")
        when only one brand uses it. Raises UsageError naming close matches."""
        key = _slug(name)
        found = self._label_names.get(key)
        if found is None:
            owners = sorted(self._bare_parts.get(key, ()))
            if len(owners) > 1:
                raise UsageError(f"several brands sell a {name!r}: {', '.join(owners)}; name one of these")
            if not owners:
                raise UsageError(f"unknown label stock {name!r}; {self._suggest(name)} (see `studio stocks`)")
            found = owners[0]
        return self.labels[found]

    def envelope(self, name: str) -> EnvelopeSize:
        """The envelope called ``name`` ("no10", "#10", "c6", "DL"), or a custom size written
        ``custom:WxH`` in millimetres or ``custom:WxHin`` in inches."""
        if _slug(name).startswith("custom:"):
            return custom_envelope(name)
        found = self._envelope_names.get(_slug(name))
        if found is None:
            raise UsageError(f"unknown envelope size {name!r}; choose one of "
                             f"{', '.join(self.envelopes)} or custom:WxH (mm, or add 'in')")
        return self.envelopes[found]

    def envelopes_for(self, card: CardFormat) -> list[EnvelopeSize]:
        """The envelopes that take ``card`` (see `takes_card`), smallest first."""
        return sorted((e for e in self.envelopes.values() if takes_card(e, card)),
                      key=lambda e: (e.width * e.height, e.id))

    def _suggest(self, name: str) -> str:
        digits = re.sub(r"\D", "", name)
        close = [key for key in self.labels if digits and digits[:3] in key] or list(self.labels)[:6]
        return "did you mean " + ", ".join(close[:6]) + "?"

    def add_label(self, stock: LabelStock) -> None:
        """Add ``stock``, replacing one with the same id (a user's file over the bundled one)."""
        self.labels[stock.id] = stock
        names = (stock.id, f"{stock.brand}-{stock.part}", *(f"{stock.brand}-{p}" for p in stock.equivalents))
        for name in names:
            self._label_names[_slug(name)] = stock.id
        for part in (stock.part, *stock.equivalents):
            self._bare_parts.setdefault(_slug(part), set()).add(stock.id)

    def add_envelope(self, size: EnvelopeSize, aliases: tuple[str, ...] = ()) -> None:
        self.envelopes[size.id] = size
        for name in (size.id, *aliases):
            self._envelope_names[_slug(name)] = size.id


def takes_card(envelope: EnvelopeSize, card: CardFormat) -> bool:
    """True when ``card`` goes in ``envelope``: the envelope lists the card's format in
    ``fits``, or, for an envelope that lists none (a custom size), the finished card is at
    least `CARD_CLEARANCE_MM` smaller both ways (turned as it best goes in)."""
    if envelope.fits:
        return card.id in envelope.fits
    long_side, short_side = max(card.width_mm, card.height_mm), min(card.width_mm, card.height_mm)
    return (envelope.width - long_side >= CARD_CLEARANCE_MM
            and envelope.height - short_side >= CARD_CLEARANCE_MM)


def custom_envelope(spec: str) -> EnvelopeSize:
    """An envelope from ``custom:WxH`` (mm) or ``custom:WxHin`` (inches), landscape."""
    match = _CUSTOM.match(spec.strip())
    if not match:
        raise UsageError(f"{spec!r} is not a custom size; write it like custom:190x120 (mm) "
                         "or custom:7.5x4.75in")
    factor = 25.4 if (match.group(3) or "mm").lower() == "in" else 1.0
    a, b = float(match.group(1)) * factor, float(match.group(2)) * factor
    width, height = max(a, b), min(a, b)
    if height < 70 or width > 400:
        raise UsageError(f"{spec!r}: an envelope must be at least 70 mm high and at most 400 mm wide")
    return EnvelopeSize(id=f"custom-{width:g}x{height:g}", name=f"Custom {width:g} x {height:g} mm",
                        width=width, height=height, region="custom")


def load_stocks(user_dir: Path | None = None) -> StockCatalog:
    """The bundled stock database, then the user's files from ``user_dir`` (if any).

    A file that is not valid TOML, or has an entry that lacks a value or does not fit its
    sheet, is skipped and named in the catalog's ``warnings`` as "FILE:LINE: problem".
    """
    catalog = StockCatalog()
    folders = [bundled_dir("assets") / "stock"]
    if user_dir is not None:
        folders.append(user_dir)
    for folder in folders:
        labels_path, envelopes_path = folder / LABELS_FILE, folder / ENVELOPES_FILE
        if labels_path.is_file():
            try:
                labels = _parse_file(labels_path, "label", _label)
            except _BrokenStockFile as exc:
                catalog.warnings.append(str(exc))
            else:
                for stock in labels:
                    catalog.add_label(stock)
        if envelopes_path.is_file():
            try:
                envelopes = _parse_file(envelopes_path, "envelope", _envelope)
            except _BrokenStockFile as exc:
                catalog.warnings.append(str(exc))
            else:
                for size, aliases in envelopes:
                    catalog.add_envelope(size, aliases)
    return catalog


class _BrokenStockFile(StudioError):
    """A stock file that cannot be used, as "FILE:LINE: problem; the file is skipped"."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}; this stock file is skipped")


def _parse_file(path: Path, kind: str, parse: Callable[[dict[str, Any], Path, int], T]) -> list[T]:
    """Every ``[[kind]]`` entry of ``path`` parsed; the first bad one fails the file at its line."""
    parsed = []
    for number, entry in _entries(path, kind):
        try:
            parsed.append(parse(entry, path, number))
        except StudioError as exc:
            raise _BrokenStockFile(path, _entry_line(path, kind, number), str(exc)) from exc
    return parsed


def _entries(path: Path, kind: str) -> list[tuple[int, dict[str, Any]]]:
    """The ``[[kind]]`` tables of ``path``, numbered from 1."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _BrokenStockFile(path, 1, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_in_message(str(exc))
        raise _BrokenStockFile(path, line, f"is not valid TOML ({str(exc).split(' (at')[0]})") from exc
    entries = data.get(kind, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _BrokenStockFile(path, 1, f"'{kind}' must be a list of [[{kind}]] tables")
    return list(enumerate(entries, start=1))


def _line_in_message(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else 1


def _entry_line(path: Path, kind: str, number: int) -> int:
    """The line of the ``number``-th ``[[kind]]`` header in ``path`` (1 when not found)."""
    header = re.compile(rf"^\s*\[\[\s*{kind}\s*\]\]")
    seen = 0
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if header.match(line):
            seen += 1
            if seen == number:
                return line_number
    return 1


def _where(path: Path, kind: str, number: int, entry: dict[str, Any]) -> str:
    return f"{kind} {entry.get('id', f'number {number}')!r}"


def _label(entry: dict[str, Any], path: Path, number: int) -> LabelStock:
    where = _where(path, "label", number, entry)
    try:
        paper = str(entry["paper"]).casefold()
        values: dict[str, float | None] = {name: float(entry[name]) if name in entry else None
                                           for name in _LABEL_NUMBERS}
        if paper in PAPERS and values["sheet_width"] is None:
            values["sheet_width"], values["sheet_height"] = PAPERS[paper]
        missing = [name for name, value in values.items() if value is None]
        if missing:
            raise KeyError(missing[0])
        stock = LabelStock(
            id=str(entry["id"]), brand=str(entry["brand"]), part=str(entry["part"]),
            description=str(entry.get("description", "")), paper=paper,
            nx=int(entry["nx"]), ny=int(entry["ny"]), corner_radius=float(entry.get("corner_radius", 0)),
            equivalents=tuple(str(e) for e in entry.get("equivalents", ())),
            kind=str(entry.get("kind", "address")), rotate=bool(entry.get("rotate", False)),
            **values)  # type: ignore[arg-type]
    except KeyError as exc:
        raise StudioError(f"{where} has no {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise StudioError(f"{where}: {exc}") from exc
    _check_geometry(stock, where)
    return stock


def _check_geometry(stock: LabelStock, where: str) -> None:
    if min(stock.nx, stock.ny) < 1 or min(stock.label_width, stock.label_height) <= 0:
        raise StudioError(f"{where}: nx, ny and the label size must be positive")
    if stock.rotate and stock.per_sheet != 1:
        raise StudioError(f"{where}: only a roll of single labels (nx = ny = 1) can be rotated")
    right = stock.x0 + (stock.nx - 1) * stock.dx + stock.label_width
    bottom = stock.y0 + (stock.ny - 1) * stock.dy + stock.label_height
    if stock.x0 < -_EDGE_TOLERANCE or stock.y0 < -_EDGE_TOLERANCE \
            or right > stock.sheet_width + _EDGE_TOLERANCE or bottom > stock.sheet_height + _EDGE_TOLERANCE:
        raise StudioError(f"{where}: the labels run off the {stock.sheet_width:g} x "
                          f"{stock.sheet_height:g} mm sheet (grid ends at {right:.1f} x {bottom:.1f} mm)")
    # gLabels' data rounds to points: a pitch a tenth of a millimetre short is rounding.
    if (stock.nx > 1 and stock.dx < stock.label_width - 0.1) or \
            (stock.ny > 1 and stock.dy < stock.label_height - 0.1):
        raise StudioError(f"{where}: the pitch (dx, dy) is smaller than the label, so labels overlap")


def _envelope(entry: dict[str, Any], path: Path, number: int) -> tuple[EnvelopeSize, tuple[str, ...]]:
    where = _where(path, "envelope", number, entry)
    try:
        a, b = float(entry["width"]), float(entry["height"])
        size = EnvelopeSize(id=str(entry["id"]), name=str(entry.get("name", entry["id"])),
                            width=max(a, b), height=min(a, b), region=str(entry.get("region", "")),
                            fits=tuple(str(f) for f in entry.get("fits", ())))
    except KeyError as exc:
        raise StudioError(f"{where} has no {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise StudioError(f"{where}: {exc}") from exc
    if size.height <= 0:
        raise StudioError(f"{where}: width and height must be positive")
    unknown = [f for f in size.fits if f not in FORMATS]
    if unknown:
        raise StudioError(f"{where}: fits names unknown card formats {', '.join(map(repr, unknown))}; "
                          f"known formats: {', '.join(FORMATS)}")
    return size, tuple(str(a) for a in entry.get("aliases", ()))


def label_rect(stock: LabelStock, position: int) -> tuple[float, float, float, float]:
    """Label ``position`` (0-based, left to right, then top to bottom) on its sheet as
    (x, y, width, height) in mm from the sheet's top-left corner, as the stock defines it."""
    column, row = position % stock.nx, (position // stock.nx) % stock.ny
    return (stock.x0 + column * stock.dx, stock.y0 + row * stock.dy, stock.label_width, stock.label_height)
