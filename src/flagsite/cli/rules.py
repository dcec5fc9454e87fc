"""``flagsite rules [CODE]``: list the policy rules, or print one rule's page."""

from __future__ import annotations

import click

from ..errors import UsageError


@click.command()
@click.argument("rule", required=False)
@click.option("--markdown", is_flag=True, help="Print every rule's page as one Markdown document (docs/rules.md).")
def rules(rule: str | None, markdown: bool) -> None:
    """List the policy rules, or print the page of RULE (a code like P301 or a name)."""
    from ..policy.docs import rule_list, rule_page, rules_markdown
    from ..rules import find_rule

    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    if rule is None:
        click.echo(rule_list(), nl=False)
        return
    found = find_rule(rule)
    if found is None:
        raise UsageError(f"no policy rule {rule!r}; `flagsite rules` lists them")
    click.echo(rule_page(found), nl=False)
