"""Arguments several commands share, added one way so they read and behave the same.

* `add_selection_arguments`: who a command works on, ``--contact ID ...``, ``--tag TAG``
  or ``--all`` (one of them), as ``args.contacts`` (a list, empty when not given),
  ``args.tag`` and ``args.everyone``, the names `select_contact_ids` takes.
* `add_today_argument` and `today_of`: ``--today DATE`` and the date a command works from.
* `parse_date`: the argparse type for ``YYYY-MM-DD`` dates.
"""

from __future__ import annotations

import argparse
import datetime as dt


def parse_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def add_selection_arguments(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """Add ``--contact ID ...`` (repeatable, order kept), ``--tag TAG`` and ``--all``.

    At most one of them may be given; with ``required`` exactly one. Pass the results
    on as ``select_contact_ids(store, ids=args.contacts, tag=args.tag, everyone=args.everyone)``.
    """
    who = parser.add_mutually_exclusive_group(required=required)
    who.add_argument("--contact", dest="contacts", metavar="ID", type=int, nargs="+", action="extend",
                     default=[], help="these contacts, in this order (ids from `studio contacts`)")
    who.add_argument("--tag", metavar="TAG", help="every contact with this tag, in address-book order")
    who.add_argument("--all", dest="everyone", action="store_true",
                     help="every contact, in address-book order")


def add_today_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--today DATE``; read it with `today_of`."""
    parser.add_argument("--today", type=parse_date, metavar="DATE",
                        help="pretend today is DATE, YYYY-MM-DD (for scripts and checking ahead; "
                             "default: today)")


def today_of(args: argparse.Namespace) -> dt.date:
    """The date commands work from: --today if given, else the system clock (read only here).

    Commands without ``--today`` get the system date.
    """
    return getattr(args, "today", None) or dt.date.today()
