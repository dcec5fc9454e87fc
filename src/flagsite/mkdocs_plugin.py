"""The MkDocs adapter: ``plugins: [flagsite]`` turns the records into site pages.

The plugin validates the records (a build with record errors stops, naming
them as ``flagsite validate`` does), asks the renderer for ``{path: content}``
and hands MkDocs the pages as generated files. Customer and order pages stay
out of the navigation: a sidebar listing every customer makes the build grow
with the square of their number. A page the repository's own docs folder
already has (an ``index.md``, say) is kept in place of the generated one.

A generated page's body is one raw HTML block, which Python-Markdown passes
through unchanged (a test holds every page to that), so by default the plugin
hands the theme that HTML without running Markdown over it: on a site of
customer pages Markdown's HTML scanning is most of the build time.

Customer and order pages are then written by the plugin itself from a shell
the theme renders once (``fast_pages``; see ``fast_pages.py``): the engine
never sees them but in its sitemap. When another plugin acts on pages, the
engine renders every page, so that plugin sees them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast

from jinja2 import BytecodeCache, Environment
from mkdocs.commands.build import get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkDocsConfigBase
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import write_file
from mkdocs.utils.meta import get_data
from mkdocs.utils.templates import TemplateContext
from watchdog.observers.api import BaseObserver

from . import __version__, live
from .catalog import Catalog
from .dates import DateError, parse_date
from .discover import Layout, rediscover
from .fast_pages import (
    EnginePage,
    FastPageWriter,
    PageShells,
    RenderWithEngine,
    ShellMismatch,
    WrittenPages,
    customer_digest,
    out_of_date,
    remove_files,
    remove_gone_orders,
    site_digest,
    write_customer_pages,
)
from .findings import Finding
from .git import UNSHALLOW_ADVICE, is_git_repository, is_shallow, resolve_commit
from .history.site import site_history
from .page_security import ROBOTS_TXT, allow_reload_script, harden_page, site_root_url
from .render import SCRIPTS, STYLE
from .render.environment import TEMPLATES_FOLDER, MemoryBytecodeCache, template_digest
from .render.links import CUSTOMERS, DASHBOARDS, RECORD_ERRORS, WORKSTACK, customer_folder, page_path
from .render.shared_pages import SharedPages
from .render.site import RenderedPage, SiteRenderer, customer_page_paths
from .report import report_lines, report_text
from .repository import LoadResult, ReadCache, load_repository
from .request_guard import refuse_bad_paths
from .shards import Shard, Slice, copy_slices, finish_slice
from .site_dir import SiteDirRefused, check_site_dir, mark_site

log = logging.getLogger("mkdocs.plugins.flagsite")
_Kept = TypeVar("_Kept")
_ID = re.compile(r'\sid="([^"]+)"')
NAV = [
    {"Find a customer": page_path("")},
    {"Workstack": page_path(WORKSTACK)},
    {"Dashboards": page_path(DASHBOARDS)},
    {"All customers": page_path(CUSTOMERS)},
]
# The engine's page events: a plugin that acts on pages needs the engine to render every page.
SHARED_PAGES = "shared pages"  # under ``kept``: the SharedPages the last build left
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


class FlagsitePluginConfig(MkDocsConfigBase):
    root = c.Optional(c.Type(str))
    """The records repository; default: the folder holding mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """The date the site is built for (YYYY-MM-DD), for reproducible builds; default: today."""
    history = c.Type(bool, default=True)
    """Add each customer's change history, read from Git in one pass, to its page."""
    raw_pages = c.Type(bool, default=True)
    """Give the theme generated pages' HTML as it is, skipping Markdown (which would not change it)."""
    fast_pages = c.Type(bool, default=True)
    """Write customer and order pages from the theme's page rendered once (with raw_pages; identical pages)."""


