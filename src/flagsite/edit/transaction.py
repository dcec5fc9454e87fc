"""Edits of record files: all-or-nothing even through ``kill -9``, one editor at a time.

Every command that writes records (``flag add|edit|remove``, ``flag bulk``,
``note new``) goes through ``write_files``:

1. **Lock.** ``ROOT/.flagsite/lock`` is locked with ``fcntl.lockf``. Such a lock
   belongs to the process: worker processes a bulk edit forks never hold it, and
   it goes with a killed editor. A second editor waits up to ``LOCK_WAIT``
   seconds, then is refused with the holder's pid. ``edit_lock`` may be taken
   around the reading as well, so an edit is computed from what it replaces.
2. **Recover** whatever an editor that was killed left behind (below).
3. **Journal.** ``ROOT/.flagsite/journal.json`` lists each target, the temporary
   file its new content is staged in (beside it: a rename is atomic only within
   one file system), the backup of its original content in
   ``ROOT/.flagsite/backup/`` (a hard link, or a copy on another file system) and
   the SHA-256 of both contents. It is on disk before any temporary file exists.
4. **Stage** every new content and backup, and sync them. A file whose new
   content is None is removed at the rename step (its backup restores it).
5. **Commit point:** ``ROOT/.flagsite/staged`` is created and synced.
6. **Rename** each staged file over its target (a new file is linked into place,
   so nothing is overwritten), sync, and remove the journal.

The next flagsite command of any kind recovers a journal left behind: with the
commit point passed it completes the renames; before it (or when a staged file
has gone) it restores every target from its backup and removes the staged
files. An edit that fails or is interrupted (Ctrl-C) rolls back at once.

``ROOT/.flagsite/`` rather than ``.git/``: one place whether or not the records
are in Git (and the same in a linked worktree), found without running Git at
the start of every command; it holds its own ``.gitignore`` so Git never lists
it, and discovery reads only ``records/``.

Each fsync costs about a millisecond here, several per file: above
``SYNC_ONE_BY_ONE`` files one ``os.sync()`` after staging and one after the
renames give the same ordering in a fraction of the time.

Test-only: ``FLAGSITE_TEST_PAUSE_BETWEEN_RENAMES=SECONDS`` sleeps after each
rename, so tests can interrupt an edit between its renames on purpose.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass

from ..errors import FlagsiteError
from .state import BACKUP_DIR, JOURNAL_FILE, LOCK_FILE, STAGED_FILE, edit_left_unfinished
from .state import state_path as _state

GITIGNORE = "# flagsite's edit lock and journal: local to this checkout, never committed.\n*\n"
LOCK_WAIT = 10.0  # seconds a second editor waits for the first
_LOCK_POLL = 0.05
# Above this many files, one system-wide sync is cheaper than an fsync per file and per folder.
SYNC_ONE_BY_ONE = 8
PAUSE_ENV = "FLAGSITE_TEST_PAUSE_BETWEEN_RENAMES"

_held: dict[str, int] = {}  # real repository root -> the locked file's descriptor, in this process


class ChangedMeanwhile(FlagsiteError):
    """A file changed on disk between reading it and writing the edit."""


class EditLocked(FlagsiteError):
    """Another flagsite edit holds the repository's lock."""


@dataclass(frozen=True)
class Recovered:
    completed: bool  # True: the interrupted edit was finished; False: it was undone
    files: int

    def describe(self) -> str:
        if self.completed:
            return f"finished an edit that was interrupted ({self.files} file(s) written)"
        return f"undid an edit that was interrupted ({self.files} file(s) as they were before it)"


