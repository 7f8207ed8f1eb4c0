"""The verse library: short messages by occasion and tone, searchable, to start a card from.

Core only: the bundled `verses.toml` and the search over it; the CLI (`studio verses`) and
the desktop's verse picker read it through `studio.services.verses`.
"""
