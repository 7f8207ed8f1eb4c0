"""Postal addresses: formatting by country rules, deciding whether an address is usable."""

from studio.postal.countries import country_name, resolve_country
from studio.postal.formatting import format_address, is_latin_text, recipient_name_lines
from studio.postal.ordering import postal_sort_key
from studio.postal.problems import address_problem

__all__ = ["address_problem", "country_name", "format_address", "is_latin_text", "postal_sort_key",
           "recipient_name_lines", "resolve_country"]
