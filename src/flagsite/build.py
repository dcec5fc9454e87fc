"""Build or serve the site: validate the records first, refuse to build on errors.

A records repository with its own ``mkdocs.yml`` is built with it (the file
must enable the ``flagsite`` plugin). Without one, the default configuration
that ships inside the package is used and the site goes to ``ROOT/site/``.

Builds are incremental: the records read are kept in ``.flagsite/build-cache/``
(which Git ignores), so a build reads again only the customer folders that
changed; and into a site flagsite built before, the engine does not empty the
folder first, and only the customers whose pages changed are written again
(the plugin knows them by digests). ``serve`` keeps the same in memory, and
rebuilds a saved record's customer and the shared pages without the engine
(``live.py``).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import os
import pickle
import shutil
import socket
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, TypeVar

import yaml
from jinja2 import FileSystemBytecodeCache

from .edit.state import STATE_DIR
from .edit.transaction import state_folder
from .errors import FlagsiteError, RecordsHaveErrors
from .fast_pages import PAGES_RECORD
from .findings import Finding
from .render.site import customer_page_paths
from .repository import LoadResult, ReadCache, load_repository
from .shards import Shard, check_slices, default_slice_dir, with_slices_findings
from .site_dir import check_site_dir

_Cached = TypeVar("_Cached")
PLUGIN_NAME = "flagsite"
CONFIG_FILE = "mkdocs.yml"
BUILD_CACHE = "build-cache"  # under ROOT/.flagsite/
READ_CACHE = (BUILD_CACHE, "records.pickle")
KEPT_FOR_THE_SITE = (BUILD_CACHE, "site.pickle")
COMPILED_TEMPLATES = (BUILD_CACHE, "templates")
# Material 9.7+ prints an end-of-life notice on every build; the records do not need it.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass(frozen=True)
class BuildResult:
    site_dir: str
    customers: int
    findings: list[Finding]  # warnings only: a build with errors is refused


def default_config_path() -> str:
    return str(resources.files("flagsite").joinpath("defaults", CONFIG_FILE))


def config_for(root: str) -> tuple[str, bool]:
    """(the mkdocs.yml to use, whether it is the packaged default)."""
    own = os.path.join(root, CONFIG_FILE)
    return (own, False) if os.path.isfile(own) else (default_config_path(), True)


@contextmanager
def _engine_settings(root: str, today: dt.date | None, site_dir: str | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """The config file and the settings that make it build this repository.

    For the packaged default a complete mkdocs.yml is written to a temporary
    folder, pointing at this repository: ``mkdocs serve`` reloads the file
    on every rebuild, so the settings must live in it, not in arguments.
    """
    config_file, is_default = config_for(root)
    settings: dict[str, Any] = {}
    if site_dir is not None:
        settings["site_dir"] = os.path.abspath(site_dir)
    if not is_default:
        yield config_file, settings
        return
    with open(config_file, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    with tempfile.TemporaryDirectory(prefix="flagsite-") as work:
        docs = os.path.join(root, "docs")
        if not os.path.isdir(docs):
            docs = os.path.join(work, "docs")
            os.mkdir(docs)
        plugin: dict[str, Any] = {"root": root}
        if today is not None:
            plugin["today"] = today.isoformat()
        config.update(docs_dir=docs, site_dir=os.path.join(root, "site"), plugins=[{PLUGIN_NAME: plugin}])
        written = os.path.join(work, CONFIG_FILE)
        with open(written, "w", encoding="utf-8") as handle:
            yaml.safe_dump(config, handle, sort_keys=False)
        yield written, settings


def validate_or_refuse(root: str, today: dt.date | None = None, cache: ReadCache | None = None, shard: Shard | None = None,
                       policy: bool = True) -> LoadResult:
    """The records, checked; ``shard``: that slice's customers only (a folder bears its customer's id);
    ``policy=False``: without the policy rules (a merge takes their findings from the slices, shards.py)."""
    result = load_repository(root, today=today, cache=cache, policy=policy, only_customers=None if shard is None else shard.holds)
    if not result.ok:
        raise RecordsHaveErrors("the records have errors; the site was not built", result.findings)
    return result


def _load_cached(root: str, name: tuple[str, str], kind: type[_Cached]) -> tuple[_Cached, dict[str, Any]] | None:
    """What the last build of ``root`` kept under ``name`` and the items kept with it (``_save_cached``), or None."""
    try:
        with open(os.path.join(root, STATE_DIR, *name), "rb") as handle:
            # Written by flagsite in the repository's own git-ignored .flagsite/.
            kept, count = pickle.load(handle)
            items = dict(pickle.load(handle) for _ in range(count))
    except Exception:  # noqa: BLE001 - none yet, or one an older flagsite wrote: made again
        return None
    return (kept, items) if isinstance(kept, kind) else None


def forget_builds(root: str) -> None:
    """Remove what builds keep of the records (``.flagsite/build-cache/``): after an erasure, no copy may stay."""
    shutil.rmtree(os.path.join(root, STATE_DIR, BUILD_CACHE), ignore_errors=True)


def _cache_folder(root: str, name: tuple[str, ...]) -> str | None:
    """The folder ``name`` under ROOT/.flagsite/, made if need be; None where flagsite may not write."""
    try:
        path = os.path.join(state_folder(root), *name)
        os.makedirs(path, exist_ok=True)
    except (FlagsiteError, OSError):  # a repository flagsite may not write to builds without the cache
        return None
    return path


def _save_cached(root: str, name: tuple[str, str], kept: object, items: Mapping[str, Any]) -> None:
    """Keep ``kept`` and ``items``, each item pickled on its own: pickle remembers every object it
    wrote until the end of a dump, which for a whole repository's records was the peak of a build's memory."""
    folder = _cache_folder(root, name[:-1])
    if folder is None:
        return
    path = os.path.join(folder, name[-1])
    with tempfile.NamedTemporaryFile("wb", dir=os.path.dirname(path), delete=False) as handle:
        pickle.dump((kept, len(items)), handle, protocol=pickle.HIGHEST_PROTOCOL)
        for item in items.items():
            pickle.dump(item, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)


def kept_for_the_site(root: str) -> dict[str, Any]:
    """What the last build of ``root`` kept of the site (the plugin's ``kept``), or nothing."""
    kept = _load_cached(root, KEPT_FOR_THE_SITE, str)
    return {} if kept is None else kept[1]


def _load_read_cache(root: str) -> ReadCache:
    kept = _load_cached(root, READ_CACHE, ReadCache)
    if kept is None:
        return ReadCache()
    cache, folders = kept
    cache.folders = folders
    return cache


def _save_read_cache(root: str, cache: ReadCache) -> None:
    _save_cached(root, READ_CACHE, replace(cache, folders={}), cache.folders)


class _DirtyNotice(logging.Filter):
    """The engine's warning that it does not empty the site folder: flagsite's incremental builds mean it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextmanager
def _incremental_engine() -> Iterator[None]:
    engine_log = logging.getLogger("mkdocs.commands.build")
    notice = _DirtyNotice()
    engine_log.addFilter(notice)
    try:
        yield
    finally:
        engine_log.removeFilter(notice)


def build_site(
    root: str,
    *,
    today: dt.date | None = None,
    site_dir: str | None = None,
    strict: bool = False,
    history: Mapping[str, list[dict[str, Any]]] | None = None,
    shard: Shard | None = None,
    merge: Sequence[str] | None = None,
) -> BuildResult:
    """Validate, then build the site with MkDocs. Raises RecordsHaveErrors when records are bad.

    ``history`` (customer id -> commits, newest first) adds a History section to customer pages.
    ``shard``: write only that slice of the customer pages (into ``site-I-of-N/`` by default);
    ``merge``: the slice folders to put into the site, which then renders every other page (shards.py).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    root = os.path.abspath(root)
    if shard is not None and site_dir is None:
        site_dir = default_slice_dir(root, shard)
    # A slice and a merge, each a job of its own in CI, keep nothing: a cache of one slice, or of the
    # records read without the policy rules, would take the place of the whole repository's.
    partial = shard is not None or merge is not None
    cache = None if partial else _load_read_cache(root)
    result = validate_or_refuse(root, today, cache, shard, policy=merge is None)
    with _engine_settings(root, today, site_dir) as (config_file, settings):
        try:
            config = load_config(config_file=config_file, strict=strict, **settings)
        except MkDocsException as error:
            raise FlagsiteError(f"{config_file}: {error}") from error
        plugin = config.plugins.get(PLUGIN_NAME)
        if plugin is None:
            raise FlagsiteError(f"{config_file} does not enable the flagsite plugin; add '- flagsite' under 'plugins:'")
        check_site_dir(config.site_dir, root=root, docs_dir=config.docs_dir, config_file=config.config_file_path)
        plugin.preloaded = result.catalog  # already validated: do not load twice
        plugin.folder_keys = result.folder_keys
        plugin.history = history
        # Into a site flagsite built, the engine writes over the old pages instead of emptying the folder,
        # and the plugin removes what this build did not write; another plugin's files it cannot tell.
        # A slice and a merge are whole builds: their folders hold only part of a site.
        plugin.dirty = (shard is None and merge is None and os.path.isfile(os.path.join(config.site_dir, PAGES_RECORD))
                        and list(config.plugins) == [PLUGIN_NAME])
        plugin.shard, plugin.slices = shard, None
        if merge is not None:
            for folder in merge:  # the engine empties the site folder first
                if os.path.commonpath([os.path.realpath(folder), os.path.realpath(config.site_dir)]) == os.path.realpath(config.site_dir):
                    raise FlagsiteError(f"the slice {folder} lies inside the site folder {config.site_dir}, which the build empties first; keep slices elsewhere")
            plugin.slices = check_slices(merge, result.catalog, (page for entry in result.catalog.customers.values() for page in customer_page_paths(entry)))
            result.catalog.findings = with_slices_findings(result.catalog.findings, plugin.slices)
        plugin.kept = {} if partial else kept_for_the_site(root)
        templates = _cache_folder(root, COMPILED_TEMPLATES)
        if templates is not None:
            plugin.bytecode_cache = FileSystemBytecodeCache(templates)
        kept_before = {name: digest for name, (digest, _value) in plugin.kept.items()}
        try:
            with _incremental_engine():
                build(config, dirty=plugin.dirty)
        except MkDocsException as error:
            raise FlagsiteError(f"the site engine stopped: {error}") from error
        # Kept once a build succeeded (a refused build writes nothing), when it changed.
        if cache is not None and cache.changed:
            _save_read_cache(root, cache)
        if not partial and {name: digest for name, (digest, _value) in plugin.kept.items()} != kept_before:
            _save_cached(root, KEPT_FOR_THE_SITE, "kept for the site", plugin.kept)
        return BuildResult(config.site_dir, len(result.catalog.customers), result.catalog.findings)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only. A name other than localhost counts as reachable."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def _check_can_listen(host: str, port: int) -> None:
    """Refuse an address this machine cannot listen on before building, not as a crash after."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _name, address = addresses[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        reason = error.strerror or str(error)
        raise FlagsiteError(f"cannot listen on {host}:{port}: {reason}; choose another --host or --port") from error


def serve_site(root: str, *, today: dt.date | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve a live preview that rebuilds when records change: the changed customers alone when it can (``live.py``).

    Records with errors do not stop it: the plugin lists them on the preview's
    ``/record-errors/`` page, which reloads when they are corrected.
    """
    from mkdocs.commands.serve import serve

    root = os.path.abspath(root)
    _check_can_listen(host, port)
    with _engine_settings(root, today, None) as (config_file, settings):
        settings.pop("site_dir", None)  # serve builds into a temporary folder of its own
        with _incremental_engine():  # a rebuild writes what changed over the last build
            serve(config_file=config_file, dev_addr=f"{host}:{port}", livereload=True, build_type="dirty", **settings)
