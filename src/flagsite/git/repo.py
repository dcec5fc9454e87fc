"""What a repository is and holds: its folders, whether its history is whole, who is committing.

Each question is one short ``git`` process: the answer is git's own, with
its rules for ``.git`` files, worktrees and ``GIT_CEILING_DIRECTORIES``.
GitPython is used to create a repository (see ``flagsite.git``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from ..errors import FlagsiteError
from .run import git_env, git_status, run_git

UNSHALLOW_ADVICE = "fetch the whole history with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)"


def is_git_repository(root: str) -> bool:
    try:
        done = git_status(root, ["rev-parse", "--is-inside-work-tree"])
    except FlagsiteError:  # git not installed: a plain folder as far as we can tell
        return False
    return done.returncode == 0 and done.stdout.strip() == b"true"


def has_commits(root: str) -> bool:
    return git_status(root, ["rev-parse", "--verify", "-q", "HEAD"]).returncode == 0


def commit_count(root: str, rev: str = "HEAD", pathspecs: Sequence[str] = ()) -> int:
    """How many commits ``rev`` holds (0 when it names none), or of them touched ``pathspecs``: the length of a log pass."""
    done = git_status(root, ["rev-list", "--count", "--full-history", rev, "--", *pathspecs])
    return int(done.stdout) if done.returncode == 0 and done.stdout.strip().isdigit() else 0


def git_dir(root: str) -> str | None:
    """The absolute path of the repository's ``.git`` folder (a worktree's own one), or None outside Git."""
    return _folder(root, "--absolute-git-dir")


def top_level(root: str) -> str | None:
    """The absolute path of the working tree's top folder, or None outside Git."""
    return _folder(root, "--show-toplevel")


def _folder(root: str, question: str) -> str | None:
    try:
        done = git_status(root, ["rev-parse", question])
    except FlagsiteError:  # git not installed
        return None
    return os.fsdecode(done.stdout.rstrip(b"\n")) if done.returncode == 0 else None


def shallow_commits(root: str) -> frozenset[str]:
    """The commits a shallow clone holds without their parents (none in a whole clone).

    Each seems to add every file it holds, so a history read from one is wrong
    from there back.
    """
    path = run_git(root, ["rev-parse", "--git-path", "shallow"], check=False).decode("utf-8", "surrogateescape").rstrip("\n")
    if not path:  # not a repository
        return frozenset()
    try:
        with open(os.path.join(root, path), encoding="ascii") as handle:  # relative paths are from root
            return frozenset(line.strip() for line in handle if line.strip())
    except (OSError, ValueError):
        return frozenset()


def is_shallow(root: str) -> bool:
    return bool(shallow_commits(root))


def require_history(root: str) -> None:
    """Refuse, saying what to do, when ``root``'s Git history cannot be read or is not whole."""
    if not is_git_repository(root):
        raise FlagsiteError(f"{root} is not a Git repository, so there is no history to read; run this in a clone of the records repository")
    if not has_commits(root):
        raise FlagsiteError(f"{root} has no commits yet, so there is no history to read")
    if is_shallow(root):
        raise FlagsiteError(
            f"{root} is a shallow clone: it holds only the latest commits, so the history read from it would be wrong "
            f"(its oldest commit would seem to add every record); {UNSHALLOW_ADVICE}, then run this again"
        )


def resolve_commit(root: str, revision: str) -> str | None:
    """The full sha of the commit ``revision`` names (a branch, tag, sha, ``HEAD~2``...), or None."""
    out = run_git(root, ["rev-parse", "--verify", "-q", "--end-of-options", f"{revision}^{{commit}}"], check=False)
    return out.decode("ascii", "replace").strip() or None


def merge_base(root: str, one: str, other: str) -> str | None:
    out = run_git(root, ["merge-base", "--end-of-options", one, other], check=False)
    return out.decode("ascii", "replace").strip() or None


