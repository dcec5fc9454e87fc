"""``flagsite export ID``: the customer-visible record (SPEC "What is factual")."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

import click

from .dates import UTC_MOMENT

# The library's renderers and audiences by name, written out so that help does not load them (a test checks they agree).
FORMATS = ("html", "json", "markdown")
AUDIENCES = ("customer", "reviewer")


@click.command()
@click.argument("customer_id", metavar="ID")
@click.option("--format", "format_", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="json for tools, markdown to read, html to print or save as PDF.")
@click.option("--audience", type=click.Choice(AUDIENCES), default="customer", show_default=True,
              help="customer: factual content only, with a manifest of what was withheld; reviewer: everything, labelled.")
@click.option("--as-of", "as_of", type=UTC_MOMENT, metavar="DATE", default=None,
              help="The record as it stood then on the main line, by when commits landed there (YYYY-MM-DD: end of that day, UTC; or an ISO 8601 time), rebuilt from Git.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of standard output.")
@click.pass_obj
def export(root: str, customer_id: str, format_: str, audience: str, as_of: dt.datetime | None, output: TextIO) -> None:
    """Export a customer's record for a record-access request.

    Factual fields only, by the class each field carries in the schema and each
    flag type in the configuration; staff names, internal remarks and
    assessments are left out and counted in a manifest at the end.
    """
    from ..export import RENDERERS, Audience, disclose
    from ..record import load_customer
    from ..record.open import record_source, strict_config

    config = strict_config(root)
    with record_source(root, as_of) as source:
        entry = load_customer(source, customer_id, config)
        moment = source.description
    disclosed = disclose(entry, config, Audience(audience), moment=moment)
    output.write(RENDERERS[format_](disclosed))
