"""The managers' lists: flags by type, overdue reviews, follow-ups due, newest notes, spend drops, note quality."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..catalog import Catalog, CustomerEntry, NoteEntry
from ..dates import add_days
from ..findings import Finding
from ..models import Flag, FollowUp
from ..rules import find_rule

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


def flags_by_type(catalog: Catalog) -> list[TypeCount]:
    counts: dict[str, int] = defaultdict(int)
    for entry in catalog.customers.values():
        for flag in entry.customer.flags:
            counts[flag.type] += 1
    rows = []
    for name, kind in catalog.config.flag_types.items():
        rows.append(TypeCount(name, kind.label, kind.severity, counts.pop(name, 0)))
    rows += [TypeCount(name, name, "info", count) for name, count in sorted(counts.items())]
    return rows


def overdue_reviews(catalog: Catalog) -> list[OverdueReview]:
    rows = [
        OverdueReview(entry, flag, (catalog.today - flag.review_by).days)
        for entry in catalog.customers.values()
        for flag in entry.customer.flags
        if flag.review_by is not None and flag.review_by < catalog.today
    ]
    return sorted(rows, key=lambda r: (-r.days, r.entry.id))


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
    return sorted(rows, key=lambda r: (r.follow_up.due, r.entry.id))


def newest_notes(catalog: Catalog, limit: int = NEWEST_NOTES) -> list[RecentNote]:
    notes = [RecentNote(entry, note) for entry in catalog.customers.values() for note in entry.notes]
    notes.sort(key=lambda r: (r.note.note.at, r.note.path), reverse=True)
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


def note_quality(catalog: Catalog) -> tuple[list[RuleCount], list[QualityFinding]]:
    """The policy findings on the records (warnings: errors stop the build), by rule and by record."""
    owners: dict[str, tuple[CustomerEntry, NoteEntry | None]] = {}
    for entry in catalog.customers.values():
        owners[f"{entry.folder}/customer.yaml"] = (entry, None)
        for note in entry.notes:
            owners[note.path] = (entry, note)
    counts: dict[str, int] = defaultdict(int)
    items = []
    for finding in catalog.findings:
        rule = find_rule(finding.code) if finding.code.startswith("P") else None
        if rule is None or finding.path not in owners:
            continue
        counts[rule.code] += 1
        owner, owning_note = owners[finding.path]
        items.append(QualityFinding(owner, owning_note, finding))
    by_rule = [RuleCount(code, rule.name, counts[code]) for code in sorted(counts) if (rule := find_rule(code))]
    return sorted(by_rule, key=lambda r: (-r.count, r.code)), items