class FlagsitePlugin(BasePlugin[FlagsitePluginConfig]):
    def __init__(self) -> None:
        # Set by flagsite build, which has validated already; used for one build only, since
        # MkDocs keeps plugin instances across the rebuilds of ``mkdocs serve``.
        self.preloaded: Catalog | None = None
        self.catalog: Catalog | None = None
        # customer id -> commits newest first ({"sha", "date", "author", "message", "changes"}):
        # set it before the build for a History section on customer pages.
        # Set by a caller that has read the history already; otherwise read from Git per build.
        self.history: Mapping[str, list[dict[str, Any]]] | None = None
        # Set with ``preloaded``: each customer folder's digest, by which unchanged pages are not written again.
        self.folder_keys: dict[str, str] | None = None
        self._folder_keys: dict[str, str] = {}
        self._read_cache = ReadCache()  # ``mkdocs serve``: a rebuild reads only the folders that changed
        # Whether the engine writes over the last build instead of emptying the site folder first
        # (set by flagsite build; ``mkdocs serve --dirty`` and flagsite serve say so at startup).
        self.dirty = False
        # What is costly to make and kept while what it is made of is unchanged, by name: (digest, value).
        # The pages shared by all customers, and the history; flagsite build keeps it between builds,
        # serve between rebuilds.
        self.kept: dict[str, tuple[str, Any]] = {}
        # The theme's and flagsite's templates compiled: kept between builds (serve), or in a folder (flagsite build).
        self.bytecode_cache: BytecodeCache = MemoryBytecodeCache()
        self._history: Mapping[str, list[dict[str, Any]]] | None = None
        self._generated: set[str] = set()
        self._generated_files: set[str] = set()  # where the generated files go in the site
        self._renderer: SiteRenderer | None = None
        self._fast_customers: list[str] = []  # customers whose pages the plugin writes itself
        # Set by flagsite build beyond one machine (shards.py), for one build (MkDocs keeps plugin instances):
        # the slice of the customer pages to write, or the slices (checked already) the merged site takes.
        self.shard: Shard | None = None
        self.slices: list[Slice] | None = None
        self._slice_pages: set[str] = set()
        self._sliced_customers: list[str] = []  # a merge's: their pages come from the slices
        self._nav: Navigation | None = None
        self._env: Environment | None = None
        self._files: Files | None = None
        self._moved_scripts: dict[str, str] = {}  # path under the site -> a theme script taken out of its page
        # ``mkdocs serve``: records with errors are listed on a page of their own, beside the last good site.
        self._serving = False
        self._last_good: Catalog | None = None
        self._preview_findings: list[Finding] | None = None
        # ``flagsite serve``'s quick rebuild (live.py): what the last build showed and was made with.
        self._layout: Layout | None = None
        self._shared: dict[str, str] = {}  # the shared pages and assets, as Markdown and text
        self._shells: PageShells | None = None
        self._built: _Built | None = None
        self._changes: live.Changes | None = None
        self._observer: BaseObserver | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self.dirty = dirty

    def records_root(self, config: MkDocsConfig) -> str:
        if self.config.root:
            base = os.path.dirname(config.config_file_path or ".")
            return os.path.abspath(os.path.join(base, self.config.root))
        return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.preloaded.root if self.preloaded is not None else self.records_root(config)
        try:  # before the engine empties the site folder
            check_site_dir(config.site_dir, root=root, docs_dir=config.docs_dir, config_file=config.config_file_path)
        except SiteDirRefused as refused:
            raise PluginError(f"flagsite: {refused}") from refused
        self._folder_keys = self.folder_keys or {}
        self.catalog = self.preloaded or self._load(root)
        self.preloaded, self.folder_keys = None, None
        self._history = self.history
        if self._history is None and self.config.history and self.slices is None:  # a merge renders no customer page
            catalog = self.catalog
            made_of = _history_made_of(catalog)
            self._history = self._keep("history", made_of, lambda: site_history(catalog.root, catalog) or None)  # {}: not in Git
            if self._history and is_shallow(self.catalog.root):
                log.warning("flagsite: %s is a shallow clone, so each customer page says its history is incomplete; %s",
                            self.catalog.root, UNSHALLOW_ADVICE)
        self._generated, self._generated_files = set(), set()
        self._moved_scripts = {}
        for style in (STYLE,):
            if style not in config.extra_css:
                config.extra_css.append(style)
        for script in SCRIPTS:
            if script not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(script)
        if config.nav is None:
            config.nav = list(NAV)
        return config

    def _today(self) -> dt.date | None:
        if not self.config.today:
            return None
        try:
            return parse_date(self.config.today)
        except DateError as error:
            raise PluginError(f"flagsite: today {self.config.today!r} in mkdocs.yml is not a date: {error}") from error

    def _load(self, root: str) -> Catalog:
        today = self._today()
        return self._accept(load_repository(root, today=today, cache=self._read_cache if self._serving else None))

    def _accept(self, result: LoadResult) -> Catalog:
        """The catalog the site shows for ``result``: serve shows the last good records beside their errors."""
        if self._serving:
            self._preview_findings = result.findings
            self._folder_keys = result.folder_keys
            self._layout = result.layout
        if not result.ok and self._serving:
            # A preview that stops on an error leaves every browser waiting: it keeps the last good
            # site (or, from the start, what could be read) and lists the errors on a page.
            log.error("flagsite: the records have errors; the preview lists them at /%s/ and shows the last good "
                      "records until they are corrected.\n%s", RECORD_ERRORS, report_text(result.findings).rstrip())
            return self._last_good or result.catalog
        if not result.ok:
            raise PluginError("flagsite: the records have errors; the site was not built.\n" + report_text(result.findings))
        self._last_good = result.catalog
        # Record warnings (an overdue review, say) are the records' news, not the build's:
        # logged as info, so that `mkdocs build --strict` fails only on the engine's own warnings.
        for line in report_lines(result.findings).splitlines():
            log.info("%s", line)
        return result.catalog

    def _writes_pages_itself(self, config: MkDocsConfig) -> bool:
        if not (self.config.fast_pages and self.config.raw_pages):
            return False
        others = [method for event in PAGE_EVENTS for method in config.plugins.events[event]
                  if getattr(method, "__self__", None) is not self]
        return not others

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        self._renderer = renderer = self._renderer_for(self.catalog, config)
        self._fast_customers, self._sliced_customers, self._slice_pages = [], [], set()
        fast = self._writes_pages_itself(config)
        in_nav = {page_path(""), page_path(WORKSTACK), page_path(DASHBOARDS), page_path(CUSTOMERS)}
        for customer_id, entry in self.catalog.customers.items():
            if self.shard is not None and not self.shard.holds(customer_id):
                continue  # another slice's
            paths = customer_page_paths(entry)
            if self.shard is not None:
                self._slice_pages.update(paths)
            if self.slices is not None:
                self._sliced_customers.append(customer_id)
                continue
            if fast and not any(files.get_file_from_path(path) is not None for path in paths):
                self._fast_customers.append(customer_id)
                continue
            self._add(files, config, {path: page.markdown() for path, page in renderer.customer_pages([customer_id]).items()}, in_nav)
        if self.shard is None:
            shared = self._shared_pages(renderer)
            self._add(files, config, shared, in_nav)
            self._shared = {path: content for path, content in shared.items() if path in self._generated}
        else:  # the navigation's pages, blank, so each page's navigation is the whole site's; the merge writes them
            self._add(files, config, {path: f"---\ntitle: {path!r}\n---\n" for path in in_nav}, in_nav)
        if files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=ROBOTS_TXT))
            self._generated_files.add("robots.txt")
        return files

    def _renderer_for(self, catalog: Catalog, config: MkDocsConfig) -> SiteRenderer:
        return SiteRenderer(catalog, self._history, directory_urls=config.use_directory_urls, templates_root=catalog.root,
                            preview_findings=self._preview_findings, bytecode_cache=self.bytecode_cache,
                            shared=self._kept_shared_pages(), folder_keys=self._folder_keys)

    def _shared_pages(self, renderer: SiteRenderer) -> dict[str, str]:
        """The pages and assets shared by all customers: made again in proportion to what changed (``SharedPages``)."""
        pages = renderer.shared_pages()
        self.kept[SHARED_PAGES] = (renderer.shared.revision, renderer.shared)
        return pages

    def _kept_shared_pages(self) -> SharedPages:
        kept = self.kept.get(SHARED_PAGES)
        return kept[1] if kept is not None and isinstance(kept[1], SharedPages) else SharedPages()

    def _keep(self, name: str, made_of: str, make: Callable[[], _Kept]) -> _Kept:
        """``make()``, or what it gave last time when ``made_of`` is the same."""
        digest = hashlib.sha256(made_of.encode()).hexdigest()
        kept = self.kept.get(name)
        if kept is not None and kept[0] == digest:
            return cast(_Kept, kept[1])
        value = make()
        self.kept[name] = (digest, value)
        return value

    def _add(self, files: Files, config: MkDocsConfig, pages: Mapping[str, str], in_nav: set[str]) -> None:
        for path, content in pages.items():
            if files.get_file_from_path(path) is not None:
                log.info("flagsite: keeping the repository's own %s", path)
                continue
            inclusion = InclusionLevel.INCLUDED if path in in_nav or not path.endswith(".md") else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=content, inclusion=inclusion)
            self._generated.add(path)
            self._generated_files.add(file.dest_uri)
            if self.dirty and not path.endswith(".md") and _holds(file.abs_dest_path, content):
                continue  # an asset the last build wrote as it is: not written again
            files.append(file)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = self.bytecode_cache
        self._env = env
        self._files = files
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.config.raw_pages and page.file.src_uri in self._generated:
            page.render = types.MethodType(_render_raw, page)  # type: ignore[method-assign]
        return page

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return harden_page(output, site_root_url(page.url, config.site_url), self._moved_scripts, page.content or "")

    def on_template_context(self, context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        if template_name != "sitemap.xml" or not config.site_url or not (self._fast_customers or self._sliced_customers):
            return context  # without a site_url the sitemap lists no page
        assert self.catalog is not None
        # The pages the plugin writes, listed where the engine would list them: before the shared pages.
        pages = list(context["pages"])
        at = next((i for i, file in enumerate(pages) if file.src_uri in self._generated), len(pages))
        written = []
        for customer_id in self._fast_customers + self._sliced_customers:
            for path in customer_page_paths(self.catalog.customers[customer_id]):
                file = File.generated(config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV)
                Page(None, file, config)  # gives the file its page: its address and date
                written.append(file)
        context["pages"] = pages[:at] + written + pages[at:]
        return context

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return harden_page(output_content, site_root_url(template_name, config.site_url), self._moved_scripts)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.records_root(config) if self.catalog is None else self.catalog.root
        records = os.path.join(root, "records")
        # The repository's own files (flagsite.yaml, mkdocs.yml) and templates rebuild the whole site.
        others = [(root, False), *((folder, True) for folder in [os.path.join(root, TEMPLATES_FOLDER)] if os.path.isdir(folder))]
        for path, recursive in others:
            server.watch(path, recursive=recursive)
        engine_watches = [(config.docs_dir, True), *((config.config_file_path, True) for _ in [0] if config.config_file_path),
                          *((str(path), True) for path in config.watch)]
        watching = live.watch(server, root, others + engine_watches) if os.path.isdir(records) else None
        if watching is not None:
            self._changes, self._observer = watching
        elif os.path.isdir(records):
            server.watch(records)
        log.info("flagsite: the preview's pages are written in %s", config.site_dir)
        server.set_app(refuse_bad_paths(server.get_app()))  # never a traceback, whatever the path
        build = server.builder

        def build_or_keep_the_last_site() -> None:
            # The live-reload server holds every request until a rebuild succeeds: whatever stops
            # one, the preview answers from the last site built rather than leave a browser waiting.
            changed = None if self._changes is None else self._changes.take()
            try:
                if changed is not None and self._quick_rebuild(changed):
                    return
            except Exception as error:  # noqa: BLE001 - any failure: the whole rebuild below says it, or succeeds
                log.warning("flagsite: the quick rebuild stopped (%s: %s); rebuilding the whole site", type(error).__name__, error)
                self._built = None
            try:
                build()
            except Exception as error:  # noqa: BLE001 - any engine failure; it is told, and the preview goes on
                log.error("flagsite: the preview could not be rebuilt (%s); it shows the last site built", error)

        server.builder = build_or_keep_the_last_site
        inject = getattr(server, "_inject_js_into_html", None)
        if inject is not None:  # the live reload's inline script, which the page's policy would block
            server._inject_js_into_html = lambda content, epoch: allow_reload_script(inject(content, epoch))
        return server

    def _render_with_engine(self, config: MkDocsConfig) -> RenderWithEngine:
        """The engine's rendering of one page, as its build renders a page (before the post_page event)."""
        nav, env, files = self._nav, self._env, self._files
        assert nav is not None and env is not None and files is not None

        def render(path: str, rendered: RenderedPage) -> EnginePage:
            known = files.get_file_from_path(path)
            if known is not None and known.page is not None:  # a page of the build (in the navigation, it is the active one)
                file, page = known, known.page
                kept = page.markdown, page.meta, page.content, page.toc, page.present_anchor_ids
                page.markdown, page.meta = get_data(rendered.markdown())
            else:
                file = File.generated(config, path, content=rendered.markdown(), inclusion=InclusionLevel.NOT_IN_NAV)
                page = Page(None, file, config)
                page.read_source(config)
                kept = None
            _render_raw(page, config, files)
            page.active = True
            try:
                context = get_context(nav, files.documentation_pages(), config, page)
                html = env.get_template(page.meta.get("template", "main.html")).render(context)
            finally:
                page.active = False
                if kept is not None:
                    page.markdown, page.meta, page.content, page.toc, page.present_anchor_ids = kept
            return EnginePage(page.url, file.abs_dest_path, html)

        return render

    def _write_fast_pages(self, config: MkDocsConfig, before: WrittenPages, now: WrittenPages) -> None:
        renderer, catalog = self._renderer, self.catalog
        assert renderer is not None and catalog is not None
        self._shells = shells = PageShells(self._render_with_engine(config), config.site_url)
        try:
            if self._folder_keys:
                errors = _errors(self._preview_findings)
                now.site = site_digest(catalog.root, __version__, catalog.today, catalog.config.model_dump(mode="json"),
                                       config.use_directory_urls, config.site_url, shells.probe(), errors)
                now.customers = {
                    customer_id: customer_digest(now.site, renderer, customer_id, self._folder_keys.get(catalog.customers[customer_id].folder, ""))
                    for customer_id in self._fast_customers
                }
                same_site = before.site == now.site
                todo = out_of_date(config.site_dir, before.customers or {}, now.customers, same_site=same_site,
                                   generated=self._generated_files)
                now.moved = dict(before.moved or {}) if same_site else {}
                if todo and before.customers:  # said before writing: pages a failed build left half written are not up to date
                    pending = set(todo)
                    replace(before, customers={cid: digest for cid, digest in before.customers.items() if cid not in pending}).write(config.site_dir)
            else:
                todo = self._fast_customers
            count, moved = write_customer_pages(FastPageWriter(renderer, shells), todo, parallel=not self._serving)
            remove_gone_orders(config.site_dir, {customer_id: customer_page_paths(catalog.customers[customer_id]) for customer_id in todo})
        except ShellMismatch as error:
            raise PluginError(f"flagsite: {error}; set fast_pages: false under the flagsite plugin in mkdocs.yml") from error
        now.moved = (now.moved or {}) | moved
        self._moved_scripts |= now.moved
        log.info("flagsite: wrote the pages of %d customer(s) of %d (%d page(s))", len(todo), len(self._fast_customers), count)

    def _remove_stale(self, config: MkDocsConfig) -> None:
        """Remove what no part of this build wrote, as the engine's emptying of the site folder would have."""
        assert self._files is not None and self.catalog is not None
        kept = {file.dest_uri for file in self._files} | self._generated_files | set(self._moved_scripts)
        kept |= set(config.theme.static_templates) | {"sitemap.xml.gz"}
        written = {customer_folder(customer_id) for customer_id in self._fast_customers}  # only the plugin writes there
        for folder, dirs, names in os.walk(config.site_dir):
            where = os.path.relpath(folder, config.site_dir).replace(os.sep, "/")
            where = "" if where == "." else where + "/"
            dirs[:] = [name for name in dirs if not name.startswith(".") and where + name not in written]
            for name in names:
                if not name.startswith(".") and where + name not in kept:
                    os.remove(os.path.join(folder, name))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        before = WrittenPages.read(config.site_dir)
        now = WrittenPages(moved={}, generated=sorted(self._generated_files))
        # A build that did not empty the site folder removes what an earlier build generated and this one did not.
        remove_files(config.site_dir, set(before.generated or []) - self._generated_files)
        if self._fast_customers:
            self._write_fast_pages(config, before, now)
        for path, code in self._moved_scripts.items():
            target = os.path.join(config.site_dir, *path.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(code)
        if self.dirty and list(config.plugins) == ["flagsite"]:  # another plugin's files it cannot tell
            self._remove_stale(config)
        now.write(config.site_dir)
        mark_site(config.site_dir)
        if self.shard is not None and self.catalog is not None:
            finish_slice(config.site_dir, self.shard, self.catalog, self._slice_pages, self._moved_scripts)
        if self.slices is not None:
            copy_slices(self.slices, config.site_dir)
        self._built = None
        if self._serving and self.catalog is not None and self._folder_keys and self._shells is not None \
                and len(self._fast_customers) == len(self.catalog.customers) and self.shard is None and self.slices is None:
            self._built = _Built(config, self.catalog, now, template_digest(self.catalog.root), _errors(self._preview_findings))
        self.shard, self.slices = None, None
        self.catalog = None
        self._renderer = None

    def _quick_rebuild(self, paths: set[str]) -> bool:
        """Rebuild after these record files changed, without the engine; False when only a whole build will do (live.py)."""
        built, shells = self._built, self._shells
        if built is None or shells is None or self._layout is None:
            return False
        config, shown, root = built.config, built.catalog, built.catalog.root
        changes = live.what_changed(root, paths, self._layout)
        layout = None if changes is None else rediscover(root, self._layout, changes.folders)
        if changes is None or layout is None:
            return False  # a customer folder added, removed or renamed, or a change outside them
        context = self._read_cache.context
        result = load_repository(root, today=self._today(), cache=self._read_cache, layout=layout, changed=changes.folders)
        showing = result.catalog if result.ok or self._last_good is None else self._last_good
        history = self.kept.get("history")
        if (self._read_cache.context != context or _errors(result.findings) != built.errors
                or list(showing.customers) != list(shown.customers) or template_digest(root) != built.templates
                or (self._history is not None and history is not None
                    and history[0] != hashlib.sha256(_history_made_of(showing).encode()).hexdigest())):
            return False  # the configuration or date, what every page says, the customers, the templates or the history
        changed = _changed_customers(shown, showing, changes)
        if changed is None:
            return False  # an order added, removed or moved: the sitemap lists order pages
        catalog = self._accept(result)
        renderer = self._renderer_for(catalog, config)
        self.catalog = catalog  # what the shared pages are made of, for this rebuild
        try:
            shared = self._generated_only(self._shared_pages(renderer))
        finally:
            self.catalog = None
        pages = {path for path in shared if path.endswith(".md")}
        if pages != {path for path in self._shared if path.endswith(".md")}:
            return False  # a page added or removed: the navigation and the sitemap change
        _count, moved = FastPageWriter(renderer, shells).write(changed)
        moved_from_shared: dict[str, str] = {}  # the record keeps the customer pages' alone, as a whole build's does
        for path, content in shared.items():
            if self._shared.get(path) == content:
                continue
            if path in pages:
                dest, html = shells.fixed_page(path, live.page_of(content), moved_from_shared)
                write_file(html.encode("utf-8", errors="xmlcharrefreplace"), dest)
            else:
                write_file(content.encode("utf-8"), os.path.join(config.site_dir, *path.split("/")))
        gone = self._shared.keys() - shared.keys()  # search shards no longer needed
        remove_files(config.site_dir, gone)
        self._generated_files = (self._generated_files - gone) | (shared.keys() - pages)
        self._shared = shared
        for path, code in (moved | moved_from_shared).items():
            if path not in self._moved_scripts:
                write_file(code.encode("utf-8"), os.path.join(config.site_dir, *path.split("/")))
        self._moved_scripts |= moved | moved_from_shared
        written = built.written
        for customer_id in changed:
            folder = catalog.customers[customer_id].folder
            (written.customers or {})[customer_id] = customer_digest(written.site, renderer, customer_id, self._folder_keys.get(folder, ""))
        written.moved = (written.moved or {}) | moved
        written.generated = sorted(self._generated_files)
        written.write(config.site_dir)
        built.catalog = catalog
        log.info("flagsite: rebuilt %d customer(s) and the shared pages", len(changed))
        return True

    def _generated_only(self, pages: dict[str, str]) -> dict[str, str]:
        """``pages`` without those the repository's own docs folder has (kept in place of the generated ones)."""
        assert self._files is not None
        return {path: content for path, content in pages.items()
                if path in self._generated or (not path.endswith(".md") and self._files.get_file_from_path(path) is None)}

    def on_build_error(self, *, error: Exception) -> None:
        self.shard, self.slices = None, None
        self._built = None  # what the site folder holds is no longer known: the next rebuild is whole

    def on_shutdown(self) -> None:
        if self._observer is not None:
            self._observer.stop()


@dataclass
class _Built:
    """What the last whole build of a preview showed, and what it was made with (for the quick rebuild)."""

    config: MkDocsConfig
    catalog: Catalog
    written: WrittenPages
    templates: str  # template_digest
    errors: int  # the records' errors, which every page counts


def _errors(findings: list[Finding] | None) -> int:
    return sum(1 for finding in findings or [] if finding.severity == "error")


def _changed_customers(shown: Catalog, showing: Catalog, changes: live.Changed) -> list[str] | None:
    """The customers whose pages differ between the catalogs (of the same customers), in order; None when their order pages do."""
    if showing is shown:  # records with errors: the last good ones stay
        return []
    changed = []
    for customer_id, entry in showing.customers.items():
        before = shown.customers[customer_id]
        orders_differ = changes.orders and [row.order for row in entry.orders] != [row.order for row in before.orders]
        if entry.folder not in changes.folders and not orders_differ:
            continue
        if orders_differ and customer_page_paths(entry) != customer_page_paths(before):
            return None
        changed.append(customer_id)
    return changed


def _history_made_of(catalog: Catalog) -> str:
    """What the customers' history is read from: the commits alone, the same while HEAD and the customers are."""
    return json.dumps([resolve_commit(catalog.root, "HEAD") if is_git_repository(catalog.root) else None,
                       is_shallow(catalog.root), list(catalog.customers)])


def _holds(path: str, content: str) -> bool:
    """Whether the file at ``path`` holds ``content`` (in UTF-8)."""
    try:
        with open(path, "rb") as handle:
            return handle.read() == content.encode("utf-8")
    except OSError:
        return False


def _render_raw(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What Page.render gives for a body that is one raw HTML block, without parsing it."""
    if page.markdown is None:
        raise PluginError(f"flagsite: {page.file.src_uri} was not read")
    page.content = page.markdown.strip()
    page.toc = get_toc([])
    page.present_anchor_ids = set(_ID.findall(page.markdown))
