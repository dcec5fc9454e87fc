"""``flagsite schema``: write the JSON Schemas editors use to complete and check records."""

from __future__ import annotations

import os

import click

from ..report import report_lines


@click.command()
@click.option("--out", type=click.Path(file_okay=False), default="schema", show_default=True,
              help="Folder to write customer.schema.json and note.schema.json into (relative to --root).")
@click.pass_obj
def schema(root: str, out: str) -> None:
    """Write JSON Schemas for customer.yaml and note files, with this repository's vocabulary."""
    from ..config import load_config
    from ..schema import write_schemas

    config, findings = load_config(root)
    if findings:
        click.echo(report_lines(findings), nl=False, err=True)
        click.echo("The configuration has problems; the schemas were written with the defaults.", err=True)
    for path in write_schemas(os.path.join(root, out), config):
        click.echo(f"wrote {os.path.relpath(path, root)}")
