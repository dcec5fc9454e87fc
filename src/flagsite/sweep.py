"""The retention sweep: every customer record kept past ``retention:``, what it holds, and since when.

Read like ``flagsite find``: without the policy rules (how a record is written
does not change how long it may be kept). A record with errors cannot be
judged, so the sweep names it instead of passing it over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .catalog import CustomerEntry
from .config import CONFIG_FILE
from .errors import FlagsiteError, RecordsHaveErrors
from .findings import Finding
from .layout import CUSTOMER_FILE
from .repository import load_repository
from .retention import PastRetention, RetentionSettings


@dataclass(frozen=True)
class SweepRow:
    entry: CustomerEntry
    past: PastRetention

    def held(self) -> str:
        """What the erasure removes, in words: customer.yaml, 3 notes, 4 order rows."""
        notes, orders = len(self.entry.notes), len(self.entry.orders)
        return f"{CUSTOMER_FILE}, {notes} note{'' if notes == 1 else 's'}, {orders} order row{'' if orders == 1 else 's'}"

    def as_json(self) -> dict[str, Any]:
        return {**self.past.as_json(), "folder": self.entry.folder,
                "notes": [note.path for note in self.entry.notes],
                "order_rows": [f"{row.path}:{row.line}" for row in self.entry.orders]}


@dataclass
class Sweep:
    settings: RetentionSettings
    today: dt.date
    rows: list[SweepRow] = field(default_factory=list)
    closed_without_date: list[str] = field(default_factory=list)  # customer ids
    errors: list[Finding] = field(default_factory=list)  # why customer records could not be judged

    @property
    def ids(self) -> list[str]:
        return [row.entry.id for row in self.rows]

    def ids_to_erase(self) -> list[str]:
        """The ids past retention, for one erasure of them all; refused while a customer record cannot be judged."""
        if self.errors:
            raise RecordsHaveErrors("these customer records have errors, so whether they are past retention cannot be judged; "
                                    "fix them and sweep again (nothing was erased):", self.errors)
        return self.ids

    def summary(self) -> str:
        rule = f"retention: {self.settings.rule} in {CONFIG_FILE}, as of {self.today}"
        return f"{len(self.rows)} customer record(s) past retention ({rule})." if self.rows else f"No record is past retention ({rule})."

    def as_json(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "rule": self.settings.rule,
                "past_retention": [row.as_json() for row in self.rows],
                "closed_without_date": self.closed_without_date}


def sweep(root: str, today: dt.date | None = None) -> Sweep:
    """Who is past retention on ``today``; refused without ``retention:`` in flagsite.yaml."""
    result = load_repository(root, today=today, policy=False)
    catalog = result.catalog
    settings = catalog.config.retention
    errors = [f for f in result.findings if f.severity == "error"]
    if settings is None and any(f.path == CONFIG_FILE for f in errors):
        raise RecordsHaveErrors(f"{CONFIG_FILE} has errors, so its retention period cannot be read:", [f for f in errors if f.path == CONFIG_FILE])
    if settings is None:
        raise FlagsiteError(f"{CONFIG_FILE} sets no retention period; add one, e.g.\n"
                            "retention:\n  closed_customer_years: 6   # a closed customer's record is erased 6 years after its closed: date")
    # Only customer.yaml says whether and when an account closed: a customer whose file cannot be read is not judged.
    judged = {f"{entry.folder}/{CUSTOMER_FILE}" for entry in catalog.customers.values()}
    unjudged = [f for f in errors if f.path.endswith(f"/{CUSTOMER_FILE}") and f.path not in judged]
    return Sweep(settings, catalog.today,
                 rows=[SweepRow(entry, past) for entry, past in catalog.past_retention()],
                 closed_without_date=[entry.id for entry in catalog.closed_without_date()],
                 errors=unjudged)
