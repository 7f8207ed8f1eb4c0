"""USPS Intelligent Mail barcode data (USPS-B-3200): the tracking code and routing code.

The tracking code is 20 digits: barcode identifier "00", the service type, the mailer ID
(6 or 9 digits, assigned by USPS) and a serial number that fills the rest (9 digits after a
6-digit mailer ID, 6 after a 9-digit one), which must differ for every piece (USPS asks for
45 days; Card Studio never repeats one until the counter wraps). The routing code is the ZIP
code's digits: 5, 9 (ZIP+4) or 11 (with delivery point).

The service type says what the Post Office does with the piece. 310 (First-Class Mail, no
address correction, with Informed Visibility tracking) is the default; 300 is the same
without tracking. Types that ask for address correction (such as 700) need an endorsement
printed on the piece, which Card Studio does not print, so they are not offered.
"""

from __future__ import annotations

import re

from studio.errors import StudioError

BARCODE_ID = "00"
SERVICE_TYPES = {
    "310": "First-Class Mail with tracking, no address correction",
    "300": "First-Class Mail, no tracking, no address correction",
}
DEFAULT_SERVICE_TYPE = "310"
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


def service_type_problem(service_type: str) -> str | None:
    """Why ``service_type`` cannot be used, in words for the user; None when it can."""
    if service_type.strip() in SERVICE_TYPES:
        return None
    offered = "; ".join(f"{code}: {what}" for code, what in SERVICE_TYPES.items())
    return f"{service_type.strip()!r} is not a service type Card Studio prints ({offered})"


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


def intelligent_mail_codes(mailer_id: str, serial: int, zip_code: str,
                           service_type: str = DEFAULT_SERVICE_TYPE) -> tuple[str, str] | None:
    """(tracking code, routing code) for one piece, or None when the ZIP is not usable.

    ``serial`` is the piece's own number (`HistoryRepository.reserve_serials`), reduced to
    the digits the mailer ID leaves. Raises StudioError for a bad mailer ID or service type.
    """
    mid = check_mailer_id(mailer_id)
    problem = service_type_problem(service_type)
    if problem:
        raise StudioError(f"the mail service type in settings: {problem}")
    routing = routing_code(zip_code)
    if routing is None:
        return None
    width = 20 - len(BARCODE_ID) - len(service_type) - len(mid)
    return f"{BARCODE_ID}{service_type}{mid}{serial % 10 ** width:0{width}d}", routing
