"""``flagsite erase ID... --ref REF`` and ``flagsite rectify ID --value OLD --ref REF``: personal data out of Git history."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from ..controls import visible
from ..errors import FlagsiteError, UsageError
from ..layout import erasure_file
from .dates import DATE

if TYPE_CHECKING:
    from ..erase import Rewritten


@click.command()
@click.argument("customer_ids", metavar="[ID...]", nargs=-1)
@click.option("--past-retention", "past_retention", is_flag=True,
              help="Erase every closed customer kept past retention: in flagsite.yaml, as flagsite retention lists them.")
@click.option("--ref", "reference", required=True, help="The erasure request's reference, kept in records/erased/<id>.yaml and the commit.")
@click.option("--commit-only", is_flag=True,
              help="Make the erasure commit and leave history as it is (the same command without it rewrites history later).")
@click.option("--today", type=DATE, default=None, help="The date of the erasure (default: today); with --past-retention, the sweep's too.")
@click.pass_obj
def erase(root: str, customer_ids: tuple[str, ...], past_retention: bool, reference: str, commit_only: bool, today: dt.date | None) -> None:
    """Erase customers: their records and order rows in one commit, then every trace in Git history.

    The commit removes each customer's folder and order rows and adds
    records/erased/<id>.yaml (id, date, request: nothing that identifies the
    person), which validate, the site and history read as "erased on DATE".
    Then every commit of every branch and tag is rewritten with git-filter-repo:
    the customer's files removed wherever their folder stood, their name,
    emails and phones replaced by (erased) in other files and commit messages,
    their order rows dropped; reflogs expire and old objects are pruned, and
    every object left is checked. Run again for an erased customer, it rewrites
    history only. The checklist printed at the end is what remains to do outside.
    With --past-retention, the customers `flagsite retention` lists are erased
    too (the retention sweep, in one commit and one rewrite).
    """
    from ..build import forget_builds
    from ..erase import erase_customers
    from ..erase.remove import require_reference
    from ..sweep import sweep

    day = today or dt.date.today()
    ids = list(customer_ids)
    if past_retention:
        require_reference(reference)  # before the sweep reads every record
        found = sweep(root, day)
        click.echo(found.summary())
        ids += found.ids_to_erase()
        if not ids:
            return
    elif not ids:
        raise UsageError("name the customers to erase (ID...), or give --past-retention to erase those past retention")
    erased = erase_customers(root, ids, reference, today=day, rewrite=not commit_only)
    forget_builds(root)  # what builds kept of the records holds the customers too
    if erased.commit is not None:
        click.echo(f"erased {', '.join(erased.new)}: {erased.files} record file(s) and {len(erased.order_rows)} order row(s) removed "
                   f"in commit {erased.commit[:12]}")
    for erasure in erased.erasures:
        click.echo(f"{erasure_file(erasure.id)}: {erasure.id} erased on {erasure.erased.isoformat()} (request {erasure.request})")
    if erased.rewritten is None:
        click.echo("history still holds every word of the records: run the same command without --commit-only to rewrite it")
        return
    for value in erased.not_replaced:
        click.echo(visible(f"flagsite: warning: a {value.kind} of {len(value.text)} character(s) is too short to replace safely in other files "
                           "and commit messages (the customer's own files are removed whole); look for it with git grep"), err=True)
    for value, holder in erased.shared:
        click.echo(visible(f"flagsite: warning: a {value.kind} of the erased customer is also {holder}'s, so it stays in {holder}'s record "
                           "and wherever else it is written"), err=True)
    _report_rewrite(erased.rewritten, "the customers' names, emails and phones" + (" (but those shared with another customer)" if erased.shared else ""))


@click.command()
@click.argument("customer_id", metavar="ID")
@click.option("--value", "values", multiple=True, required=True, help="The wrong value to rewrite out of history (repeat for several).")
@click.option("--ref", "reference", required=True, help="The rectification request's reference, kept in the commit that records it.")
@click.pass_obj
def rectify(root: str, customer_id: str, values: tuple[str, ...], reference: str) -> None:
    """Rewrite a wrong value out of every version of every file and commit message.

    For when keeping the wrong value is itself the harm. Correct the record and
    commit the correction first: the value must be in an earlier version of the
    customer's record and nowhere in the current files. It becomes
    (rectified) everywhere in history, and an empty commit records the
    rectification (customer and request, not the value).
    """
    from ..build import forget_builds
    from ..erase import rectify_values

    rectified = rectify_values(root, customer_id, list(values), reference)
    forget_builds(root)  # what builds kept of the records holds the wrong value too
    click.echo(f"rectified {customer_id}: {rectified.values} value(s) rewritten out of history; recorded in commit {rectified.commit[:12]}")
    _report_rewrite(rectified.rewritten, "the wrong value")


def _report_rewrite(rewritten: Rewritten, what: str) -> None:
    if rewritten.left:
        left = ", ".join(f"a {kind} in {count} object(s)" for kind, count in rewritten.left)
        raise FlagsiteError(f"history was rewritten, but the repository still holds {left}; look for them with "
                            "'git cat-file --batch-all-objects --batch' and report this")
    click.echo(f"history rewritten: no object of the repository holds {what} (checked with git cat-file --batch-all-objects)")
    if rewritten.first_changed:
        click.echo(f"first changed commit(s), as they were: {' '.join(rewritten.first_changed)}")
    click.echo("Now, outside this repository:")
    from ..erase import CHECKLIST

    for number, step in enumerate(CHECKLIST, 1):
        click.echo(f"  {number}. {step}")
