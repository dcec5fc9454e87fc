"""The records workflow's publishing check, run as the workflow runs it (bash -e).

The site holds every customer's record, so the build job publishes only to a
target verified private. GitHub's API cannot be reached from here: ``gh`` is a
stand-in that answers ``GET /repos/{owner}/{repo}/pages`` with the body a test
sets, filtered by the real ``jq`` as ``gh --jq`` filters it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from flagsite.scaffold.init import planned_files

from .conftest import stand_in

GH_STUB = """#!/usr/bin/env bash
echo "$*" >> "$GH_LOG"
if [ "$1 $2" != "api repos/acme/records/pages" ]; then
  echo "unexpected call: $*" >&2; exit 2
fi
if [ -n "$STUB_PAGES_ERROR" ]; then
  echo "$STUB_PAGES_ERROR" >&2; exit 1
fi
if [ "$3" = "--jq" ]; then
  printf '%s' "$STUB_PAGES" | jq -r "$4"
else
  printf '%s' "$STUB_PAGES"
fi
"""
PRIVATE_PAGES = {"url": "https://api.github.com/repos/acme/records/pages", "status": "built", "build_type": "workflow",
                 "html_url": "https://example.github.io/records/", "public": False}


def _workflow() -> dict[str, Any]:
    template = dict(planned_files())[".github/workflows/flagsite.yml"]
    workflow: dict[str, Any] = yaml.safe_load(template.read_text())
    return workflow


def _step(name: str) -> dict[str, Any]:
    return next(step for step in _workflow()["jobs"]["build"]["steps"] if step.get("name") == name)


def run_publish_check(work: Path, target: str, **env: str) -> tuple[int, str, dict[str, str], str]:
    """The step as the workflow runs it, in ``work``: (exit status, what it printed, its outputs, the job summary)."""
    output, summary = work / "github-output", work / "summary.md"
    for path in (output, summary):
        path.unlink(missing_ok=True)
    environment = dict(os.environ, GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary), REPO="acme/records",
                       TARGET=target)
    environment.update({"SITE_URL": "", "DESTINATION": "", **env})
    done = subprocess.run(["bash", "-e", "-c", _step("Publish only to a private target")["run"]], cwd=work,
                          env=environment, capture_output=True, text=True, timeout=60)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines()) if output.exists() else {}
    return done.returncode, done.stdout + done.stderr, outputs, summary.read_text() if summary.exists() else ""


@pytest.fixture
def check(tmp_path: Path) -> Callable[..., tuple[int, str, dict[str, str], str]]:
    if shutil.which("jq") is None:
        pytest.skip("jq is not installed (apt-get install jq); GitHub's runners have it")
    bin_dir = tmp_path / "bin"
    stand_in(bin_dir, "gh", GH_STUB)
    work = tmp_path / "work"
    work.mkdir()

    def _run(target: str, pages: dict[str, Any] | None = None, pages_error: str = "", **env: str) -> tuple[int, str, dict[str, str], str]:
        return run_publish_check(work, target, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", GH_LOG=str(tmp_path / "gh.log"),
                                 STUB_PAGES=json.dumps(pages or {}), STUB_PAGES_ERROR=pages_error, **env)

    return _run


def test_no_target_chosen_publishes_nothing_and_says_why(check: Callable[..., tuple[int, str, dict[str, str], str]]) -> None:
    code, out, outputs, summary = check("")
    assert code == 0 and outputs == {"publish": ""}
    assert "### The site was not published" in summary and "FLAGSITE_PUBLISH_TO" in summary
    assert 'kept for one day as the workflow artifact "site"' in summary
    assert out.startswith("::warning::The site was not published")


def test_private_github_pages_is_published(check: Callable[..., tuple[int, str, dict[str, str], str]]) -> None:
    code, _, outputs, summary = check("github-pages", PRIVATE_PAGES)
    assert code == 0 and outputs == {"publish": "github-pages"}
    assert "published to github-pages, verified private" in summary


@pytest.mark.parametrize("answer", [{**PRIVATE_PAGES, "public": True}, {k: v for k, v in PRIVATE_PAGES.items() if k != "public"}],
                         ids=["public", "visibility not reported"])
def test_github_pages_not_verified_private_is_refused(check: Callable[..., tuple[int, str, dict[str, str], str]], answer: dict[str, Any]) -> None:
    code, out, outputs, summary = check("github-pages", answer)
    assert code == 0 and outputs == {"publish": "", "refused": "true"}
    assert "Visibility to Private (needs GitHub Enterprise Cloud)" in summary
    assert "::error::The site was not published" in out


def test_github_pages_not_turned_on_is_refused_naming_the_api_answer(check: Callable[..., tuple[int, str, dict[str, str], str]]) -> None:
    _code, _, outputs, summary = check("github-pages", pages_error="HTTP 404: Not Found (https://api.github.com/repos/acme/records/pages)")
    assert outputs == {"publish": "", "refused": "true"}
    assert "could not be read (HTTP 404: Not Found" in summary and "Visibility: Private" in summary


@pytest.mark.parametrize("env, expected", [
    ({}, "FLAGSITE_SITE_URL or FLAGSITE_DEPLOY_SSH is not set"),
    ({"SITE_URL": "http://flags.example.com/", "DESTINATION": "deploy@flags.example.com:/srv/site/"}, "is not https://"),
])
def test_server_without_a_verifiable_address_is_refused(check: Callable[..., tuple[int, str, dict[str, str], str]], env: dict[str, str], expected: str) -> None:
    _, _, outputs, summary = check("server", **env)
    assert outputs == {"publish": "", "refused": "true"} and expected in summary


def test_an_unknown_target_is_refused(check: Callable[..., tuple[int, str, dict[str, str], str]]) -> None:
    _, _, outputs, summary = check("netlify")
    assert outputs == {"publish": "", "refused": "true"} and "github-pages or server only" in summary


def test_the_workflow_publishes_only_what_the_check_let_through() -> None:
    jobs = _workflow()["jobs"]
    assert jobs["deploy-pages"]["if"] == "needs.build.outputs.publish == 'github-pages'"
    assert jobs["deploy-server"]["if"] == "needs.build.outputs.publish == 'server'"
    assert jobs["build"]["outputs"]["publish"] == "${{ steps.target.outputs.publish }}"
    assert _step("Keep the site for GitHub Pages")["if"] == "steps.target.outputs.publish == 'github-pages'"
    kept = _step("Keep the site for one day")
    assert kept["with"]["retention-days"] == 1 and kept["with"]["path"] == "site"
    assert _step("Fail when the chosen target is not private")["if"] == "steps.target.outputs.refused == 'true'"
    assert "pages" not in {k for k, v in jobs["build"]["permissions"].items() if v == "write"}


def test_a_server_that_cannot_be_reached_is_refused(check: Callable[..., tuple[int, str, dict[str, str], str]]) -> None:
    """Nothing listens on the port: it cannot be verified private, so nothing is published."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed (apt-get install curl); GitHub's runners have it")
    import socket

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))  # held, never listening: a refused connection
        port = unused.getsockname()[1]
        _, _, outputs, summary = check("server", SITE_URL=f"https://127.0.0.1:{port}/", DESTINATION="deploy@h:/srv/site/")
    assert outputs == {"publish": "", "refused": "true"}
    assert f"https://127.0.0.1:{port}/ could not be reached (curl: (7)" in summary and "could not be verified private" in summary
