"""Real Git repositories in temporary folders, with authors and dates pinned.

HOME and Git's global configuration point into the test's own folder, so no
test reads or writes the developer's settings.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from flagsite.cli.main import main

AUTHOR = ("Ada Reviewer", "ada@example.org")


@pytest.fixture(autouse=True)
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", AUTHOR[0])
        monkeypatch.setenv(f"GIT_{who}_EMAIL", AUTHOR[1])
        monkeypatch.setenv(f"GIT_{who}_DATE", "2026-01-01T09:00:00+00:00")


def customer_yaml(customer_id: str, name: str = "Alexander Erickson", *, emails: list[str] | None = None,
                  flags: list[dict[str, Any]] | None = None, preferences: list[dict[str, Any]] | None = None) -> str:
    data: dict[str, Any] = {"id": customer_id, "name": name, "status": "active",
                            "contacts": {"emails": emails if emails is not None else ["alex@example.com"], "phones": ["+1 555 0100"]}}
    if preferences:
        data["preferences"] = preferences
    if flags:
        data["flags"] = flags
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def flag(type_: str, created: str, reason: str = "Invoices unpaid for more than 60 days.", **more: Any) -> dict[str, Any]:
    return {"type": type_, "reason": reason, "created": created, "created_by": "max", **more}


def note_yaml(reason: str = "Asked for a refund.", **more: Any) -> str:
    data: dict[str, Any] = {
        "at": "2026-06-03T14:12:00-05:00", "author": "jdoe", "channel": "phone",
        "contact": {"name": "Alexander Erickson"}, "reason": reason,
        "resolution": ["Refunded the charge."], "disposition": "billing-refund", "follow_up": "none",
    }
    data.update(more)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


class Repo:
    """A records repository under Git, changed and committed at pinned moments."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, env={**os.environ, **(env or {})})
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def remove(self, path: str) -> None:
        self.git("rm", "-r", "-q", path)

    def move(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def commit(self, message: str, date: str, author: tuple[str, str] = AUTHOR) -> str:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1]}
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, env=env)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "records-repo")


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """The real entry point: (exit status, standard output, standard error)."""

    def run_line(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main(list(args))
        out, err = capsys.readouterr()
        return int(done.value.code or 0), out, err

    return run_line
