"""Checks across records: unique customer ids, orders that name a customer and are listed once, erased customers gone.

A customer whose customer.yaml has errors is one error, not one more for each order
that names it: its orders and notes are counted in one info line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..load.orders import OrderRow
from ..load.yaml_strict import Position
from ..models import Erasure


@dataclass(frozen=True)
class CustomerWithErrors:
    """A customer whose customer.yaml could not be read or does not fit the schema."""

    customer_id: str  # as the file says, or its folder's name when the file's id cannot be read
    path: str  # of the customer.yaml
    notes: int  # in its notes folder


def check_across(
    customers: list[tuple[str, str, Position | None]], orders: list[OrderRow], with_errors: Sequence[CustomerWithErrors] = (),
    erased: Mapping[str, Erasure] | None = None,
) -> Iterator[Finding]:
    """``customers``: (id, customer.yaml path, position of the id) of every readable customer;
    ``with_errors``: those whose customer.yaml has errors, which their orders are not reported against;
    ``erased``: the records of erasures by id."""
    erased = erased or {}
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
        if customer_id in erased:
            yield Finding(path, line, column, "R017", f"customer {erased[customer_id].describe()}, and has a record again; "
                                                      f"remove it (flagsite erase), or give a customer who returned a new id")
    known = {customer_id for customer_id, _, _ in customers}
    orders_of_broken = {customer.customer_id: 0 for customer in with_errors}
    first_row: dict[str, OrderRow] = {}
    for row in orders:
        if row.order.customer in orders_of_broken:
            orders_of_broken[row.order.customer] += 1
        elif row.order.customer not in known and row.order.customer in erased:
            yield Finding(row.path, row.line, 1, "R018", f"order {row.order.order_id} is for customer {erased[row.order.customer].describe()}; "
                                                         "remove the row (and erase it in the sales system, whose export brought it back)")
        elif row.order.customer not in known:
            yield Finding(row.path, row.line, 1, "R011", f"order {row.order.order_id} is for customer {row.order.customer!r}, who has no record; correct the customer id or add the customer")
        first = first_row.setdefault(row.order.order_id, row)
        if first is not row:
            yield Finding(row.path, row.line, 1, "R015", f"order {row.order.order_id} is already on line {first.line} of {first.path}; keep one row per order (its spend would count twice)")
    for customer in with_errors:
        what = [_count(orders_of_broken[customer.customer_id], "order row"), _count(customer.notes, "note")]
        said = " and ".join(part for part in what if part)
        if said:
            verb = "refers" if said.startswith("1 ") and " and " not in said else "refer"
            yield Finding(customer.path, None, None, "R021", f"{said} {verb} to {customer.customer_id}, whose customer.yaml has errors: "
                                                             f"{'it is' if verb == 'refers' else 'they are'} left out of the site until it is fixed", "info")


def _count(number: int, thing: str) -> str:
    return "" if number == 0 else f"{number} {thing}" + ("" if number == 1 else "s")
