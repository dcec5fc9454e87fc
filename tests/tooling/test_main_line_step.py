"""The records workflow's main-line step, run as the workflow runs it (bash -e) on real repositories.

A fast-forward merge adds a branch's commits to main's first-parent line as
they are: no commit records when they landed, which ``--as-of`` goes by.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from flagsite.scaffold.init import planned_files

from .conftest import git


def _step_script() -> str:
    template = dict(planned_files())[".github/workflows/flagsite.yml"]
    steps = yaml.safe_load(template.read_text())["jobs"]["main-line"]["steps"]
    return str(next(step["run"] for step in steps if step.get("name", "").startswith("Changes land on main")))


def _push(repo: Path, before: str) -> tuple[int, str]:
    env = dict(os.environ, BEFORE=before, AFTER=git(repo, "rev-parse", "HEAD").strip())
    done = subprocess.run(["bash", "-e", "-c", _step_script()], cwd=repo, env=env, capture_output=True, text=True)
    return done.returncode, done.stdout


def _branch_with_a_change(repo: Path) -> str:
    before = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "change")
    (repo / "records" / "customers" / "C-10042" / "customer.yaml").write_text(
        (repo / "records" / "customers" / "C-10042" / "customer.yaml").read_text().replace("Alexander", "Alex"))
    git(repo, "commit", "-q", "-am", "Correct the name")
    git(repo, "checkout", "-q", "-")
    return before


def test_a_fast_forward_onto_main_is_refused_naming_the_commits(repo: Path) -> None:
    before = _branch_with_a_change(repo)
    git(repo, "merge", "-q", "--ff-only", "change")
    code, out = _push(repo, before)
    assert code == 1
    assert "without a merge commit" in out and git(repo, "rev-parse", "HEAD").strip() in out
    assert "git merge --no-ff" in out


def test_a_merge_commit_passes(repo: Path) -> None:
    before = _branch_with_a_change(repo)
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge the name correction", "change")
    code, out = _push(repo, before)
    assert code == 0 and "Every change landed on main by a merge commit." in out


def test_the_first_push_has_nothing_to_compare(repo: Path) -> None:
    code, out = _push(repo, "0" * 40)
    assert code == 0 and "nothing to compare" in out
