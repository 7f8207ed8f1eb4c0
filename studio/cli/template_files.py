"""`studio templates --export/--import/--rename/--duplicate/--delete/--restore/--bin/--empty-bin`.

Each option is one call into `studio.services.my_templates`, the module the gallery's buttons
use too; ``--json`` prints what changed as an object (``action``, ``id``, ``name`` …).
"""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.errors import UsageError
from studio.services import my_templates

MANAGE_OPTIONS = ("export", "import_file", "rename", "duplicate", "delete", "restore", "bin", "empty_bin")


def wants_manage(args: argparse.Namespace) -> bool:
    return any(getattr(args, key, None) for key in MANAGE_OPTIONS)


def run_manage_templates(args: argparse.Namespace, ctx: CliContext) -> int:
    paths = ctx.paths
    if args.out is not None and not args.export:
        raise UsageError("--out goes with --export ID")
    if args.name is not None and not args.duplicate:
        raise UsageError("--name goes with --duplicate ID")
    if args.export:
        if args.out is None:
            raise UsageError("--export needs --out FILE.cardstudio (or a folder)")
        out = my_templates.export_template(paths, args.export, args.out)
        return _done(ctx, args, {"action": "export", "id": args.export, "file": str(out)},
                     f"Wrote '{args.export}' to {out}")
    if args.import_file:
        imported = my_templates.import_template(paths, args.import_file)
        template = imported.template
        line = f"Imported '{template.name}' as {template.id}"
        if imported.renamed:
            line += f" ('{imported.wanted_id}' is already taken, so nothing was replaced)"
        return _done(ctx, args, {"action": "import", "id": template.id, "name": template.name,
                                 "wanted_id": imported.wanted_id}, line)
    if args.rename:
        template_id, name = args.rename
        template = my_templates.rename_template(paths, template_id, name)
        return _done(ctx, args, {"action": "rename", "id": template.id, "name": template.name},
                     f"Renamed {template.id} to '{template.name}'")
    if args.duplicate:
        template = my_templates.duplicate_template(paths, args.duplicate, name=args.name)
        return _done(ctx, args, {"action": "duplicate", "id": template.id, "name": template.name,
                                 "from": args.duplicate},
                     f"Copied {args.duplicate} to '{template.name}' ({template.id})")
    if args.delete:
        binned = my_templates.delete_template(paths, args.delete)
        return _done(ctx, args, {"action": "delete", "id": binned.template_id, "name": binned.name},
                     f"Moved '{binned.name}' to the template bin; bring it back with "
                     f"`studio templates --restore {binned.template_id}`")
    if args.restore:
        template = my_templates.restore_template(paths, args.restore)
        return _done(ctx, args, {"action": "restore", "id": template.id, "name": template.name},
                     f"Brought '{template.name}' back ({template.id})")
    if args.empty_bin:
        count = my_templates.empty_template_bin(paths)
        return _done(ctx, args, {"action": "empty-bin", "deleted": count},
                     f"Deleted {count} template{'s' if count != 1 else ''} from the bin for good")
    binned = my_templates.binned_templates(paths)
    if args.json:
        ctx.print_json([{"id": b.template_id, "name": b.name,
                         "deleted_at": b.deleted_at.isoformat(timespec="seconds")} for b in binned])
    elif not binned:
        ctx.print("The template bin is empty.")
    for entry in [] if args.json else binned:
        ctx.print(f"{entry.template_id}  {entry.name}  (deleted {entry.deleted_at:%Y-%m-%d %H:%M})")
    return 0


def _done(ctx: CliContext, args: argparse.Namespace, data: dict[str, object], line: str) -> int:
    if args.json:
        ctx.print_json(data)
    else:
        ctx.print(line)
    return 0
