"""``flagsite validate``: check every record, print the findings."""

from __future__ import annotations

import click

from ..report import REPORTER_BY_NAME


@click.command()
@click.option("--format", "format_", type=click.Choice(sorted(REPORTER_BY_NAME)), default="text", show_default=True,
              help="text for people, json for tools, github for workflow annotations.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.pass_obj
def validate(root: str, format_: str, jobs: int | None) -> None:
    """Check records against the schema, the vocabulary and each other.

    Exit status 0 when there are no errors (warnings allowed), 1 otherwise.
    """
    from ..repository import load_repository

    result = load_repository(root, jobs=jobs, keep_records=False)
    click.echo(REPORTER_BY_NAME[format_](result.findings), nl=False)
    if not result.ok:
        raise click.exceptions.Exit(1)
