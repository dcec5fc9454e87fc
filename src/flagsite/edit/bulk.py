"""Many flag changes from one CSV file (seed 001's bulk manager): all rows, or nothing.

Every row is read and checked first; each customer's file is then changed in
memory, by its rows in CSV order, and the result checked as ``flagsite
validate`` would. Any problem is reported as ``FILE.csv:LINE: ...`` and
nothing is written.
Only when every row is good are the files replaced, in one transaction:
all-or-nothing even when the command is killed, and only if no file changed
since it was read (see transaction.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ..config import Config, load_config
from ..dates import DateError, parse_date
from ..discover import CustomerFolder
from ..errors import FlagsiteError, RecordsHaveErrors
from ..findings import Finding, sort_key
from ..locate import customer_folders, find_customer
from ..read import read_record_text
from ..staff import as_staff_name
from .flags import AddFlag, EditFlag, FlagChange, RemoveFlag, apply_change, check_customer_text, disk_path, errors_of
from .transaction import write_files

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
        return parse_date(text)
    except DateError as error:
        raise _RowError(f"{name} {text!r} is not a date: {error}") from error


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
        handle = open(csv_path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - a with block below; only opening may fail here
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


# Below this many customer files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_CHUNK = 64


@dataclass(frozen=True)
class _Outcome:
    """What the rows of one customer file came to."""

    path: str  # customer.yaml, relative to the root
    read: str | None  # its text when read
    new: str | None  # its text after every row; None when a row failed
    problems: list[tuple[int, str]]  # (CSV line, 'FILE.csv:LINE: message')
    findings: list[Finding]  # why the file would not validate, when that stopped a row


def apply_bulk(
    root: str, csv_path: str, *, default_by: Callable[[], str], today: dt.date | None = None, write: bool = True, jobs: int | None = None,
) -> BulkResult:
    """Apply every row of the CSV file, or raise with every problem; ``write=False`` only checks.

    ``jobs``: worker processes for changing and checking the files (default: one per core).
    """
    rows, problems = read_rows(csv_path, default_by)
    return apply_rows(root, rows, os.path.basename(csv_path), problems=problems, today=today, write=write, jobs=jobs)


def apply_rows(
    root: str, rows: list[Row], name: str, *, problems: list[str] | None = None, today: dt.date | None = None, write: bool = True, jobs: int | None = None,
) -> BulkResult:
    """Apply the rows (each named ``NAME:LINE`` in problems), or raise with every problem; ``write=False`` only checks.

    Rows made by a command rather than read from a file go through here too, so
    they are checked and written exactly as a bulk file's rows are.
    """
    problems = list(problems or [])
    config, _ = load_config(root)
    today = today or dt.date.today()
    folders = customer_folders(root)  # one walk of records/ for the whole file
    by_file: dict[str, tuple[CustomerFolder, list[Row]]] = {}  # customer.yaml path -> its rows, in CSV order
    row_problems: list[tuple[int, str]] = []
    findings: list[Finding] = []
    for row in rows:
        try:
            folder = find_customer(root, row.customer, folders).folder
        except FlagsiteError as error:
            row_problems.append((row.line, f"{name}:{row.line}: {error}"))
            findings += _findings_of(error)
            continue
        by_file.setdefault(folder.customer_file, (folder, []))[1].append(row)
    outcomes = _change_all(root, list(by_file.values()), name, config, today, jobs)
    for outcome in outcomes:
        row_problems += outcome.problems
        findings += outcome.findings
    problems += [problem for _, problem in sorted(row_problems, key=lambda lined: lined[0])]  # in CSV order
    if problems:
        raise RecordsHaveErrors("nothing was written; fix these rows and run again:\n" + "\n".join(f"  {p}" for p in problems), sorted(set(findings), key=sort_key))
    changed = [o for o in outcomes if o.new is not None and o.read is not None]
    if write:
        targets = {o.path: disk_path(root, o.path) for o in changed}
        write_files(
            root,
            {targets[o.path]: o.new.encode("utf-8") for o in changed if o.new is not None},
            expected={targets[o.path]: o.read.encode("utf-8") for o in changed if o.read is not None},
        )
    return BulkResult(len(rows), sorted(o.path for o in changed))


def _change_all(
    root: str, files: list[tuple[CustomerFolder, list[Row]]], name: str, config: Config, today: dt.date, jobs: int | None,
) -> list[_Outcome]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        return _change_chunk(root, files, name, config, today)
    chunks = [files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK)]
    n = len(chunks)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_change_chunk, [root] * n, chunks, [name] * n, [config] * n, [today] * n)
        return [outcome for chunk in done for outcome in chunk]


def _change_chunk(root: str, files: list[tuple[CustomerFolder, list[Row]]], name: str, config: Config, today: dt.date) -> list[_Outcome]:
    return [_change_customer(root, folder, rows, name, config, today) for folder, rows in files]


def _change_customer(root: str, folder: CustomerFolder, rows: list[Row], name: str, config: Config, today: dt.date) -> _Outcome:
    """The customer's text after all its rows, or the problems that stop them.

    The rows apply in CSV order, each to the text the one before made. The
    checks of ``flagsite validate`` run once, on the text after the last row;
    only when it fails are the rows checked one by one, to name the row that
    broke the file.
    """
    path = folder.customer_file
    steps: list[str] = []  # the text before the first row, then after each row
    failed: tuple[int, str] | None = None  # (index of the row, why it could not be made)
    findings: list[Finding] = []
    try:
        steps.append(read_record_text(root, path))
        for row in rows:
            steps.append(apply_change(steps[-1], path, row.customer, row.change))
    except FlagsiteError as error:
        failed = (len(steps) - 1 if steps else 0, str(error))
        findings = _findings_of(error)
    if len(steps) > 1 and _errors(steps[-1], folder, config, today):
        for index, text in enumerate(steps[1:]):
            findings = _errors(text, folder, config, today)
            if findings:
                codes = ", ".join(sorted({f.code for f in findings}))
                failed = (index, f"{rows[index].customer} would not validate after this row: {codes} (the findings on {path} are below)")
                break
    read = steps[0] if steps else None
    if failed is None:
        return _Outcome(path, read, steps[-1] if len(steps) > 1 else None, [], [])
    index, why = failed
    problems = [(rows[index].line, f"{name}:{rows[index].line}: {why}")]
    problems += [(row.line, f"{name}:{row.line}: not checked: an earlier row for {row.customer} failed") for row in rows[index + 1 :]]
    return _Outcome(path, read, None, problems, findings)


def _findings_of(error: FlagsiteError) -> list[Finding]:
    return error.findings if isinstance(error, RecordsHaveErrors) else []


def _errors(text: str, folder: CustomerFolder, config: Config, today: dt.date) -> list[Finding]:
    return errors_of(check_customer_text(text, folder.customer_file, folder.folder_name, config, today))
