"""Every call flagsite makes to Git goes through this package.

- ``run``: the one way to start git, with a fixed environment and settings
  (why each: see its docstring), so no user setting changes what is parsed.
- ``repo``: what a repository is (its ``.git`` folder, whether its history is
  whole, its commits by date, ``user.name``) and creating one.
- ``log``: which files each commit touched, in one streamed
  ``git log -z --raw`` pass; the files of a commit's tree.
- ``blobs``: file contents through one ``git cat-file --batch`` process.

Git's own processes, or GitPython? Measured with
``python benchmarks/bench_git_access.py`` (10,000 customers, 1,000 commits):
see docs/compliance.md for the figures. GitPython costs ~50 ms to import,
which one ``git rev-parse`` (~1.5 ms) answers many times over, so single
questions go to git itself. Walking history and reading blobs through
GitPython's objects is many times slower than the streamed ``git log`` pass
and ``cat-file --batch``, so history keeps the stream. GitPython's
configuration reader ignores ``GIT_CONFIG_GLOBAL`` and ``GIT_CONFIG_NOSYSTEM``
and its ``rev_parse`` knows a part of git's revision syntax, so ``user.name``
and revisions are git's answer too. It creates repositories
(``flagsite init``), where its import is paid once.
"""

from __future__ import annotations

from .blobs import BlobReader
from .log import NULL_SHA, RawCommit, RawEntry, diff_tree, stream_diff, stream_log, tree_files
from .repo import (
    UNSHALLOW_ADVICE,
    commit_before,
    git_dir,
    git_init,
    has_commits,
    is_git_repository,
    is_shallow,
    merge_base,
    require_history,
    resolve_commit,
    shallow_commits,
    top_level,
    user_name,
)
from .run import git_env, git_status, run_git, start_git

__all__ = [
    "NULL_SHA", "UNSHALLOW_ADVICE", "BlobReader", "RawCommit", "RawEntry",
    "commit_before", "diff_tree", "git_dir", "git_env", "git_init", "git_status", "has_commits",
    "is_git_repository", "is_shallow", "merge_base", "require_history", "resolve_commit", "run_git", "shallow_commits",
    "start_git", "stream_diff", "stream_log", "top_level", "tree_files", "user_name",
]