@dataclass(frozen=True)
class _Entry:
    target: str  # relative to the repository root (absolute when outside it)
    temp: str  # the staged new content, beside the target
    backup: str | None  # file name in backup/; None when the target did not exist
    old: str | None  # SHA-256 of the original content; None when the target did not exist
    new: str | None  # SHA-256 of the new content; None when the target is removed


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_original(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _digest_of(path: str) -> str | None:
    data = _read_original(path)
    return None if data is None else _digest(data)


def _fsync_dirs(folders: set[str]) -> None:
    for folder in folders:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except FileNotFoundError:  # a folder the edit was to write into, never made: nothing in it to sync
            continue
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_quietly(path: str) -> None:
    with suppress(FileNotFoundError):
        os.remove(path)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _state_dir(root: str) -> str:
    """ROOT/.flagsite/, made on first use with a .gitignore that keeps it out of Git."""
    folder = _state(root)
    try:
        os.makedirs(folder, exist_ok=True)
        ignore = os.path.join(folder, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write(GITIGNORE)
    except OSError as error:
        raise FlagsiteError(f"{folder}: cannot be written ({error.strerror}); flagsite keeps its edit lock and journal there") from error
    return folder


def _holder(lock_path: str) -> str | None:
    try:
        with open(lock_path, encoding="utf-8") as handle:
            pid = handle.read().strip()
    except OSError:
        return None
    return pid if pid.isdigit() else None


@contextmanager
def edit_lock(root: str, wait: float | None = None) -> Iterator[None]:
    """Hold the repository's edit lock (waiting ``wait`` seconds, default LOCK_WAIT); taken again inside, it is already held."""
    key = os.path.realpath(root)
    if key in _held:
        yield
        return
    lock_path = os.path.join(_state_dir(root), LOCK_FILE)
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise FlagsiteError(f"{lock_path}: cannot be opened ({error.strerror}); flagsite keeps its edit lock there") from error
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    try:
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EACCES, errno.EAGAIN):
                    raise FlagsiteError(f"{lock_path}: cannot be locked ({error.strerror})") from error
            if time.monotonic() >= deadline:
                holder = _holder(lock_path)
                running = f"another flagsite edit is running (pid {holder})" if holder else "another flagsite edit is running"
                raise EditLocked(f"{running}; nothing was written; try again when it has finished")
            time.sleep(_LOCK_POLL)
    except BaseException:
        os.close(fd)
        raise
    os.pwrite(fd, f"{os.getpid():>10}\n".encode(), 0)  # one write of fixed width: a waiter never reads the file empty
    _held[key] = fd
    try:
        yield
    finally:
        del _held[key]
        os.close(fd)  # closing the descriptor releases the lock


def write_files(root: str, contents: Mapping[str, bytes | None], *, expected: Mapping[str, bytes | None] | None = None) -> None:
    """Give every file in ``contents`` its new content (None: remove it), or leave every file as it was.

    ``expected``: the content each file had when it was read (None: it must not
    exist yet); if one differs now, nothing is written. Paths lie inside
    ``root``, the repository whose lock is taken.
    """
    with edit_lock(root):
        recover_locked(root)
        originals: dict[str, bytes | None] = {}
        for path in contents:
            originals[path] = _read_original(path)
            if expected is not None and path in expected and originals[path] != expected[path]:
                why = "was created" if expected[path] is None else "changed"
                raise ChangedMeanwhile(f"nothing was written: {path} {why} while it was being edited; run the command again")
        _Transaction(root, contents, originals).run()


class _Transaction:
    def __init__(self, root: str, contents: Mapping[str, bytes | None], originals: Mapping[str, bytes | None]) -> None:
        self.root = os.path.realpath(root)
        self.contents = contents
        self.one_by_one = len(contents) <= SYNC_ONE_BY_ONE
        token = secrets.token_hex(4)
        self.entries = [
            _Entry(
                target=self._relative(path),
                temp=self._relative(os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{token}.tmp")),
                backup=None if originals[path] is None else str(index),
                old=None if originals[path] is None else _digest(originals[path] or b""),
                new=None if data is None else _digest(data),
            )
            for index, (path, data) in enumerate(contents.items())
        ]

    def _relative(self, path: str) -> str:
        path = os.path.realpath(path)
        return os.path.relpath(path, self.root) if os.path.commonpath([path, self.root]) == self.root else path

    def run(self) -> None:
        if not self.entries:
            return
        # Left by an edit that was stopped while tidying up, after it had finished.
        _remove_quietly(_state(self.root, STAGED_FILE))
        _empty_backups(self.root)
        try:
            _write_journal(self.root, self.entries, self.one_by_one)
            self._stage()
            _commit(self.root)
            self._rename()
        except BaseException as error:
            undone = _roll_back(self.root, self.entries, self.one_by_one)
            if isinstance(error, OSError):
                done = "every file is as it was" if undone else "the next flagsite command will put every file back as it was"
                raise FlagsiteError(f"nothing was written: {error.filename or 'a file'}: {error.strerror or error}; {done}") from error
            raise
        _finish(self.root)

    def _stage(self) -> None:
        folders = {_state(self.root, BACKUP_DIR)}
        for entry, data in zip(self.entries, self.contents.values(), strict=True):
            target, temp = _absolute(self.root, entry.target), _absolute(self.root, entry.temp)
            if data is not None:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    if self.one_by_one:
                        os.fsync(handle.fileno())
                os.chmod(temp, os.stat(target).st_mode & 0o7777 if entry.backup is not None else _new_file_mode())
            if entry.backup is not None:
                _back_up(target, _state(self.root, BACKUP_DIR, entry.backup), self.one_by_one)
            folders.add(os.path.dirname(target))
        if self.one_by_one:
            _fsync_dirs(folders)
        else:
            os.sync()

    def _rename(self) -> None:
        pause = float(os.environ.get(PAUSE_ENV) or 0)
        folders = set()
        for entry in self.entries:
            target, temp = _absolute(self.root, entry.target), _absolute(self.root, entry.temp)
            _put_in_place(temp, target, entry)
            folders.add(os.path.dirname(target))
            if pause:
                time.sleep(pause)
        if self.one_by_one:
            _fsync_dirs(folders)
        else:
            os.sync()


def _absolute(root: str, path: str) -> str:
    return os.path.join(root, path)


def _put_in_place(temp: str, target: str, entry: _Entry) -> None:
    if entry.new is None:
        with suppress(FileNotFoundError):  # removed already by a recovery that was itself cut short
            os.remove(target)
    elif entry.old is None:
        try:
            os.link(temp, target)  # a new file never replaces one made meanwhile
        except FileExistsError as error:
            raise ChangedMeanwhile(f"nothing was written: {target} was created while it was being edited; run the command again") from error
        os.remove(temp)
    else:
        os.replace(temp, target)


def _back_up(target: str, backup: str, one_by_one: bool) -> None:
    try:
        os.link(target, backup)  # the original stays untouched: the rename puts a new file in its place
    except OSError:  # another file system, or links not allowed
        shutil.copy2(target, backup)
        if one_by_one:
            with open(backup, "rb") as handle:
                os.fsync(handle.fileno())


def _write_journal(root: str, entries: list[_Entry], one_by_one: bool) -> None:
    journal = _state(root, JOURNAL_FILE)
    writing = journal + ".new"
    with open(writing, "w", encoding="utf-8") as handle:
        json.dump({"version": 1, "files": [asdict(entry) for entry in entries]}, handle)
        handle.flush()
        if one_by_one:
            os.fsync(handle.fileno())
    os.replace(writing, journal)
    if one_by_one:
        _fsync_dirs({_state(root)})
    # Many files: the sync after staging puts the journal on disk before the commit point.


def _commit(root: str) -> None:
    with open(_state(root, STAGED_FILE), "wb"):
        pass  # an empty file: only its name must reach the disk
    _fsync_dirs({_state(root)})


def _empty_backups(root: str) -> None:
    """The backup folder, there and empty (kept between edits: making and removing it costs two syncs)."""
    backups = _state(root, BACKUP_DIR)
    os.makedirs(backups, exist_ok=True)
    for name in os.listdir(backups):
        _remove_quietly(os.path.join(backups, name))


def _finish(root: str) -> None:
    _remove_quietly(_state(root, JOURNAL_FILE))  # the edit is done from here on
    _remove_quietly(_state(root, STAGED_FILE))
    _empty_backups(root)


def _read_journal(root: str) -> list[_Entry] | None:
    try:
        with open(_state(root, JOURNAL_FILE), encoding="utf-8") as handle:
            return [_Entry(**entry) for entry in json.load(handle)["files"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:  # not a journal flagsite wrote
        raise FlagsiteError(f"{_state(root, JOURNAL_FILE)}: the journal of an interrupted edit cannot be read ({error!r}); "
                            "check the records with git status and git diff, then remove the file") from error


def _roll_back(root: str, entries: list[_Entry], one_by_one: bool) -> bool:
    """Put every target back as it was and remove the staged files; False if one could not be."""
    _remove_quietly(_state(root, STAGED_FILE))  # from here on, a recovery rolls back too
    failed = []
    folders = set()
    for entry in entries:
        target, temp = _absolute(root, entry.target), _absolute(root, entry.temp)
        try:
            current = _digest_of(target)
            if current != entry.old:
                if entry.old is None:
                    if current == entry.new:
                        os.remove(target)
                else:
                    backup = _state(root, BACKUP_DIR, entry.backup or "")
                    if _digest_of(backup) != entry.old:
                        failed.append(entry.target)
                        continue
                    _restore(backup, target, temp)
            _remove_quietly(temp)
            folders.add(os.path.dirname(target))
        except OSError:
            failed.append(entry.target)
    if failed:
        return False
    if one_by_one:
        _fsync_dirs(folders)
    else:
        os.sync()
    _finish(root)
    return True


def _restore(backup: str, target: str, temp: str) -> None:
    try:
        os.replace(backup, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        shutil.copy2(backup, temp)  # the journal lists this name: a copy cut short is removed like a staged file
        os.replace(temp, target)


def _complete(root: str, entries: list[_Entry]) -> bool:
    """Finish the renames of an edit past its commit point; False (nothing done) when a staged file has gone."""
    pending = []
    for entry in entries:
        target, temp = _absolute(root, entry.target), _absolute(root, entry.temp)
        if _digest_of(target) == entry.new:
            continue
        if _digest_of(temp) != entry.new or (entry.old is None and os.path.lexists(target)):
            return False
        pending.append((temp, target, entry))
    for temp, target, entry in pending:
        _put_in_place(temp, target, entry)
    for entry in entries:
        _remove_quietly(_absolute(root, entry.temp))
    os.sync()
    _finish(root)
    return True


def recover_locked(root: str) -> Recovered | None:
    """Finish or undo an edit that was killed; the caller holds the lock."""
    root = os.path.realpath(root)
    entries = _read_journal(root)
    if entries is None:
        return None
    try:
        if os.path.exists(_state(root, STAGED_FILE)) and _complete(root, entries):
            return Recovered(True, len(entries))
        undone = _roll_back(root, entries, one_by_one=False)
    except OSError as error:
        raise FlagsiteError(f"an interrupted edit could not be finished: {error.filename or 'a file'}: {error.strerror or error} "
                            f"(the edit is listed in {_state(root, JOURNAL_FILE)}); the next flagsite command tries again") from error
    if not undone:
        raise FlagsiteError(
            f"an interrupted edit could not be undone: the backups in {_state(root, BACKUP_DIR)} do not match "
            f"(listed in {_state(root, JOURNAL_FILE)}); check the records with git status and git diff"
        )
    return Recovered(False, len(entries))


def recover(root: str) -> Recovered | None:
    """What the start of every command does: recover a journal left behind, unless an edit is running now."""
    if not edit_left_unfinished(root):
        return None
    try:
        with edit_lock(root, wait=0):
            return recover_locked(root)
    except EditLocked:
        return None  # the running edit recovers it, or it is that edit's own journal


def state_folder(root: str) -> str:
    """ROOT/.flagsite/, which Git ignores: for what flagsite writes that must never be committed."""
    return _state_dir(root)
