"""Customers whose spend fell sharply against their own baseline (seed 004): the at-risk list.

A customer's spend in the last ``days`` days (to ``today``, inclusive) is set
against a baseline of their own, in each currency they buy in:

- a seasonal buyer is compared with the same days a year earlier, whenever
  their orders reach back that far: a garden centre's spring customer is not
  "at risk" every autumn, and one whose spring order stopped coming is;
- a customer whose orders do not reach back a year is compared with the
  ``days`` days just before the window.

The spend is the sum of order amounts, less orders that were cancelled,
refunded, returned or voided. The dashboard and ``flagsite suggest at-risk``
both read this list; the reason it gives is factual, fit for a flag.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import add_days, add_years

if TYPE_CHECKING:  # types alone: the command's defaults are read from here without loading the records' models
    from .catalog import Catalog, CustomerEntry

WINDOW_DAYS = 90
DROP_SHARE = 0.5  # spend at or below half the baseline counts as a sharp drop
# Order statuses that mean the money did not stay spent (compared without case).
NOT_SPENT = frozenset({"cancelled", "canceled", "refunded", "returned", "void", "voided"})


@dataclass(frozen=True)
class Window:
    """The days after ``start`` up to and including ``end``."""

    start: dt.date
    end: dt.date

    def holds(self, day: dt.date) -> bool:
        return self.start < day <= self.end


@dataclass(frozen=True)
class SpendDrop:
    entry: CustomerEntry
    currency: str
    recent: float
    baseline: float
    window: Window
    baseline_window: Window
    seasonal: bool  # the baseline is the same days a year earlier

    @property
    def change(self) -> float:
        """The fall as a share of the baseline: -0.75 is a fall of three quarters."""
        return (self.recent - self.baseline) / self.baseline

    @property
    def baseline_label(self) -> str:
        if self.seasonal:
            return f"the same days of {self.baseline_window.end.year}"
        return f"the {(self.baseline_window.end - self.baseline_window.start).days} days before"

    @property
    def reason(self) -> str:
        """A factual sentence, fit for an At Risk flag's reason."""
        days = (self.window.end - self.window.start).days
        return (
            f"Spend in the {days} days to {self.window.end.isoformat()} was {money(self.recent, self.currency)}, "
            f"against {money(self.baseline, self.currency)} in {self.baseline_label}."
        )


def money(amount: float, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


def spend_drops(
    catalog: Catalog,
    *,
    days: int = WINDOW_DAYS,
    share: float = DROP_SHARE,
    entries: Iterable[CustomerEntry] | None = None,
) -> list[SpendDrop]:
    """Every customer (or those of ``entries``) whose spend fell to ``share`` of their baseline or less, steepest first."""
    window = Window(add_days(catalog.today, -days), catalog.today)
    seasonal = Window(add_years(window.start, -1), add_years(window.end, -1))
    before = Window(add_days(window.start, -days), window.start)
    rows = []
    for entry in catalog.customers.values() if entries is None else entries:
        spent = [row.order for row in entry.orders if row.order.status.strip().lower() not in NOT_SPENT]
        if not spent:
            continue
        first = min(order.date for order in spent)
        # Compare with a year earlier only when the orders show what that window held.
        baseline_window, is_seasonal = (seasonal, True) if first <= seasonal.start else (before, False)
        recent: dict[str, float] = defaultdict(float)
        baseline: dict[str, float] = defaultdict(float)
        for order in spent:
            if window.holds(order.date):
                recent[order.currency] += order.amount
            elif baseline_window.holds(order.date):
                baseline[order.currency] += order.amount
        for currency, was in sorted(baseline.items()):
            if was > 0 and recent[currency] <= was * share:
                rows.append(SpendDrop(entry, currency, recent[currency], was, window, baseline_window, is_seasonal))
    return sorted(rows, key=drop_order)


def drop_order(row: SpendDrop) -> tuple[float, str, str]:
    """Steepest fall first."""
    return row.change, row.entry.id, row.currency
