"""Change history of customer records, read from Git (see SPEC: compliance reviewers)."""

from __future__ import annotations

from .changes import FieldChange
from .customer import DatedChanges, customer_change_log, customer_history
from .timeline import CommitChanges

# site_history (history.site) stands apart: it reads the catalog, which one customer's history does not need.
__all__ = ["CommitChanges", "DatedChanges", "FieldChange", "customer_change_log", "customer_history"]
