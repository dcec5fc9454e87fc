"""The records workflow's blocking-flag step, run as the workflow runs it (bash -e).

GitHub itself cannot run here, so ``gh`` is a recording stand-in that answers
with the approvals a test sets; ``flagsite`` and ``git`` are the real ones.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from flagsite.scaffold.init import planned_files

from ..conftest import installed_flagsite
from .conftest import Result, git, stand_in

GH_STUB = """#!/usr/bin/env bash
echo "$*" >> "$GH_LOG"
case "$1 $2" in
  "api "*) printf '%s' "$STUB_APPROVERS" ;;
  "pr view") printf '%s\\n' "$STUB_COMMENTS" ;;
esac
exit 0
"""


def _step_script() -> str:
    template = dict(planned_files())[".github/workflows/flagsite.yml"]
    steps = yaml.safe_load(template.read_text())["jobs"]["blocking-flags"]["steps"]
    return str(next(step["run"] for step in steps if step.get("name", "").startswith("Flags of blocking severity")))


@pytest.fixture
def gate(repo: Path, tmp_path: Path) -> Callable[..., tuple[int, str, str]]:
    flagsite = installed_flagsite()
    if not os.path.exists(flagsite):
        pytest.skip("the flagsite command is not installed in this environment")
    bin_dir = tmp_path / "bin"
    stand_in(bin_dir, "gh", GH_STUB)
    (bin_dir / "flagsite").symlink_to(flagsite)
    log = tmp_path / "gh.log"
    summary = tmp_path / "summary.md"

    def _run(approvers: str = "", reviewers: str = "dana @kim") -> tuple[int, str, str]:
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", GH_LOG=str(log), GITHUB_STEP_SUMMARY=str(summary),
                   BASE=git(repo, "rev-parse", "HEAD").strip(), PR="7", REPO="acme/records", REVIEWERS=reviewers,
                   STUB_APPROVERS=approvers, STUB_COMMENTS="")
        done = subprocess.run(["bash", "-e", "-c", _step_script()], cwd=repo, env=env, capture_output=True, text=True)
        return done.returncode, done.stdout, log.read_text() if log.exists() else ""

    return _run


def test_no_blocking_change_passes_without_touching_the_pull_request(gate: Callable[..., tuple[int, str, str]], run: Callable[..., Result], repo: Path) -> None:
    run("--root", str(repo), "flag", "add", "C-10042", "--type", "delight", "--reason", "Thanked the team.")
    code, _, calls = gate()
    assert (code, calls) == (0, "")


def test_a_blocking_change_without_approval_is_labelled_and_fails(gate: Callable[..., tuple[int, str, str]], run: Callable[..., Result], repo: Path) -> None:
    run("--root", str(repo), "flag", "edit", "C-10042", "--type", "on-hold", "--reason", "Paid in part; INV-2044 open.")
    code, out, calls = gate(approvers="someone-else\n")
    assert code == 1
    assert "api --method POST repos/acme/records/issues/7/labels -f labels[]=blocking-flag" in calls
    assert "pr comment 7 --repo acme/records --body-file request.md" in calls
    assert (repo / "request.md").read_text().count("@dana @kim") == 1
    assert "waiting for approval by one of: dana @kim" in out


def test_a_blocking_change_approved_by_a_named_reviewer_passes(gate: Callable[..., tuple[int, str, str]], run: Callable[..., Result], repo: Path) -> None:
    run("--root", str(repo), "flag", "remove", "C-10042", "--type", "warning")
    code, out, _ = gate(approvers="someone-else\nkim\n")
    assert code == 0 and "Approved by kim." in out


def test_no_named_reviewers_is_a_clear_failure(gate: Callable[..., tuple[int, str, str]], run: Callable[..., Result], repo: Path) -> None:
    run("--root", str(repo), "flag", "remove", "C-10042", "--type", "warning")
    code, out, _ = gate(reviewers="")
    assert code == 1 and "BLOCKING_FLAG_REVIEWERS" in out


def _summary_script() -> str:
    template = dict(planned_files())[".github/workflows/flagsite.yml"]
    steps = yaml.safe_load(template.read_text())["jobs"]["validate"]["steps"]
    return str(next(step["run"] for step in steps if step.get("name") == "Review summary"))


def _run_summary(repo: Path, tmp_path: Path, existing_comment: str = "") -> tuple[str, str]:
    """The review summary step, with ``existing_comment`` the id the API lists for its earlier comment."""
    bin_dir = tmp_path / "bin"
    summary = tmp_path / "review-summary.md"
    log = tmp_path / "gh.log"
    log.unlink(missing_ok=True)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", GH_LOG=str(log), REPO="acme/records",
               GITHUB_STEP_SUMMARY=str(summary), BASE=git(repo, "rev-parse", "HEAD").strip(), PR="7",
               STUB_APPROVERS=existing_comment, STUB_COMMENTS="")
    done = subprocess.run(["bash", "-e", "-c", _summary_script()], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "failed" not in done.stdout
    return summary.read_text(), log.read_text()


def test_review_summary_step_posts_the_field_level_diff(gate: Callable[..., tuple[int, str, str]], run: Callable[..., Result], repo: Path, tmp_path: Path) -> None:
    gate()  # sets up the gh stand-in; no blocking change yet
    run("--root", str(repo), "flag", "add", "C-10042", "--type", "delight", "--reason", "Sang to the team on the phone.")
    text, calls = _run_summary(repo, tmp_path)
    assert "Delight added to C-10042" in text
    assert "pr comment 7 --repo acme/records --body-file summary-comment.md" in calls
    comment = (repo / "summary-comment.md").read_text()
    assert comment.startswith("<!-- flagsite: diff summary -->\n") and "Delight added to C-10042" in comment


def test_review_summary_step_updates_its_own_comment_not_the_last_one(gate: Callable[..., tuple[int, str, str]], run: Callable[..., Result], repo: Path, tmp_path: Path) -> None:
    gate()
    run("--root", str(repo), "flag", "add", "C-10042", "--type", "delight", "--reason", "Sang to the team on the phone.")
    _, calls = _run_summary(repo, tmp_path, existing_comment="4242\n")
    assert "api --method PATCH repos/acme/records/issues/comments/4242 -F body=@summary-comment.md" in calls
    assert "pr comment" not in calls and "--edit-last" not in calls
