"""Card Studio: appreciation-marketing cards from your address book."""

__version__ = "0.1.0"
