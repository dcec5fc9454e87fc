"""Every call flagsite makes to Git goes through this package.

- ``run``: the one way to start git, with a fixed environment and settings
  (why each: see its docstring), so no user setting changes what is parsed.
- ``repo``: what a repository is (its ``.git`` folder, whether its history is
  whole, its commits by date, ``user.name``) and creating one.
- ``log``: which files each commit touched, in one streamed
  ``git log -z --raw`` pass; the files of a commit's tree.
- ``blobs``: file contents through one ``git cat-file --batch`` process.
- ``run_filter_repo``: git-filter-repo, which rewrites history (``flagsite erase``).

Git's own processes, or GitPython? ``python benchmarks/bench_git_access.py``
(10,000 customers, 1,000 commits; 2 busy shared cores, best of 3, two runs):

- importing GitPython: 130-250 ms in a fresh interpreter (it also runs
  ``git version``), where one ``git rev-parse`` answers a question in 2-3 ms:
  a command asks a few questions, so they go to git itself;
- which files each of the 1,000 commits touched: one streamed
  ``git log --raw`` pass 0.07 s, ``Commit.diff`` per commit 19-33 s
  (280-440x, one process per commit): history keeps the stream;
- one customer's commits: 0.03-0.06 s with git, 0.03-0.11 s with GitPython;
- 5,000 blobs: ``cat-file --batch --buffer`` 0.04 s, GitPython's object
  database 0.11-0.13 s (about 3x): blobs keep the batch.

GitPython's configuration reader ignores ``GIT_CONFIG_GLOBAL`` and
``GIT_CONFIG_NOSYSTEM``, and its ``rev_parse`` knows a part of git's revision
syntax, so ``user.name`` and revisions are git's own answer too. GitPython
creates repositories (``flagsite init``), where its import is paid once.
"""

from __future__ import annotations

from .blobs import BlobReader
from .log import NULL_SHA, RawCommit, RawEntry, TreeEntry, commit_diffs, diff_tree, stream_diff, stream_log, tree_entries, tree_files
from .repo import (
    UNSHALLOW_ADVICE,
    commit_before,
    commit_count,
    commit_everything,
    current_branch,
    git_dir,
    git_init,
    has_commits,
    is_branch_name,
    is_git_repository,
    is_shallow,
    landing_times,
    merge_base,
    require_history,
    resolve_commit,
    shallow_commits,
    top_level,
    user_name,
)
from .run import git_env, git_status, run_filter_repo, run_git, start_git

__all__ = [
    "NULL_SHA", "UNSHALLOW_ADVICE", "BlobReader", "RawCommit", "RawEntry", "TreeEntry",
    "commit_before", "commit_count", "commit_diffs", "commit_everything", "current_branch", "diff_tree", "git_dir", "git_env", "git_init", "git_status", "has_commits",
    "is_branch_name", "is_git_repository", "is_shallow", "landing_times", "merge_base", "require_history", "resolve_commit", "run_filter_repo", "run_git", "shallow_commits",
    "start_git", "stream_diff", "stream_log", "top_level", "tree_entries", "tree_files", "user_name",
]
