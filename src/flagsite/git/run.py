"""Running git: one fixed environment and one set of options for every call.

Output is parsed, so nothing the user's settings or environment may hold
is allowed to change its format or its meaning:

- ``LC_ALL=C``: messages and dates not translated; ``--no-pager`` and
  ``GIT_PAGER=cat``: never waits on a pager; ``GIT_TERMINAL_PROMPT=0``:
  never waits on a password prompt.
- ``GIT_NO_REPLACE_OBJECTS=1``: ``git replace`` refs would show other
  commits and files than those recorded, which an audit trail must not.
- ``GIT_OPTIONAL_LOCKS=0``: reading never takes ``index.lock``, so a history
  query cannot make a concurrent ``git commit`` or an edit fail.
- ``GIT_DIR``, ``GIT_WORK_TREE``, ``GIT_INDEX_FILE`` and the pathspec
  switches dropped: the repository is the one at ``--root``, found as git
  finds it, even when flagsite runs inside a hook that set them, and
  ``:(glob)`` pathspecs keep their meaning.
- ``-c`` settings: ``log.showRoot=true`` (else the first commit lists no
  files and a customer's record is never "added"), ``log.showSignature=false``
  (signature lines would land inside the parsed log), ``diff.relative=false``
  (paths stay repository paths unless ``--relative`` is asked),
  ``color.ui=never``, ``core.quotePath=false`` and
  ``i18n.logOutputEncoding=UTF-8`` (paths and messages as the bytes they are).
  Rename detection is asked for per command (``-M`` or ``--no-renames``),
  never left to ``diff.renames``.

The user's other configuration is read as usual: ``user.name`` above all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

from ..errors import FlagsiteError

SETTINGS = (
    "log.showRoot=true",
    "log.showSignature=false",
    "diff.relative=false",
    "color.ui=never",
    "core.quotePath=false",
    "i18n.logOutputEncoding=UTF-8",
)
_DROPPED = (
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_NAMESPACE",
    "GIT_LITERAL_PATHSPECS", "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS",
)
_FIXED = {
    "LC_ALL": "C",
    "GIT_PAGER": "cat",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_REPLACE_OBJECTS": "1",
    "GIT_OPTIONAL_LOCKS": "0",
}
_NOT_INSTALLED = "git is not installed or not on PATH; install git to work with the history of the records"


def git_env() -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in _DROPPED}
    env.update(_FIXED)
    return env


def git_command(root: str, args: Sequence[str]) -> list[str]:
    settings = [part for setting in SETTINGS for part in ("-c", setting)]
    return ["git", "--no-pager", *settings, "-C", root, *args]


def run_git(root: str, args: Sequence[str], *, check: bool = True, input: bytes | None = None) -> bytes:  # noqa: A002 - subprocess.run's name for it
    """Standard output of ``git -C root ARGS``; with ``check``, a failure is a FlagsiteError naming git's reason."""
    done = git_status(root, args, input=input)
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise FlagsiteError(f"git {' '.join(args[:2])} failed: {message}")
    return done.stdout


def git_status(root: str, args: Sequence[str], *, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:  # noqa: A002 - subprocess.run's name
    """The whole result of ``git -C root ARGS``, for callers that read its exit status."""
    try:
        return subprocess.run(git_command(root, args), capture_output=True, env=git_env(), check=False, input=input)
    except FileNotFoundError as error:
        raise FlagsiteError(_NOT_INSTALLED) from error


def start_git(root: str, args: Sequence[str], *, stdin: bool = False, stderr: bool = True) -> subprocess.Popen[bytes]:
    """A git process whose output is streamed (and, with ``stdin``, which is fed)."""
    try:
        return subprocess.Popen(
            git_command(root, args),
            stdin=subprocess.PIPE if stdin else None,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE if stderr else subprocess.DEVNULL,
            env=git_env(),
        )
    except FileNotFoundError as error:
        raise FlagsiteError(_NOT_INSTALLED) from error


def run_filter_repo(top: str, args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    """``git filter-repo ARGS`` in the repository whose top folder is ``top``, with git's fixed environment.

    Run as this Python's ``git_filter_repo`` module: the ``git-filter-repo``
    script pip installs beside it need not be on PATH. Its standard input is
    empty, so a question it asks (a run left half done) is refused, never waited on.
    """
    return subprocess.run([sys.executable, "-m", "git_filter_repo", *args], cwd=top, env=git_env(),
                          stdin=subprocess.DEVNULL, capture_output=True, check=False)
