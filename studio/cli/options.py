"""Arguments several commands share, added one way so they read and behave the same.

* `add_command`: a subcommand with the ``--db`` every command takes (the ``common``
  parent) and the function that runs it (``args.handler``, which `studio.cli.main` calls).
* `add_json_argument`: ``--json``, print JSON instead of text, as ``args.json``.
* `add_contact_argument`: the positional ``CONTACT``, an id or a search matching one
  contact, as ``args.contact`` (`studio.services.contact_ref` finds the contact).
* `add_selection_arguments`: who a command works on, ``--contact ID ...``, ``--tag TAG``
  or ``--all`` (one of them), as ``args.contacts`` (a list, empty when not given),
  ``args.tag`` and ``args.everyone``, the names `select_contact_ids` takes. The cards come
  out in the ``--order`` of `add_order_argument`, not in the order the ids were typed.
* `add_today_argument` and `today_of`: ``--today DATE`` and the date a command works from.
* `add_order_argument`: ``--order name|postal``, the one order of a batch's cards, envelopes
  and labels.
* `add_printer_arguments`: ``--printer NAME`` (a printer profile; default the default one),
  with ``duplex=True`` also ``--duplex long|short|manual``, with ``on_page=True`` also
  ``--on-page none|letter|a4`` (envelopes on a carrier page).
* `parse_date`, `parse_year`, `day_count`: argparse types for ``YYYY-MM-DD`` dates, years
  and numbers of days, each within what Card Studio can date (`FIRST_YEAR`..`LAST_YEAR`),
  so an absurd value is a clear usage error rather than an overflow deep inside.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from studio.model import CARRIERS, DUPLEX_MODES
from studio.services.mail_pieces import ORDERS

if TYPE_CHECKING:
    from studio.cli.context import CliContext

Handler = Callable[[argparse.Namespace, "CliContext"], int]  # what runs a command: its exit status

FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a card can be dated in
MAX_DAYS = 3660  # the longest window of days a command looks through (ten years)


def add_command(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser, name: str, *,
                help: str, description: str | None = None, handler: Handler) -> argparse.ArgumentParser:
    """Add the subcommand ``name``, taking ``common``'s arguments, run by ``handler``; returns
    its parser for the command's own arguments."""
    parser = subparsers.add_parser(name, parents=[common], help=help, description=description)
    parser.set_defaults(handler=handler)
    return parser


def add_json_argument(parser: argparse.ArgumentParser, help: str = "print JSON") -> None:
    """Add ``--json`` (``args.json``); ``help`` says what is printed as JSON."""
    parser.add_argument("--json", action="store_true", help=help)


def add_contact_argument(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``CONTACT`` (``args.contact``): an id, or a search matching one contact."""
    parser.add_argument("contact", metavar="CONTACT",
                        help="the contact's id, or a search matching one contact")


def parse_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates from `FIRST_YEAR` to `LAST_YEAR`."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"{text!r} is out of range: use a date from {FIRST_YEAR} "
                                         f"to {LAST_YEAR}")
    return day


def parse_year(text: str) -> int:
    """argparse type for a year from `FIRST_YEAR` to `LAST_YEAR`."""
    try:
        year = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (use YYYY, e.g. 2026)") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"{text!r} is out of range: use a year from {FIRST_YEAR} "
                                         f"to {LAST_YEAR}")
    return year


def day_count(minimum: int = 1, maximum: int = MAX_DAYS) -> Callable[[str], int]:
    """argparse type for a number of days from ``minimum`` to ``maximum``."""

    def parse(text: str) -> int:
        try:
            days = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from None
        if not minimum <= days <= maximum:
            raise argparse.ArgumentTypeError(f"{days} is out of range: use {minimum} to {maximum} days")
        return days

    parse.__name__ = "days"  # argparse names the type in its messages
    return parse


def add_selection_arguments(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """Add ``--contact ID ...`` (repeatable, order kept), ``--tag TAG`` and ``--all``.

    At most one of them may be given; with ``required`` exactly one. Pass the results
    on as ``select_contact_ids(store, ids=args.contacts, tag=args.tag, everyone=args.everyone)``.
    """
    who = parser.add_mutually_exclusive_group(required=required)
    who.add_argument("--contact", dest="contacts", metavar="ID", type=int, nargs="+", action="extend",
                     default=[], help="these contacts (ids from `studio contacts`)")
    who.add_argument("--tag", metavar="TAG", help="every contact with this tag")
    who.add_argument("--all", dest="everyone", action="store_true", help="every contact")


def add_messages_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--messages FILE``: the sheet of messages written for each person (`studio messages`)."""
    parser.add_argument("--messages", type=Path, metavar="FILE.csv",
                        help="a message for each person: the sheet `studio messages` wrote, with its "
                             "message column filled in (CSV, or saved as XLSX/ODS); the others get "
                             "--message or the template's own")


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


def add_order_argument(parser: argparse.ArgumentParser, *, pieces: str = "cards") -> None:
    """Add ``--order name|postal`` (default name) as ``args.order``, the `order_recipients` order.

    ``pieces`` says what the command makes, for the help text.
    """
    parser.add_argument("--order", choices=ORDERS, default="name",
                        help=f"the order of the {pieces}: name (family name, default) or postal "
                             "(presorted: domestic by postcode first, then each country); give the "
                             "cards, envelopes and labels of one batch the same order")


def add_printer_arguments(parser: argparse.ArgumentParser, *, duplex: bool = False,
                          on_page: bool = False) -> None:
    """Add ``--printer NAME`` and, if asked, ``--duplex`` and ``--on-page`` (see the module doc)."""
    parser.add_argument("--printer", metavar="NAME",
                        help="the printer profile to print with (`studio printers`; default: the default "
                             "one)")
    if duplex:
        parser.add_argument("--duplex", choices=DUPLEX_MODES,
                            help="two-sided over the long or short edge, or manual: the outsides and the "
                                 "insides as two PDFs (default: the printer profile's)")
    if on_page:
        parser.add_argument("--on-page", choices=CARRIERS,
                            help="print each envelope on a Letter or A4 page where the printer feeds it, for "
                                 "drivers that refuse envelope sizes (default: the profile's "
                                 "envelope_carrier)")
