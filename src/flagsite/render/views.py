"""What a page shows about a customer, worked out once from the records.

Templates stay free of rules: which flags are active and in what order, which
notes are missteps, which fields are internal (read from the models'
disclosure classes, never from a list kept here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..catalog import CustomerEntry, NoteEntry
from ..config import Config
from ..dates import add_days
from ..models import RECORD_MODELS, Disclosure, Flag, disclosure_of
from .icons import icon_svg

SEVERITY_RANK = {"block": 0, "warn": 1, "info": 2, "positive": 3}


def internal_fields() -> frozenset[tuple[str, str]]:
    """(model name, field name) of every field classed internal."""
    return frozenset(
        (model.__name__, name)
        for model in RECORD_MODELS
        for name, info in model.model_fields.items()
        if disclosure_of(info) is Disclosure.INTERNAL
    )


INTERNAL_TAG = Markup('<span class="fs-internal-tag" title="Internal: for staff only, never exported">Internal</span>')


def internal_marker() -> Callable[[str, str], Markup]:
    """``mark(model, field)``: the Internal tag when the models class that field internal."""
    internal = internal_fields()

    def mark(model: str, field: str) -> Markup:
        return INTERNAL_TAG if (model, field) in internal else Markup("")

    return mark


@dataclass(frozen=True)
class FlagView:
    type: str
    label: str
    severity: str
    icon: Markup
    flag: Flag
    overdue: bool
    internal: bool  # a non-factual type (an assessment): the whole flag is for staff only

    @property
    def rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, len(SEVERITY_RANK))


def flag_views(entry: CustomerEntry, config: Config, today: dt.date) -> list[FlagView]:
    """Every active flag, most severe first, newest first within a severity."""
    views = []
    for flag in entry.customer.flags:
        kind = config.flag_type(flag.type)
        views.append(
            FlagView(
                type=flag.type,
                label=kind.label if kind else flag.type,
                severity=kind.severity if kind else "info",
                icon=icon_svg(kind.icon) if kind else icon_svg(""),
                flag=flag,
                overdue=flag.review_by is not None and flag.review_by < today,
                internal=kind is not None and not kind.factual,
            )
        )
    views.sort(key=lambda v: v.flag.created, reverse=True)
    views.sort(key=lambda v: v.rank)
    return views


def top_severity(views: list[FlagView]) -> str | None:
    return views[0].severity if views else None


def newest_flag_date(entry: CustomerEntry) -> dt.date | None:
    return max((flag.created for flag in entry.customer.flags), default=None)


def missteps(entry: CustomerEntry, config: Config, today: dt.date) -> list[NoteEntry]:
    """Recent notes recording a service failure: the next person should know before greeting."""
    since = add_days(today, -config.missteps_days)
    failures = set(config.service_failure_dispositions)
    return [e for e in entry.notes if e.note.disposition in failures and e.note.at.date() >= since]


def when(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})" if offset else f"{moment:%Y-%m-%d %H:%M}"


