"""Dates and moments typed by people: one parser for every command option, CSV cell and setting.

A date is written ``YYYY-MM-DD`` (or ``YYYYMMDD``), from 0001-01-01 to
9999-12-31. A moment is a date (the end of that day) or a date and time,
ISO 8601, with or without its UTC offset. What is wrong is said so that a
person can put it right: "there is no month 13", "February has 28 days in
2027", "write dates as YYYY-MM-DD, e.g. 2027-12-31".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

DATE_FORM = "YYYY-MM-DD"
MOMENT_EXAMPLE = "2026-06-03T14:00:00+02:00"
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{4})(\d{2})(\d{2})", re.ASCII)
_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{8})[T ](.+)", re.ASCII)
# Other ways people write dates: day or month first, other separators, no leading zeros.
_NUMBERS_LAST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", re.ASCII)
_NUMBERS_FIRST = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})", re.ASCII)
_LEADING_DATE = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})", re.ASCII)
_END_OF_DAY = dt.time(23, 59, 59)


class DateError(ValueError):
    """Why a text is not a date, in words for the person who typed it."""


def parse_date(text: str) -> dt.date:
    text = text.strip()
    match = _DATE.fullmatch(text)
    if match is None:
        raise DateError(_how_to_write(text))
    try:
        return dt.date.fromisoformat(text)  # both forms; fast, as every note's file name is read with it
    except ValueError:
        year, month, day = (int(part) for part in match.groups() if part is not None)
        return _checked_date(year, month, day)


def parse_moment(text: str, *, without_offset: Literal["utc", "local"] = "utc") -> dt.datetime:
    """A date (the end of that day, UTC) or an ISO 8601 date and time.

    A time without an offset is taken as UTC, or with ``without_offset="local"``
    as this computer's local time. The datetime keeps the offset it was given:
    converting 9999-12-31T23:00-05:00 to UTC would pass the year 9999.
    """
    text = text.strip()
    if _DATE.fullmatch(text):
        return dt.datetime.combine(parse_date(text), _END_OF_DAY, tzinfo=dt.UTC)
    match = _MOMENT.fullmatch(text)
    if match is None:
        raise DateError(f"{_how_to_write(text)}, or a date and time such as {MOMENT_EXAMPLE}")
    parse_date(match.group(1))  # a wrong date is told as for any date
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise DateError(f"the time {match.group(2)!r} is not a time of day; write e.g. {MOMENT_EXAMPLE} (hours 00-23, then minutes, seconds and the UTC offset)") from error
    if moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC) if without_offset == "utc" else moment.astimezone()


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at 0001-01-01 and 9999-12-31 instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later, or earlier when negative (29 February: 28 February in a common year), held at 0001-01-01 and 9999-12-31."""
    year = day.year + years
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _checked_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        pass  # told below in words
    if year == 0:
        raise DateError("there is no year 0000; years run from 0001 to 9999")
    if not 1 <= month <= 12:
        raise DateError(f"there is no month {month}; months run from 01 to 12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise DateError(f"there is no day {day} in {name}" if day == 0 else f"{name} has {days} days in {year}")
    raise DateError(f"{year:04d}-{month:02d}-{day:02d} is not a date")


def _how_to_write(text: str) -> str:
    """Advice for a text that is not written YYYY-MM-DD; the date meant, when it can be told."""
    advice = f"write dates as {DATE_FORM}"
    meant = [day.isoformat() for day in _dates_meant(text)]
    if len(meant) == 1:
        return f"{advice}, e.g. {meant[0]}"
    if len(meant) == 2:
        return f"{advice}: {text} could be {meant[0]} or {meant[1]}"
    return f"{advice}, e.g. 2026-06-03"


def date_written_right(text: str) -> str:
    """What to write for a date written another way: 31/12/2027 → "write 2027-12-31"."""
    meant = _dates_meant(text)
    if len(meant) == 1:
        return f"write {meant[0].isoformat()}"
    if len(meant) == 2:
        return f"write {meant[0].isoformat()} or {meant[1].isoformat()}, whichever is meant"
    leading = _LEADING_DATE.match(text)
    if leading and len(text.strip()) > len(leading.group(1)):
        return f"write {leading.group(1)}, without a time"
    try:
        return f"write {parse_date(text).isoformat()}"
    except DateError as error:
        return str(error)


def moment_written_right(text: str) -> str:
    """What to write for a moment written another way: 2026-06-03 14:12 → 2026-06-03T14:12:00 and the UTC offset."""
    text = text.strip()
    try:
        if _DATE.fullmatch(text):
            return f"add the time of day and the UTC offset, e.g. {parse_date(text).isoformat()}T14:00:00+01:00"
        moment = parse_moment(text)
    except DateError as error:
        return str(error)
    if dt.datetime.fromisoformat(text).tzinfo is not None:
        return f"write {moment.isoformat()}"
    local = moment.replace(tzinfo=None).isoformat()
    return f"write {local} followed by the UTC offset, e.g. {local}+01:00 (Z for UTC)"


def _dates_meant(text: str) -> list[dt.date]:
    """The dates a text written another way can mean (31/12/2027, 2027.12.31): none, one, or two when day and month could swap."""
    text = text.strip()
    last = _NUMBERS_LAST.fullmatch(text)
    first = _NUMBERS_FIRST.fullmatch(text)
    if last:
        one, two, year = (int(part) for part in last.groups())
        return sorted({day for day in (_maybe(year, two, one), _maybe(year, one, two)) if day})
    if first:
        year, month, day = (int(part) for part in first.groups())
        return [found for found in (_maybe(year, month, day),) if found]
    return []


def _maybe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return _checked_date(year, month, day)
    except DateError:
        return None
