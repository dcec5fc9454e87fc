"""Customer and order pages written from the theme's page shell, on every core.

MkDocs renders the theme's whole page template for every page: for a site of
customer pages that is most of the build. Every customer page differs from
another only in its body and in the customer's id (in its address and title),
and every order page likewise; so the theme renders one page of each kind
through the engine's own machinery, with a stand-in id and body, and each
customer's pages are that shell with the id and body put in. The result is
hardened as every page is (``page_security``) and written as the engine writes
pages, so the site is byte for byte what the engine would build (a test builds
a site both ways and compares every page).

The shell depends on the page's title (with the id standing in) and on whether
the body holds an ``<h1`` (the theme adds a heading otherwise): one shell is
made for each combination met, in whichever process meets it first.

A build into a site built before writes only the customers whose pages changed:
each customer's pages are known by a digest of what they are made of (the
customer's record files, orders and history, and the site's: the flagsite
version, templates, configuration, date and the theme's page itself), kept in
``.flagsite-pages.json`` in the site folder (hidden, so the engine keeps it and
web servers do not serve it; it holds digests only).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from mkdocs.utils import write_file

from .page_security import harden_page, site_root_url
from .render.environment import template_digest
from .render.links import customer_folder, order_folder, page_path
from .render.site import RenderedPage, SiteRenderer

# Stand-ins: valid as a customer id and as an order's folder name, and found nowhere else in a page.
SHELL_ID = "FLAGSITESHELLID7Q"
SHELL_ORDER = "FLAGSITESHELLORDER7Q"
SHELL_BODY = "FLAGSITESHELLBODY7Q"
PAGES_RECORD = ".flagsite-pages.json"  # in the site folder: which customers' pages are written, from what
# Below this many customers, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_CHUNK = 200


class ShellMismatch(Exception):
    """The theme's page does not hold the stand-in body exactly once: the shell cannot be filled in."""


@dataclass(frozen=True)
class EnginePage:
    """A page as the engine renders it: its address, where it is written, and its whole HTML."""

    url: str
    dest_path: str
    html: str


# (page path under the docs folder, page) -> the engine's rendering of it, without hardening.
RenderWithEngine = Callable[[str, RenderedPage], EnginePage]


@dataclass(frozen=True)
class _Shell:
    head: str
    tail: str
    url: str
    dest_path: str
    # The shell hardened once (page_security), when that is what hardening each page would give:
    # no script the theme wrote depends on the page's id. None: each page is hardened whole.
    hardened: tuple[str, str, dict[str, str]] | None = None


