"""Checks on one customer's records that the schema alone cannot express.

Vocabulary membership (the vocabulary is configuration), the order of dates,
and dates that have not happened yet.

Each check needs only some parts of a record: a flag's checks its flag, the
disposition's the disposition. So a record whose whole does not fit the
schema is still checked part by part (``check_customer_data``,
``check_note_data``): a bad date in one flag does not hide an unknown type
in another, nor in the same flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from ..findings import Finding
from ..layout import erasure_file
from ..models import Customer, Erasure, Flag, FollowUp, Note, Preference, Record
from ..retention import past_retention
from ..suggest import close_names, did_you_mean
from .context import CheckContext, Located

_MISSING = object()


def _finding(where: Located, loc: tuple[str | int, ...], code: str, message: str) -> Finding:
    line, column = where.at(*loc)
    return Finding(where.path, line, column, code, message)


def _future(where: Located, loc: tuple[str | int, ...], value: dt.date, today: dt.date) -> Iterator[Finding]:
    if value > today:
        yield _finding(where, loc, "R010", f"{value.isoformat()} is in the future (today is {today.isoformat()}); records say what has happened")


def check_customer(customer: Customer, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    for index, flag in enumerate(customer.flags):
        yield from _check_flag(index, flag.type, flag.created, flag.review_by, where, ctx)
    for index, preference in enumerate(customer.preferences):
        if preference.since is not None:
            yield from _future(where, ("preferences", index, "since"), preference.since, ctx.today)
    yield from _check_closed(customer.status, customer.closed, where, ctx)
    past = past_retention(customer, ctx.config.retention, ctx.today)
    if past is not None:
        yield Finding(where.path, *where.at("closed"), "W001",
                      f"past retention since {past.since}: closed on {past.closed} and kept until {past.kept_until} by retention: "
                      f"{past.rule} in flagsite.yaml; erase it with the others past retention: flagsite erase --past-retention --ref REF", "warning")


def check_note(note: Note, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    yield from _check_note_parts(note.disposition, note.channel, note.at, note.follow_up, where, ctx)


def check_erasure(erasure: Erasure, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    if where.path != erasure_file(erasure.id):
        yield _finding(where, ("id",), "R019", f"the record of the erasure of {erasure.id} must be {erasure_file(erasure.id)}; rename the file or correct the id")
    yield from _future(where, ("erased",), erasure.erased, ctx.today)


def check_customer_data(data: dict[str, Any], where: Located, ctx: CheckContext) -> Iterator[Finding]:
    """The checks of a customer.yaml that does not fit the schema, on every part that does."""
    flags = data.get("flags")
    for index, item in enumerate(flags if isinstance(flags, list) else []):
        if not isinstance(item, dict):
            continue
        kind, created, review_by = (_valid(Flag, name, item) for name in ("type", "created", "review_by"))
        yield from _check_flag(index, kind, created, review_by, where, ctx)
    preferences = data.get("preferences")
    for index, item in enumerate(preferences if isinstance(preferences, list) else []):
        since = _valid(Preference, "since", item) if isinstance(item, dict) else None
        if isinstance(since, dt.date):
            yield from _future(where, ("preferences", index, "since"), since, ctx.today)
    status = _valid(Customer, "status", data) if "status" in data else "active"
    yield from _check_closed(status, _valid(Customer, "closed", data), where, ctx)


def check_note_data(data: dict[str, Any], where: Located, ctx: CheckContext) -> Iterator[Finding]:
    """The checks of a note that does not fit the schema, on every part that does."""
    disposition, channel, at, follow_up = (_valid(Note, name, data) for name in ("disposition", "channel", "at", "follow_up"))
    yield from _check_note_parts(disposition, channel, at, follow_up, where, ctx)


def valid_customer_id(data: dict[str, Any]) -> str | None:
    """The id of a customer.yaml, when it is a valid id, whatever else is wrong in the file."""
    value = _valid(Customer, "id", data)
    return value if isinstance(value, str) else None


def _check_flag(index: int, kind: Any, created: Any, review_by: Any, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    """``None`` for a part that is absent or does not fit the schema: its checks wait until it does."""
    loc = ("flags", index)
    if kind is not None and ctx.config.flag_type(kind) is None:
        known = ", ".join(sorted(ctx.config.flag_types))
        yield _finding(where, loc + ("type",), "R005", f"unknown flag type {kind!r}; use one of: {known} (or add it to flagsite.yaml){_meant(kind, ctx.config.flag_types)}")
    if created is not None:
        yield from _future(where, loc + ("created",), created, ctx.today)
    if created is not None and review_by is not None and review_by < created:
        yield _finding(where, loc + ("review_by",), "R008", f"review_by {review_by} is before the flag was created ({created}); set a later review date")


def _check_closed(status: Any, closed: Any, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    if closed is not None:
        yield from _future(where, ("closed",), closed, ctx.today)
    if status == "active" and closed is not None:
        yield _finding(where, ("closed",), "R020", f"closed: {closed} on an account whose status is active; set status: closed, "
                                                   f"or remove closed: if the account was reopened")
    if status == "closed" and closed is None and ctx.config.retention is not None:
        line, column = where.at("status")
        yield Finding(where.path, line, column, "W002", "status: closed without a closed: date, so retention: in flagsite.yaml "
                                                        "cannot count its period; add closed: YYYY-MM-DD, the day the account was closed", "warning")


def _check_note_parts(disposition: Any, channel: Any, at: Any, follow_up: Any, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    config = ctx.config
    if disposition is not None and disposition not in config.dispositions:
        yield _finding(where, ("disposition",), "R006", f"unknown disposition {disposition!r}; use one of: {', '.join(config.dispositions)}{_meant(disposition, config.dispositions)}")
    if channel is not None and channel not in config.channels:
        yield _finding(where, ("channel",), "R007", f"unknown channel {channel!r}; use one of: {', '.join(config.channels)}{_meant(channel, config.channels)}")
    written = at.date() if at is not None else None
    if written is not None:
        yield from _future(where, ("at",), written, ctx.today)
    if not isinstance(follow_up, FollowUp):
        return
    if written is not None and follow_up.due < written:
        yield _finding(where, ("follow_up", "due"), "R009", f"follow-up due {follow_up.due} is before the note ({written}); set the date it is really due")
    if follow_up.done is not None:
        if written is not None and follow_up.done < written:
            yield _finding(where, ("follow_up", "done"), "R009", f"follow-up done {follow_up.done} is before the note ({written}); set the date it was really done")
        yield from _future(where, ("follow_up", "done"), follow_up.done, ctx.today)


def _meant(name: str, known: Iterable[str]) -> str:
    """"; did you mean 'phone'?" for a name close to a known one, or nothing."""
    hint = did_you_mean(close_names(name, known))
    return f"; {hint}" if hint else ""


def _valid(model: type[Record], name: str, data: dict[str, Any]) -> Any:
    """One field of ``data`` as the model reads it; None when absent or when it does not fit."""
    field = model.model_fields[name]
    value = data.get(field.alias or name, _MISSING)
    if value is _MISSING:
        return None
    try:
        return _field_adapter(model, name).validate_python(value)
    except ValidationError:
        return None


@cache
def _field_adapter(model: type[Record], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    annotation: Any = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return TypeAdapter(annotation)
