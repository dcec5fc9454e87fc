"""The built demo site in headless Chromium: what staff see and do on a busy day.

Needs Debian's ``chromium`` and the ``playwright`` package (which drives the
system browser; no browser download). A screenshot of a flagged customer's
page is saved under ``test-output/`` for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

import site_factory as f
from site_factory import demo_records

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")

from flagsite.build import build_site  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page


def _dismiss(opened: Page, dialog: Dialog) -> None:
    opened.dialogs.append(dialog.message)  # type: ignore[attr-defined]
    dialog.dismiss()

OUTPUT = os.path.join(os.path.dirname(__file__), "..", "..", "test-output")
XSS = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2;alert(2)</script>'
XSS_MD = '[x](javascript:alert(3)) {: onmouseover="window.__xss=3;alert(4)" }\n\n# T {: onclick=alert(5) }'
RED = "rgb(198, 40, 40)"
INJECTED = "<script>window.__injected = 1</script>"


def _xss_customer() -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    customer = f.customer("X-1", f"Eve {XSS}", emails=["eve@example.com"],
                          flags=[f.flag("warning", f"Reason {XSS}", guidance=f"Guide {XSS_MD}")],
                          preferences=[{"text": f"Pref {XSS_MD}"}])
    note = f.note("2026-11-01T10:00:00+00:00", reason=f"Why {XSS}", resolution=[XSS_MD, "{{ 7*7 }} {% raw %}"],
                  contact={"name": f"Contact {XSS}", "relationship": "</div></section>"}, internal=XSS_MD)
    return customer, [("call", note)]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = demo_records(str(tmp_path_factory.mktemp("browser") / "repo"))
    customer, notes = _xss_customer()
    f.write_repository(root, [customer], {"X-1": notes}, policy=False)
    os.makedirs(os.path.join(root, "docs"))
    with open(os.path.join(root, "docs", "guide.md"), "w", encoding="utf-8") as handle:
        handle.write(f"# Guide\n\n{INJECTED}\n")  # a hand-written page holding a script that should not be there
    return build_site(root, today=f.TODAY).site_dir


@pytest.fixture(scope="module")
def site_url(built_site: str) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=built_site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.dialogs = []  # type: ignore[attr-defined]
    opened.on("dialog", lambda dialog: _dismiss(opened, dialog))
    yield opened
    context.close()


def test_banner_is_the_first_thing_on_a_flagged_customers_page_and_red_when_on_hold(page: Page, site_url: str) -> None:
    page.goto(site_url + "customers/C-10042/")
    first = page.evaluate("document.querySelector('.md-content__inner .fs-page').firstElementChild.className")
    assert "fs-banner" in first
    flag = page.locator('[data-flag-type="on-hold"]')
    assert flag.evaluate("e => getComputedStyle(e).backgroundColor") == RED
    box = flag.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900, "the banner must be seen without scrolling"
    above = page.evaluate(
        """() => {
            const banner = document.querySelector('.fs-banner').getBoundingClientRect().top;
            return [...document.querySelectorAll('.md-content__inner *')]
                .filter(e => !e.closest('.fs-banner') && e.getBoundingClientRect().height > 0)
                .filter(e => e.getBoundingClientRect().top < banner).map(e => e.tagName);
        }"""
    )
    assert above == [], f"content above the banner: {above}"
    assert "Invoices INV-2031" in flag.inner_text() and "ON HOLD" in flag.inner_text().upper()
    os.makedirs(OUTPUT, exist_ok=True)
    page.screenshot(path=os.path.join(OUTPUT, "customer-C-10042.png"), full_page=True)


def test_searching_an_email_finds_its_customer(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.fill("#fs-search-input", "maria@example.org")
    result = page.locator("a.fs-result").first
    result.wait_for(timeout=5000)
    assert page.locator("a.fs-result").count() == 1
    assert "Maria Garcia" in result.inner_text()
    result.click()
    page.wait_for_url("**/customers/C-20001/")
    assert page.locator('[data-flag-type="manager"]').count() >= 1


@pytest.mark.parametrize("query, customer", [("C-30003", "C-30003"), ("c30003", "C-30003"), ("555 0303", "C-30003"), ("okafor", "C-40004")])
def test_searching_an_id_phone_or_name_finds_its_customer(page: Page, site_url: str, query: str, customer: str) -> None:
    page.goto(site_url)
    page.fill("#fs-search-input", query)
    page.locator("a.fs-result").first.wait_for(timeout=5000)
    hrefs = page.eval_on_selector_all("a.fs-result", "links => links.map(a => a.getAttribute('href'))")
    assert [h for h in hrefs if f"/customers/{customer}/" in h], hrefs


def test_a_name_nobody_has_says_no_customer_found_and_nothing_more(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.fill("#fs-search-input", "zzyzx")
    message = page.locator("#fs-search-results p.fs-muted")
    message.wait_for(timeout=5000)
    assert message.inner_text() == "No customer found."
    assert page.locator("a.fs-result").count() == 0


def test_what_is_typed_right_after_slash_is_kept_and_searched(page: Page, site_url: str) -> None:
    """Keys typed at once after "/" on a customer's page (no wait for anything) all reach the search."""
    page.goto(site_url + "customers/C-10042/")
    page.keyboard.press("/")
    page.keyboard.type("okafor")
    page.locator("a.fs-result").first.wait_for(timeout=5000)
    assert page.locator("#fs-search-input").input_value() == "okafor"
    assert "/customers/C-40004/" in (page.locator("a.fs-result").first.get_attribute("href") or "")
    page.keyboard.press("Enter")  # the first result, as on the home page
    page.wait_for_url("**/customers/C-40004/")


