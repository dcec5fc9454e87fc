"""``flagsite flag add|edit|remove|bulk``: change customers' flags in place."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from ..controls import json_text, visible
from ..report import report_lines
from .dates import DATE

if TYPE_CHECKING:
    from ..edit.flags import FlagChange


@click.group()
def flag() -> None:
    """Add, edit or remove customers' flags, keeping the rest of each file as it is."""


def _run(root: str, customer_id: str, change: FlagChange) -> None:
    from ..edit.flags import change_flags

    edited = change_flags(root, customer_id, change)
    click.echo(report_lines(edited.warnings), nl=False, err=True)
    click.echo(visible(f"{edited.path}: {edited.what}"))


@flag.command()
@click.argument("customer_id", metavar="ID")
@click.option("--type", "flag_type", required=True, help="A flag type from the vocabulary (e.g. on-hold).")
@click.option("--reason", required=True, help="Why the flag is set: facts only, the customer may read it.")
@click.option("--guidance", default=None, help="What staff should do (internal, never exported).")
@click.option("--by", "created_by", default=None, help="created_by (default: from git user.name, else your login).")
@click.option("--created", type=DATE, default=None, help="YYYY-MM-DD (default: today).")
@click.option("--review-by", type=DATE, default=None, help="YYYY-MM-DD: when to review the flag.")
@click.pass_obj
def add(root: str, customer_id: str, flag_type: str, reason: str, guidance: str | None, created_by: str | None,
        created: dt.date | None, review_by: dt.date | None) -> None:
    """Add a flag to customer ID."""
    from ..edit.flags import AddFlag
    from ..staff import check_staff_name, default_staff_name

    by = check_staff_name(created_by, "--by") if created_by else default_staff_name(root, "--by")
    change = AddFlag(flag_type, reason, by, created or dt.date.today(), guidance, review_by)
    _run(root, customer_id, change)


@flag.command()
@click.argument("customer_id", metavar="ID")
@click.option("--type", "flag_type", required=True, help="The type of the flag to edit.")
@click.option("--created", type=DATE, default=None, help="Its creation date, when the customer has two flags of this type.")
@click.option("--reason", default=None, help="The new reason.")
@click.option("--guidance", default=None, help="The new guidance.")
@click.option("--review-by", type=DATE, default=None, help="The new review date (YYYY-MM-DD).")
@click.option("--clear-guidance", is_flag=True, help="Remove the guidance.")
@click.option("--clear-review-by", is_flag=True, help="Remove the review date.")
@click.pass_obj
def edit(root: str, customer_id: str, flag_type: str, created: dt.date | None, reason: str | None, guidance: str | None,
         review_by: dt.date | None, clear_guidance: bool, clear_review_by: bool) -> None:
    """Change the reason, guidance or review date of one of customer ID's flags."""
    clear = frozenset(name for name, wanted in (("guidance", clear_guidance), ("review_by", clear_review_by)) if wanted)
    if not clear and reason is None and guidance is None and review_by is None:
        raise click.UsageError("say what to change: --reason, --guidance, --review-by, --clear-guidance or --clear-review-by")
    # Both at once would silently drop the value given: refuse rather than guess which was meant.
    for given, cleared, name in ((guidance, clear_guidance, "guidance"), (review_by, clear_review_by, "review-by")):
        if given is not None and cleared:
            raise click.UsageError(f"--{name} sets it and --clear-{name} removes it: give one of them")
    from ..edit.flags import EditFlag

    _run(root, customer_id, EditFlag(flag_type, created, reason, guidance, review_by, clear))


@flag.command()
@click.argument("customer_id", metavar="ID")
@click.option("--type", "flag_type", required=True, help="The type of the flag to remove.")
@click.option("--created", type=DATE, default=None, help="Its creation date, when the customer has two flags of this type.")
@click.pass_obj
def remove(root: str, customer_id: str, flag_type: str, created: dt.date | None) -> None:
    """Remove one of customer ID's flags (Git keeps the history)."""
    from ..edit.flags import RemoveFlag

    _run(root, customer_id, RemoveFlag(flag_type, created))


@flag.command()
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(dir_okay=False, exists=True))
@click.option("--by", "created_by", default=None, help="created_by for added flags without one (default: from git user.name, else your login).")
@click.option("--dry-run", is_flag=True, help="Check every row and say which files would change; write nothing.")
@click.pass_obj
def bulk(root: str, csv_file: str, created_by: str | None, dry_run: bool) -> None:
    """Add, edit and remove many flags from a CSV file: all rows valid, or nothing is written.

    Columns: action (add, edit or remove), customer, type, and as needed reason,
    guidance, review_by, created, created_by. For edit, an empty cell leaves the
    field as it is; created names the flag when a customer has two of one type.
    """
    from ..edit.bulk import apply_bulk
    from ..staff import check_staff_name, default_staff_name

    by = check_staff_name(created_by, "--by") if created_by else None
    result = apply_bulk(root, csv_file, default_by=lambda: by or default_staff_name(root, "--by"), write=not dry_run)
    for path in result.paths:
        click.echo(f"{'would update' if dry_run else 'updated'} {path}")
    done = "are valid; nothing written (--dry-run)" if dry_run else "applied"
    click.echo(f"{result.rows} row(s) {done}: {len(result.paths)} customer file(s).")


@flag.command()
@click.option("--base", required=True, help="The commit to compare with (e.g. origin/main, or the pull request's base SHA).")
@click.option("--severity", "severities", multiple=True, default=("block",), show_default=True,
              type=click.Choice(["block", "warn", "info", "positive"]), help="Severities to report (repeatable).")
@click.option("--format", "format_", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.pass_obj
def changes(root: str, base: str, severities: tuple[str, ...], format_: str) -> None:
    """List flags of the given severities added, changed or removed since BASE.

    Exit status 1 when there are any: the records workflow then asks a named
    reviewer to approve (CODEOWNERS cannot match flags by content).
    """
    from ..config import load_config
    from ..edit.review import flag_changes, report_markdown, report_text

    config, _ = load_config(root)
    deltas = flag_changes(root, base, config, tuple(severities))
    if format_ == "json":
        click.echo(json_text({"changes": [d.as_dict() for d in deltas]}, indent=2))
    else:
        click.echo((report_markdown if format_ == "markdown" else report_text)(deltas), nl=False)
    if deltas:
        raise click.exceptions.Exit(1)
