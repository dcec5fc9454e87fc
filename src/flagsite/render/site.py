"""The renderer: validated records in, ``{path: content}`` out, for any engine.

Pages are Markdown files whose body is one raw HTML block built by autoescaping
Jinja2 templates, so record text reaches the page as text and Markdown never
parses it. Page titles are the customer id or fixed words: themes put titles
into ``<title>`` without escaping. Assets (style, scripts, the search index)
are returned beside the pages under ``assets/flagsite/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from jinja2 import BytecodeCache

from ..catalog import Catalog, CustomerEntry
from ..findings import Finding, has_errors
from ..models import FollowUp
from ..retention import past_retention
from ..spend import money
from . import dashboards, links
from .environment import make_environment, one_block
from .shared_pages import SharedPages
from .views import INTERNAL_TAG, FlagView, flag_views, internal_marker, missteps, when

History = Mapping[str, list[dict[str, Any]]]
STYLE = f"{links.ASSETS}/flagsite.css"
SCRIPTS = (f"{links.ASSETS}/sortable.js", f"{links.ASSETS}/search.js")
ORDERS_ON_PAGE = 20


@dataclass(frozen=True)
class RenderedPage:
    """One page: its title (a customer id or fixed words) and its body, one raw HTML block."""

    title: str
    body: str

    def markdown(self) -> str:
        # json.dumps gives a quoted YAML string; titles are ids or fixed words.
        return f"---\ntitle: {json.dumps(self.title)}\nhide:\n  - toc\n---\n\n{self.body}\n"


def render_site(
    catalog: Catalog,
    history: History | None = None,
    *,
    directory_urls: bool = True,
    templates_root: str | None = None,
    preview_findings: list[Finding] | None = None,
) -> dict[str, str]:
    """Every page (``*.md``) and asset of the site, by path relative to the docs folder.

    ``preview_findings`` (``flagsite serve`` only): the findings of the records as they are
    now, listed on a page of their own; when they hold errors, ``catalog`` is the last good
    one and every page says so, with a link to that list.
    """
    renderer = SiteRenderer(catalog, history, directory_urls=directory_urls, templates_root=templates_root,
                            preview_findings=preview_findings)
    return renderer.render()


def customer_page_paths(entry: CustomerEntry) -> list[str]:
    """Where one customer's pages go: its own page, then one page per order."""
    own = links.page_path(links.customer_folder(entry.id))
    return [own, *(links.page_path(links.order_folder(entry.id, row.order.order_id)) for row in entry.orders)]


