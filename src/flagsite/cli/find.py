"""``flagsite find QUERY``: every record and note where a person appears."""

from __future__ import annotations

import click

from ..controls import json_text, visible
from ..errors import UsageError
from ..report import report_lines


@click.command()
@click.argument("query")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text to read, json for tools.")
@click.pass_obj
def find(root: str, query: str, format_: str) -> None:
    """Find a person by name, email or phone: as account holder, as a note's contact, or named in text.

    Start a record-access request from the requester: this lists every customer
    record and note that holds them. Records with errors cannot be searched: they
    are listed, and the exit status is 1, so nobody is missed unknowingly.
    """
    from ..people import Query, find_person
    from ..repository import load_repository

    if Query.parse(query).empty:
        raise UsageError("give a name, an email address or a phone number (at least 3 digits) to find")
    result = load_repository(root, policy=False)  # how a record is written does not matter to who is in it
    found = find_person(result.catalog, query)
    if format_ == "json":
        click.echo(json_text({"query": query, "appearances": [a.as_json() for a in found]}, indent=2))
    else:
        for a in found:
            click.echo(visible(f"{a.customer_id}  {a.path}  {a.role}  {a.field}: {a.text}"))
        customers = len({a.customer_id for a in found})
        click.echo(f"{len(found)} appearance(s) in {customers} customer record(s)." if found else "Not found in any record.")
    if not result.ok:
        errors = [f for f in result.findings if f.severity == "error"]
        click.echo("flagsite: these records have errors and were not searched; fix them and search again:\n"
                   + report_lines(errors).rstrip(), err=True)
        raise click.exceptions.Exit(1)
