"""Checks on one customer's records that the schema alone cannot express.

Vocabulary membership (the vocabulary is configuration), the order of dates,
and dates that have not happened yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..findings import Finding
from ..models import Customer, FollowUp, Note
from .context import CheckContext, Located


def _finding(where: Located, loc: tuple[str | int, ...], code: str, message: str) -> Finding:
    line, column = where.at(*loc)
    return Finding(where.path, line, column, code, message)


def _future(where: Located, loc: tuple[str | int, ...], value: dt.date, today: dt.date) -> Iterator[Finding]:
    if value > today:
        yield _finding(where, loc, "R010", f"{value.isoformat()} is in the future (today is {today.isoformat()}); records say what has happened")


def check_customer(customer: Customer, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    known = ", ".join(sorted(ctx.config.flag_types))
    for index, flag in enumerate(customer.flags):
        loc = ("flags", index)
        if ctx.config.flag_type(flag.type) is None:
            yield _finding(where, loc + ("type",), "R005", f"unknown flag type {flag.type!r}; use one of: {known} (or add it to flagsite.yaml)")
        yield from _future(where, loc + ("created",), flag.created, ctx.today)
        if flag.review_by is not None and flag.review_by < flag.created:
            yield _finding(where, loc + ("review_by",), "R008", f"review_by {flag.review_by} is before the flag was created ({flag.created}); set a later review date")
    for index, preference in enumerate(customer.preferences):
        if preference.since is not None:
            yield from _future(where, ("preferences", index, "since"), preference.since, ctx.today)


def check_note(note: Note, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    config = ctx.config
    if note.disposition not in config.dispositions:
        yield _finding(where, ("disposition",), "R006", f"unknown disposition {note.disposition!r}; use one of: {', '.join(config.dispositions)}")
    if note.channel not in config.channels:
        yield _finding(where, ("channel",), "R007", f"unknown channel {note.channel!r}; use one of: {', '.join(config.channels)}")
    written = note.at.date()
    yield from _future(where, ("at",), written, ctx.today)
    if isinstance(note.follow_up, FollowUp) and note.follow_up.due < written:
        yield _finding(where, ("follow_up", "due"), "R009", f"follow-up due {note.follow_up.due} is before the note ({written}); set the date it is really due")
    if isinstance(note.follow_up, FollowUp) and note.follow_up.done is not None:
        if note.follow_up.done < written:
            yield _finding(where, ("follow_up", "done"), "R009", f"follow-up done {note.follow_up.done} is before the note ({written}); set the date it was really done")
        yield from _future(where, ("follow_up", "done"), note.follow_up.done, ctx.today)
