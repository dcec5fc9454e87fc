"""Every kind of page on a phone (390 and 360 px wide), with values as long as real records hold.

No page may be wider than the screen (a sideways scroll hides the end of every
line), and on a customer's page the flag banner, what is due and how to reach
the customer are on the first screen. Screenshots go to ``test-output/`` for a
person to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

import site_factory as f
from flagsite.build import build_site
from test_browser import OUTPUT, REPORT_VIOLATIONS, _QuietHandler, browser  # noqa: F401 - browser is a fixture

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

PHONES: dict[str, ViewportSize] = {"390": {"width": 390, "height": 844}, "360": {"width": 360, "height": 740}}
PAGES = {
    "home": "",
    "customer with long values": "customers/C-77777/",
    "customer": "customers/C-10042/",
    "order": "customers/C-77777/orders/SO-7777-0-LONG-REFERENCE-NUMBER/",
    "workstack": "workstack/",
    "dashboards": "dashboards/",
    "all customers": "customers/",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def long_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = f.long_values_records(str(tmp_path_factory.mktemp("phone") / "repo"))
    site = build_site(root, today=f.TODAY).site_dir
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=list(PHONES))
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:  # noqa: F811 - the fixture imported above
    context = browser.new_context(viewport=PHONES[request.param], is_mobile=True, has_touch=True, device_scale_factor=2)
    context.add_init_script(REPORT_VIOLATIONS)
    opened = context.new_page()
    opened.width_name = request.param  # type: ignore[attr-defined]
    yield opened
    context.close()


# A phone lays out a page wider than its screen at the page's width (innerWidth grows with it and
# the page is shown zoomed out): the screen's own width is the measure.
WIDER_THAN_THE_SCREEN = """() => ({
    page: document.documentElement.scrollWidth, screen: window.screen.width, inner: window.innerWidth,
    wide: [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > window.screen.width + 1 && !e.closest('table'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40)),
})"""


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_is_wider_than_a_phone(phone: Page, long_site_url: str, kind: str) -> None:
    phone.goto(long_site_url + PAGES[kind])
    phone.locator(".md-content").first.wait_for(timeout=5000)
    found = phone.evaluate(WIDER_THAN_THE_SCREEN)
    os.makedirs(OUTPUT, exist_ok=True)
    phone.screenshot(path=os.path.join(OUTPUT, f"phone-{phone.width_name}-{kind.replace(' ', '-')}.png"), full_page=True)  # type: ignore[attr-defined]  # set by the phone fixture
    assert found["screen"] == PHONES[phone.width_name]["width"]  # type: ignore[attr-defined]  # set by the phone fixture
    assert found["page"] <= found["screen"] and found["inner"] <= found["screen"], found
    assert found["wide"] == [], found
    assert phone.evaluate("window.__violations") == []


def _top(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return float(box["y"])


@pytest.mark.parametrize("path", ["customers/C-77777/", "customers/C-77777/orders/SO-7777-0-LONG-REFERENCE-NUMBER/"])
def test_banner_due_items_and_contacts_are_on_a_phone_s_first_screen(phone: Page, long_site_url: str, path: str) -> None:
    phone.goto(long_site_url + path)
    height = phone.evaluate("window.innerHeight")
    assert _top(phone, ".fs-banner") < height
    assert _top(phone, ".fs-due") < height
    if "orders" not in path:
        assert _top(phone, ".fs-contacts") < height
        phone_number = phone.locator(".fs-phone").first
        assert len(phone_number.evaluate("e => [...e.getClientRects()]")) == 1, "a phone number broke across lines"


def test_wide_tables_scroll_inside_their_own_box(phone: Page, long_site_url: str) -> None:
    phone.goto(long_site_url + "workstack/")
    table = phone.locator("#workstack")
    sizes = table.evaluate("t => ({box: t.clientWidth, content: t.scrollWidth, overflow: getComputedStyle(t).overflowX})")
    assert sizes["box"] <= phone.evaluate("window.innerWidth") and sizes["overflow"] == "auto", sizes


def test_the_slash_hint_is_not_shown_on_a_touch_screen(phone: Page, long_site_url: str) -> None:
    phone.goto(long_site_url)
    assert not phone.locator(".fs-search-hint").is_visible()
