"""Blob contents by sha through ``git cat-file --batch``: many blobs, one process."""

from __future__ import annotations

import itertools
import os
import subprocess
import threading
from collections.abc import Iterable

from .run import start_git


class BlobReader:
    """Blob contents by sha through ``git cat-file --batch``; close it when done.

    ``prefetch`` streams many shas to one process while a thread reads its
    answer, so thousands of blobs cost one stream instead of thousands of
    round trips, and git serves them while the caller is still producing shas.
    With ``worktree``, a sha of None means the file as it is in the working tree.
    """

    def __init__(self, root: str, *, worktree: bool = False) -> None:
        self.root = root
        self.worktree = worktree
        # Started on the first single read: a pass that only prefetches never needs it.
        self._process: subprocess.Popen[bytes] | None = None
        self._cache: dict[str, bytes | None] = {}

    def prefetch(self, shas: Iterable[str]) -> None:
        """Fetch every sha of ``shas``, consuming it lazily (it may be fed by a ``git log`` being read)."""
        shas = iter(shas)
        first = next((sha for sha in shas if sha not in self._cache), None)
        if first is None:
            return
        # --buffer: git writes its answer in large blocks; nobody reads it before the end.
        process = start_git(self.root, ["cat-file", "--batch", "--buffer"], stdin=True, stderr=False)
        assert process.stdin is not None and process.stdout is not None
        answer: list[bytes] = []
        # The thread drains git's output so that git never blocks writing while we write to it.
        reader = threading.Thread(target=lambda: answer.append(process.stdout.read()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        wanted: list[str] = []
        seen = set(self._cache)
        try:
            for sha in itertools.chain([first], shas):
                if sha not in seen:
                    seen.add(sha)
                    wanted.append(sha)
                    process.stdin.write(sha.encode("ascii") + b"\n")
        finally:
            process.stdin.close()
            reader.join()
            process.stdout.close()
            process.wait()
        out, position = (answer[0] if answer else b""), 0
        for sha in wanted:
            end = out.find(b"\n", position)
            if end < 0:
                break
            header = out[position:end].split()
            position = end + 1
            if len(header) != 3 or header[1] == b"missing":
                self._cache[sha] = None
                continue
            size = int(header[2])
            self._cache[sha] = out[position : position + size]
            position += size + 1  # the newline after each object

    def read(self, sha: str | None, path: str | None = None) -> bytes | None:
        if sha is None:
            return self._from_worktree(path)
        if sha not in self._cache:
            if self._process is None:
                self._process = start_git(self.root, ["cat-file", "--batch"], stdin=True, stderr=False)
            stdin = self._process.stdin
            assert stdin is not None
            stdin.write(sha.encode("ascii") + b"\n")
            stdin.flush()
            self._cache[sha] = self._answer()
        return self._cache[sha]

    def _answer(self) -> bytes | None:
        assert self._process is not None
        stdout = self._process.stdout
        assert stdout is not None
        header = stdout.readline().split()
        if len(header) != 3 or header[1] == b"missing":
            return None
        content = stdout.read(int(header[2]))
        stdout.read(1)  # the newline after each object
        return content

    def _from_worktree(self, path: str | None) -> bytes | None:
        if not self.worktree or path is None:
            return None
        try:
            with open(os.path.join(self.root, path), "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def close(self) -> None:
        if self._process is None:
            return
        if self._process.stdin:
            self._process.stdin.close()
        if self._process.stdout:
            self._process.stdout.close()
        self._process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