class SiteRenderer:
    """Renders the site whole (``render``) or in parts: one customer's pages, or the pages and assets shared by all.

    A customer's pages (its own and its orders') depend on that customer's records alone;
    the shared pages (home, lists, dashboards, search index) on every customer.
    """

    def __init__(self, catalog: Catalog, history: History | None = None, *, directory_urls: bool = True,
                 templates_root: str | None = None, preview_findings: list[Finding] | None = None,
                 bytecode_cache: BytecodeCache | None = None, shared: SharedPages | None = None,
                 folder_keys: Mapping[str, str] | None = None) -> None:
        """``shared``: what the shared pages were made of last time, brought up to date here (default: made afresh);
        ``folder_keys``: each customer folder's digest (the loader's), by which unchanged customers are known."""
        env = make_environment(templates_root, bytecode_cache)
        self.catalog = catalog
        self.preview_findings = preview_findings
        self.history = history
        self.linker = links.Linker(directory_urls)
        self.env = env
        self.directory_urls = directory_urls
        self.templates_root = templates_root
        self.shared = shared if shared is not None else SharedPages()
        self.folder_keys: Mapping[str, str] = folder_keys or {}
        self._flags: dict[str, list[FlagView]] = {}
        env.globals.update(
            mark=internal_marker(),
            internal_tag=INTERNAL_TAG,
            when=when,
            money=money,
            today=catalog.today,
            is_follow_up=lambda value: isinstance(value, FollowUp),
        )

    def flags_of(self, customer_id: str) -> list[FlagView]:
        """A customer's active flags as pages show them (worked out when first asked for)."""
        views = self._flags.get(customer_id)
        if views is None:
            views = self._flags[customer_id] = flag_views(self.catalog.customers[customer_id], self.catalog.config, self.catalog.today)
        return views

    def render(self) -> dict[str, str]:
        """Every page (as Markdown) and asset."""
        out = {path: page.markdown() for path, page in self.customer_pages(self.catalog.customers).items()}
        return out | self.shared_pages()

    def customer_pages(self, customer_ids: Iterable[str]) -> dict[str, RenderedPage]:
        """The pages of these customers: each one's own page and its order pages."""
        out: dict[str, RenderedPage] = {}
        for customer_id in customer_ids:
            entry = self.catalog.customers[customer_id]
            out[links.page_path(links.customer_folder(entry.id))] = self._customer(entry)
            for row in entry.orders:
                folder = links.order_folder(entry.id, row.order.order_id)
                out[links.page_path(folder)] = self._order(entry, row, folder)
        return out

    def shared_pages(self) -> dict[str, str]:
        """The pages (as Markdown) and assets that show many customers or none (and an erased customer's page)."""
        return self.list_pages() | self.search_index()

    def search_index(self) -> dict[str, str]:
        """The customer finder's index: manifest and shards."""
        return self.shared.search_index(self)

    def list_pages(self) -> dict[str, str]:
        """The shared pages (as Markdown) and the static assets: all but the search index."""
        return self.shared.list_pages(self) | _static_assets()

    # --- what the templates are rendered with -----------------------------------------
    def page(self, template: str, folder: str, title: str, **context: Any) -> RenderedPage:
        """The page in ``folder`` rendered from ``template``."""
        html = self.env.get_template(template).render(**self._context(folder), **context)
        if self.preview_findings is not None and has_errors(self.preview_findings) and folder != links.RECORD_ERRORS:
            errors = sum(1 for finding in self.preview_findings if finding.severity == "error")
            html = self.env.get_template("preview_notice.html").render(errors=errors, href=self.linker.page(folder, links.RECORD_ERRORS)) + html
        return RenderedPage(title, one_block(html))

    def template_module(self, template: str, folder: str, **context: Any) -> Any:
        """``template``'s macros, as a page in ``folder`` calls them."""
        return self.env.get_template(template).make_module(self._context(folder) | context)

    def _context(self, folder: str) -> dict[str, Any]:
        def link(to_folder: str, anchor: str = "") -> str:
            return self.linker.page(folder, to_folder, anchor)

        def customer_link(customer_id: str, anchor: str = "") -> str:
            return link(links.customer_folder(customer_id), anchor)

        return {
            "link": link,
            "customer_link": customer_link,
            "order_link": lambda cid, oid: link(links.order_folder(cid, oid)),
            "flags_of": self.flags_of,
            "folders": links,
        }

    # --- pages ------------------------------------------------------------------------
    def _customer(self, entry: CustomerEntry) -> RenderedPage:
        folder = links.customer_folder(entry.id)
        return self.page(
            "customer.html",
            folder,
            entry.id,
            entry=entry,
            customer=entry.customer,
            flags=self.flags_of(entry.id),
            critical=entry.critical_notes,
            missteps=missteps(entry, self.catalog.config, self.catalog.today),
            due=dashboards.follow_ups_due(self.catalog, [entry]),
            history=None if self.history is None else self.history.get(entry.id, []),
            orders=entry.orders[:ORDERS_ON_PAGE],
            past_retention=past_retention(entry.customer, self.catalog.config.retention, self.catalog.today),
        )

    def _order(self, entry: CustomerEntry, row: Any, folder: str) -> RenderedPage:
        return self.page(
            "order.html", folder, f"{entry.id} order", entry=entry, customer=entry.customer,
            flags=self.flags_of(entry.id), critical=entry.critical_notes, order=row.order,
            due=dashboards.follow_ups_due(self.catalog, [entry]),
        )


def _static_assets() -> dict[str, str]:
    folder = resources.files("flagsite").joinpath("site_templates", "assets")
    return {f"{links.ASSETS}/{item.name}": item.read_text(encoding="utf-8") for item in folder.iterdir() if item.is_file()}
