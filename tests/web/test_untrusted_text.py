"""Record text stays text: markup, Markdown tricks and template syntax in every field that reaches a page.

One repository holds a customer per (payload, field); the site is built by
MkDocs with the flagsite plugin and Markdown extensions that widen the attack
surface (attr_list, md_in_html). Each page is then compared with a control
page whose field holds plain words: same elements, no script, no event
handler, no javascript: link, and the payload shown as text.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest

import site_factory as f
from flagsite.render import render_site
from flagsite.repository import load_repository

PAYLOADS = {
    "script": "<script>alert('script')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "close": "</dd></dl></div></section></article><script>alert(2)</script><div>",
    "js-link": "[click me](javascript:alert(3)) <javascript:alert(4)>",
    "attr-list": 'Para {: onmouseover="alert(5)" }\n\n# Title {: onclick="alert(6)" }\n\n[a](#x){: onmouseover=alert(7) }',
    "raw-block": '\n\n<div onclick="alert(8)" markdown="1">raw *md*</div>\n\n<b onmouseover=alert(9)>b</b>',
    "template": "{{ 7*7 }} {% if true %}T{% endif %} {# hidden #} ${x}",
}
CONTROL = "plain words"

Setter = Callable[[dict[str, Any], dict[str, Any], dict[str, Any], str], None]


def _flag(c: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = c["flags"][0]
    return first


SETTERS: dict[str, Setter] = {
    "customer.name": lambda c, n, o, v: c.__setitem__("name", v),
    "preference.text": lambda c, n, o, v: c["preferences"][0].__setitem__("text", v),
    "flag.reason": lambda c, n, o, v: _flag(c).__setitem__("reason", v),
    "flag.guidance": lambda c, n, o, v: _flag(c).__setitem__("guidance", v),
    "note.contact.name": lambda c, n, o, v: n["contact"].__setitem__("name", v),
    "note.contact.relationship": lambda c, n, o, v: n["contact"].__setitem__("relationship", v),
    "note.reason": lambda c, n, o, v: n.__setitem__("reason", v),
    "note.resolution": lambda c, n, o, v: n["resolution"].__setitem__(0, v),
    "note.changes.field": lambda c, n, o, v: n["changes"][0].__setitem__("field", v),
    "note.changes.from": lambda c, n, o, v: n["changes"][0].__setitem__("from", v),
    "note.changes.to": lambda c, n, o, v: n["changes"][0].__setitem__("to", v),
    "note.amounts.kind": lambda c, n, o, v: n["amounts"][0].__setitem__("kind", v),
    "note.follow_up.action": lambda c, n, o, v: n["follow_up"].__setitem__("action", v),
    "note.internal": lambda c, n, o, v: n.__setitem__("internal", v),
    "order.order_id": lambda c, n, o, v: o.__setitem__("order_id", v),
    "order.title": lambda c, n, o, v: o.__setitem__("title", v),
    "order.status": lambda c, n, o, v: o.__setitem__("status", v),
}
# id, emails, phones, staff names, vocabulary words, currencies and dates are held to
# patterns by the schema: markup cannot get into them (the schema tests cover that).


def _records(case: str, field: str, value: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    cid = f"X-{case}-{field.replace('.', '-')}"
    customer = f.customer(cid, "Plain Name", emails=["x@example.com"],
                          flags=[f.flag("on-hold", "Plain reason.", guidance="Plain guidance.", review_by=dt.date(2026, 7, 1))],
                          preferences=[{"text": "Plain preference."}])
    note = f.note("2026-11-01T10:00:00+00:00", contact={"name": "Plain Contact", "relationship": "son"},
                  resolution=["Plain step."], changes=[{"field": "email", "from": "a", "to": "b"}],
                  amounts=[{"kind": "refund", "amount": 1.0, "currency": "USD"}],
                  follow_up={"due": dt.date(2026, 11, 25), "owner": "anna", "action": "Plain action."},
                  internal="Plain remark.")
    order = {"order_id": f"SO-plain-{cid}", "customer": cid, "date": "2026-10-01", "amount": "10.00", "currency": "USD",
             "status": "shipped", "title": "Plain title"}
    SETTERS[field](customer, note, order, value)
    return customer, note, order


CASES = [(case, field) for case in [*PAYLOADS, "control"] for field in SETTERS]


class Article(HTMLParser):
    """The tags, attributes and text inside the page's content area."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        start = html.find('<article class="md-content__inner')
        # Inside a themed page, stop at the end of the content article; a bare fragment is read whole.
        self.depth = 0 if start >= 0 else -1
        self.done = False
        self.feed(html[start:] if start >= 0 else html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "article" and self.depth >= 0:
            self.depth += 1
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth > 0:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if not self.done:
            self.text.append(data)

    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def assert_inert(html: str, where: str) -> Article:
    article = Article(html)
    for tag, attrs in article.tags:
        assert tag not in ("script", "iframe", "object", "embed"), f"{where}: <{tag}> in the content"
        for name, value in attrs:
            assert not name.lower().startswith("on"), f"{where}: <{tag} {name}=...>"
            if name in ("href", "src", "action", "formaction"):
                assert not (value or "").strip().lower().startswith("javascript:"), f"{where}: {name}={value!r}"
    return article


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[tuple[str, str], tuple[str, str]]]:
    base = tmp_path_factory.mktemp("untrusted")
    customers, notes, orders, pages = [], {}, [], {}
    for case, field in CASES:
        customer, note, order = _records(case, field, PAYLOADS.get(case, CONTROL))
        customers.append(customer)
        notes[customer["id"]] = [("call", note)]
        orders.append(order)
        pages[(case, field)] = (customer["id"], order["order_id"].strip())
    root = f.write_repository(str(base / "repo"), customers, notes, orders, policy=False)
    result = load_repository(root, today=f.TODAY)
    assert result.ok, [x for x in result.findings if x.severity == "error"]
    site = f.engine_build(result.catalog, str(base / "site"), str(base / "docs"),
                          markdown_extensions=["attr_list", "md_in_html", "admonition", "pymdownx.superfences"])
    return site, pages


