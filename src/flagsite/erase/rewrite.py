"""Rewrite every commit of a repository with git-filter-repo, and prove what it no longer holds.

git-filter-repo is the tool Git's own documentation points to for removing
data from history. It normally refuses a repository that is not a fresh clone
(``--force``), so that a mistake can be undone from the original. Here the
rewrite follows a commit made in the same clone (the erasure), so it runs with
``--force``, after checks of its own (``require_rewritable``): the whole
history is here, the working tree is clean, HEAD is on a branch, and no other
worktree holds the old commits. ``--sensitive-data-removal`` rewrites the
remote-tracking branches as local ones, so nothing in the clone keeps an old
commit; ``--no-fetch``: flagsite never reaches the network, the checklist says
what to push. Reflogs are expired and unreachable objects pruned at once.

Afterwards every object of the repository (``git cat-file --batch-all-objects``)
is read, and any that still holds one of the values is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field

from ..errors import FlagsiteError
from ..git import current_branch, git_dir, require_history, run_filter_repo, run_git, start_git, top_level
from .traces import Value

# A record's own rows in an orders file: a CSV line one of whose fields is the id (quoted or not).
_ORDER_ROW = r'(?m)^(?:[^,\n]*,)*"?{id}"?(?:,[^\n]*)?(?:\r?\n|\Z)'
_METADATA = "filter-repo"
_EXPRESSIONS = "flagsite-rewrite-expressions"
_PATHS = "flagsite-rewrite-paths"


@dataclass
class Rewritten:
    first_changed: list[str] = field(default_factory=list)  # the oldest commits the rewrite changed, by their old sha
    # (kind, how many objects) of each value still found after the rewrite: empty when it worked.
    left: list[tuple[str, int]] = field(default_factory=list)


def require_rewritable(root: str) -> None:
    """Refuse, saying what to do, a repository whose history cannot be rewritten safely here."""
    require_history(root)
    if current_branch(root) is None:
        raise FlagsiteError("HEAD is not on a branch (a detached checkout); check out the branch the records are kept on, then run this again")
    changed = run_git(root, ["status", "--porcelain", "--untracked-files=all"])
    if changed.strip():
        raise FlagsiteError("the working tree has changes that are not committed ('git status' lists them); commit or remove them first: "
                            "the rewrite resets the working tree to the rewritten branch")
    worktrees = [line for line in run_git(root, ["worktree", "list", "--porcelain"]).splitlines() if line.startswith(b"worktree ")]
    if len(worktrees) > 1:
        raise FlagsiteError("this repository has other worktrees ('git worktree list'), whose checkouts keep the old commits; "
                            "remove them with 'git worktree remove' first")


def order_rows_pattern(customer_id: str) -> str:
    return _ORDER_ROW.format(id=re.escape(customer_id))


def rewrite_history(root: str, paths: Iterable[str], values: Iterable[Value], word: str, *, drop_patterns: Iterable[str] = ()) -> Rewritten:
    """Every commit of every branch and tag without ``paths`` (relative to ``root``), each value in other files and in
    commit messages replaced (``Value.replacement(word)``), and what ``drop_patterns`` match removed; then every object checked."""
    top, folder = top_level(root), git_dir(root)
    if top is None or folder is None:
        raise FlagsiteError(f"{root} is not a Git repository")
    prefix = run_git(root, ["rev-parse", "--show-prefix"]).decode("utf-8", "surrogateescape").rstrip("\n")
    values = list(values)
    expressions = [f"regex:{value.pattern()}==>{value.replacement(word)}" for value in values] + [f"regex:{pattern}==>" for pattern in drop_patterns]
    wanted_paths = sorted(prefix + path for path in paths)
    # A run left by an earlier rewrite would make git-filter-repo ask whether to continue it.
    shutil.rmtree(os.path.join(folder, _METADATA), ignore_errors=True)
    expressions_file, paths_file = os.path.join(folder, _EXPRESSIONS), os.path.join(folder, _PATHS)
    args = ["--force", "--sensitive-data-removal", "--no-fetch", "--quiet"]
    try:
        # Inside .git: never committed, never outside the repository; removed below (it holds the values).
        _write_private(expressions_file, expressions)
        args += ["--replace-text", expressions_file, "--replace-message", expressions_file]
        if wanted_paths:
            _write_private(paths_file, wanted_paths)
            args += ["--invert-paths", "--paths-from-file", paths_file]
        done = run_filter_repo(top, args)
    finally:
        for written in (expressions_file, paths_file):
            with suppress(FileNotFoundError):
                os.remove(written)
    if done.returncode != 0:
        why = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise FlagsiteError(f"git filter-repo failed: {why[-1] if why else 'no reason given'}; history is not rewritten "
                            "(an erasure's commit is made): fix this, then run the same command again")
    # git-filter-repo does both; done again so that the check below never depends on its defaults.
    run_git(root, ["reflog", "expire", "--expire=now", "--all"])
    run_git(root, ["gc", "--quiet", "--prune=now"])
    return Rewritten(_first_changed(folder), values_left(root, values))


def _write_private(path: str, lines: list[str]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(line + "\n" for line in lines)


def _first_changed(folder: str) -> list[str]:
    try:
        with open(os.path.join(folder, _METADATA, "first-changed-commits"), encoding="ascii") as handle:
            return [line.split()[0] for line in handle if line.strip()]
    except (OSError, ValueError):
        return []


def values_left(root: str, values: Iterable[Value]) -> list[tuple[str, int]]:
    """(kind, number of objects) for each value some object of the repository still holds."""
    patterns = [(value.kind, re.compile(value.pattern().encode("utf-8"))) for value in values]
    if not patterns:
        return []
    counts: dict[str, int] = {}
    process = start_git(root, ["cat-file", "--batch-all-objects", "--batch", "--unordered"], stderr=False)
    assert process.stdout is not None
    try:
        while header := process.stdout.readline():
            size = int(header.split()[2])
            content = process.stdout.read(size + 1)
            for kind, pattern in patterns:
                if pattern.search(content):
                    counts[kind] = counts.get(kind, 0) + 1
    finally:
        process.stdout.close()
        process.wait()
    return sorted(counts.items())
