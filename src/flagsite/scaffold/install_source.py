"""Where a records repository's workflow installs flagsite from: the way this flagsite was installed.

pip records how it installed a distribution (PEP 610, ``direct_url.json``):
nothing for a package index, a VCS URL and commit, an archive URL, or a
local folder. The workflow gets the same source, pinned, so CI runs the
flagsite that wrote it. A local folder is reachable from CI only through the
Git remote it was cloned from; without one, the workflow cannot know where
flagsite lives and the repository variable FLAGSITE_PACKAGE must say.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from urllib.parse import unquote, urlparse

from ..errors import FlagsiteError
from ..git import is_git_repository, run_git

# A final release: no .devN, rcN or +local part (those are never on the package index under that name).
_RELEASE = re.compile(r"^\d+(\.\d+)*$")
# user@host:path, Git's short form of an SSH URL.
_SCP_LIKE = re.compile(r"^(?P<user>[\w.-]+)@(?P<host>[\w.-]+):(?P<path>(?!/).+)$")


@dataclass(frozen=True)
class InstallSource:
    requirement: str  # what `pip install` takes
    reachable: bool  # False: a guess CI may not be able to install; FLAGSITE_PACKAGE should say


def this_install_source() -> InstallSource:
    try:
        return install_source(distribution("flagsite"))
    except PackageNotFoundError:  # run from a source tree never installed
        return InstallSource("flagsite", reachable=False)


def install_source(dist: Distribution) -> InstallSource:
    direct = dist.read_text("direct_url.json")
    if direct is None:
        return _from_index(dist.version)
    info = json.loads(direct)
    url = info.get("url", "")
    if "vcs_info" in info:
        vcs = info["vcs_info"]
        commit = vcs.get("commit_id") or vcs.get("requested_revision")
        pinned = f"{url}@{commit}" if commit else url
        return InstallSource(f"flagsite @ {vcs.get('vcs', 'git')}+{pinned}", reachable=not _is_local(url))
    if "archive_info" in info and not _is_local(url):
        return InstallSource(f"flagsite @ {url}", reachable=True)
    if url.startswith("file:") and "dir_info" in info:
        from_remote = _from_git_remote(unquote(urlparse(url).path))
        if from_remote is not None:
            return from_remote
    return InstallSource(_from_index(dist.version).requirement, reachable=False)


def _from_index(version: str) -> InstallSource:
    release = bool(_RELEASE.match(version))
    return InstallSource(f"flagsite=={version}" if release else "flagsite", reachable=release)


def _from_git_remote(folder: str) -> InstallSource | None:
    """The clone's remote and commit, when the folder is a clone of a repository CI can reach."""
    if not os.path.isdir(folder) or not is_git_repository(folder):
        return None
    try:
        remote = run_git(folder, ["remote", "get-url", "origin"]).decode().strip()
        commit = run_git(folder, ["rev-parse", "HEAD"]).decode().strip()
    except FlagsiteError:  # no remote named origin, or no commit yet
        return None
    scp = _SCP_LIKE.match(remote)
    if scp:
        remote = f"ssh://{scp['user']}@{scp['host']}/{scp['path']}"
    if _is_local(remote):
        return None
    # A commit no remote branch holds was never pushed: CI could not fetch it.
    pushed = bool(run_git(folder, ["branch", "-r", "--contains", commit], check=False).strip())
    return InstallSource(f"flagsite @ git+{remote}@{commit}", reachable=pushed)


def _is_local(url: str) -> bool:
    return urlparse(url).scheme not in ("https", "http", "ssh", "git")
