"""Customer and order pages written from the theme's shell are the pages the engine renders itself."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

import site_factory as f
from flagsite import fast_pages
from flagsite.build import build_site


def _build(repo: str, site: str, plugin: dict[str, Any], **config: Any) -> dict[str, bytes]:
    settings = {"site_name": "Box office", "theme": {"name": "material", "features": ["navigation.tabs"]},
                "docs_dir": "pages", "plugins": [{"flagsite": plugin}], **config}
    with open(os.path.join(repo, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(settings, handle)
    build_site(repo, today=f.TODAY, site_dir=site)
    return f.site_files(site)


@pytest.fixture
def repo(tmp_path: Path, demo_root: str) -> str:
    """The demo records, a customer whose every text tries to pass for page markup, and more orders."""
    target = str(tmp_path / "repo")
    shutil.copytree(demo_root, target)
    hostile = "<h1>x</h1> FLAGSITESHELLID7Q FLAGSITESHELLBODY7Q <script>alert(1)</script> {{ page.title }}"
    f._dump(os.path.join(target, "records", "customers", "C-50005", "customer.yaml"),
            {**f.customer("C-50005", hostile, emails=["mx@example.org"]),
             "flags": [f.flag("alert", hostile, created=dt.date(2026, 10, 2))]})
    with open(os.path.join(target, "records", "orders", "more.csv"), "w", encoding="utf-8") as handle:
        handle.write("order_id,customer,date,amount,currency,status,title\n"
                     "SO 9/1 ünïcode,C-50005,2026-09-01,10.00,USD,shipped,Season tickets\n"
                     "SO-3,C-10042,2026-09-02,12.00,USD,shipped,<h1>Single</h1>\n")
    os.makedirs(os.path.join(target, "pages"))
    return target


@pytest.mark.parametrize("directory_urls", [True, False])
def test_fast_pages_are_byte_for_byte_the_pages_the_engine_renders(repo: str, tmp_path: Path, directory_urls: bool,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_pages, "PARALLEL_THRESHOLD", 2)  # the worker processes too, on a small site
    config = {"use_directory_urls": directory_urls, "site_url": "https://flags.example.org/staff/"}
    engine = _build(repo, str(tmp_path / "engine"), {"fast_pages": False}, **config)
    fast = _build(repo, str(tmp_path / "fast"), {}, **config)
    assert sorted(fast) == sorted(engine)
    assert [path for path in sorted(engine) if fast[path] != engine[path]] == []
    pages = [path for path in engine if path.startswith("customers" + os.sep) and path.endswith("index.html")]
    assert len(pages) == 5 + 1 + 2 + 2  # customers, all customers, orders of the demo and of the file above
    sitemap = engine["sitemap.xml"].decode()
    assert "https://flags.example.org/staff/customers/C-50005/" in sitemap


def test_another_plugin_acting_on_pages_sees_every_page(repo: str, tmp_path: Path) -> None:
    site = str(tmp_path / "site")
    built = _build(repo, site, {}, plugins=["search", "flagsite"])
    index = built[os.path.join("search", "search_index.json")].decode()
    assert "customers/C-10042/" in index  # the engine rendered the customer pages for the search plugin
    assert b'data-flag-type="on-hold"' in built[os.path.join("customers", "C-10042", "index.html")]


def _written(site: str) -> dict[str, int]:
    """Each customer's and order's page's modification time, in nanoseconds (not the list of customers)."""
    found = {}
    for folder, _dirs, names in os.walk(os.path.join(site, "customers")):
        if os.path.samefile(folder, os.path.join(site, "customers")):
            continue
        for name in names:
            path = os.path.join(folder, name)
            found[os.path.relpath(path, site)] = os.stat(path).st_mtime_ns
    return found


def test_a_build_writes_again_only_the_customers_whose_pages_changed_and_gives_the_site_a_full_build_gives(
        repo: str, tmp_path: Path) -> None:
    an_hour_ago = time.time() - 3600  # records saved long enough ago for a build to trust their stat
    for folder, _dirs, names in os.walk(os.path.join(repo, "records")):
        for name in names:
            os.utime(os.path.join(folder, name), (an_hour_ago, an_hour_ago))
    site = str(tmp_path / "site")
    build_site(repo, today=f.TODAY, site_dir=site)
    first = _written(site)
    build_site(repo, today=f.TODAY, site_dir=site)
    assert _written(site) == first  # nothing changed: no customer page written again

    f._dump(os.path.join(repo, "records", "customers", "C-40004", "customer.yaml"),
            f.customer("C-40004", "Fatima Okafor", emails=["fatima@example.net"],
                       flags=[f.flag("alert", "Moved to a new address in November.", created=dt.date(2026, 10, 2))]))
    shutil.rmtree(os.path.join(repo, "records", "customers", "C-20001"))
    build_site(repo, today=f.TODAY, site_dir=site)
    after = _written(site)
    changed = sorted(path for path in after if after[path] != first.get(path))
    assert changed == [os.path.join("customers", "C-40004", "index.html")]
    assert not os.path.exists(os.path.join(site, "customers", "C-20001"))
    with open(os.path.join(site, "customers", "C-40004", "index.html"), encoding="utf-8") as handle:
        assert "Moved to a new address in November." in handle.read()
    fresh = str(tmp_path / "fresh")
    build_site(repo, today=f.TODAY, site_dir=fresh)
    assert f.site_files(site) == f.site_files(fresh)


def test_a_template_or_configuration_change_writes_every_customer_page_again(repo: str, tmp_path: Path) -> None:
    site = str(tmp_path / "site")
    build_site(repo, today=f.TODAY, site_dir=site)
    first = _written(site)
    with open(os.path.join(repo, "flagsite.yaml"), "a", encoding="utf-8") as handle:
        handle.write("\nfollow_up_days: 30\n")
    build_site(repo, today=f.TODAY, site_dir=site)
    second = _written(site)
    assert all(second[path] != first[path] for path in first)
    templates = os.path.join(repo, "site_templates")
    os.makedirs(templates)
    with open(os.path.join(os.path.dirname(fast_pages.__file__), "site_templates", "order.html"), encoding="utf-8") as handle:
        order = handle.read()
    with open(os.path.join(templates, "order.html"), "w", encoding="utf-8") as handle:
        handle.write(order + "<p>Order page of our own.</p>\n")
    build_site(repo, today=f.TODAY, site_dir=site)
    third = _written(site)
    assert all(third[path] != second[path] for path in second)
    with open(os.path.join(site, "customers", "C-30003", "orders", "SO-1", "index.html"), encoding="utf-8") as handle:
        assert "Order page of our own." in handle.read()
