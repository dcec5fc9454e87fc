"""The pages that show many customers, and the search index, kept in step with the records a customer at a time.

The home page, the list of all customers, the workstack, the dashboards and the search
index show every customer: made whole after each edit, they cost time in proportion to
the records, not to the edit. ``SharedPages`` keeps what each customer gives them (its
row in each list and that row's place in the list's order, its flags counted by type,
its search entry), known by a digest of the customer's files (the loader's folder key)
and order rows. A rebuild works out again only the customers whose digest changed, takes
their old items out of each list, kept in order, and puts their new ones in. A list shows
its first rows, rendered when first shown and kept with the customer.

What every row depends on (flagsite's version, the templates, the configuration, the
date, directory URLs) changing starts it afresh. The pages are byte for byte what a fresh
``SharedPages`` makes of the same records; a test holds it to that after many kinds of edit.
The object holds text and sort keys only, so a build can keep it on disk (pickled).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import __version__
from ..catalog import Catalog, CustomerEntry, retention_order
from ..findings import sort_key
from ..report import report_rows
from ..spend import drop_order, spend_drops
from . import dashboards, links
from .chart import Bar, bar_chart
from .environment import one_block, template_digest
from .search_index import SearchShards, index_entry
from .views import newest_flag_date, top_severity

if TYPE_CHECKING:
    from .site import RenderedPage, SiteRenderer

ROWS_TEMPLATE = "_rows.html"
# More customers changed than this share of them: every list is put in order afresh rather than item by item.
_REBUILD_SHARE = 8


@dataclass(frozen=True)
class Rows:
    """A list's rows as its page shows them (one row a line or lines, in order) and how many the list holds.

    A page's template has ``{{ rows.html }}`` where they go; they are put in after the page is made one
    block, being lines made one block each already (a list of 10,000 rows is not gone through again).
    """

    html: str
    count: int


@dataclass(frozen=True)
class _Ranking:
    """A dashboard list: one customer's items (each list's own function, for one customer), their order, their row."""

    name: str
    items: Callable[[Catalog, CustomerEntry], Sequence[Any]]
    order: Callable[[Any], tuple[Any, ...]]
    macro: str
    shown: int  # how many rows the page shows
    newest_first: bool = False  # the page shows the end of the order, last first


RANKINGS = (
    _Ranking("overdue", lambda catalog, entry: dashboards.overdue_reviews(catalog, [entry]), dashboards.overdue_order,
             "overdue_row", dashboards.LIST_LIMIT),
    _Ranking("follow_ups", lambda catalog, entry: dashboards.follow_ups_due(catalog, [entry]), dashboards.follow_up_order,
             "follow_up_row", dashboards.LIST_LIMIT),
    _Ranking("newest", lambda catalog, entry: dashboards.newest_notes(catalog, len(entry.notes), [entry]), dashboards.newest_order,
             "newest_row", dashboards.NEWEST_NOTES, newest_first=True),
    _Ranking("drops", lambda catalog, entry: spend_drops(catalog, entries=[entry]), drop_order, "drop_row", dashboards.LIST_LIMIT),
    _Ranking("quality", lambda catalog, entry: dashboards.quality_findings(catalog, [entry]), lambda row: sort_key(row.finding),
             "quality_row", dashboards.LIST_LIMIT),
    _Ranking("past_retention", lambda catalog, entry: catalog.past_retention([entry]), retention_order,
             "retention_row", dashboards.LIST_LIMIT),
)


@dataclass
class _Customer:
    """What one customer gives the shared pages, and the digest of what it was made from."""

    made_from: str | None  # None: not known, made again on every rebuild
    row: str  # in the list of all customers
    workstack: tuple[int, int, str] | None  # its place in the workstack, when it has an active flag
    workstack_row: str
    flag_types: tuple[str, ...]
    ranked: dict[str, list[tuple[Any, ...]]]  # ranking -> the place of each of its items, in its own order
    rules: tuple[str, ...]  # the rule of each of its policy findings
    has_orders: bool
    closed_without_date: bool
    shown: dict[tuple[str, int], str] = field(default_factory=dict)  # (ranking, item) -> its row, once shown


class SharedPages:
    """The shared pages and the search index, made again in proportion to what changed since the last time."""

    def __init__(self) -> None:
        self.revision = ""  # changes whenever what is kept changes: whether to store it again
        self._reset("")
        self.search = SearchShards(f"{links.ASSETS}/search")

    def list_pages(self, renderer: SiteRenderer) -> dict[str, str]:
        """Home, all customers, workstack, dashboards, each erased customer's page (and serve's record errors), as Markdown."""
        self._update(renderer)
        catalog = renderer.catalog
        erased = [erasure for erasure in catalog.erased.values() if erasure.id not in catalog.customers]
        workstack = _rows([self._customers[cid].workstack_row for _place, cid in self._workstack])
        pages = {
            links.HOME: renderer.page("home.html", links.HOME, "Customers", catalog=catalog, flagged=len(self._workstack)),
            links.CUSTOMERS: _page_with_rows(renderer, "customers.html", links.CUSTOMERS, "All customers", erased=erased,
                                             rows=_rows([self._customers[cid].row for cid in catalog.customers])),
            links.WORKSTACK: _page_with_rows(renderer, "workstack.html", links.WORKSTACK, "Workstack", rows=workstack),
            links.DASHBOARDS: self._dashboards(renderer),
        }
        for erasure in erased:  # a record again is refused by validate (R017)
            folder = links.customer_folder(erasure.id)
            pages[folder] = renderer.page("erased.html", folder, erasure.id, erasure=erasure)
        if renderer.preview_findings is not None:
            findings = renderer.preview_findings
            errors_first = sorted(findings, key=lambda finding: finding.severity != "error")
            pages[links.RECORD_ERRORS] = renderer.page("record_errors.html", links.RECORD_ERRORS, "Record errors",
                                                       rows=report_rows(errors_first), errors=any(f.severity == "error" for f in findings))
        return {links.page_path(folder): page.markdown() for folder, page in pages.items()}

    def search_index(self, renderer: SiteRenderer) -> dict[str, str]:
        """The customer finder's index: manifest and shards (``search_index.py``)."""
        catalog = renderer.catalog
        made_from: dict[str, str | None] = {customer_id: renderer.folder_keys.get(entry.folder)
                                            for customer_id, entry in catalog.customers.items()}
        for erased_id in catalog.erased.keys() - catalog.customers.keys():
            made_from[erased_id] = catalog.erased[erased_id].model_dump_json()
        if self.search.update(made_from, lambda entry_id: index_entry(catalog, entry_id)):
            self.revision = uuid.uuid4().hex
        return self.search.files(catalog, directory_urls=renderer.directory_urls)

    # --- keeping each customer's part -----------------------------------------------------
    def _reset(self, context: str) -> None:
        self._context = context
        self._customers: dict[str, _Customer] = {}
        self._flag_counts: Counter[str] = Counter()
        self._rule_counts: Counter[str] = Counter()
        self._with_orders = 0
        self._workstack: list[tuple[tuple[int, int, str], str]] = []  # (place, customer id), in order
        self._ranked: dict[str, list[tuple[tuple[Any, ...], str, int]]] = {r.name: [] for r in RANKINGS}  # (place, id, item)
        self._closed_without_date: list[str] = []  # customer ids, in order

    def _update(self, renderer: SiteRenderer) -> None:
        """Bring each customer's part up to date with the catalog."""
        catalog = renderer.catalog
        context = _context(renderer)
        if context != self._context:
            self._reset(context)
        made_from = {customer_id: _made_from(entry, renderer.folder_keys.get(entry.folder))
                     for customer_id, entry in catalog.customers.items()}
        gone = [customer_id for customer_id in self._customers if customer_id not in made_from]
        changed = [customer_id for customer_id, key in made_from.items()
                   if key is None or customer_id not in self._customers or self._customers[customer_id].made_from != key]
        if not gone and not changed:
            return
        self.revision = uuid.uuid4().hex
        afresh = (len(gone) + len(changed)) * _REBUILD_SHARE > len(self._customers)
        for customer_id in [*gone, *changed]:
            before = self._customers.pop(customer_id, None)
            if before is not None and not afresh:
                self._count(customer_id, before, -1)
        if changed:
            rows = renderer.template_module(ROWS_TEMPLATE, links.CUSTOMERS)
            workstack_rows = renderer.template_module(ROWS_TEMPLATE, links.WORKSTACK, top_severity=top_severity)
            for customer_id in changed:
                part = self._customers[customer_id] = _customer_part(renderer, rows, workstack_rows, catalog.customers[customer_id],
                                                                     made_from[customer_id])
                if not afresh:
                    self._count(customer_id, part, +1)
        if afresh:
            self._count_all()

    def _count(self, customer_id: str, part: _Customer, sign: int) -> None:
        """Add one customer's items to the lists (``sign`` +1), or take them out (-1)."""
        self._flag_counts.update({kind: sign * count for kind, count in Counter(part.flag_types).items()})
        self._rule_counts.update({rule: sign * count for rule, count in Counter(part.rules).items()})
        self._with_orders += sign * part.has_orders
        items: list[tuple[list[Any], Any]] = []
        if part.workstack is not None:
            items.append((self._workstack, (part.workstack, customer_id)))
        if part.closed_without_date:
            items.append((self._closed_without_date, customer_id))
        for name, places in part.ranked.items():
            items += [(self._ranked[name], (place, customer_id, index)) for index, place in enumerate(places)]
        for ordered, item in items:
            at = bisect.bisect_left(ordered, item)
            if sign > 0:
                ordered.insert(at, item)
            else:
                del ordered[at]

    def _count_all(self) -> None:
        """Every list made afresh from each customer's items."""
        parts = self._customers
        self._flag_counts = Counter(kind for part in parts.values() for kind in part.flag_types)
        self._rule_counts = Counter(rule for part in parts.values() for rule in part.rules)
        self._with_orders = sum(part.has_orders for part in parts.values())
        self._workstack = sorted((part.workstack, cid) for cid, part in parts.items() if part.workstack is not None)
        self._closed_without_date = sorted(cid for cid, part in parts.items() if part.closed_without_date)
        self._ranked = {ranking.name: sorted((place, cid, index) for cid, part in parts.items()
                                             for index, place in enumerate(part.ranked[ranking.name]))
                        for ranking in RANKINGS}

    # --- the pages ---------------------------------------------------------------------------
    def _dashboards(self, renderer: SiteRenderer) -> RenderedPage:
        catalog = renderer.catalog
        counts = dashboards.type_counts(catalog.config, self._flag_counts)
        chart = bar_chart(renderer.env, "Active flags by type", [Bar(c.label, c.count, f"fs-sev-{c.severity}") for c in counts])
        module = renderer.template_module(ROWS_TEMPLATE, links.DASHBOARDS, kinds=catalog.config.flag_types)
        ranked = {ranking.name: self._ranked_rows(catalog, module, ranking) for ranking in RANKINGS}
        return _page_with_rows(
            renderer,
            "dashboards.html",
            links.DASHBOARDS,
            "Dashboards",
            counts=counts,
            kinds=catalog.config.flag_types,
            chart=chart,
            follow_up_days=catalog.config.follow_up_days,
            has_orders=self._with_orders > 0,
            by_rule=dashboards.rule_counts(self._rule_counts),
            retention=catalog.config.retention,
            closed_without_date=[catalog.customers[cid] for cid in self._closed_without_date],
            limit=dashboards.LIST_LIMIT,
            **ranked,
        )

    def _ranked_rows(self, catalog: Catalog, module: Any, ranking: _Ranking) -> Rows:
        """The rows a dashboard list shows: its first items, each rendered once and kept with its customer."""
        ordered = self._ranked[ranking.name]
        shown = list(reversed(ordered[-ranking.shown:])) if ranking.newest_first else ordered[:ranking.shown]
        items: dict[str, Sequence[Any]] = {}  # customer id -> its items, when a row is rendered
        rows = []
        for _place, customer_id, index in shown:
            part = self._customers[customer_id]
            row = part.shown.get((ranking.name, index))
            if row is None:
                if customer_id not in items:
                    items[customer_id] = ranking.items(catalog, catalog.customers[customer_id])
                row = part.shown[(ranking.name, index)] = one_block(getattr(module, ranking.macro)(items[customer_id][index]))
                self.revision = uuid.uuid4().hex
            rows.append(row)
        return Rows("\n".join(rows), len(shown) if ranking.newest_first else len(ordered))


