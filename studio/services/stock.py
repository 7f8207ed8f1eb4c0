"""The paper a user prints on: label stocks and envelope sizes, bundled and their own."""

from __future__ import annotations

from typing import Any

from studio.model import EnvelopeSize, LabelStock
from studio.paths import AppPaths
from studio.render.stocks import StockCatalog, load_stocks
from studio.settings import Settings


def load_catalog(paths: AppPaths | None = None) -> StockCatalog:
    """The bundled stock plus the user's own (``paths.user_stock_dir``)."""
    return load_stocks(paths.user_stock_dir if paths else None)


def stock_warnings(paths: AppPaths | None = None) -> list[str]:
    """One "FILE:LINE: problem" per stock file that was skipped because it is broken."""
    return load_catalog(paths).warnings


def label_stocks(paths: AppPaths | None = None) -> list[LabelStock]:
    """Every label stock, bundled and the user's."""
    return list(load_catalog(paths).labels.values())


def envelope_sizes(paths: AppPaths | None = None) -> list[EnvelopeSize]:
    """Every envelope size, bundled and the user's."""
    return list(load_catalog(paths).envelopes.values())


def envelopes_for_templates(formats: dict[str, str], paths: AppPaths | None = None) -> dict[str, list[str]]:
    """For each template id of ``formats`` (id → card format), the envelopes its cards go in,
    smallest first (none for a format Card Studio does not know)."""
    from studio.errors import StudioError
    from studio.render.formats import card_format

    catalog = load_catalog(paths)
    fitting: dict[str, list[str]] = {}
    for template_id, format_id in formats.items():
        try:
            fitting[template_id] = [e.id for e in catalog.envelopes_for(card_format(format_id))]
        except StudioError:
            fitting[template_id] = []
    return fitting


def stock_rows(paths: AppPaths | None = None) -> list[dict[str, Any]]:
    """Every label stock and envelope as `studio stocks --json` prints them."""
    catalog = load_catalog(paths)
    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "brand": s.brand,
            "part": s.part,
            "paper": s.paper,
            "grid": f"{s.nx}x{s.ny}",
            "label_size": f"{s.label_width:.1f}x{s.label_height:.1f} mm",
            "kind": "label",
            "use": s.kind,
            "description": s.description,
            "per_sheet": s.per_sheet,
            "equivalents": list(s.equivalents),
        }
        for s in catalog.labels.values()
    ]
    rows += [
        {
            "id": e.id,
            "brand": "",
            "part": e.name.split(" (")[0],
            "paper": "",
            "grid": "",
            "label_size": f"{e.width:.1f}x{e.height:.1f} mm",
            "kind": "envelope",
            "use": e.region,
            "description": e.name,
            "per_sheet": 1,
            "equivalents": [],
        }
        for e in catalog.envelopes.values()
    ]
    return rows


def label_stock(
    stock: LabelStock | str | None, settings: Settings, paths: AppPaths | None = None
) -> LabelStock:
    """``stock`` itself, the stock it names, or the settings' stock."""
    if isinstance(stock, LabelStock):
        return stock
    return load_catalog(paths).label(stock or settings.label_stock)


def envelope_size(
    size: EnvelopeSize | str | None, settings: Settings, paths: AppPaths | None = None
) -> EnvelopeSize:
    """``size`` itself, the envelope it names, or the settings' envelope."""
    if isinstance(size, EnvelopeSize):
        return size
    return load_catalog(paths).envelope(size or settings.envelope_size)
