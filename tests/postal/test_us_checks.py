"""Doubts about US addresses (USPS Publication 28) are warnings in the dry run; nothing is rewritten."""

from __future__ import annotations

import pytest

from studio.model import Address
from studio.postal.us_checks import us_address_doubts


@pytest.mark.parametrize("address, doubts", [
    (Address("23 Oak Tree Road\nApt 4B", "Edison", "NJ", "08817"), []),
    (Address("PO Box 123", "Edison", "NJ", "08817"), []),
    (Address("4216 Fremont Ave N", "Seattle", "Washington", "98103-1351"), []),
    (Address("23 Oak Tree Road Apt", "Edison", "NJ", "08817"), ["“Apt” is given without a unit number"]),
    (Address("100 Main St #", "Edison", "NJ", "08817"), ["“#” is given without a unit number"]),
    (Address("4216 Fremont Avenue North", "Seattle", "NJ", "98103"), ["ZIP code 98103 is not one of NJ's"]),
    (Address("123 Main St Apartment", "Columbus", "OH", "43210"),
     ["“Apartment” is given without a unit number"]),  # a unit word usaddress leaves untagged
    (Address("17 Beacon St", "Boston", "MA", "2134"),  # a spreadsheet dropped the leading 0
     ["ZIP code 2134 is not five digits (or ZIP+4, 12345-6789)"]),
    (Address("17 Beacon St", "Boston", "XX", "02134"), ["“XX” is not a US state or territory"]),
    (Address("Oak Tree", "Edison", "NJ", "08817"),
     ["the street “Oak Tree” does not read as a US street address (number and street)"]),
])
def test_doubts(address: Address, doubts: list[str]) -> None:
    assert us_address_doubts(address) == doubts
