"""Fuzz: generated hostile text in every field that reaches a page stays text.

The fixed payloads of test_untrusted_text.py, widened by Hypothesis: any text
(markup, template syntax, entities, control and bidi characters, YAML 1.1
words) in any of those fields. Records are written to a repository and loaded
as ``flagsite build`` loads them (what validate refuses is never built, so it
is not rendered here either). Every generated page must parse with its front
matter intact, carry no element, event handler or ``javascript:`` link the
text brought, hold the same elements as the page of a plain value, and show
the text itself. A few full ``flagsite build`` runs check the pages MkDocs
writes.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from tests.hostile import examples, hostile_text

import site_factory as f
from flagsite.cli.main import main
from flagsite.render import render_site
from flagsite.render.links import customer_folder, order_folder
from flagsite.repository import load_repository
from test_untrusted_text import CONTROL, SETTERS, Article, _records, assert_inert, assert_site_inert

pytestmark = pytest.mark.fuzz

EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"]
# The control characters a page drops (Markdown uses some for its own placeholders).
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
Records = list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("fuzz-site"))


def _write(workdir: str, records: Records) -> str:
    root = tempfile.mkdtemp(dir=workdir)
    customers = [customer for customer, _, _ in records]
    notes = {customer["id"]: [("call", note)] for customer, note, _ in records}
    return f.write_repository(root, customers, notes, [order for _, _, order in records], policy=False)


FIELDS = sorted(SETTERS)


def _load(workdir: str, values: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """The generated pages of a repository with one customer per field, and the fields validate refused.

    What validate refuses is left out of the catalog (and ``flagsite build``
    would refuse the repository): only the pages of the other fields are checked.
    """
    root = _write(workdir, [_records("fuzz", field, value) for field, value in values.items()])
    result = load_repository(root, today=f.TODAY)
    refused = set()
    for finding in (x for x in result.findings if x.severity == "error"):
        for field in values:
            customer, _, _ = _records("fuzz", field, values[field])
            if f"/{customer['id']}/" in finding.path or (field.startswith("order.") and finding.path.startswith("records/orders/")):
                refused.add(field)
    return render_site(result.catalog), refused


def _folder(case: str, field: str, value: str) -> str:
    """The folder of the page that shows ``field``: its order's page, or its customer's."""
    customer, _, order = _records(case, field, value)
    return order_folder(customer["id"], order["order_id"].strip()) if field.startswith("order.") else customer_folder(customer["id"])


def _page_of(field: str, value: str) -> str:
    return f"{_folder('fuzz', field, value)}/index.md"


def _body(path: str, content: str) -> str:
    """A page's HTML body, after checking that its front matter is still a mapping of plain values."""
    _, front, body = content.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict) and set(meta) <= {"title", "hide"}, f"{path}: front matter changed: {front!r}"
    return body


def shown(value: str) -> str:
    """The text a reader should find on the page: white space collapsed, the controls pages drop left out."""
    return " ".join(_DROPPED.sub("", value).split())


@pytest.fixture(scope="module")
def control_pages(workdir: str) -> dict[str, Article]:
    """Each field's page when the field holds plain words."""
    pages, refused = _load(workdir, dict.fromkeys(FIELDS, CONTROL))
    assert not refused
    return {field: Article(_body(field, pages[_page_of(field, CONTROL)])) for field in FIELDS}


@settings(max_examples=examples(30), suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile_text)))
def test_generated_text_in_any_field_stays_text_on_every_page(workdir: str, control_pages: dict[str, Article], values: dict[str, str]) -> None:
    pages, refused = _load(workdir, values)
    for path, content in pages.items():
        if path.endswith(".md"):
            body = _body(path, content)
            assert_inert(body, path)
            # The plugin skips Markdown for these pages; were it run, it must not find markup either.
            assert_inert(markdown.markdown(body, extensions=EXTENSIONS), f"{path}, through Markdown")
    for field, value in values.items():
        event("refused by validate" if field in refused else "rendered")
        if field in refused:
            continue
        page = Article(_body(field, pages[_page_of(field, value)]))
        assert [tag for tag, _ in page.tags] == [tag for tag, _ in control_pages[field].tags], f"{field}: the text changed the page's elements"
        assert shown(value) in page.plain(), field


def _without_controls(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")).strip()


# Text every field takes: validate refuses empty text, and control, format and line-separator characters
# (the test above meets those). A build of records validate refuses is refused whole.
buildable_text = hostile_text.map(_without_controls).filter(bool)


def _build(workdir: str, records: Records) -> tuple[int, str]:
    root = _write(workdir, records)
    site = os.path.join(root, "site")
    try:
        main(["--root", root, "build", "--today", f.TODAY.isoformat(), "--site-dir", site])
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    return code, site


@settings(max_examples=examples(3), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(buildable_text, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_full_builds_of_hostile_records_write_only_inert_pages(workdir: str, values: list[str]) -> None:
    """One customer per field, each field holding its own generated text, built by MkDocs through the plugin."""
    records = [_records(f"b{index}", field, value) for index, (field, value) in enumerate(zip(FIELDS, values, strict=True))]
    code, site = _build(workdir, records)
    assert code == 0, "the build refused the records"
    assert assert_site_inert(site) > len(FIELDS)
    for index, (field, value) in enumerate(zip(FIELDS, values, strict=True)):
        with open(os.path.join(site, _folder(f"b{index}", field, value), "index.html"), encoding="utf-8") as handle:
            assert shown(value) in Article(handle.read()).plain(), field