def commit_before(root: str, moment: dt.datetime, *, rev: str = "HEAD") -> str | None:
    """The last commit on the first-parent line of ``rev`` committed at or before ``moment``, or None.

    The moment is given as a raw timestamp: git's date parser takes a year
    past 2099 for something else, and any moment up to 9999-12-31 must work.
    """
    seconds = int(moment.timestamp())
    if seconds < 0:
        return None  # git keeps no commit from before 1970
    out = run_git(root, ["rev-list", "-1", "--first-parent", f"--before=@{seconds} +0000", rev, "--"])
    return out.decode("ascii", "replace").strip() or None


def landing_times(root: str, rev: str = "HEAD") -> dict[str, str]:
    """Commit sha → when it landed on the main line: the committer date of the first-parent
    commit of ``rev`` that brought it in (a merge for a branch's commits, the commit itself
    on the main line). A fast-forward merge makes no such commit: the branch's commits join
    the main line as they are, and their landing time is their own committer date."""
    parents: dict[str, list[str]] = {}
    for line in run_git(root, ["rev-list", "--parents", rev, "--"]).decode("ascii", "replace").splitlines():
        sha, *rest = line.split()
        parents[sha] = rest
    main_line = [line.split(" ", 1) for line in run_git(root, ["log", "--first-parent", "--format=%H %cI", rev, "--"]).decode("ascii", "replace").splitlines() if line]
    landed: dict[str, str] = {}
    for sha, date in reversed(main_line):  # oldest first: what an earlier landing brought is taken
        landed[sha] = date
        pending = list(parents.get(sha, [])[1:])
        while pending:
            brought = pending.pop()
            if brought not in landed:
                landed[brought] = date
                pending += parents.get(brought, [])
    return landed


def user_name(root: str) -> str:
    """``git config user.name`` as git itself reads it ('' when unset or outside Git).

    Not GitPython's configuration reader: it ignores ``GIT_CONFIG_GLOBAL``
    and ``GIT_CONFIG_NOSYSTEM``, so it could name someone else.
    """
    try:
        done = git_status(root, ["config", "user.name"])
    except FlagsiteError:
        return ""
    return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else ""


def git_init(root: str, branch: str) -> None:
    """``git init`` in ``root`` with ``branch`` as its first branch, through GitPython's command runner.

    GitPython passes on the inherited environment, so the repository is named
    outright: a ``GIT_DIR`` set by a hook must not receive the new repository.
    """
    root = os.path.abspath(root)
    no_git = "git is not installed or not on PATH (install it)"
    try:
        import git  # GitPython: 130-250 ms to import, paid only when a repository is created
    except ModuleNotFoundError as error:
        raise FlagsiteError("GitPython, which flagsite needs, is not installed; install flagsite again with pip") from error
    except ImportError as error:  # it refuses to load without a working git
        raise FlagsiteError(no_git) from error
    runner = git.Git(root)
    try:
        with runner.custom_environment(**git_env(), GIT_DIR=os.path.join(root, ".git"), GIT_WORK_TREE=root):
            runner.init("-q", f"--initial-branch={branch}")
    except git.GitCommandNotFound as error:
        raise FlagsiteError(no_git) from error
    except git.GitCommandError as error:
        raise FlagsiteError(f"'git init' failed in {root}: {(error.stderr or '').strip() or error}") from error


def current_branch(root: str) -> str | None:
    """The branch checked out in ``root`` (None outside Git or on a detached HEAD)."""
    try:
        done = git_status(root, ["symbolic-ref", "--short", "-q", "HEAD"])
    except FlagsiteError:
        return None
    return done.stdout.decode("utf-8", "replace").strip() or None if done.returncode == 0 else None


def is_branch_name(name: str) -> bool:
    """Whether git accepts ``name`` as a branch name (``git check-ref-format --branch``)."""
    return git_status(os.getcwd(), ["check-ref-format", "--branch", name]).returncode == 0 and not name.startswith("-")


def commit_everything(root: str, message: str) -> None:
    """Stage every file of the working tree (as .gitignore allows) and commit it."""
    run_git(root, ["add", "-A"])
    run_git(root, ["commit", "-q", "-m", message])
