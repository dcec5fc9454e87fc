"""``flagsite customer new``: start a customer's record from the outline."""

from __future__ import annotations

import click


@click.group()
def customer() -> None:
    """Start customers' records."""


@customer.command()
@click.argument("customer_id", metavar="ID")
@click.option("--name", default=None, help="The account holder's name (default: a TODO to fill in).")
@click.option("--group", default=None, help="Grouping folders under records/customers/, e.g. G-01 or north/G-01.")
@click.pass_obj
def new(root: str, customer_id: str, name: str | None, group: str | None) -> None:
    """Write records/customers/[GROUP/]ID/customer.yaml from the outline, with its $schema line.

    The id must be new in every grouping folder. Replace each TODO in the file;
    flagsite validate reports those left. An existing file is never overwritten.
    """
    from ..scaffold.customer import CustomerDraft, new_customer

    click.echo(new_customer(root, CustomerDraft(customer_id, name, group)))
