"""The site folder: a build never empties a folder the repository keeps, or one it did not make."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import site_factory as f

TODAY = f.TODAY.isoformat()
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def _script(name: str) -> str:
    script = shutil.which(name, path=os.path.dirname(sys.executable))
    assert script is not None
    return script


def flagsite(*args: str, cwd: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_script("flagsite"), *args], capture_output=True, text=True, cwd=cwd, env=ENV, check=False)


def snapshot(folder: str) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes)."""
    found = {}
    for where, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(where, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, folder)] = handle.read()
    return found


@pytest.fixture
def repo(tmp_path: Path, demo_root: str) -> str:
    """The demo records with the files a records repository keeps beside them, in Git."""
    target = str(tmp_path / "repo")
    shutil.copytree(demo_root, target)
    os.makedirs(os.path.join(target, "schema"))
    with open(os.path.join(target, "schema", "customer.schema.json"), "w", encoding="utf-8") as handle:
        handle.write("{}\n")
    with open(os.path.join(target, "flagsite.yaml"), "a", encoding="utf-8") as handle:
        handle.write("# The vocabulary and rules.\npolicy: {}\n")
    subprocess.run(["git", "init", "-q", target], check=True)
    return target


def test_site_dir_records_is_refused_and_every_record_kept(repo: str) -> None:
    before = snapshot(repo)
    done = flagsite("--root", repo, "build", "--site-dir", os.path.join(repo, "records"), "--today", TODAY)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{os.path.realpath(repo)}/records" in done.stderr and "customer records" in done.stderr
    assert "Traceback" not in done.stderr and "Built the site" not in done.stdout
    assert snapshot(repo) == before


@pytest.mark.parametrize("site_dir", [".", "records/customers", "schema", ".git", "..", "schema/site"])
def test_a_folder_the_repository_keeps_is_refused_without_mkdocs_yml(repo: str, site_dir: str) -> None:
    before = snapshot(repo)
    done = flagsite("build", "--site-dir", site_dir, "--today", TODAY, cwd=repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "refused to build the site into" in done.stderr and "would delete" in done.stderr
    assert snapshot(repo) == before


def test_a_link_to_the_records_is_refused_like_the_records(repo: str, tmp_path: Path) -> None:
    link = tmp_path / "published"
    link.symlink_to(os.path.join(repo, "records"))
    before = snapshot(repo)
    done = flagsite("--root", repo, "build", "--site-dir", str(link), "--today", TODAY)
    assert done.returncode == 1 and "customer records" in done.stderr
    assert snapshot(repo) == before


def test_site_dir_in_the_repositorys_own_mkdocs_yml_is_refused_by_mkdocs_build(repo: str) -> None:
    os.makedirs(os.path.join(repo, "pages"))
    with open(os.path.join(repo, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump({"site_name": "x", "docs_dir": "pages", "site_dir": "records", "plugins": [{"flagsite": {"today": TODAY}}]}, handle)
    before = snapshot(repo)
    done = subprocess.run([_script("mkdocs"), "build"], cwd=repo, capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode != 0
    assert "refused to build the site into" in done.stderr and "customer records" in done.stderr
    assert snapshot(repo) == before
    # flagsite build reads the same setting and refuses it the same way.
    done = flagsite("--root", repo, "build")
    assert done.returncode == 1 and "customer records" in done.stderr
    assert snapshot(repo) == before


def test_docs_dir_is_refused(repo: str) -> None:
    os.makedirs(os.path.join(repo, "pages"))
    with open(os.path.join(repo, "pages", "index.md"), "w", encoding="utf-8") as handle:
        handle.write("# Front page\n")
    with open(os.path.join(repo, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump({"site_name": "x", "docs_dir": "pages", "plugins": [{"flagsite": {"today": TODAY}}]}, handle)
    before = snapshot(repo)
    done = flagsite("--root", repo, "build", "--site-dir", os.path.join(repo, "pages"))
    assert done.returncode == 1
    assert snapshot(repo) == before


def test_a_folder_flagsite_did_not_build_is_refused_unless_empty(repo: str, tmp_path: Path) -> None:
    foreign = tmp_path / "holiday-photos"
    foreign.mkdir()
    (foreign / "beach.jpg").write_bytes(b"\xff\xd8 not really")
    done = flagsite("--root", repo, "build", "--site-dir", str(foreign), "--today", TODAY)
    assert done.returncode == 1
    assert str(foreign) in done.stderr and "beach.jpg" in done.stderr and "not a site flagsite built" in done.stderr
    assert (foreign / "beach.jpg").read_bytes() == b"\xff\xd8 not really"

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".git").write_text("gitdir: elsewhere\n")  # hidden entries are kept by the engine: a gh-pages checkout
    assert flagsite("--root", repo, "build", "--site-dir", str(empty), "--today", TODAY).returncode == 0
    assert (empty / "customers" / "C-10042" / "index.html").exists() and (empty / ".git").exists()


def test_a_site_flagsite_built_is_built_again_in_place(repo: str, tmp_path: Path) -> None:
    site = tmp_path / "out"
    assert flagsite("--root", repo, "build", "--site-dir", str(site), "--today", TODAY).returncode == 0
    (site / "stale.html").write_text("from an older build")
    done = flagsite("--root", repo, "build", "--site-dir", str(site), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert not (site / "stale.html").exists() and (site / "index.html").exists()
