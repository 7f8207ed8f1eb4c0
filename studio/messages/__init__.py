"""A message written for each person: the sheet the user fills in, and the checks on it.

Core only (no store, no Qt): `sheet` writes and reads the CSV round trip, `checks` finds
messages that two recipients share or that repeat what a person got last time.
"""
