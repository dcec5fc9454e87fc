"""``flagsite diff [BASE]``: record changes in plain words, for a pull request."""

from __future__ import annotations

import click

from ..controls import json_text


@click.command()
@click.argument("base", required=False)
@click.option("--format", "format_", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="text to read, markdown to post on a pull request, json for tools.")
@click.pass_obj
def diff(root: str, base: str | None, format_: str) -> None:
    """Field-level changes to customer records between BASE and the working tree.

    BASE defaults to the merge base with the main branch.
    """
    from ..git import resolve_commit
    from ..history.diff import default_base, working_diff
    from ..history.render import diff_markdown, diff_text
    from ..record.open import strict_config

    base_sha = resolve_commit(root, base or default_base(root)) or ""
    diffs = working_diff(root, base_sha or base)
    labels = {name: t.label for name, t in strict_config(root).flag_types.items()}
    if format_ == "json":
        data = {"base": base_sha, "customers": [{"customer": d.customer_id, "changes": [c.as_json() for c in d.changes]} for d in diffs]}
        click.echo(json_text(data, indent=2))
    elif format_ == "markdown":
        click.echo(diff_markdown(diffs, labels, base_sha), nl=False)
    else:
        click.echo(diff_text(diffs, labels), nl=False)
