"""P2xx: flags and the customer's permanent record."""

from __future__ import annotations

from collections.abc import Iterator

from ..rules import Hit, rule
from .subject import Subject


@rule("P201", "flag-review-overdue", "warning", "customer")
def flag_review_overdue(subject: Subject) -> Iterator[Hit]:
    """A flag's `review_by` date has passed and the flag is still there.

    ## What it does
    Flags every flag of an active customer whose `review_by` is before today. Customers with
    `status: closed` are not checked.

    ## Why
    A flag changes how every colleague treats the customer. One that nobody has looked at since
    its review date may no longer be true, and an untrue flag is both unfair and, on a
    record-access request, indefensible. Review it: remove the flag, or set a new `review_by`.

    ## Example
    ```yaml
    flags:
      - type: on-hold
        reason: Invoice INV-2031 unpaid for more than 60 days.
        created: 2026-01-10
        created_by: max
        review_by: 2026-03-10   # today is later than this
    ```
    Use instead: remove the flag once the invoice is paid, or set `review_by` to the next date
    it should be looked at.
    """
    customer = subject.customer
    assert customer is not None
    if customer.status != "active":
        return
    for index, flag in enumerate(customer.flags):
        if flag.review_by is not None and flag.review_by < subject.today:
            days = (subject.today - flag.review_by).days
            yield Hit(
                ("flags", index, "review_by"),
                f"the {flag.type} flag was due for review on {flag.review_by.isoformat()} ({days} days ago); "
                "remove it if it no longer holds, or set a new review_by",
            )
