"""What each column of a back-office order export holds.

Direct-ship companies export orders with headers like "Order Date", "Order #", "Customer ID",
"Email", "Products", "Total"; those are recognised by name. Any other column is left out
unless the user maps it (``"Bestellt am=order_date,Kunde=name"``, `parse_map_fields`).
An export can be read once it has an order date and something that names the customer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from studio.errors import StudioError
from studio.sources.columns import parse_map_fields
from studio.sources.tables import Table

# The names a user writes in an order column map, and what each means.
ORDER_FIELDS: dict[str, str] = {
    "order_date": "the day of the order (ISO, 11/20/2026 or 20.11.2026)",
    "order_id": "the order number (keeps a re-imported order from counting twice)",
    "customer_number": "the customer's number at the company",
    "name": "the customer's whole name",
    "given_name": "the customer's first name",
    "family_name": "the customer's last name",
    "email": "e-mail address",
    "phone": "phone number",
    "street": "street and number",
    "city": "city",
    "region": "state or province",
    "postal_code": "ZIP or postcode",
    "country": "country",
    "items": "what was ordered",
    "amount": "the order's total ($1,234.50 or 1.234,50 €)",
    "ignore": "a column to leave out",
}
# Fields that say who ordered: an export needs at least one of them.
CUSTOMER_FIELDS = ("customer_number", "email", "phone", "name", "given_name", "family_name")

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(f"(?:{pattern})$", re.IGNORECASE), field) for pattern, field in [
        (r"(?:order|purchase|invoice) date|date(?: ordered| placed)?|order placed|placed(?: on)?|"
         r"ordered(?: on)?|created(?: at)?|bestelldatum|datum", "order_date"),
        (r"order(?: ?(?:#|no\.?|num(?:ber)?|id))?|invoice(?: ?(?:#|no\.?|number|id))?|transaction id|"
         r"bestellnummer|bestell-nr\.?", "order_id"),
        (r"(?:customer|member|client|account|distributor|consultant) ?(?:#|no\.?|num(?:ber)?|id)|"
         r"kundennummer|kunden-nr\.?", "customer_number"),
        (r"(?:customer|client|ship to|bill to|buyer)(?: full)?(?: name)?|(?:full )?name|kunde", "name"),
        (r"(?:customer |ship to |bill to )?(?:first|given) ?name|vorname", "given_name"),
        (r"(?:customer |ship to |bill to )?(?:last|family) ?name|surname|nachname", "family_name"),
        (r"(?:customer |buyer )?e-?mail(?: address)?|e-mail-adresse", "email"),
        (r"(?:customer |buyer )?(?:phone|telephone|mobile|cell)(?: number| no\.?)?|telefon", "phone"),
        (r"(?:ship(?:ping)? |bill(?:ing)? )?(?:street(?: address)?|address(?: line)?(?: 1)?)|stra(?:ß|ss)e",
         "street"),
        (r"(?:ship(?:ping)? |bill(?:ing)? )?(?:city|town)|ort|stadt", "city"),
        (r"(?:ship(?:ping)? |bill(?:ing)? )?(?:state|province|region)|bundesland", "region"),
        (r"(?:ship(?:ping)? |bill(?:ing)? )?(?:zip(?: ?code)?|postal code|postcode)|plz", "postal_code"),
        (r"(?:ship(?:ping)? |bill(?:ing)? )?country|land", "country"),
        (r"items?|products?|product names?|description|what|articles?|artikel|produkte", "items"),
        (r"(?:order |grand )?total|amount|total amount|order amount|order value|betrag|summe|gesamt",
         "amount"),
    ]
]


class UnknownOrderColumns(StudioError):
    """An export whose headers do not say where the order date or the customer is."""

    def __init__(self, table: Table, missing: str) -> None:
        self.table = table
        super().__init__(
            f"{table.source}: no column holds {missing} (columns: {', '.join(table.headers[:10])}"
            f"{' …' if len(table.headers) > 10 else ''}); say which column holds what with "
            '--map "COLUMN=FIELD" (fields: ' + ", ".join(ORDER_FIELDS) + ")")


def recognise_order_column(header: str) -> str | None:
    """The field a back-office header names, or None."""
    text = " ".join(header.replace("_", " ").split())
    return next((field for pattern, field in _RULES if pattern.match(text)), None)


def automatic_order_map(headers: Sequence[str]) -> dict[int, str]:
    """Column index → field for each recognised header (the first column of a field wins)."""
    chosen: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = recognise_order_column(header)
        if field is not None and field not in chosen.values():
            chosen[index] = field
    return chosen


def order_targets(table: Table, column_map: str | None = None) -> dict[int, str]:
    """Column index → field for ``table``: recognised headers, then ``column_map`` on top
    (a mapped field is taken from the column the map names, not a recognised one).

    Raises `UnknownOrderColumns` when no column gives the order date or the customer, and
    UsageError/StudioError for a map naming a column or field that does not exist.
    """
    chosen = parse_map_fields(column_map, table.headers, ORDER_FIELDS) if column_map else {}
    taken = set(chosen.values())
    targets = {i: f for i, f in automatic_order_map(table.headers).items()
               if i not in chosen and f not in taken}
    targets.update(chosen)
    targets = {i: f for i, f in targets.items() if f != "ignore"}
    if "order_date" not in targets.values():
        raise UnknownOrderColumns(table, "the order date")
    if not set(CUSTOMER_FIELDS) & set(targets.values()):
        raise UnknownOrderColumns(table, "the customer (a customer number, e-mail, phone or name)")
    return targets


def order_map_text(headers: Sequence[str], targets: dict[int, str]) -> str:
    """The column-map text that gives ``targets`` (to save and show)."""
    return ",".join(f"{headers[i]}={field}" for i, field in sorted(targets.items()))


def suggested_order_fields(headers: Sequence[str]) -> list[str]:
    """For the column-mapping step: the field each column probably holds ("ignore" if none)."""
    recognised = automatic_order_map(headers)
    return [recognised.get(i, "ignore") for i in range(len(headers))]
