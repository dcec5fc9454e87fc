"""Open one customer's record now or as of a past moment; the configuration that classes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from ..config import Config, load_config
from ..errors import RecordsHaveErrors
from ..findings import has_errors
from .commit import CommitTree, commit_at
from .source import FileSource, WorkingTree


@contextmanager
def record_source(root: str, as_of: dt.datetime | None = None) -> Iterator[FileSource]:
    """Today's files, or with ``as_of`` (see ``flagsite.dates.parse_moment``) the files as they stood then."""
    if as_of is None:
        yield WorkingTree(root)
        return
    with CommitTree(root, commit_at(root, as_of), as_of) as tree:
        yield tree


def strict_config(root: str) -> Config:
    """Today's configuration; a broken one stops the command (its defaults could class a flag type wrongly)."""
    config, findings = load_config(root)
    if has_errors(findings):
        raise RecordsHaveErrors("the configuration has errors, so flag types cannot be classed safely; fix these first:", findings)
    return config