def _rows(rows: list[str]) -> Rows:
    return Rows("\n".join(rows), len(rows))


def _page_with_rows(renderer: SiteRenderer, template: str, folder: str, title: str, **context: Any) -> RenderedPage:
    """``renderer.page`` with each list's rows (every ``Rows`` in ``context``) put in where the template has them."""
    rows = {name: value for name, value in context.items() if isinstance(value, Rows)}
    # A comment, which no record text can become: record text reaches a page escaped.
    markers = {name: f"<!--flagsite rows: {name}-->" for name in rows}
    page = renderer.page(template, folder, title, **(context | {name: Rows(Markup(markers[name]), value.count) for name, value in rows.items()}))
    body = page.body
    for name, value in rows.items():
        if value.html:
            body = body.replace(markers[name], value.html)
        else:  # as one_block leaves a line that holds nothing
            body = one_block(body.replace(markers[name], ""))
    return replace(page, body=body)


def _context(renderer: SiteRenderer) -> str:
    """A digest of what every row depends on."""
    catalog = renderer.catalog
    made_of = [__version__, template_digest(renderer.templates_root), catalog.config.model_dump(mode="json"),
               catalog.today.isoformat(), renderer.directory_urls]
    return hashlib.sha256(json.dumps(made_of, sort_keys=True, default=str).encode()).hexdigest()


