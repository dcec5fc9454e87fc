"""``flagsite show ID``: a customer's record files, now or as they stood on a past date."""

from __future__ import annotations

import datetime as dt

import click

from ..controls import json_text, visible
from ..findings import Finding
from ..layout import CUSTOMER_FILE
from .dates import UTC_MOMENT


@click.command()
@click.argument("customer_id", metavar="ID")
@click.option("--as-of", "as_of", type=UTC_MOMENT, metavar="DATE", default=None,
              help="The record as it stood then on the main line, by when commits landed there (YYYY-MM-DD: end of that day, UTC; or an ISO 8601 time), rebuilt from Git.")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the files exactly as they were; json: the parsed record.")
@click.pass_obj
def show(root: str, customer_id: str, as_of: dt.datetime | None, format_: str) -> None:
    """Show everything in a customer's record, internal fields included (for staff)."""
    from ..config import load_config
    from ..record import load_customer
    from ..record.open import record_source

    with record_source(root, as_of) as source:
        # A broken configuration leaves the defaults here: show is for staff, who need to see the record to mend it.
        entry = load_customer(source, customer_id, load_config(root)[0])
        paths = [f"{entry.folder}/{CUSTOMER_FILE}", *sorted(n.path for n in entry.notes)]
        files = {path: _text(source.read(path)) for path in paths}
        description = source.description
    if format_ == "json":
        data = {
            "customer": entry.customer.model_dump(mode="json", by_alias=True),
            "notes": [{"path": n.path, **n.note.model_dump(mode="json", by_alias=True)} for n in entry.notes],
            "record": description,
        }
        click.echo(json_text(data, indent=2))
        return
    click.echo(f"# {customer_id}, {description}")
    for path, text in files.items():
        # A file as it stood may predate the control-character check: shown, never obeyed.
        click.echo(f"\n# --- {visible(path)}\n{visible(text.rstrip(), one_line=False)}")


def _text(content: bytes | Finding) -> str:
    return "" if isinstance(content, Finding) else content.decode("utf-8", "replace")
