"""Where flagsite keeps what it writes beside the records and never commits: ``ROOT/.flagsite/``.

The edit lock, the journal of an edit in progress (``transaction.py``), build
caches and request folders. Apart from the transaction so that every command
can ask whether an edit was left unfinished without loading the machinery
that writes one.
"""

from __future__ import annotations

import os

STATE_DIR = ".flagsite"
LOCK_FILE = "lock"
JOURNAL_FILE = "journal.json"
STAGED_FILE = "staged"
BACKUP_DIR = "backup"


def state_path(root: str, *names: str) -> str:
    return os.path.join(root, STATE_DIR, *names)


def edit_left_unfinished(root: str) -> bool:
    """Whether an edit's journal is on disk: one was killed (or runs now), and the next command recovers it."""
    return os.path.exists(state_path(root, JOURNAL_FILE))
