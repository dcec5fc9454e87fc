"""``flagsite suggest at-risk``: the spend-drop list, and At Risk flags for it in one transaction.

The list is `spend.spend_drops` over the valid records. Applying it adds one
At Risk flag per customer listed (its reason the factual spend sentence)
through the bulk editing path: every file is checked as ``flagsite validate``
would, and all the flags are written, or none. A customer who already has an
active At Risk flag is listed but not flagged again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import add_days
from ..repository import load_repository
from ..spend import DROP_SHARE, WINDOW_DAYS, SpendDrop, spend_drops
from .bulk import BulkResult, Row, apply_rows
from .flags import AddFlag

FLAG_TYPE = "at-risk"
SOURCE_NAME = "suggest at-risk"  # how problems name a suggestion: 'suggest at-risk:N: ...'


@dataclass(frozen=True)
class Suggestion:
    drop: SpendDrop
    flagged: bool  # the customer has an At Risk flag already

    @property
    def customer_id(self) -> str:
        return self.drop.entry.id


@dataclass(frozen=True)
class AtRisk:
    suggestions: list[Suggestion]
    records_with_errors: int  # records left out because they do not load; validate names them


def suggest_at_risk(root: str, *, today: dt.date | None = None, days: int = WINDOW_DAYS, share: float = DROP_SHARE) -> AtRisk:
    # How notes are worded does not change what was spent; --apply checks each file it changes in full.
    result = load_repository(root, today=today, policy=False)
    erroneous = len({f.path for f in result.findings if f.severity == "error"})
    drops = spend_drops(result.catalog, days=days, share=share)
    suggestions = [Suggestion(d, any(f.type == FLAG_TYPE for f in d.entry.customer.flags)) for d in drops]
    return AtRisk(suggestions, erroneous)


def flag_at_risk(
    root: str, suggestions: list[Suggestion], *, by: str, today: dt.date | None = None, review_days: int = WINDOW_DAYS, write: bool = True,
) -> BulkResult:
    """Add an At Risk flag to each customer suggested and not yet flagged, all or none.

    A customer dropping in two currencies gets one flag, its reasons joined.
    The flag is due for review after ``review_days``: an assessment should not outlive its evidence.
    """
    today = today or dt.date.today()
    reasons: dict[str, list[str]] = {}
    for suggestion in suggestions:
        if not suggestion.flagged:
            reasons.setdefault(suggestion.customer_id, []).append(suggestion.drop.reason)
    rows = [
        Row(line, customer, AddFlag(FLAG_TYPE, " ".join(why), by, today, None, add_days(today, review_days)))
        for line, (customer, why) in enumerate(reasons.items(), start=1)
    ]
    if not rows:
        return BulkResult(0, [])
    return apply_rows(root, rows, SOURCE_NAME, today=today, write=write)
