"""``retention:`` in flagsite.yaml: how long a closed customer's record is kept, and whose is past it.

The unit kept and erased is the customer: customer.yaml, every note and every
order row, as one folder and one erasure. Its period runs from the date the
account was closed (``closed:`` on the customer record); an open account's
notes inform how the customer is served, so they are kept while it is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from .dates import add_years
from .models import Customer

RULE_NAME = "closed_customer_years"


class RetentionSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    closed_customer_years: int = Field(
        ge=0, le=100,
        description="A closed customer's whole record (customer.yaml, notes, order rows) is kept this many years "
                    "after its `closed:` date, then erased.",
    )

    @property
    def rule(self) -> str:
        """The rule as it is written under ``retention:`` in flagsite.yaml, for messages and the dashboard."""
        return f"{RULE_NAME}: {self.closed_customer_years}"


@dataclass(frozen=True)
class PastRetention:
    """A customer whose record is kept past the period ``retention:`` sets."""

    customer_id: str
    closed: dt.date
    kept_until: dt.date  # the last day of the period; past retention from the day after
    rule: str

    @property
    def since(self) -> dt.date:
        return self.kept_until + dt.timedelta(days=1)

    def as_json(self) -> dict[str, str]:
        return {"customer": self.customer_id, "closed": self.closed.isoformat(), "kept_until": self.kept_until.isoformat(),
                "past_retention_since": self.since.isoformat(), "rule": self.rule}


def past_retention(customer: Customer, settings: RetentionSettings | None, today: dt.date) -> PastRetention | None:
    """Whether ``customer``'s record is past retention on ``today``; None without a period or a closing date."""
    if settings is None or customer.status != "closed" or customer.closed is None:
        return None
    end = add_years(customer.closed, settings.closed_customer_years)
    if end == dt.date.max or today <= end:
        return None
    return PastRetention(customer.id, customer.closed, end, settings.rule)
