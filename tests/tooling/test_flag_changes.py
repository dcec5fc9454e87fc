"""flagsite flag changes: the blocking-severity flags a pull request touches, from real Git history."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import Result, add_customer, customer_file, git


def _changes(run: Callable[..., Result], repo: Path, *extra: str) -> Result:
    return run("--root", str(repo), "flag", "changes", "--base", "HEAD", *extra)


def test_no_change_to_blocking_flags_exits_0(repo: Path, run: Callable[..., Result]) -> None:
    assert run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Moved offices.").exit_code == 0
    result = _changes(run, repo)
    assert (result.exit_code, result.stdout) == (0, "")
    assert _changes(run, repo, "--severity", "info").exit_code == 1


def test_added_changed_and_removed_blocking_flags_are_listed(repo: Path, run: Callable[..., Result]) -> None:
    add_customer(repo, "C-20001", group="C-2",
                 flags="flags:\n  - type: on-hold\n    reason: Unpaid.\n    created: 2026-01-05\n    created_by: kim\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "second customer")
    assert run("--root", str(repo), "flag", "edit", "C-10042", "--type", "on-hold", "--reason", "Still unpaid.").exit_code == 0
    assert run("--root", str(repo), "flag", "remove", "C-20001", "--type", "on-hold").exit_code == 0
    add_customer(repo, "C-30001", flags="flags:\n  - type: warning\n    reason: ID check.\n    created: 2026-02-01\n    created_by: kim\n")
    result = _changes(run, repo, "--format", "json")
    assert result.exit_code == 1
    got = [(c["customer"], c["kind"], c["type"], c["severity"]) for c in json.loads(result.stdout)["changes"]]
    assert got == [
        ("C-10042", "changed", "on-hold", "block"),
        ("C-20001", "removed", "on-hold", "block"),
        ("C-30001", "added", "warning", "block"),
    ]
    markdown = _changes(run, repo, "--format", "markdown").stdout
    assert "| C-10042 | on-hold (block) | 2026-06-03 | changed |" in markdown


def test_markdown_shows_record_text_as_text(repo: Path, run: Callable[..., Result]) -> None:
    path = customer_file(repo)
    path.write_text(path.read_text().replace("created: 2026-05-01", "created: '<b>x</b>|[y](javascript:z)'"))
    markdown = _changes(run, repo, "--format", "markdown").stdout
    assert "<b>" not in markdown and "[y]" not in markdown and "&lt;b&gt;" in markdown


def test_an_unknown_base_is_a_clear_error(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "flag", "changes", "--base", "no-such-ref")
    assert result.exit_code == 1 and "--base 'no-such-ref' is not a commit in this repository" in result.stderr
