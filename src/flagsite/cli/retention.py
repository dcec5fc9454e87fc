"""``flagsite retention``: the closed customers kept past the period ``retention:`` in flagsite.yaml sets."""

from __future__ import annotations

import datetime as dt

import click

from ..controls import json_text, visible
from ..report import report_lines
from .dates import DATE


@click.command()
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text to read, json for tools.")
@click.option("--today", type=DATE, default=None, help="Sweep as of this date (default: today).")
@click.pass_obj
def retention(root: str, format_: str, today: dt.date | None) -> None:
    """List every customer record kept past retention: which, since when, by which rule, and what it holds.

    A closed customer's record (customer.yaml, notes, order rows) is kept the
    years `retention:` in flagsite.yaml sets after its `closed:` date. Exit
    status 1 when any record is past retention or cannot be judged (a
    customer.yaml with errors is listed), 0 when none is. `flagsite erase
    --past-retention --ref REF` erases them.
    """
    from ..sweep import sweep

    found = sweep(root, today)
    if format_ == "json":
        click.echo(json_text(found.as_json(), indent=2))
    else:
        for row in found.rows:
            past = row.past
            click.echo(visible(f"{past.customer_id}  {row.entry.folder}  closed {past.closed}  past retention since {past.since}  "
                               f"({past.rule}): {row.held()}"))
        for customer_id in found.closed_without_date:
            click.echo(visible(f"{customer_id}  closed without a closed: date: its period cannot be counted"))
        click.echo(found.summary())
    if found.errors:
        click.echo("flagsite: these customer records have errors and could not be judged; fix them and sweep again:\n"
                   + report_lines(found.errors).rstrip(), err=True)
    if found.rows or found.errors:
        raise click.exceptions.Exit(1)
