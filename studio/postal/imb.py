"""USPS Intelligent Mail barcode data (USPS-B-3200): the tracking code and routing code.

The tracking code is 20 digits: barcode identifier "00", service type "700" (First-Class
Mail, no extra services), the mailer ID (6 or 9 digits, assigned by USPS) and a serial
number that fills the rest (9 digits after a 6-digit mailer ID, 6 after a 9-digit one).
The routing code is the ZIP code's digits: 5, 9 (ZIP+4) or 11 (with delivery point).
"""

from __future__ import annotations

import re

from studio.errors import StudioError

BARCODE_ID = "00"
SERVICE_TYPE = "700"
_ZIP = re.compile(r"^(\d{5})(?:[-\s]?(\d{4})(\d{2})?)?$")


def mailer_id_problem(mailer_id: str) -> str | None:
    """Why ``mailer_id`` is not a USPS mailer ID (6 digits starting 0-8, or 9 digits
    starting with 9), in words for the user; None when it is one."""
    digits = mailer_id.strip().replace(" ", "")
    if not digits.isdigit() or not ((len(digits) == 6 and digits[0] != "9") or
                                    (len(digits) == 9 and digits[0] == "9")):
        return (f"{mailer_id.strip()!r} is not a USPS mailer ID "
                "(6 digits not starting with 9, or 9 digits starting with 9)")
    return None


def check_mailer_id(mailer_id: str) -> str:
    """The mailer ID's digits; raises StudioError unless it is a valid USPS mailer ID."""
    problem = mailer_id_problem(mailer_id)
    if problem:
        raise StudioError(f"the mailer ID in settings: {problem}")
    return mailer_id.strip().replace(" ", "")


def routing_code(zip_code: str) -> str | None:
    """The routing digits of a ZIP, ZIP+4 or ZIP+4+delivery point; None if it is none."""
    match = _ZIP.match(zip_code.strip())
    if not match:
        return None
    return "".join(part for part in match.groups() if part)


def intelligent_mail_codes(mailer_id: str, serial: int, zip_code: str) -> tuple[str, str] | None:
    """(tracking code, routing code) for one piece, or None when the ZIP is not usable.

    ``serial`` identifies the piece among the mailer's (e.g. the contact's id); it is
    reduced to the digits the mailer ID leaves. Raises StudioError for a bad mailer ID.
    """
    mid = check_mailer_id(mailer_id)
    routing = routing_code(zip_code)
    if routing is None:
        return None
    width = 20 - len(BARCODE_ID) - len(SERVICE_TYPE) - len(mid)
    return f"{BARCODE_ID}{SERVICE_TYPE}{mid}{serial % 10 ** width:0{width}d}", routing