def _made_from(entry: CustomerEntry, folder_key: str | None) -> str | None:
    """A digest of what one customer's part is made of: its files and its order rows; None when its files' is unknown."""
    if folder_key is None or not entry.orders:
        return folder_key
    orders = hashlib.sha256("\n".join(row.order.model_dump_json() for row in entry.orders).encode()).hexdigest()
    return f"{folder_key} {orders}"


def _customer_part(renderer: SiteRenderer, rows: Any, workstack_rows: Any, entry: CustomerEntry, made_from: str | None) -> _Customer:
    catalog = renderer.catalog
    views = renderer.flags_of(entry.id)
    workstack, workstack_row = None, ""
    if views:
        newest = newest_flag_date(entry)
        workstack = (views[0].rank, -newest.toordinal() if newest else 0, entry.id)
        workstack_row = one_block(workstack_rows.workstack_row(entry, views, newest))
    ranked = {}
    rules: tuple[str, ...] = ()
    for ranking in RANKINGS:
        items = ranking.items(catalog, entry)
        ranked[ranking.name] = [ranking.order(item) for item in items]
        if ranking.name == "quality":
            rules = tuple(item.rule for item in items)
    return _Customer(
        made_from=made_from,
        row=one_block(rows.customer_row(entry, views)),
        workstack=workstack,
        workstack_row=workstack_row,
        flag_types=tuple(flag.type for flag in entry.customer.flags),
        ranked=ranked,
        rules=rules,
        has_orders=bool(entry.orders),
        closed_without_date=bool(catalog.closed_without_date([entry])),
    )
