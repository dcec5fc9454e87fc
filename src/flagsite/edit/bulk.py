"""Many flag changes from one CSV file (seed 001's bulk manager): all rows, or nothing.

Every row is read and checked first; each customer's file is then changed in
memory, row by row, and checked after each row as ``flagsite validate`` would.
Any problem is reported as ``FILE.csv:LINE: ...`` and nothing is written.
Only when every row is good are the files replaced, all-or-nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from ..config import load_config
from ..errors import FlagsiteError
from ..staff import as_staff_name
from .atomic import replace_all
from .flags import AddFlag, EditFlag, FlagChange, RemoveFlag, apply_change, check_customer_text, disk_path, errors_of, read_text
from .locate import customer_folders, find_customer

REQUIRED_COLUMNS = ("action", "customer", "type")
OPTIONAL_COLUMNS = ("reason", "guidance", "review_by", "created", "created_by")
ACTIONS = ("add", "edit", "remove")


@dataclass(frozen=True)
class Row:
    line: int
    customer: str
    change: FlagChange


@dataclass(frozen=True)
class BulkResult:
    rows: int
    paths: list[str]  # the customer files changed, relative to the root


class _RowError(Exception):
    pass


def _column_name(header: str) -> str:
    return header.strip().lower().replace("-", "_").replace(" ", "_")


def _date(row: dict[str, str], name: str) -> dt.date | None:
    text = row.get(name, "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise _RowError(f"{name} {text!r} is not a date; write YYYY-MM-DD") from error


def _text(row: dict[str, str], name: str) -> str | None:
    text = row.get(name, "").strip()
    return text or None


def _change(row: dict[str, str], default_by: Callable[[], str]) -> FlagChange:
    action = row.get("action", "").strip().lower()
    flag_type = row.get("type", "").strip()
    if action not in ACTIONS:
        raise _RowError(f"action {action!r} is not one of {', '.join(ACTIONS)}")
    if not flag_type:
        raise _RowError("type is empty; name the flag type")
    created = _date(row, "created")
    if action == "remove":
        return RemoveFlag(flag_type, created)
    review_by = _date(row, "review_by")
    if action == "edit":
        change = EditFlag(flag_type, created, _text(row, "reason"), _text(row, "guidance"), review_by)
        if change.reason is None and change.guidance is None and review_by is None:
            raise _RowError("an edit row needs a new reason, guidance or review_by")
        return change
    reason = _text(row, "reason")
    if reason is None:
        raise _RowError("an add row needs a reason")
    by = _text(row, "created_by")
    return AddFlag(flag_type, reason, as_staff_name(by) if by else default_by(), created or dt.date.today(), _text(row, "guidance"), review_by)


def read_rows(csv_path: str, default_by: Callable[[], str]) -> tuple[list[Row], list[str]]:
    """The rows of the CSV file and the problems with them, as 'FILE:LINE: message'."""
    name = os.path.basename(csv_path)
    rows: list[Row] = []
    problems: list[str] = []
    try:
        handle = open(csv_path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise FlagsiteError(f"{csv_path}: cannot be read ({error.strerror})") from error
    with handle:
        reader = csv.reader(handle)
        try:
            header = [_column_name(h) for h in next(reader, [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            unknown = [h for h in header if h not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
            if missing or unknown:
                detail = "; ".join(
                    part for part in (
                        f"missing column(s): {', '.join(missing)}" if missing else "",
                        f"unknown column(s): {', '.join(unknown)}" if unknown else "",
                    ) if part
                )
                raise FlagsiteError(f"{name}:1: {detail}. Columns: {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}")
            line = reader.line_num + 1
            for values in reader:
                if any(v.strip() for v in values):
                    problems += _one_row(name, line, header, values, rows, default_by)
                line = reader.line_num + 1
        except csv.Error as error:
            raise FlagsiteError(f"{name}:{reader.line_num}: not readable as CSV ({error})") from error
        except UnicodeDecodeError as error:
            raise FlagsiteError(f"{name}: is not UTF-8 text; save it as UTF-8 CSV") from error
    if not rows and not problems:
        problems.append(f"{name}: no rows below the header; nothing to do")
    return rows, problems


def _one_row(name: str, line: int, header: list[str], values: list[str], rows: list[Row], default_by: Callable[[], str]) -> list[str]:
    if len(values) != len(header):
        return [f"{name}:{line}: {len(values)} cells, the header has {len(header)}; check for a stray or missing comma"]
    row = dict(zip(header, values, strict=True))
    customer = row["customer"].strip()
    if not customer:
        return [f"{name}:{line}: customer is empty; give the customer id"]
    try:
        rows.append(Row(line, customer, _change(row, default_by)))
    except (_RowError, FlagsiteError) as error:
        return [f"{name}:{line}: {error}"]
    return []


def apply_bulk(root: str, csv_path: str, *, default_by: Callable[[], str], today: dt.date | None = None, write: bool = True) -> BulkResult:
    """Apply every row of the CSV file, or raise with every problem; ``write=False`` only checks."""
    rows, problems = read_rows(csv_path, default_by)
    name = os.path.basename(csv_path)
    config, _ = load_config(root)
    today = today or dt.date.today()
    folders = customer_folders(root)
    texts: dict[str, str] = {}  # customer.yaml path -> new text
    read: dict[str, str] = {}  # customer.yaml path -> its text when read
    broken: set[str] = set()
    for row in rows:
        try:
            folder = find_customer(root, row.customer, folders)
        except FlagsiteError as error:
            problems.append(f"{name}:{row.line}: {error}")
            continue
        path = folder.customer_file
        if path in broken:
            problems.append(f"{name}:{row.line}: not checked: an earlier row for {row.customer} failed")
            continue
        try:
            if path not in read:
                read[path] = read_text(root, path)
            current = texts.get(path, read[path])
            new_text = apply_change(current, path, row.customer, row.change)
        except FlagsiteError as error:
            problems.append(f"{name}:{row.line}: {error}")
            broken.add(path)
            continue
        errors = errors_of(check_customer_text(new_text, path, folder.folder_name, config, today))
        if errors:
            details = "; ".join(f"{f.path}:{f.line or 1}:{f.column or 1}: {f.code} {f.message}" for f in errors)
            problems.append(f"{name}:{row.line}: {row.customer} would not validate after this row: {details}")
            broken.add(path)
            continue
        texts[path] = new_text
    if problems:
        raise FlagsiteError("nothing was written; fix these rows and run again:\n" + "\n".join(f"  {p}" for p in problems))
    if write:
        replace_all(
            {disk_path(root, path): text.encode("utf-8") for path, text in texts.items()},
            expected={disk_path(root, path): read[path].encode("utf-8") for path in texts},
        )
    return BulkResult(len(rows), sorted(texts))
