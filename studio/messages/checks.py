"""Warnings on personal messages: the point of writing one per person is that nobody gets
the same words as their neighbour, or as last year."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from babel.lists import format_list


def same_words(text: str) -> str:
    """``text`` as compared: case, accents, spacing and punctuation do not make it new."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", letters))


def shared_message_warnings(messages: Mapping[int, str], names: Mapping[int, str]) -> list[str]:
    """One warning per text that two or more recipients would get, naming them."""
    by_text: dict[str, list[int]] = {}
    for contact_id, text in messages.items():
        key = same_words(text)
        if key:
            by_text.setdefault(key, []).append(contact_id)
    warnings = []
    for ids in by_text.values():
        if len(ids) > 1:
            who = format_list([names.get(i, f"#{i}") for i in ids], locale="en")
            warnings.append(f"{who} would get the same message: {_quoted(messages[ids[0]])}")
    return warnings


def repeated_message_warnings(messages: Mapping[int, str], last_messages: Mapping[int, str],
                              names: Mapping[int, str]) -> list[str]:
    """A warning for each recipient whose message is the one on the last card they got."""
    return [f"{names.get(contact_id, f'#{contact_id}')} got this message last time: {_quoted(text)}"
            for contact_id, text in messages.items()
            if contact_id in last_messages and same_words(last_messages[contact_id]) == same_words(text)]


def _quoted(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[:limit - 1].rstrip() + '…'}”"

