"""Every command talks to Git through ``flagsite.git``, whose output no user setting can change."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from flagsite.git import git_dir, top_level, user_name

from .conftest import Repo, Run, customer_yaml, flag

C1 = "records/customers/C-1"
SOURCE = Path(__file__).resolve().parents[2] / "src" / "flagsite"


def _history(run: Run, root: Path) -> list[dict[str, Any]]:
    status, out, err = run("--root", str(root), "history", "C-1", "--format", "json")
    assert status == 0, err
    commits: list[dict[str, Any]] = json.loads(out)["commits"]
    return commits


def _two_commits(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.commit("Add customer C-1", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"], flags=[flag("on-hold", "2026-06-03")]))
    repo.commit("Put C-1 on hold", "2026-06-03T10:00:00+00:00")


def test_user_settings_that_change_git_output_do_not_change_the_history(repo: Repo, run: Run, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _two_commits(repo)
    expected = _history(run, repo.root)
    assert expected[-1]["changes"][0]["kind"] == "added"
    settings = tmp_path / "home" / "gitconfig"
    settings.write_text(
        "[log]\n\tshowRoot = false\n\tdecorate = full\n[diff]\n\trelative = true\n\trenames = false\n"
        "[color]\n\tui = always\n[core]\n\tquotePath = true\n\tpager = false-pager\n[i18n]\n\tlogOutputEncoding = ISO-8859-1\n"
    )
    monkeypatch.setenv("GIT_PAGER", "false")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    # Without log.showRoot the first commit lists no file, and the customer is never "added".
    assert _history(run, repo.root) == expected


def test_a_git_dir_set_in_the_environment_does_not_redirect_the_commands(repo: Repo, run: Run, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _two_commits(repo)
    other = Repo(tmp_path / "other")
    other.write("records/customers/C-1/customer.yaml", customer_yaml("C-1", name="Someone Else"))
    other.commit("Another repository", "2026-01-01T10:00:00+00:00")
    # As in a Git hook: GIT_DIR names the repository the hook runs for.
    monkeypatch.setenv("GIT_DIR", str(other.root / ".git"))
    assert [c["message"] for c in _history(run, repo.root)] == ["Put C-1 on hold", "Add customer C-1"]


def test_replaced_commits_do_not_rewrite_the_audit_trail(repo: Repo, run: Run) -> None:
    _two_commits(repo)
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["forged@example.com"]))
    forged = repo.commit("Forged", "2026-06-05T10:00:00+00:00")
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.git("replace", "HEAD", forged)
    history = _history(run, repo.root)
    assert [c["message"] for c in history] == ["Put C-1 on hold", "Add customer C-1"]


def test_the_git_folder_and_top_of_a_repository_and_of_a_worktree(repo: Repo, tmp_path: Path) -> None:
    _two_commits(repo)
    (repo.root / "records").mkdir(exist_ok=True)
    assert git_dir(str(repo.root / "records")) == str(repo.root / ".git")
    assert top_level(str(repo.root / "records")) == str(repo.root)
    repo.git("worktree", "add", "-q", str(tmp_path / "wt"), "-b", "other")
    assert git_dir(str(tmp_path / "wt")) == str(repo.root / ".git" / "worktrees" / "wt")
    plain = tmp_path / "plain"
    plain.mkdir()
    assert git_dir(str(plain)) is None and top_level(str(plain)) is None


def test_the_default_staff_name_is_git_s_own_user_name(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIT_CONFIG_GLOBAL, which GitPython's configuration reader does not know, names the file git reads.
    (tmp_path / "home" / ".gitconfig").write_text("[user]\n\tname = Not This One\n")
    (tmp_path / "home" / "gitconfig").write_text("[user]\n\tname = Jane Doe\n")
    assert user_name(str(repo.root)) == "Jane Doe"
    repo.git("config", "user.name", "Kim Lee")
    assert user_name(str(repo.root)) == "Kim Lee"


def test_only_the_git_package_starts_processes() -> None:
    """One module calls Git: no other module of the package may start a process (but the PDF printer, which runs Chromium)."""
    assert "git" not in (SOURCE / "request" / "pdf.py").read_text(encoding="utf-8").lower()
    starters = []
    for path in sorted(SOURCE.rglob("*.py")):
        if SOURCE / "git" in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if "subprocess" in names or module == "subprocess" or any(n in ("git", "pygit2") for n in names):
                starters.append(str(path.relative_to(SOURCE)))
    assert starters == ["request/pdf.py"]


def test_init_creates_its_repository_where_it_is_told_even_inside_a_hook(repo: Repo, run: Run, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _two_commits(repo)
    before = repo.git("rev-parse", "HEAD")
    monkeypatch.setenv("GIT_DIR", str(repo.root / ".git"))  # as in a hook of another repository
    status, out, err = run("init", str(tmp_path / "new"))
    assert status == 0, err
    assert "initialised a Git repository" in out
    assert git_dir(str(tmp_path / "new")) == str(tmp_path / "new" / ".git")
    monkeypatch.delenv("GIT_DIR")
    assert repo.git("rev-parse", "HEAD") == before and repo.git("status", "--porcelain") == ""


def test_flag_changes_in_records_kept_in_a_sub_folder_of_the_repository(repo: Repo, run: Run) -> None:
    path = f"crm/{C1}/customer.yaml"
    repo.write(path, customer_yaml("C-1"))
    repo.commit("Add customer C-1", "2026-06-01T10:00:00+00:00")
    repo.write(path, customer_yaml("C-1", flags=[flag("on-hold", "2026-06-03")]))
    status, out, err = run("--root", str(repo.root / "crm"), "flag", "changes", "--base", "HEAD", "--format", "json")
    assert status == 1, err
    assert [(c["path"], c["kind"], c["type"]) for c in json.loads(out)["changes"]] == [(f"{C1}/customer.yaml", "added", "on-hold")]
