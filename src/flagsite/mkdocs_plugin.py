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
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import types
from collections.abc import Mapping
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkDocsConfigBase
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .catalog import Catalog
from .dates import DateError, parse_date
from .findings import Finding
from .git import UNSHALLOW_ADVICE, is_shallow
from .history import site_history
from .page_security import ROBOTS_TXT, allow_reload_script, harden_page, site_root_url
from .render import SCRIPTS, STYLE, render_site
from .render.links import CUSTOMERS, DASHBOARDS, RECORD_ERRORS, WORKSTACK, page_path
from .report import report_lines, report_text
from .repository import load_repository
from .request_guard import refuse_bad_paths
from .site_dir import SiteDirRefused, check_site_dir, mark_site

log = logging.getLogger("mkdocs.plugins.flagsite")
_ID = re.compile(r'\sid="([^"]+)"')
NAV = [
    {"Find a customer": page_path("")},
    {"Workstack": page_path(WORKSTACK)},
    {"Dashboards": page_path(DASHBOARDS)},
    {"All customers": page_path(CUSTOMERS)},
]


class FlagsitePluginConfig(MkDocsConfigBase):
    root = c.Optional(c.Type(str))
    """The records repository; default: the folder holding mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """The date the site is built for (YYYY-MM-DD), for reproducible builds; default: today."""
    history = c.Type(bool, default=True)
    """Add each customer's change history, read from Git in one pass, to its page."""
    raw_pages = c.Type(bool, default=True)
    """Give the theme generated pages' HTML as it is, skipping Markdown (which would not change it)."""


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
        self._history: Mapping[str, list[dict[str, Any]]] | None = None
        self._generated: set[str] = set()
        self._moved_scripts: dict[str, str] = {}  # path under the site -> a theme script taken out of its page
        # ``mkdocs serve``: records with errors are listed on a page of their own, beside the last good site.
        self._serving = False
        self._last_good: Catalog | None = None
        self._preview_findings: list[Finding] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

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
        self.catalog = self.preloaded or self._load(root)
        self.preloaded = None
        self._history = self.history
        if self._history is None and self.config.history:
            self._history = site_history(self.catalog.root, self.catalog) or None  # {}: not in Git
            if self._history and is_shallow(self.catalog.root):
                log.warning("flagsite: %s is a shallow clone, so each customer page says its history is incomplete; %s",
                            self.catalog.root, UNSHALLOW_ADVICE)
        self._generated = set()
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
        result = load_repository(root, today=today)
        if self._serving:
            self._preview_findings = result.findings
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

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        pages = render_site(
            self.catalog,
            self._history,
            directory_urls=config.use_directory_urls,
            templates_root=self.catalog.root,
            preview_findings=self._preview_findings,
        )
        in_nav = {page_path(""), page_path(WORKSTACK), page_path(DASHBOARDS), page_path(CUSTOMERS)}
        for path, content in pages.items():
            if files.get_file_from_path(path) is not None:
                log.info("flagsite: keeping the repository's own %s", path)
                continue
            inclusion = InclusionLevel.INCLUDED if path in in_nav or not path.endswith(".md") else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
            self._generated.add(path)
        if files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=ROBOTS_TXT))
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.config.raw_pages and page.file.src_uri in self._generated:
            page.render = types.MethodType(_render_raw, page)  # type: ignore[method-assign]
        return page

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return harden_page(output, site_root_url(page.url, config.site_url), self._moved_scripts, page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return harden_page(output_content, site_root_url(template_name, config.site_url), self._moved_scripts)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        records = os.path.join(self.records_root(config) if self.catalog is None else self.catalog.root, "records")
        if os.path.isdir(records):
            server.watch(records)
        server.set_app(refuse_bad_paths(server.get_app()))  # never a traceback, whatever the path
        build = server.builder

        def build_or_keep_the_last_site() -> None:
            # The live-reload server holds every request until a rebuild succeeds: whatever stops
            # one, the preview answers from the last site built rather than leave a browser waiting.
            try:
                build()
            except Exception as error:  # noqa: BLE001 - any engine failure; it is told, and the preview goes on
                log.error("flagsite: the preview could not be rebuilt (%s); it shows the last site built", error)

        server.builder = build_or_keep_the_last_site
        inject = getattr(server, "_inject_js_into_html", None)
        if inject is not None:  # the live reload's inline script, which the page's policy would block
            server._inject_js_into_html = lambda content, epoch: allow_reload_script(inject(content, epoch))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        for path, code in self._moved_scripts.items():
            target = os.path.join(config.site_dir, *path.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(code)
        mark_site(config.site_dir)
        self.catalog = None


def _render_raw(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What Page.render gives for a body that is one raw HTML block, without parsing it."""
    if page.markdown is None:
        raise PluginError(f"flagsite: {page.file.src_uri} was not read")
    page.content = page.markdown.strip()
    page.toc = get_toc([])
    page.present_anchor_ids = set(_ID.findall(page.markdown))