class PageShells:
    """Fills customer and order pages into shells the engine rendered once per kind of page."""

    def __init__(self, render_with_engine: RenderWithEngine, site_url: str | None) -> None:
        self.render_with_engine = render_with_engine
        self.site_url = site_url
        self._shells: dict[tuple[str, str, bool], _Shell] = {}

    def page(self, path: str, customer_id: str, page: RenderedPage, moved: dict[str, str]) -> tuple[str, str]:
        """(where the page is written, its hardened HTML) for ``page`` at ``path``, a page of ``customer_id``."""
        order = _order_segment(path, customer_id)
        stand_in_path = _stand_in(path, customer_id, order)
        stand_in_title = page.title.replace(customer_id, SHELL_ID)
        has_heading = "<h1" in page.body
        key = (stand_in_path, stand_in_title, has_heading)
        shell = self._shells.get(key)
        if shell is None:
            shell = self._shells[key] = self._make(stand_in_path, stand_in_title, has_heading)

        def put_in(text: str) -> str:
            text = text.replace(SHELL_ID, customer_id)
            return text.replace(SHELL_ORDER, order) if order else text

        if shell.hardened is not None:
            head, tail, scripts = shell.hardened
            moved.update(scripts)
            return put_in(shell.dest_path), put_in(head) + page.body + put_in(tail)
        html = put_in(shell.head) + page.body + put_in(shell.tail)
        return put_in(shell.dest_path), harden_page(html, site_root_url(put_in(shell.url), self.site_url), moved, page.body)

    def fixed_page(self, path: str, page: RenderedPage, moved: dict[str, str]) -> tuple[str, str]:
        """(where, hardened HTML) for a page of its own address (a shared page): its own shell, made once."""
        key = (path, page.title, "<h1" in page.body)
        shell = self._shells.get(key)
        if shell is None:
            shell = self._shells[key] = self._make(*key)
        html = shell.head + page.body + shell.tail
        return shell.dest_path, harden_page(html, site_root_url(shell.url, self.site_url), moved, page.body)

    def probe(self) -> str:
        """The theme's page for a customer and for an order, with stand-ins: what every such page is made in."""
        customer = self.render_with_engine(page_path(customer_folder(SHELL_ID)), RenderedPage(SHELL_ID, SHELL_BODY))
        order = self.render_with_engine(page_path(order_folder(SHELL_ID, SHELL_ORDER)), RenderedPage(SHELL_ID, SHELL_BODY))
        return hashlib.sha256((customer.html + order.html).encode()).hexdigest()

    def _make(self, path: str, title: str, has_heading: bool) -> _Shell:
        body = SHELL_BODY + ("<h1" if has_heading else "")
        rendered = self.render_with_engine(path, RenderedPage(title, body))
        if rendered.html.count(body) != 1:
            raise ShellMismatch(f"the theme's page for {path} does not hold its body exactly once")
        head, tail = rendered.html.split(body)
        return _Shell(head, tail, rendered.url, rendered.dest_path, self._harden(head, tail, rendered.url))

    def _harden(self, head: str, tail: str, url: str) -> tuple[str, str, dict[str, str]] | None:
        """The shell's head and tail as hardening each page would leave them, and the scripts it moves out;
        None when a moved script names the page (then each page moves its own)."""
        scripts: dict[str, str] = {}
        hardened = harden_page(head + SHELL_BODY + tail, site_root_url(url, self.site_url), scripts, SHELL_BODY)
        # The root is as many folders up from every page of the shell: the page's id and order change no depth.
        if hardened.count(SHELL_BODY) != 1 or any(SHELL_ID in code or SHELL_ORDER in code for code in scripts.values()):
            return None
        hard_head, hard_tail = hardened.split(SHELL_BODY)
        return hard_head, hard_tail, scripts


def _order_segment(path: str, customer_id: str) -> str:
    """The order's folder name in an order page's path, or "" for the customer's own page."""
    own = customer_folder(customer_id) + "/orders/"
    return path[len(own):].split("/", 1)[0] if path.startswith(own) else ""


def _stand_in(path: str, customer_id: str, order: str) -> str:
    """``path`` with the customer's id and the order's folder name replaced by the stand-ins."""
    if order:
        return page_path(order_folder(SHELL_ID, SHELL_ORDER))
    own = customer_folder(customer_id)
    return customer_folder(SHELL_ID) + path[len(own):]


@dataclass
class FastPageWriter:
    renderer: SiteRenderer
    shells: PageShells

    def write(self, customer_ids: Iterable[str]) -> tuple[int, dict[str, str]]:
        """Write these customers' pages; (how many pages, the theme's scripts moved out of them)."""
        moved: dict[str, str] = {}
        written = 0
        for customer_id in customer_ids:
            for path, page in self.renderer.customer_pages([customer_id]).items():
                dest, html = self.shells.page(path, customer_id, page, moved)
                write_file(html.encode("utf-8", errors="xmlcharrefreplace"), dest)
                written += 1
        return written, moved


_WRITER: FastPageWriter | None = None  # the writer a forked worker inherits


def _write_chunk(customer_ids: Sequence[str]) -> tuple[int, dict[str, str]]:
    assert _WRITER is not None
    return _WRITER.write(customer_ids)


def write_customer_pages(writer: FastPageWriter, customer_ids: Sequence[str], *, parallel: bool = True) -> tuple[int, dict[str, str]]:
    """Write every page of these customers, over every core when there are many; (pages, moved scripts).

    Workers are forked, so they share the records, the templates and the shells already
    made instead of receiving copies.
    """
    global _WRITER
    workers = os.cpu_count() or 1
    if not parallel or workers <= 1 or len(customer_ids) < PARALLEL_THRESHOLD:
        return writer.write(customer_ids)
    # The first customer's shells before forking, so that no worker renders them again.
    count, moved = writer.write(customer_ids[:1])
    chunks = [customer_ids[i: i + _CHUNK] for i in range(1, len(customer_ids), _CHUNK)]
    _WRITER = writer
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_write_chunk, chunks))
    finally:
        _WRITER = None
    for written, scripts in results:
        count += written
        moved |= scripts
    return count, moved


