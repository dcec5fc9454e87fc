"""``flagsite history ID``: every commit that touched a customer's records, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..controls import json_text

if TYPE_CHECKING:
    from ..models import Erasure


@click.command()
@click.argument("customer_id", metavar="ID")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text to read, json for tools (SPEC contract).")
@click.option("--audience", type=click.Choice(["staff", "customer"]), default="staff", show_default=True,
              help="staff: every commit with author, message and every field; customer: when their factual data "
                   "changed and how, with no staff names, commit messages or other customers' content.")
@click.pass_obj
def history(root: str, customer_id: str, format_: str, audience: str) -> None:
    """Who changed what in a customer's record, and when, field by field, from Git.

    The customer is known by the id its record carries, so a folder moved
    (even with heavy edits), deleted or re-created in another folder keeps its
    whole history. Each change shows when it was written (author date) and,
    where that differs, when it landed on the main line (the time --as-of uses).
    """
    from ..history.render import change_log_text, history_text
    from ..locate import find_erasure

    erasure = find_erasure(root, customer_id)
    if erasure is not None:
        _erased(root, erasure, format_)
        return
    if audience == "customer":
        from ..history import customer_change_log
        from ..record.open import strict_config

        log = customer_change_log(root, customer_id, strict_config(root))
        if format_ == "json":
            click.echo(json_text({"customer": customer_id, "changes": [entry.as_json() for entry in log]}, indent=2))
        else:
            click.echo(change_log_text(customer_id, log), nl=False)
        return
    from ..history import customer_history

    commits = customer_history(root, customer_id)
    if format_ == "json":
        click.echo(json_text({"customer": customer_id, "commits": [c.as_json() for c in commits]}, indent=2))
    else:
        click.echo(history_text(customer_id, commits), nl=False)


def _erased(root: str, erasure: Erasure, format_: str) -> None:
    """An erased customer's history is the erasure: what history may still hold is counted, never shown."""
    from ..history.locate import customer_commits

    commits, _ = customer_commits(root, erasure.id, rev="--all", everywhere=True)
    if format_ == "json":
        click.echo(json_text({"customer": erasure.id, "erased": erasure.erased.isoformat(), "request": erasure.request,
                              "commits_still_holding_the_record": len(commits), "commits": []}, indent=2))
        return
    click.echo(f"{erasure.describe()}; their history is not kept.")
    if commits:
        click.echo(f"{len(commits)} commit(s) still hold the erased record: run 'flagsite erase {erasure.id} --ref {erasure.request}' "
                   "to rewrite them out of history.")
