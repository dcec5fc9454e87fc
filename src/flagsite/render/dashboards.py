"""The managers' lists: flags by type, overdue reviews, follow-ups due, newest notes, spend drops, note quality.

Each list is made for every customer, or for some (``entries``): the shared pages keep each
customer's items and put them in order with the list's own ``*_order`` key.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalog import Catalog, CustomerEntry, NoteEntry
from ..dates import add_days
from ..findings import Finding, sort_key
from ..models import Flag, FollowUp
from ..rules import find_rule

if TYPE_CHECKING:
    from ..config import Config

NEWEST_NOTES = 50
LIST_LIMIT = 500


@dataclass(frozen=True)
class TypeCount:
    type: str
    label: str
    severity: str
    count: int


@dataclass(frozen=True)
class OverdueReview:
    entry: CustomerEntry
    flag: Flag
    days: int


@dataclass(frozen=True)
class DueFollowUp:
    entry: CustomerEntry
    note: NoteEntry
    follow_up: FollowUp
    days: int  # negative: overdue by that many days


@dataclass(frozen=True)
class RecentNote:
    entry: CustomerEntry
    note: NoteEntry


def type_counts(config: Config, counts: Mapping[str, int]) -> list[TypeCount]:
    """Active flags by type: the configured types in their order, then any other type met, by name."""
    rows = [TypeCount(name, kind.label, kind.severity, counts.get(name, 0)) for name, kind in config.flag_types.items()]
    rows += [TypeCount(name, name, "info", count) for name, count in sorted(counts.items())
             if count and name not in config.flag_types]
    return rows


def overdue_order(row: OverdueReview) -> tuple[int, str]:
    return -row.days, row.entry.id


def overdue_reviews(catalog: Catalog, entries: Iterable[CustomerEntry] | None = None) -> list[OverdueReview]:
    rows = [
        OverdueReview(entry, flag, (catalog.today - flag.review_by).days)
        for entry in (catalog.customers.values() if entries is None else entries)
        for flag in entry.customer.flags
        if flag.review_by is not None and flag.review_by < catalog.today
    ]
    return sorted(rows, key=overdue_order)


def follow_up_order(row: DueFollowUp) -> tuple[dt.date, str]:
    return row.follow_up.due, row.entry.id


def follow_ups_due(catalog: Catalog, entries: Iterable[CustomerEntry] | None = None) -> list[DueFollowUp]:
    """Follow-ups not yet done that fall due within ``follow_up_days``, overdue ones first.

    ``entries``: only these customers' (the customer page's due items); default: everyone's.
    """
    horizon = add_days(catalog.today, catalog.config.follow_up_days)
    rows = []
    for entry in catalog.customers.values() if entries is None else entries:
        for note in entry.notes:
            follow_up = note.note.follow_up
            if isinstance(follow_up, FollowUp) and follow_up.done is None and follow_up.due <= horizon:
                rows.append(DueFollowUp(entry, note, follow_up, (follow_up.due - catalog.today).days))
    return sorted(rows, key=follow_up_order)


def newest_order(row: RecentNote) -> tuple[dt.datetime, str]:
    """The notes in the order they were written: the list shows the end of it, newest first."""
    return row.note.note.at, row.note.path


def newest_notes(catalog: Catalog, limit: int = NEWEST_NOTES, entries: Iterable[CustomerEntry] | None = None) -> list[RecentNote]:
    notes = [RecentNote(entry, note) for entry in (catalog.customers.values() if entries is None else entries) for note in entry.notes]
    notes.sort(key=newest_order, reverse=True)
    return notes[:limit]


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class QualityFinding:
    entry: CustomerEntry
    note: NoteEntry | None  # None: the finding is on customer.yaml
    finding: Finding
    rule: str  # the code of the rule it counts under


def rule_counts(counts: Mapping[str, int]) -> list[RuleCount]:
    """Findings by rule, the most found first."""
    by_rule = [RuleCount(code, rule.name, counts[code]) for code in sorted(counts) if counts[code] and (rule := find_rule(code))]
    return sorted(by_rule, key=lambda r: (-r.count, r.code))


def quality_findings(catalog: Catalog, entries: Iterable[CustomerEntry] | None = None) -> list[QualityFinding]:
    """The policy findings on every customer's records (or on those of ``entries``), in the order of the findings."""
    items = []
    for entry in catalog.customers.values() if entries is None else entries:
        owners: dict[str, NoteEntry | None] = {f"{entry.folder}/customer.yaml": None}
        owners.update((note.path, note) for note in entry.notes)
        for finding in _findings_under(catalog.findings, entry.folder):
            rule = find_rule(finding.code) if finding.code.startswith("P") and finding.path in owners else None
            if rule is not None:
                items.append(QualityFinding(entry, owners[finding.path], finding, rule.code))
    return sorted(items, key=lambda item: sort_key(item.finding)) if entries is None else items


def _findings_under(findings: list[Finding], folder: str) -> list[Finding]:
    """The findings on files in ``folder``; ``findings`` is in the order of ``findings.sort_key``, as a catalog's are."""
    prefix = folder + "/"
    start = bisect.bisect_left(findings, prefix, key=lambda finding: finding.path)
    end = start
    while end < len(findings) and findings[end].path.startswith(prefix):
        end += 1
    return findings[start:end]
