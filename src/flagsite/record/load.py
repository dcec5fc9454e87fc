"""Read one customer's record (customer.yaml, notes, order rows) into a catalog entry.

The files go through the same strict loader and models as ``flagsite validate``;
a record that is not valid stops the command with its findings, because an
export or a past version shown from a half-read record would mislead.
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from ..catalog import CustomerEntry, NoteEntry
from ..errors import FlagsiteError
from ..findings import Finding
from ..load.orders import OrderLimits, OrderRow, parse_orders
from ..load.yaml_strict import load_yaml_bytes
from ..models import Customer, Note
from ..report import report_text
from ..schema_errors import findings_from_validation_error
from .source import FileSource, require_customer_id


def load_customer(source: FileSource, customer_id: str, order_limits: OrderLimits | None = None) -> CustomerEntry:
    require_customer_id(customer_id)
    located = source.locate(customer_id)
    if located is None:
        raise FlagsiteError(f"customer {customer_id} not found ({source.description}); check the id (ids are case-sensitive)")
    folder, note_paths = located
    findings: list[Finding] = []
    customer = _read(source, f"{folder}/customer.yaml", Customer, findings)
    notes = []
    for path in note_paths:
        note = _read(source, path, Note, findings)
        if isinstance(note, Note):
            notes.append(NoteEntry(path, note))
    if not isinstance(customer, Customer) or any(f.severity == "error" for f in findings):
        raise FlagsiteError(
            f"the record of {customer_id} {source.description} is not valid; fix these first:\n" + report_text(findings).rstrip()
        )
    notes.sort(key=lambda e: (e.note.at, e.path), reverse=True)
    entry = CustomerEntry(folder, customer, notes)
    entry.orders = _orders(source, customer_id, order_limits or OrderLimits())
    return entry


def _read(source: FileSource, path: str, model: type[BaseModel], findings: list[Finding]) -> BaseModel | None:
    content = source.read(path)
    if content is None:
        findings.append(Finding(path, None, None, "X001", "cannot be read"))
        return None
    loaded = load_yaml_bytes(content, path)
    findings += loaded.findings
    if loaded.data is None:
        return None
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        findings += findings_from_validation_error(error, path, loaded.source)
        return None


def _orders(source: FileSource, customer_id: str, limits: OrderLimits) -> list[OrderRow]:
    rows: list[OrderRow] = []
    read = 0  # rows of every customer: the bound counts them all
    for path in source.order_files():
        content = source.read(path)
        if content is None:
            continue
        parsed, findings = parse_orders(content.decode("utf-8", "replace"), path, limits, read)
        read += len(parsed)
        too_large = [f for f in findings if f.code == "O002"]
        if too_large:  # the customer's orders cannot be told: an export without them would mislead
            raise FlagsiteError(f"the orders of {customer_id} {source.description} cannot be read; fix this first:\n" + report_text(too_large).rstrip())
        rows += [row for row in parsed if row.order.customer == customer_id]
    return sorted(rows, key=lambda r: (r.order.date, r.order.order_id), reverse=True)
