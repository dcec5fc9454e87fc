"""The workflow `flagsite init` writes installs flagsite the way it was installed (pip's direct_url.json)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import PathDistribution
from pathlib import Path
from typing import Any

import yaml

from flagsite.scaffold.init import init_repository
from flagsite.scaffold.install_source import InstallSource, install_source

from .conftest import Result, git

SHA = "0123456789abcdef0123456789abcdef01234567"


def installed(tmp_path: Path, version: str, direct_url: dict[str, Any] | None = None) -> PathDistribution:
    """A dist-info folder as pip leaves it."""
    info = tmp_path / f"flagsite-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.4\nName: flagsite\nVersion: {version}\n")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url))
    return PathDistribution(info)


def clone_with_remote(tmp_path: Path, remote: str, pushed: bool) -> Path:
    source = tmp_path / "flagsite-src"
    source.mkdir()
    git(source, "init", "-q", "-b", "main")
    (source / "README.md").write_text("flagsite\n")
    git(source, "add", "README.md")
    git(source, "commit", "-q", "-m", "first")
    git(source, "remote", "add", "origin", remote)
    if pushed:  # what a fetch from origin leaves behind
        git(source, "update-ref", "refs/remotes/origin/main", "HEAD")
    return source


def test_a_release_from_the_package_index_is_pinned(tmp_path: Path) -> None:
    assert install_source(installed(tmp_path, "1.4.0")) == InstallSource("flagsite==1.4.0", reachable=True)


def test_a_development_version_is_on_no_index(tmp_path: Path) -> None:
    assert install_source(installed(tmp_path, "0.0.0.dev186+g459e10d")) == InstallSource("flagsite", reachable=False)


def test_an_install_from_git_is_pinned_to_its_commit(tmp_path: Path) -> None:
    dist = installed(tmp_path, "0.2.0", {"url": "https://git.example.com/team/flagsite.git", "vcs_info": {"vcs": "git", "commit_id": SHA}})
    assert install_source(dist) == InstallSource(f"flagsite @ git+https://git.example.com/team/flagsite.git@{SHA}", reachable=True)


def test_an_install_from_a_pushed_clone_uses_its_remote_and_commit(tmp_path: Path) -> None:
    clone = clone_with_remote(tmp_path, "git@git.example.com:team/flagsite.git", pushed=True)
    dist = installed(tmp_path, "0.0.0.dev3", {"url": clone.as_uri(), "dir_info": {"editable": True}})
    commit = git(clone, "rev-parse", "HEAD").strip()
    assert install_source(dist) == InstallSource(f"flagsite @ git+ssh://git@git.example.com/team/flagsite.git@{commit}", reachable=True)


def test_an_unpushed_commit_is_named_but_not_trusted(tmp_path: Path) -> None:
    clone = clone_with_remote(tmp_path, "https://git.example.com/team/flagsite.git", pushed=False)
    dist = installed(tmp_path, "0.0.0.dev3", {"url": clone.as_uri(), "dir_info": {}})
    assert install_source(dist).reachable is False


def test_a_folder_without_a_remote_cannot_be_installed_by_ci(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    dist = installed(tmp_path, "0.0.0.dev0", {"url": folder.as_uri(), "dir_info": {}})
    assert install_source(dist) == InstallSource("flagsite", reachable=False)


def test_the_written_workflow_installs_that_source(tmp_path: Path) -> None:
    package = InstallSource(f"flagsite @ git+https://git.example.com/team/flagsite.git@{SHA}", reachable=True)
    result = init_repository(str(tmp_path / "records-repo"), package)
    text = (tmp_path / "records-repo" / ".github/workflows/flagsite.yml").read_text()
    workflow = yaml.safe_load(text)
    assert workflow["env"]["FLAGSITE_PACKAGE"] == f"${{{{ vars.FLAGSITE_PACKAGE || '{package.requirement}' }}}}"
    assert result.package == package
    lint = subprocess.run([str(Path(sys.executable).parent / "actionlint"), "-"], input=text, capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout


def test_init_says_what_the_workflow_installs(tmp_path: Path, run: Callable[..., Result]) -> None:
    result = run("init", str(tmp_path / "r"))
    assert result.exit_code == 0, result.stderr
    assert "the workflow installs '" in result.stdout
