"""Where contacts come from besides vCard files: CSV and spreadsheet exports.

Each source yields the same `VCardFile` shape the vCard reader gives (parsed contacts, each
with where it starts, and the problems as ``FILE:LINE`` sentences), so the address book
imports and merges every source the same way.
"""
