"""The release: the sdist and wheel build, pass PyPI's checks, carry the licence, take the version from the tag."""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from ..conftest import REPO_ROOT
from .conftest import git

BIN = Path(sys.executable).parent


def build(source: Path, out: Path, *what: str) -> None:
    # --no-isolation: the build tools come from the test extra, so this runs offline.
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", *what, "-o", str(out), str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build(REPO_ROOT, out)
    return out


def only(folder: Path, pattern: str) -> Path:
    [found] = folder.glob(pattern)
    return found


def test_twine_check_strict_passes(dist: Path) -> None:
    done = subprocess.run([str(BIN / "twine"), "check", "--strict", *map(str, dist.iterdir())], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_carries_the_licence(dist: Path) -> None:
    with zipfile.ZipFile(only(dist, "*.whl")) as wheel:
        names = wheel.namelist()
        [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = email.message_from_bytes(wheel.read(metadata))
        info = metadata.rsplit("/", 1)[0]
        licence = wheel.read(f"{info}/licenses/LICENSE").decode()
    # flagsite's code is MIT; the web word list in policy/data is CC BY-SA 4.0 (THIRD-PARTY-NOTICES.md).
    assert meta["License-Expression"] == "MIT AND CC-BY-SA-4.0"
    assert sorted(meta.get_all("License-File") or []) == ["LICENSE", "THIRD-PARTY-NOTICES.md"]
    assert f"{info}/licenses/THIRD-PARTY-NOTICES.md" in names
    assert licence == (REPO_ROOT / "LICENSE").read_text()
    assert not any(n.startswith("tests/") for n in names)


def suite_files() -> set[str]:
    """The test suite: what Git tracks under tests/, or, run from an sdist, every file there."""
    if (REPO_ROOT / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z", "tests"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
        return set(listed.decode().split("\0")) - {""}
    return {
        (Path(folder) / name).relative_to(REPO_ROOT).as_posix()
        for folder, dirs, files in os.walk(REPO_ROOT / "tests")
        for name in files
        if "__pycache__" not in folder and not name.endswith(".pyc")
    }


def test_the_sdist_carries_the_whole_test_suite(dist: Path) -> None:
    with tarfile.open(only(dist, "*.tar.gz")) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    tests = suite_files()
    assert "tests/conftest.py" in tests and "tests/tooling/conftest.py" in tests
    assert tests - members == set()
    assert {"LICENSE", "CHANGELOG.md", "records/customers/C-10042/customer.yaml", "pyproject.toml"} <= members


@pytest.mark.skipif(not (REPO_ROOT / ".git").exists(), reason="run from an sdist: there is no Git history to tag")
def test_the_version_is_the_tag(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-local", str(REPO_ROOT), str(clone)], check=True, capture_output=True)
    git(clone, "tag", "v7.8.9")
    build(clone, tmp_path / "tagged", "--sdist")
    assert only(tmp_path / "tagged", "*.tar.gz").name == "flagsite-7.8.9.tar.gz"
    shutil.rmtree(clone / ".git")  # a copy without history still builds, with the fallback version
    build(clone, tmp_path / "untracked", "--sdist")
    assert only(tmp_path / "untracked", "*.tar.gz").name == "flagsite-0.0.0.dev0.tar.gz"
