"""Account passwords in the system keyring (never in the database or the log).

Where the system has no keyring (a bare server, some Linux desktops) nothing is stored and
the password is asked for at each sync.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError

SERVICE = "Card Studio"


def keyring_available() -> bool:
    try:
        return keyring.get_keyring().priority > 0
    except Exception:  # noqa: BLE001 - a broken keyring backend is "no keyring"
        return False


def save_password(account: str, password: str) -> bool:
    """True when the keyring kept it."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, account, password)
    except KeyringError:
        return False
    return True


def load_password(account: str) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError:
        return None


def forget_password(account: str) -> None:
    if keyring_available():
        try:
            keyring.delete_password(SERVICE, account)
        except KeyringError:
            pass
