"""``flagsite history ID``: every commit that touched a customer's records, newest first."""

from __future__ import annotations

import click

from ..controls import json_text
from ..history import customer_history
from ..history.render import history_text


@click.command()
@click.argument("customer_id", metavar="ID")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text to read, json for tools (SPEC contract).")
@click.pass_obj
def history(root: str, customer_id: str, format_: str) -> None:
    """Who changed what in a customer's record, and when, field by field, from Git.

    Works for a customer whose folder was moved between groups or deleted.
    """
    commits = customer_history(root, customer_id)
    if format_ == "json":
        click.echo(json_text({"customer": customer_id, "commits": [c.as_json() for c in commits]}, indent=2))
    else:
        click.echo(history_text(customer_id, commits), nl=False)
