"""`studio accounts` (add, list, remove live address books) and `studio sync`."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from studio.cli.context import CliContext, progress_line
from studio.cli.options import add_command, add_json_argument
from studio.errors import StudioError, UsageError
from studio.services import accounts as service


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    acc = add_command(
        subparsers, common, "accounts",
        help="live address books (CardDAV: iCloud, Nextcloud, Fastmail …)",
        description="Live address books that `studio sync` reads (read-only). " + service.GOOGLE_NOTE,
        handler=run_list,
    )
    add_json_argument(acc, "print JSON instead of a table")
    actions = acc.add_subparsers(dest="action", metavar="ACTION")
    add = add_command(actions, common, "add", help="add an account", handler=run_add)
    add.add_argument("kind", choices=["carddav"])
    add.add_argument(
        "--url",
        required=True,
        help="the server (e.g. https://contacts.icloud.com, https://cloud.example.com/remote.php/dav)",
    )
    add.add_argument("--user", required=True, metavar="NAME")
    add.add_argument("--name", help="what to call the account (default: the address book's name)")
    add.add_argument("--book", metavar="NAME", help="which address book, when the server has several")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    remove = add_command(
        actions, common, "remove",
        help="forget an account (its contacts stay)",
        handler=run_remove,
    )
    remove.add_argument("account", metavar="ACCOUNT")

    sync = add_command(
        subparsers, common, "sync",
        help="fetch what changed in live address books",
        handler=run_sync,
    )
    sync.add_argument("account", nargs="?", metavar="ACCOUNT", help="only this account")
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (when no keyring keeps it)",
    )
    sync.add_argument("--quiet", action="store_true", help="print only the summary")


def account_json(account: service.Account) -> dict[str, Any]:
    return {
        "name": account.name,
        "kind": account.kind,
        "url": account.url,
        "user": account.username,
        "address_book": account.book_url,
        "last_sync": account.last_sync,
    }


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        found = service.accounts(store)
    if args.json:
        ctx.print_json([account_json(a) for a in found])
    elif not found:
        ctx.print("No accounts. Add one with `studio accounts add carddav --url URL --user NAME`.")
    for account in found if not args.json else []:
        ctx.print(
            f"{account.name:24} {account.username:20} {account.url}  "
            f"last sync: {account.last_sync or 'never'}"
        )
    return 0


def _password(args: argparse.Namespace, prompt: str) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(prompt)
    else:
        raise UsageError("no terminal to ask for the password; pipe it in with --password-stdin")
    if not password:
        raise StudioError("the password is empty")
    return password


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    password = _password(args, f"Password for {args.user} at {args.url}: ")
    with ctx.open_store() as store:
        account, kept = service.add_carddav_account(
            store, args.url, args.user, password, name=args.name, book=args.book
        )
    ctx.print(f"Added {account.name} ({account.book_url}). Run `studio sync` to fetch its contacts.")
    if not kept:
        ctx.warn(
            "studio: no system keyring here, so the password was not saved; "
            "`studio sync` will ask for it each time (or use --password-stdin)."
        )
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        account = service.remove_account(store, args.account)
    ctx.print(f"Removed the account {account.name}; its contacts stay in your address book.")
    return 0


def run_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    failed = 0
    with ctx.open_store() as store:
        for account in service.chosen_accounts(store, args.account):
            password = service.stored_password(account) or _password(
                args, f"Password for {account.username} ({account.name}): "
            )
            try:
                with progress_line(ctx, enabled=not args.quiet) as progress:
                    report = service.sync_account(store, account, password, progress=progress)
            except StudioError as exc:
                ctx.warn(f"studio: {account.name}: {exc}; nothing was changed")
                failed += 1
                continue
            for problem in report.problems if not args.quiet else []:
                ctx.warn(str(problem))
            for name in report.deleted_on_server:
                ctx.warn(
                    f"{account.name}: {name} was deleted on the server; kept here (delete it in "
                    "Card Studio if they should go)"
                )
            ctx.print(f"Synced {report.summary()}.")
    return 1 if failed else 0
