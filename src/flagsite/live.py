"""``flagsite serve``: a saved record shown after work in proportion to what changed.

MkDocs' live-reload server rebuilds the whole site on any change, which at
thousands of customers takes tens of seconds. The preview instead watches
``records/`` itself, through the operating system's notifications (inotify),
so it knows which files changed without walking every folder. When every
change lies inside customer folders already known (a customer.yaml or a note
saved, added or removed), the plugin rebuilds those customers alone, without
the engine:

- the changed folders are found again and read (``discover.rediscover``,
  ``load_repository`` with the folders that changed; every other folder comes
  from the read cache) and the checks across records run again;
- the changed customers' pages are written into the shells of the last full
  build (``fast_pages``), and the shared pages (home, lists, workstack,
  dashboards, record errors, search index) are written from the renderer into
  the shell the engine rendered for each once;
- the live-reload server then tells the browsers to reload, as after a build.

Whatever that cannot say for sure is left to the engine's whole rebuild, as
before: a change anywhere else (``mkdocs.yml``, ``flagsite.yaml``, templates,
docs, erasures, an order file added or removed), a customer folder added,
removed or renamed, a customer's id changed, an order added, removed or moved
(the sitemap lists order pages), the number of record errors changed (every page says
it), a new commit (the history on every page), lost notifications, or a quick
rebuild that fails.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from mkdocs.utils.meta import get_data
from watchdog.events import (
    DirAttribEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    EventsLostEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from .discover import Layout
from .layout import RECORDS_DIR
from .render.site import RenderedPage

log = logging.getLogger("mkdocs.plugins.flagsite")

# What a save, a new file or a removal makes; not the opening and reading of files (the rebuild's own).
_CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent, FileAttribEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent, DirAttribEvent, EventsLostEvent,
]


class Changes:
    """What changed since the last rebuild: record files by path, or something that needs a whole build."""

    def __init__(self, wake: Callable[[], None]) -> None:
        self._wake = wake
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._whole = False

    def records(self, paths: Iterable[str]) -> None:
        with self._lock:
            self._paths.update(paths)
        self._wake()

    def anything_else(self) -> None:
        with self._lock:
            self._whole = True

    def take(self) -> set[str] | None:
        """The record files changed since the last call, or None when a whole build is needed."""
        with self._lock:
            paths, whole = self._paths, self._whole
            self._paths, self._whole = set(), False
        return None if whole or not paths else paths


class _RecordEvents(FileSystemEventHandler):
    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def on_any_event(self, event: FileSystemEvent) -> None:
        if isinstance(event, EventsLostEvent):  # which files changed is not known
            self.changes.anything_else()
        paths = [event.src_path, getattr(event, "dest_path", "")]
        self.changes.records(os.fsdecode(path) for path in paths if path)


class _OtherEvents(FileSystemEventHandler):
    """Beside the engine's own watch of the same paths (which starts the rebuild): marks it whole."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:  # as the engine's watch, which ignores folders' own events
            self.changes.anything_else()


def watch(server: Any, root: str, others: list[tuple[str, bool]]) -> tuple[Changes, BaseObserver] | None:
    """Watch ``root``'s records for the quick rebuild, and ``others`` (path, recursive) for a whole one.

    None when the server or the system cannot (another MkDocs, no notifications left):
    then the engine watches the records and every change rebuilds the whole site, as before.
    """
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild"):
        return None

    def wake() -> None:  # what the server's own watch does on a change: its build loop then calls the builder
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    changes = Changes(wake)
    observer = Observer()
    try:
        observer.schedule(_RecordEvents(changes), os.path.join(root, RECORDS_DIR), recursive=True, event_filter=_CHANGES)
        observer.start()
    except OSError as error:
        log.warning("flagsite: cannot follow changes to the records (%s); every change rebuilds the whole site", error)
        return None
    other = _OtherEvents(changes)
    for path, recursive in others:
        server.observer.schedule(other, os.path.abspath(path), recursive=recursive)
    return changes, observer


@dataclass(frozen=True)
class Changed:
    """What a quick rebuild reads again: customer folders, and whether an order file changed."""

    folders: set[str]  # as ``CustomerFolder.rel_path``
    orders: bool


def what_changed(root: str, paths: Iterable[str], layout: Layout) -> Changed | None:
    """The customer folders holding these changed paths, and whether one is an order file known before.

    None when a path lies elsewhere, or is a customer folder itself (added, removed or
    renamed), or an order file that is new: only a whole walk of the records says what changed.
    """
    known = {folder.rel_path for folder in layout.customers}
    order_files = set(layout.order_files)
    found: set[str] = set()
    orders = False
    for path in paths:
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if rel in order_files:
            orders = True
            continue
        parts = rel.split("/")
        # A file of the folder, or of its notes/: the folder is one of the path's parents.
        holder = next(("/".join(parts[:end]) for end in range(len(parts) - 1, 2, -1) if "/".join(parts[:end]) in known), None)
        if holder is None:
            return None
        found.add(holder)
    return Changed(found, orders)


def page_of(markdown: str) -> RenderedPage:
    """A generated page's Markdown back as its title and body, read as the engine reads it."""
    body, meta = get_data(markdown)
    return RenderedPage(str(meta["title"]), body.strip())
