"""Atomic file replacement: a reader sees the old file or the new one, never half of either.

Each new content is written to a temporary file in the target's own folder
(``os.replace`` is atomic only within one file system), flushed to disk, then
moved over the target. Several files are replaced all-or-nothing: every new
content is staged first; if a replacement fails midway, the files already
replaced get their original content back.

Each fsync costs about a millisecond here, two per file: for a bulk change of
thousands of files, one ``os.sync()`` after staging and one after the renames
give the same guarantee (contents on disk before any rename, renames on disk
before returning) in a fraction of the time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable

from ..errors import FlagsiteError

# Above this many files, one system-wide sync is cheaper than an fsync per file and per folder.
SYNC_ONE_BY_ONE = 8


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(path: str, data: bytes, sync: bool = True) -> str:
    """Write ``data`` to a temporary file beside ``path``, on disk unless ``sync`` is off; return its name."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        mode = os.stat(path).st_mode & 0o7777 if os.path.exists(path) else _new_file_mode()
        os.chmod(temp, mode)
    except BaseException:
        _remove_quietly(temp)
        raise
    return temp


def _sync_folder(path: str) -> None:
    """Make the rename itself durable."""
    fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def write_atomic(path: str, data: bytes) -> None:
    temp = _stage(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise
    _sync_folder(path)


def write_new(path: str, data: bytes) -> None:
    """Write a file that must not exist yet: FileExistsError, and nothing written, when it does.

    The content is staged and then linked under its name, which fails if the
    name is taken: no overwrite, not even of a file that appears meanwhile.
    """
    temp = _stage(path, data)
    try:
        os.link(temp, path)
    finally:
        _remove_quietly(temp)
    _sync_folder(path)


def _read_original(path: str) -> bytes | None:
    if not os.path.exists(path):
        return None
    with open(path, "rb") as handle:
        return handle.read()


class ChangedMeanwhile(FlagsiteError):
    """A file changed on disk between reading it and writing the edit."""


def replace_all(
    contents: dict[str, bytes],
    *,
    expected: dict[str, bytes] | None = None,
    replace: Callable[[str, str], None] = os.replace,
) -> None:
    """Give every file in ``contents`` its new content, or leave every file as it was.

    ``expected``: the content each file had when it was read; if one differs
    now (someone saved it meanwhile), nothing is written. ``replace`` is
    ``os.replace``; tests pass a failing one to prove the restore.
    """
    originals: dict[str, bytes | None] = {}
    staged: dict[str, str] = {}
    one_by_one = len(contents) <= SYNC_ONE_BY_ONE
    try:
        for path, data in contents.items():
            originals[path] = _read_original(path)
            if expected is not None and path in expected and originals[path] != expected[path]:
                raise ChangedMeanwhile(f"nothing was written: {path} changed while it was being edited; run the command again")
            staged[path] = _stage(path, data, sync=one_by_one)
        if not one_by_one:
            os.sync()
    except (OSError, ChangedMeanwhile) as error:
        for temp in staged.values():
            _remove_quietly(temp)
        if isinstance(error, ChangedMeanwhile):
            raise
        raise FlagsiteError(f"nothing was written: cannot prepare {error.filename or path}: {error.strerror or error}") from error
    done: list[str] = []
    try:
        for path, temp in staged.items():
            replace(temp, path)
            done.append(path)
    except OSError as error:
        failed = _restore(done, originals)
        for path, temp in staged.items():
            if path not in done:
                _remove_quietly(temp)
        restored = "the files already written were restored" if not failed else f"could not restore {', '.join(failed)}: check them with git diff"
        raise FlagsiteError(f"writing stopped at {error.filename or path} ({error.strerror or error}); {restored}") from error
    if not one_by_one:
        os.sync()
        return
    for path in done:
        _sync_folder(path)


def _restore(done: list[str], originals: dict[str, bytes | None]) -> list[str]:
    failed = []
    for path in reversed(done):
        original = originals[path]
        try:
            if original is None:
                os.remove(path)
            else:
                write_atomic(path, original)
        except OSError:
            failed.append(path)
    return failed