def test_slash_on_the_home_page_focuses_its_search(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("#fs-search-input").evaluate("input => input.blur()")
    page.keyboard.press("/")
    page.keyboard.type("okafor")
    assert page.locator("#fs-search-input").count() == 1 and page.locator("#fs-search-input").input_value() == "okafor"


def test_the_site_opened_from_disk_says_how_to_look_at_it(page: Page, built_site: str) -> None:
    page.goto("file://" + os.path.join(built_site, "index.html"))
    notice = page.locator(".fs-opened-from-disk")
    notice.wait_for(timeout=5000)
    assert "flagsite serve" in notice.inner_text() and "http.server" in notice.inner_text()


def test_workstack_sorts_by_a_column(page: Page, site_url: str) -> None:
    page.goto(site_url + "workstack/")
    ids = "() => [...document.querySelectorAll('#workstack tbody tr')].map(r => r.dataset.customerId)"
    assert page.evaluate(ids) == ["C-10042", "X-1", "C-20001", "C-40004"]  # most severe first
    header = page.locator("#workstack th", has_text="Id")
    header.click()
    assert page.evaluate(ids) == ["C-10042", "C-20001", "C-40004", "X-1"]
    header.click()
    assert page.evaluate(ids) == ["X-1", "C-40004", "C-20001", "C-10042"]
    assert header.get_attribute("aria-sort") == "descending"


def test_xss_record_fires_no_dialog_and_adds_no_element(page: Page, site_url: str) -> None:
    page.goto(site_url + "customers/X-1/")
    for flag in page.locator(".fs-page *").all()[:60]:
        if flag.is_visible():
            flag.hover()
    page.goto(site_url)
    page.fill("#fs-search-input", "eve")
    page.locator("a.fs-result").first.wait_for(timeout=5000)
    page.locator("a.fs-result").first.hover()
    page.goto(site_url + "workstack/")
    page.goto(site_url + "customers/X-1/")
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.evaluate("window.__xss") is None
    found = page.evaluate(
        """() => ({
            scripts: document.querySelectorAll('.md-content script, .md-content img, .md-content iframe').length,
            handlers: [...document.querySelectorAll('.md-content *')]
                .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            jsLinks: [...document.querySelectorAll('.md-content a')]
                .filter(a => (a.getAttribute('href') || '').trim().toLowerCase().startsWith('javascript:')).length,
            name: document.querySelector('.fs-name').textContent,
        })"""
    )
    assert found["scripts"] == 0 and found["handlers"] == 0 and found["jsLinks"] == 0
    assert "<script>window.__xss=2" in found["name"]


@pytest.mark.parametrize("path", ["dashboards/", "workstack/", "customers/C-10042/"])
def test_ids_and_rule_codes_are_never_broken_across_lines(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 900, "height": 900})
    opened = context.new_page()
    opened.goto(site_url + path)
    broken = opened.evaluate(
        """() => [...document.querySelectorAll('.md-content .fs-id, .md-content .fs-table code')]
            .filter(e => e.getClientRects().length > 1).map(e => e.textContent)"""
    )
    context.close()
    assert broken == []


