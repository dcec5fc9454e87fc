"""Orders exported from the sales system as CSV, one row per order.

A file is streamed, never read whole, and bounded in bytes (each file) and
rows (all files together), by ``orders:`` in flagsite.yaml: an export run away
to hundreds of megabytes is one finding, in the time it takes to notice, not
minutes of parsing and gigabytes of memory.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Collection
from dataclasses import dataclass
from typing import BinaryIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..controls import describe, first_forbidden
from ..findings import Finding
from ..models import Order
from ..schema_errors import plain_message

COLUMNS = ("order_id", "customer", "date", "amount", "currency", "status", "title")
_MEGABYTE = 1 << 20
_CHUNK = 1 << 16


class OrderLimits(BaseModel):
    """How large the orders may be: a file beyond either bound is refused whole (O002).

    Each row read is held (about 1.5 KB in memory), so the row bound, counted
    over all files, is what bounds memory: 500,000 rows, ten years of a shop
    taking 140 orders a day, is under a gigabyte and about half a minute.
    100 MiB per file is far more than such rows take (a row is about 90
    bytes), and stops a runaway export before a byte of it is read.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_megabytes: int = Field(default=100, ge=1, description="The largest orders file read, in MiB.")
    max_rows: int = Field(default=500_000, ge=1, description="The most rows all orders files together may hold.")

    @property
    def max_bytes(self) -> int:
        return self.max_megabytes * _MEGABYTE


@dataclass(frozen=True)
class OrderRow:
    order: Order
    path: str
    line: int


def load_orders_file(
    abs_path: str, rel_path: str, limits: OrderLimits | None = None, rows_before: int = 0
) -> tuple[list[OrderRow], list[Finding]]:
    """The rows of one orders file; ``rows_before``: the rows of the files read before it."""
    limits = limits or OrderLimits()
    try:
        if os.stat(abs_path).st_size > limits.max_bytes:  # refused before a byte is read
            return [], [_too_large(rel_path, limits)]
        with open(abs_path, "rb") as handle:
            return read_orders(handle, rel_path, limits, rows_before)
    except OSError as error:
        return [], [Finding(rel_path, None, None, "X001", f"cannot be read: {error.strerror}; check the file's permissions")]


def read_orders(
    stream: BinaryIO, rel_path: str, limits: OrderLimits | None = None, rows_before: int = 0
) -> tuple[list[OrderRow], list[Finding]]:
    """The rows of one orders file, streamed from ``stream``; past a bound, no rows and one finding."""
    limits = limits or OrderLimits()
    bounded = _Bounded(stream, limits.max_bytes)
    text = io.TextIOWrapper(io.BufferedReader(bounded, _CHUNK), encoding="utf-8-sig", newline="")
    try:
        rows, findings = _parse(text, rel_path, limits, rows_before)
    except UnicodeDecodeError:
        rows, findings = [], [Finding(rel_path, None, None, "O001", "the file is not UTF-8; export it from the sales system as UTF-8 CSV")]
    if bounded.exceeded:
        return [], [_too_large(rel_path, limits)]
    return rows, findings


def parse_orders(
    text: str, rel_path: str, limits: OrderLimits | None = None, rows_before: int = 0
) -> tuple[list[OrderRow], list[Finding]]:
    """The rows of an orders file already in memory (a blob read from Git), held to the same bounds."""
    limits = limits or OrderLimits()
    if len(text) > limits.max_bytes:  # characters: at most as many as bytes
        return [], [_too_large(rel_path, limits)]
    return _parse(io.StringIO(text.removeprefix("\ufeff"), newline=""), rel_path, limits, rows_before)


def _too_large(rel_path: str, limits: OrderLimits) -> Finding:
    return Finding(rel_path, None, None, "O002", f"the file is larger than {limits.max_megabytes} MiB (orders: max_megabytes in "
                                                 f"flagsite.yaml); split the export into several files (by year, say) or raise the bound")


def _too_many_rows(rel_path: str, line: int, limits: OrderLimits) -> Finding:
    return Finding(rel_path, line, 1, "O002", f"the orders files hold more than {limits.max_rows} rows in all, this row past the bound (orders: "
                                              f"max_rows in flagsite.yaml); leave out orders older than the site needs, or raise the bound")


class _Bounded(io.RawIOBase):
    """At most ``limit`` bytes of ``stream``; notes whether there was more."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        super().__init__()
        self._stream = stream
        self._left = limit
        self.exceeded = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            self.exceeded = self.exceeded or bool(self._stream.read(1))
            return 0
        chunk = self._stream.read(min(len(buffer), self._left))
        buffer[: len(chunk)] = chunk
        self._left -= len(chunk)
        return len(chunk)


def _parse(text: io.TextIOBase, rel_path: str, limits: OrderLimits, rows_before: int) -> tuple[list[OrderRow], list[Finding]]:
    reader = csv.DictReader(text)
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
        for count, record in enumerate(reader, 1):
            line = reader.line_num
            if rows_before + count > limits.max_rows:
                return [], [_too_many_rows(rel_path, line, limits)]
            if None in record:
                findings.append(Finding(rel_path, line, 1, "O001", "this row has more fields than the header; quote values that contain commas"))
                continue
            control = next(((name, value) for name, value in record.items() if first_forbidden(value) is not None), None)
            if control is not None:
                name, value = control
                character = value[first_forbidden(value) or 0]
                findings.append(Finding(rel_path, line, 1, "S005", f"column {name!r} holds {describe(character)}, a control character; remove it from the export"))
                continue
            try:
                rows.append(OrderRow(Order.model_validate(record), rel_path, line))
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    findings.append(Finding(rel_path, line, 1, "O001", f"column {plain_message(item, Order)}; correct the row"))
    except csv.Error as error:
        findings.append(Finding(rel_path, reader.line_num, 1, "O001", f"CSV cannot be read: {error}"))
    return rows, findings


def drop_customer_rows(text: str, customer_ids: Collection[str]) -> tuple[str, list[str]]:
    """The orders file without the rows of ``customer_ids``, every other line kept byte for byte; and the order ids dropped.

    A file whose header has no ``customer`` column, or that CSV cannot read, is left as it is (validate reports it).
    """
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
        if header:
            header[0] = header[0].removeprefix("\ufeff")
        if header is None or "customer" not in header:
            return text, []
        column, order_column = header.index("customer"), header.index("order_id") if "order_id" in header else None
        kept = lines[: reader.line_num]
        dropped: list[str] = []
        start = reader.line_num
        for row in reader:
            span = lines[start : reader.line_num]  # a quoted value may run over several lines
            start = reader.line_num
            if len(row) > column and row[column] in customer_ids:
                dropped.append(row[order_column] if order_column is not None and len(row) > order_column else "")
            else:
                kept += span
    except csv.Error:
        return text, []
    return "".join(kept), dropped
