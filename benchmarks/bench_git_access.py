"""Git's own processes (``flagsite.git``) against GitPython, for each way flagsite reads a repository.

Uses the grouped repository of ``bench_history.py`` (10,000 customers,
1,000 commits, built once with ``git fast-import``):

- start-up: importing GitPython, in a fresh interpreter, against nothing;
- one question (the top folder): one ``git rev-parse`` against ``git.Repo``;
- which files every commit touched: one streamed ``git log -z --raw`` pass
  against ``Commit.diff(parent)`` for each commit of ``Repo.iter_commits``;
- one customer's commits: a path-limited stream against ``iter_commits(paths=...)``
  with ``Commit.diff``;
- blob contents: ``BlobReader.prefetch`` (one ``cat-file --batch --buffer``)
  against GitPython's object database (``Repo.odb.stream``).

Run:  python benchmarks/bench_git_access.py [--customers N] [--commits N] [--keep DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import git as gitpython

from bench_history import best, build, folder
from flagsite.git import BlobReader, stream_log, top_level


def startup(repeat: int) -> tuple[float, float]:
    bare = best(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)
    with_import = best(lambda: subprocess.run([sys.executable, "-c", "import git"], check=True), repeat)
    return bare, with_import


def gitpython_touched(repo: gitpython.Repo, paths: str | None = None) -> int:
    files = 0
    for commit in repo.iter_commits("HEAD", paths=paths or ""):
        parent = commit.parents[0] if commit.parents else gitpython.NULL_TREE
        files += len(commit.diff(parent, paths=paths, R=True))
    return files


def gitpython_blobs(repo: gitpython.Repo, shas: list[str]) -> int:
    return sum(len(repo.odb.stream(bytes.fromhex(sha)).read()) for sha in shas)


def stream_blobs(root: str, shas: list[str]) -> int:
    with BlobReader(root) as blobs:
        blobs.prefetch(shas)
        return sum(len(blobs.read(sha) or b"") for sha in shas)


def line(what: str, ours: float, theirs: float) -> None:
    print(f"  {what:<36} git {ours * 1000:9.1f} ms   GitPython {theirs * 1000:9.1f} ms   = {theirs / ours:6.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the repository under this folder")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure, the best shown (default 5)")
    args = parser.parse_args()
    repeat = max(1, args.repeat)

    with tempfile.TemporaryDirectory() as scratch:
        root = (args.keep or Path(scratch)) / f"records-grouped-{args.customers}-{args.commits}"
        if not (root / ".git").exists():
            build(root, args.customers, args.commits, flat=False)
        path = str(root)
        repo = gitpython.Repo(path)
        print(f"{args.customers} customers, {args.commits} commits; GitPython {gitpython.__version__}")

        bare, with_import = startup(repeat)
        print(f"  importing GitPython: {(with_import - bare) * 1000:.0f} ms (Python alone starts in {bare * 1000:.0f} ms)")
        line("the top folder (one question)", best(lambda: top_level(path), repeat), best(lambda: gitpython.Repo(path).working_tree_dir, repeat))

        def every() -> object:
            return sum(len(c.entries) for c in stream_log(path, []))
        line("files every commit touched", best(every, repeat), best(lambda: gitpython_touched(repo), 1))
        one = folder(args.customers // 2, flat=False)
        line("one customer's commits and files", best(lambda: list(stream_log(path, [f"{one}/"])), repeat),
             best(lambda: gitpython_touched(repo, f"{one}/"), repeat))

        shas = [entry.new_sha for commit in stream_log(path, []) for entry in commit.entries if entry.new_sha][:5000]
        line(f"{len(shas)} blobs", best(lambda: stream_blobs(path, shas), repeat), best(lambda: gitpython_blobs(repo, shas), repeat))
        repo.close()


if __name__ == "__main__":
    main()
