"""Change history of customer records, read from Git (see SPEC: compliance reviewers)."""

from __future__ import annotations

from .changes import FieldChange
from .customer import DatedChanges, customer_change_log, customer_history
from .site import site_history
from .timeline import CommitChanges

__all__ = ["CommitChanges", "DatedChanges", "FieldChange", "customer_change_log", "customer_history", "site_history"]
