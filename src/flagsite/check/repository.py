"""Checks across records: unique customer ids, and orders that name a customer and are listed once."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..load.orders import OrderRow
from ..load.yaml_strict import Position


def check_across(customers: list[tuple[str, str, Position | None]], orders: list[OrderRow]) -> Iterator[Finding]:
    """``customers``: (id, customer.yaml path, position of the id) of every readable customer."""
    first_by_folded: dict[str, tuple[str, str]] = {}
    for customer_id, path, position in sorted(customers, key=lambda c: c[1]):
        line, column = position if position else (None, None)
        folded = customer_id.casefold()
        if folded in first_by_folded:
            other_id, other_path = first_by_folded[folded]
            same = "the same id" if other_id == customer_id else f"an id that differs only in case ({other_id!r}), which collides on case-insensitive file systems"
            yield Finding(path, line, column, "R002", f"customer id {customer_id!r} is used twice: {other_path} has {same}; give one of them a new id")
        else:
            first_by_folded[folded] = (customer_id, path)
    known = {customer_id for customer_id, _, _ in customers}
    first_row: dict[str, OrderRow] = {}
    for row in orders:
        if row.order.customer not in known:
            yield Finding(row.path, row.line, 1, "R011", f"order {row.order.order_id} is for customer {row.order.customer!r}, who has no record; correct the customer id or add the customer")
        first = first_row.setdefault(row.order.order_id, row)
        if first is not row:
            yield Finding(row.path, row.line, 1, "R015", f"order {row.order.order_id} is already on line {first.line} of {first.path}; keep one row per order (its spend would count twice)")
