"""Orders exported from the sales system as CSV, one row per order."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from pydantic import ValidationError

from ..findings import Finding
from ..models import Order

COLUMNS = ("order_id", "customer", "date", "amount", "currency", "status", "title")


@dataclass(frozen=True)
class OrderRow:
    order: Order
    path: str
    line: int


def load_orders_file(abs_path: str, rel_path: str) -> tuple[list[OrderRow], list[Finding]]:
    try:
        with open(abs_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        return [], [Finding(rel_path, None, None, "O001", "the file is not UTF-8; export it from the sales system as UTF-8 CSV")]
    except OSError as error:
        return [], [Finding(rel_path, None, None, "X001", f"cannot be read: {error.strerror}; check the file's permissions")]
    return parse_orders(text, rel_path)


def parse_orders(text: str, rel_path: str) -> tuple[list[OrderRow], list[Finding]]:
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        return [], [Finding(rel_path, 1, 1, "O001", f"{'; '.join(parts)}; the header must be: {','.join(COLUMNS)}")]
    rows: list[OrderRow] = []
    findings: list[Finding] = []
    try:
        for record in reader:
            line = reader.line_num
            if None in record:
                findings.append(Finding(rel_path, line, 1, "O001", "this row has more fields than the header; quote values that contain commas"))
                continue
            try:
                rows.append(OrderRow(Order.model_validate(record), rel_path, line))
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    column = item["loc"][0] if item["loc"] else "row"
                    findings.append(Finding(rel_path, line, 1, "O001", f"column {column!r}: {item['msg']} (got {item.get('input')!r}); correct the row"))
    except csv.Error as error:
        findings.append(Finding(rel_path, reader.line_num, 1, "O001", f"CSV cannot be read: {error}"))
    return rows, findings