def test_banner_icon_keeps_its_size_on_a_narrow_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800})
    opened = context.new_page()
    opened.goto(site_url + "customers/C-10042/")
    width = opened.locator('[data-flag-type="on-hold"] .fs-icon svg').evaluate("e => e.getBoundingClientRect().width")
    context.close()
    assert width >= 20


# Every kind of page, and what shows its scripts ran under the policy.
PAGE_KINDS = {
    "home": ("", "#fs-search-input"),
    "customer": ("customers/C-10042/", '[data-flag-type="on-hold"]'),
    "order": ("customers/C-30003/orders/SO-1/", ".fs-banner"),
    "workstack": ("workstack/", "#workstack th[aria-sort], #workstack th"),
    "dashboards": ("dashboards/", ".fs-page svg"),
    "all customers": ("customers/", ".fs-page"),
    "not found": ("404.html", ".md-content"),  # what a web server sends for a missing page
}
REPORT_VIOLATIONS = """
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
        e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));
"""


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records every policy violation, from the event and from the console."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(REPORT_VIOLATIONS)
    opened = context.new_page()
    console: list[str] = []
    opened.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    opened.on("pageerror", lambda error: console.append(f"script error: {error}"))
    yield opened, console
    context.close()


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_page_kind_runs_under_the_policy_with_nothing_blocked(watched: tuple[Page, list[str]], site_url: str, kind: str) -> None:
    opened, console = watched
    path, shown = PAGE_KINDS[kind]
    opened.goto(site_url + path)
    opened.locator(shown).first.wait_for(timeout=5000)
    assert opened.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    # The theme's own script ran (it replaces no-js), and so did its moved inline scripts.
    assert opened.evaluate("!document.documentElement.classList.contains('no-js') && typeof __md_scope === 'object'")
    if kind == "workstack":
        opened.locator("#workstack th", has_text="Id").click()
        assert opened.locator("#workstack th[aria-sort]").count() == 1
    assert opened.evaluate("window.__violations") == [] and console == []


def test_search_in_use_runs_under_the_policy_with_nothing_blocked(watched: tuple[Page, list[str]], site_url: str) -> None:
    opened, console = watched
    opened.goto(site_url + "customers/C-10042/")
    opened.keyboard.press("/")  # the search opens on this page
    opened.fill("#fs-search-input", "maria@example.org")
    opened.locator("a.fs-result").first.wait_for(timeout=5000)
    opened.locator("a.fs-result").first.click()
    opened.wait_for_url("**/customers/C-20001/")
    assert opened.evaluate("window.__violations") == [] and console == []


def test_an_inline_script_would_be_blocked_and_reported(watched: tuple[Page, list[str]], site_url: str) -> None:
    """The check above can see a violation: the policy is in force, not merely present."""
    opened, _console = watched
    opened.goto(site_url + "customers/C-10042/")
    opened.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
    opened.wait_for_function("window.__violations.length > 0", timeout=5000)
    assert opened.evaluate("window.__ran") is None
    assert any("script-src" in v for v in opened.evaluate("window.__violations"))


def test_a_script_that_reached_a_page_s_body_is_blocked(watched: tuple[Page, list[str]], site_url: str) -> None:
    opened, _ = watched
    opened.goto(site_url + "guide/")
    opened.wait_for_function("window.__violations.length > 0", timeout=5000)
    assert opened.evaluate("window.__injected") is None
    assert any(v.startswith("script-src") for v in opened.evaluate("window.__violations"))
