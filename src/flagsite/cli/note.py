"""``flagsite note new``: write a new note file from the outline, ready to fill in."""

from __future__ import annotations

import datetime as dt

import click

from .dates import LOCAL_MOMENT


@click.group()
def note() -> None:
    """Write interaction notes."""


@note.command()
@click.argument("customer_id", metavar="ID")
@click.option("--reason", default=None, help="Why they were in contact (also gives the file name).")
@click.option("--slug", default=None, help="The file name's part after the date (default: from --reason, else 'note').")
@click.option("--channel", default=None, help="phone, email, chat, in-person, letter, other.")
@click.option("--contact", default=None, help="Who we spoke with.")
@click.option("--relationship", default=None, help="Their relationship to the account holder, if not the holder.")
@click.option("--disposition", default=None, help="From the vocabulary, e.g. billing-refund.")
@click.option("--author", default=None, help="Staff user name (default: from git user.name, else your login).")
@click.option("--at", "at", type=LOCAL_MOMENT, default=None, help="When it happened, ISO 8601 (default: now, with the local UTC offset).")
@click.pass_obj
def new(root: str, customer_id: str, reason: str | None, slug: str | None, channel: str | None, contact: str | None,
        relationship: str | None, disposition: str | None, author: str | None, at: dt.datetime | None) -> None:
    """Write a new note for customer ID with the outline filled in as far as known.

    Replace each TODO in it; flagsite validate reports those left. An existing
    note is never overwritten: a taken name gets -2, -3, ... added.
    """
    from ..scaffold.note import NoteDraft, new_note
    from ..staff import check_staff_name, default_staff_name

    who = check_staff_name(author, "--author") if author else default_staff_name(root, "--author")
    draft = NoteDraft(customer_id, who, at or dt.datetime.now().astimezone().replace(microsecond=0), channel, reason, contact, relationship, disposition, slug)
    path = new_note(root, draft)
    click.echo(path)
