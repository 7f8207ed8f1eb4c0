"""An order's total as back offices write it: "$1,234.50", "1.234,50 €", "EUR 12,50", "(12.00)"."""

from __future__ import annotations

import re

_NOT_NUMBER = re.compile(r"[^\d.,\-()]")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


def parse_amount(text: str) -> float | None:
    """The amount in ``text``; None for an empty cell. Raises ValueError with a sentence.

    Currency symbols and codes, spaces and apostrophes (1'234.50) are dropped. With both "."
    and "," the last one is the decimal mark; with one of them, it is a thousands separator
    when it appears more than once or has exactly three digits after it (totals have two
    decimals), else the decimal mark. Parentheses or a minus make it negative (a refund).
    """
    value = text.strip()
    if not value:
        return None
    negative = value.startswith("(") and value.endswith(")") or "-" in value
    digits = _NOT_NUMBER.sub("", value).strip("()").replace("-", "")
    if not _NUMBER.match(digits):
        raise ValueError(f"{text.strip()[:30]!r} is not an amount (write it like 1234.50 or $1,234.50)")
    if "." in digits and "," in digits:
        decimal = "." if digits.rfind(".") > digits.rfind(",") else ","
    elif "." in digits or "," in digits:
        mark = "." if "." in digits else ","
        whole, _, fraction = digits.rpartition(mark)
        decimal = "" if digits.count(mark) > 1 or len(fraction) == 3 else mark
    else:
        decimal = ""
    thousands = {".", ","} - {decimal}
    for mark in thousands:
        digits = digits.replace(mark, "")
    if decimal == ",":
        digits = digits.replace(",", ".")
    amount = float(digits)
    return -amount if negative else amount
