"""Postal addresses: formatting by country rules, deciding whether an address is usable."""