def _page_file(site: str, customer_id: str, order_id: str | None) -> str:
    from flagsite.render.links import customer_folder, order_folder

    folder = order_folder(customer_id, order_id) if order_id else customer_folder(customer_id)
    return os.path.join(site, folder, "index.html")


@pytest.mark.parametrize("case, field", [(c, fl) for c, fl in CASES if c != "control"])
def test_payload_is_shown_as_text_and_adds_no_element(built: tuple[str, dict[tuple[str, str], tuple[str, str]]], case: str, field: str) -> None:
    site, pages = built
    customer_id, order_id = pages[(case, field)]
    page = _page_file(site, customer_id, order_id if field.startswith("order.") else None)
    control_id, control_order = pages[("control", field)]
    control = _page_file(site, control_id, control_order if field.startswith("order.") else None)
    with open(page, encoding="utf-8") as handle:
        article = assert_inert(handle.read(), f"{case} in {field}")
    with open(control, encoding="utf-8") as handle:
        expected = Article(handle.read())
    assert [tag for tag, _ in article.tags] == [tag for tag, _ in expected.tags], "the payload changed the page's elements"
    assert " ".join(PAYLOADS[case].split()) in article.plain()
    if case == "template":
        assert "49" not in article.plain()


def assert_site_inert(site: str) -> int:
    """Every page of a built site passes assert_inert; how many pages there are."""
    checked = 0
    for folder, _dirs, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    assert_inert(handle.read(), os.path.relpath(os.path.join(folder, name), site))
                checked += 1
    return checked


def test_no_page_of_the_site_carries_script_or_handlers_from_records(built: tuple[str, dict[tuple[str, str], tuple[str, str]]]) -> None:
    site, _ = built
    assert assert_site_inert(site) > len(CASES)  # customers, orders, workstack, dashboards, list


def test_history_text_stays_text_through_markdown(demo_root: str) -> None:
    result = load_repository(demo_root, today=f.TODAY)
    history = {"C-10042": [{"sha": "<script>s</script>", "date": "2026-06-04T10:00:00+00:00", "author": PAYLOADS["img"],
                            "message": PAYLOADS["attr-list"], "changes": [PAYLOADS["js-link"], PAYLOADS["template"], PAYLOADS["attr-list"]]}]}
    page = render_site(result.catalog, history)["customers/C-10042/index.md"]
    html = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["attr_list", "md_in_html"])
    article = assert_inert(html, "history")
    assert "{{ 7*7 }}" in article.plain() and " ".join(PAYLOADS["attr-list"].split()) in article.plain()


def test_inert_filter_escapes_and_keeps_one_line() -> None:
    from flagsite.render.environment import inert

    assert str(inert('<a href="x">\n\n{{ y }}\x02')) == "&lt;a href=&#34;x&#34;&gt;&#10;&#10;{{ y }}"


def test_markdown_passes_every_generated_page_through_unchanged(built: tuple[str, dict[tuple[str, str], tuple[str, str]]], demo_root: str) -> None:
    """The plugin skips Markdown for generated pages; that is only sound while Markdown would not change them."""
    from flagsite.render.links import customer_folder

    site, pages = built
    root = os.path.join(os.path.dirname(site), "repo")
    catalog = load_repository(root, today=f.TODAY).catalog
    history = {customer_folder(cid): [{"sha": "1", "date": "2026-01-01", "author": PAYLOADS["img"], "message": PAYLOADS["raw-block"],
                                       "changes": [PAYLOADS["attr-list"]]}] for cid, _ in pages.values()}
    rendered = render_site(catalog, {k.split("/")[-1]: v for k, v in history.items()})
    rendered |= render_site(load_repository(demo_root, today=f.TODAY).catalog)
    extensions = ["toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"]
    for path, content in rendered.items():
        if path.endswith(".md"):
            body = content.split("\n---\n", 1)[1]
            assert markdown.Markdown(extensions=extensions).convert(body).strip() == body.strip(), path
