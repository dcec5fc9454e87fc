"""``flagsite request ID --ref REF``: the whole reply to a record-access request, in one folder."""

from __future__ import annotations

import datetime as dt

import click

from ..controls import visible
from .dates import DATE


@click.command()
@click.argument("customer_id", metavar="ID")
@click.option("--ref", "reference", required=True, help="The request's reference: names the folder, and is quoted in the letter.")
@click.option("--requester", default=None, help="Who asked, when not the account holder (their name is not redacted).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Write the request folder here (default: .flagsite/requests/ in the repository, which Git ignores).")
@click.option("--today", type=DATE, default=None, help="The reply's date (default: today).")
@click.pass_obj
def request(root: str, customer_id: str, reference: str, requester: str | None, out: str | None, today: dt.date | None) -> None:
    """Write the whole reply to a record-access request: a folder and a zip.

    The cover letter (from privacy: in flagsite.yaml), the customer-visible record
    with other people's data redacted as [third party], and the withheld manifest
    with the legal ground of each class, in HTML and PDF; reviewer.html labels
    everything and lists what to decide; decisions.yaml records the third-party
    items the reviewer keeps, and is read again by the next run with the same --ref.
    """
    from ..record.open import strict_config
    from ..request import prepare_reply

    config = strict_config(root)
    reply = prepare_reply(root, config, customer_id, reference, requester=requester, today=today or dt.date.today(), out=out)
    for path in reply.written:
        click.echo(visible(f"wrote {path}"))
    kept = len(reply.mentions) - reply.redacted
    click.echo(f"{reply.redacted} third-party item(s) redacted, {kept} kept; review reviewer.html before sending the zip.")
    for stale in reply.stale_decisions:
        click.echo(visible(f"flagsite: warning: decisions.yaml keeps {stale.item}, which is no longer found; review it again"), err=True)
    if reply.pdf_problem is not None:
        click.echo(f"flagsite: {reply.pdf_problem}", err=True)
        raise click.exceptions.Exit(1)
