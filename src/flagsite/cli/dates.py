"""Date options: every command reads dates with ``flagsite.dates``, and says what is wrong as it does."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import click

from ..dates import DATE_FORM, DateError, parse_date, parse_moment


class DateType(click.ParamType[dt.date]):
    name = DATE_FORM

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value))
        except DateError as error:
            self.fail(f"{value!r} is not a date: {error}", param, ctx)


class MomentType(click.ParamType[dt.datetime]):
    name = "DATE[THH:MM[:SS][+HH:MM]]"

    def __init__(self, without_offset: Literal["utc", "local"]) -> None:
        self.without_offset = without_offset

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            return parse_moment(str(value), without_offset=self.without_offset)
        except DateError as error:
            self.fail(f"{value!r} is not a date: {error}", param, ctx)


DATE = DateType()
# A note's time without an offset happened here; an --as-of moment without one is UTC, as Git's dates are told.
LOCAL_MOMENT = MomentType("local")
UTC_MOMENT = MomentType("utc")
