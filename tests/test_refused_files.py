"""Every command accepts or refuses the same record files: links out of records/, pipes, devices, oversize files.

Each command runs as a real process with a timeout, so one that waits on a
pipe or reads /dev/zero fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def _write(path: Path, text: str) -> None:
    path.write_text(text)

SECRET = "Outside-Secret-Text"
C1 = "records/customers/C-1"
CUSTOMER = """\
id: C-1
name: Alexander Erickson
flags:
  - type: alert
    reason: Prefers morning deliveries for every order.
    created: 2026-06-01
    created_by: max
"""
NOTE = """\
at: 2026-06-03T14:12:00-05:00
author: jdoe
channel: phone
contact:
  name: Alexander Erickson
reason: Charged after the account was cancelled; asked for a refund.
resolution:
  - Refunded the duplicate charge of 2026-06-01.
disposition: billing-refund
follow_up: none
"""
ORDERS = "order_id,customer,date,amount,currency,status,title\nSO-1,C-1,2026-05-01,10.00,USD,paid,Paper\n"

COMMANDS: dict[str, list[str]] = {
    "validate": ["validate"],
    "export": ["export", "C-1", "--format", "json"],
    "show": ["show", "C-1"],
    "flag add": ["flag", "add", "C-1", "--type", "important", "--reason", "Wants invoices sent to the head office.", "--by", "max"],
    "note new": ["note", "new", "C-1", "--reason", "Asked about the invoice for order SO-1.", "--author", "max"],
}
READERS = ("validate", "export", "show")


def _records(root: Path) -> None:
    (root / C1 / "notes").mkdir(parents=True)
    (root / C1 / "customer.yaml").write_text(CUSTOMER)
    (root / C1 / "notes" / "2026-06-03-refund.yaml").write_text(NOTE)
    (root / "records" / "orders").mkdir()
    (root / "records" / "orders" / "orders.csv").write_text(ORDERS)


def _outside(tmp_path: Path) -> Path:
    """Files beyond the repository, each valid for its place and each naming the secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "customer.yaml").write_text(CUSTOMER.replace("Alexander Erickson", SECRET))
    (outside / "note.yaml").write_text(NOTE.replace("asked for a refund", SECRET))
    (outside / "orders.csv").write_text(ORDERS.replace("Paper", SECRET))
    return outside


def _replace(path: Path, make: Callable[[Path], None]) -> None:
    path.unlink()
    make(path)


CUSTOMER_FILE = f"{C1}/customer.yaml"
NOTE_FILE = f"{C1}/notes/2026-06-03-refund.yaml"
ORDERS_FILE = "records/orders/orders.csv"

# (refused file, how it is made hostile given the outside folder)
HOSTILE: dict[str, tuple[str, Callable[[Path, Path], None]]] = {
    "customer links out": (CUSTOMER_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to(out / "customer.yaml"))),
    "customer is a pipe": (CUSTOMER_FILE, lambda p, out: _replace(p, lambda q: os.mkfifo(q))),
    "customer links to /dev/zero": (CUSTOMER_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to("/dev/zero"))),
    "customer links to a folder": (CUSTOMER_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to(q.parent / "notes"))),
    "customer is oversize": (CUSTOMER_FILE, lambda p, out: _write(p, CUSTOMER + "# padding\n" * 200_000)),
    "note links out": (NOTE_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to(out / "note.yaml"))),
    "note is a pipe": (NOTE_FILE, lambda p, out: _replace(p, lambda q: os.mkfifo(q))),
    "note links to /dev/zero": (NOTE_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to("/dev/zero"))),
    "note links to a folder": (NOTE_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to(q.parent.parent))),
    "note is oversize": (NOTE_FILE, lambda p, out: _write(p, NOTE + "# padding\n" * 200_000)),
    "orders link out": (ORDERS_FILE, lambda p, out: _replace(p, lambda q: q.symlink_to(out / "orders.csv"))),
}
# flag add and note new read customer.yaml and find the folder; a note's content or the orders are not theirs to read.
NOT_READ_BY = {"note is oversize": ("flag add", "note new"), "orders link out": ("flag add", "note new")}

CASES = [
    pytest.param(case, command, id=f"{case}-{command}")
    for case in HOSTILE
    for command in COMMANDS
    if command not in NOT_READ_BY.get(case, ())
]


def _flagsite(root: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from flagsite.cli.main import main; main()", "--root", str(root), *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(root.parent)},
    )


@pytest.mark.parametrize(("case", "command"), CASES)
def test_every_command_refuses_what_validate_refuses(tmp_path: Path, case: str, command: str) -> None:
    root = tmp_path / "repo"
    _records(root)
    refused, make_hostile = HOSTILE[case]
    make_hostile(root / refused, _outside(tmp_path))
    before = _plain_files(root / "records")

    done = _flagsite(root, COMMANDS[command])  # a hang raises TimeoutExpired and fails the test

    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert refused in said, said  # names the file it refuses ...
    assert "Traceback" not in said
    assert SECRET not in said  # ... and never shows what lies outside
    assert _plain_files(root / "records") == before  # no record written or changed


def _plain_files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if not p.is_symlink() and p.is_file()}


@pytest.mark.parametrize("command", COMMANDS)
def test_the_same_repository_untouched_is_accepted_by_every_command(tmp_path: Path, command: str) -> None:
    root = tmp_path / "repo"
    _records(root)
    done = _flagsite(root, COMMANDS[command])
    assert done.returncode == 0, done.stdout + done.stderr
