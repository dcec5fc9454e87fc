"""The site's History section, read from a real Git repository by the build."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from flagsite.build import build_site

CUSTOMER = """id: C-1
name: Ann Example
contacts:
  emails: [ann@example.com]
"""
FLAG = """flags:
  - type: on-hold
    reason: Invoice INV-7 unpaid for more than 60 days.
    created: 2026-06-03
    created_by: max
"""


def git(root: Path, *args: str, date: str = "2026-06-03T10:00:00+00:00") -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Dana Editor", GIT_AUTHOR_EMAIL="dana@example.com", GIT_AUTHOR_DATE=date,
               GIT_COMMITTER_NAME="Dana Editor", GIT_COMMITTER_EMAIL="dana@example.com", GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_customer_page_shows_who_changed_what_from_git(tmp_path: Path) -> None:
    folder = tmp_path / "records/customers/C-1"
    folder.mkdir(parents=True)
    (folder / "customer.yaml").write_text(CUSTOMER)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Add Ann Example")
    (folder / "customer.yaml").write_text(CUSTOMER + FLAG)
    git(tmp_path, "commit", "-q", "-am", "Put C-1 on hold\n\nAccounts asked for it in ticket 12.", date="2026-06-04T09:00:00+00:00")

    result = build_site(str(tmp_path))

    html = (Path(result.site_dir) / "customers/C-1/index.html").read_text()
    history = html[html.index('id="history"'):]
    assert history.index("Put C-1 on hold") < history.index("Add Ann Example")  # newest first
    assert "flag on-hold added" in history
    assert "Dana Editor" in history and "2026-06-04" in history
    assert "ticket 12" not in history  # the subject line only


def test_a_folder_that_is_not_a_git_repository_builds_without_history(tmp_path: Path) -> None:
    folder = tmp_path / "records/customers/C-1"
    folder.mkdir(parents=True)
    (folder / "customer.yaml").write_text(CUSTOMER)
    result = build_site(str(tmp_path))
    html = (Path(result.site_dir) / "customers/C-1/index.html").read_text()
    assert "Ann Example" in html
    assert 'id="history"' not in html
