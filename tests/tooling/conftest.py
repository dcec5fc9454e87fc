"""Shared fixtures: a real records repository in a temp dir, and the real command entry point."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from flagsite.cli.main import main

CUSTOMER_YAML = """\
# yaml-language-server: $schema=../../../schema/customer.schema.json
# Keep this file short: flags first on the page.
id: C-10042
name: Alexander Erickson    # as on the contract
status: active
contacts:
  emails: [alex.cmart@covesmart.com]
  phones: ["+1 555 0100"]
preferences:
  - text: Prefers contact by email.
    since: 2026-06-03

flags:
  # Accounts asked for this one.
  - type: on-hold   # until INV-2044 is paid
    reason: Invoices INV-2031 and INV-2044 unpaid for more than 60 days.
    guidance: Take no new orders; transfer payment questions to Accounts.
    created: 2026-06-03
    created_by: max
    review_by: 2099-09-03

  # Security team, see ticket SEC-12.
  - type: warning
    reason: "Only Dana Erickson may place orders: verify by call-back."
    created: 2026-05-01
    created_by: anna     # approved by Kim

# End of record.
"""

NOTE_YAML = """\
at: 2026-06-03T14:12:00-05:00
author: jdoe
channel: phone
contact:
  name: Alexander Erickson
  relationship: son of the account holder
reason: Charged after the account was cancelled; asked for a refund.
resolution:
  - Cancelled the account and sent the confirmation.
disposition: billing-refund
follow_up: none
"""


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's own git configuration or home."""
    home = tmp_path_factory.mktemp("home")
    config = home / ".gitconfig"
    config.write_text("[user]\n\tname = Test Editor\n\temail = editor@example.invalid\n[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("USER", "fallback")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run ``flagsite ARGS...`` through its real entry point (main(), with its error handling)."""

    def _run(*args: str) -> Result:
        runner = CliRunner()
        with runner.isolation() as (out, err, _):
            try:
                main(list(args))
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
            return Result(code, out.getvalue().decode(), err.getvalue().decode())

    return _run


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A records repository with one customer (comments everywhere) and one note, committed."""
    root = tmp_path / "records-repo"
    folder = root / "records" / "customers" / "C-10042"
    (folder / "notes").mkdir(parents=True)
    (folder / "customer.yaml").write_text(CUSTOMER_YAML)
    (folder / "notes" / "2026-06-03-refund.yaml").write_text(NOTE_YAML)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first records")
    return root


def add_customer(root: Path, customer_id: str, group: str | None = None, flags: str = "flags: []\n") -> Path:
    folder = root / "records" / "customers" / (f"{group}/{customer_id}" if group else customer_id)
    folder.mkdir(parents=True)
    path = folder / "customer.yaml"
    path.write_text(f"id: {customer_id}\nname: Dana Erickson\n{flags}")
    return path


def customer_file(root: Path, customer_id: str = "C-10042") -> Path:
    return root / "records" / "customers" / customer_id / "customer.yaml"


__all__ = ["CUSTOMER_YAML", "NOTE_YAML", "Result", "add_customer", "customer_file", "git", "os"]


def stand_in(bin_dir: Path, name: str, script: str) -> Path:
    """An executable ``name`` in ``bin_dir`` (made if need be) running ``script``: a command that cannot run here."""
    bin_dir.mkdir(exist_ok=True)
    command = bin_dir / name
    command.write_text(script)
    command.chmod(command.stat().st_mode | stat.S_IEXEC)
    return command