@dataclass
class WrittenPages:
    """What the customer pages in a site folder were made from: a digest for the site, one per customer."""

    site: str = ""
    customers: dict[str, str] | None = None
    moved: dict[str, str] | None = None  # the theme's scripts moved out of those pages
    generated: list[str] | None = None  # every other file the plugin generated, by its path in the site

    @classmethod
    def read(cls, site_dir: str) -> WrittenPages:
        try:
            with open(os.path.join(site_dir, PAGES_RECORD), encoding="utf-8") as handle:
                data = json.load(handle)
            return cls(str(data["site"]), dict(data["customers"]), dict(data["moved"]), list(data["generated"]))
        except (OSError, ValueError, KeyError, TypeError):  # none yet, or not one this version wrote: write every page
            return cls()

    def write(self, site_dir: str) -> None:
        with open(os.path.join(site_dir, PAGES_RECORD), "w", encoding="utf-8") as handle:
            json.dump({"site": self.site, "customers": self.customers or {}, "moved": self.moved or {},
                       "generated": self.generated or []}, handle)


def site_digest(root: str, *parts: object) -> str:
    """A digest of what every customer page is made of: ``parts`` and the templates."""
    digest = hashlib.sha256(template_digest(root).encode())
    for part in parts:
        digest.update(b"\0" + json.dumps(part, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def customer_digest(site: str, renderer: SiteRenderer, customer_id: str, folder_key: str) -> str:
    """A digest of what one customer's pages are made of."""
    entry = renderer.catalog.customers[customer_id]
    history = None if renderer.history is None else renderer.history.get(customer_id)
    orders = [row.order.model_dump(mode="json") for row in entry.orders]
    return hashlib.sha256(json.dumps([site, folder_key, orders, history], default=str).encode()).hexdigest()


def remove_files(site_dir: str, paths: Iterable[str]) -> None:
    """Remove these files (paths under the site folder, ``/``-separated) where they are."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.remove(os.path.join(site_dir, *path.split("/")))


def out_of_date(site_dir: str, previous: dict[str, str], now: dict[str, str], *, same_site: bool, generated: set[str]) -> list[str]:
    """The customers whose pages must be written, in ``now``'s order; removes the pages of customers gone.

    A customer's pages are up to date when they were written from the same digests and
    its page is still there (a full build empties the site folder first). ``generated``:
    the files the engine wrote in this build (an erased customer's page stands where its page stood).
    """
    for customer_id in previous.keys() - now.keys():
        folder = customer_folder(customer_id)
        gone = os.path.join(site_dir, *folder.split("/"), *(["orders"] if f"{folder}/index.html" in generated else []))
        shutil.rmtree(gone, ignore_errors=True)
    todo = []
    for customer_id, digest in now.items():
        folder = os.path.join(site_dir, *customer_folder(customer_id).split("/"))
        if same_site and previous.get(customer_id) == digest and os.path.isfile(os.path.join(folder, "index.html")):
            continue
        todo.append(customer_id)
    return todo


def remove_gone_orders(site_dir: str, pages: dict[str, list[str]]) -> None:
    """Remove the order pages that are no longer a customer's: ``pages`` by customer, as written.

    Done after the customers' pages are written, so that a build that fails half way
    leaves the last site whole, every page that was there still there.
    """
    for customer_id, paths in pages.items():
        orders = os.path.join(site_dir, *customer_folder(customer_id).split("/"), "orders")
        kept = {path.split("/")[-2] for path in paths if path.startswith(customer_folder(customer_id) + "/orders/")}
        if not kept:
            shutil.rmtree(orders, ignore_errors=True)
            continue
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            for name in os.listdir(orders):
                if name not in kept:
                    shutil.rmtree(os.path.join(orders, name), ignore_errors=True)
