"""Spell checking for what the user writes on a card, in their language.

The checker is pyspellchecker (pure Python, MIT): it ships its own word-frequency
dictionaries for twelve languages, so nothing has to be installed by hand on a fresh
machine (enchant/hunspell would need Debian packages and a C library per platform).
Core only: the desktop underlines and suggests through `studio.services.spelling`.
"""
