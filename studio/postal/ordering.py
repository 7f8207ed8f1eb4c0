"""The order in which mail is stacked for the post office.

Presorted mail goes in postcode order: domestic pieces first (they leave in one
tray), then each foreign country together. Postcodes are compared as text with
spaces and dashes removed, so "SW1A 2AA" sorts with "SW1A2AA" and ZIP+4 codes sit
right after their five-digit ZIP.
"""

from __future__ import annotations

from studio.model import Address
from studio.postal.countries import resolve_country


def postal_sort_key(address: Address | None, home_country: str) -> tuple[int, str, str, str]:
    """A sort key: (domestic 0 / foreign 1 / no address 2, country, postcode, city)."""
    if address is None:
        return (2, "", "", "")
    country = resolve_country(address.country, home_country) or address.country.strip().upper()
    code = "".join(ch for ch in address.postal_code.upper() if ch.isalnum())
    domestic = 0 if country == home_country.upper() else 1
    return (domestic, country, code, address.city.strip().casefold())
