"""``flagsite serve`` with records that have errors: shown in the browser, never a request left waiting.

A real ``flagsite serve`` process and a real browser at a phone's width: the
open page reloads by itself when a record breaks, says so and links to the
list of errors, which reloads by itself when the record is fixed; the last
good records stay browsable meanwhile.
"""

from __future__ import annotations

import html
import os
import urllib.error
import urllib.request

from test_build import _preview_in_browser, _serving, repo  # noqa: F401 - repo is a fixture

CUSTOMER = os.path.join("records", "customers", "C-40004", "customer.yaml")


def _replace(root: str, path: str, old: str, new: str) -> None:
    with open(os.path.join(root, path), encoding="utf-8") as handle:
        text = handle.read()
    assert old in text
    with open(os.path.join(root, path), "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))


def _status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # a request left waiting fails here
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_an_error_made_while_previewing_shows_in_the_open_page_and_its_fix_reloads_the_list(repo: str) -> None:  # noqa: F811
    with _preview_in_browser(repo, {"width": 390, "height": 844}) as (port, page):
        page.goto(f"http://127.0.0.1:{port}/customers/C-40004/")
        page.get_by_text("Moved to a new address").first.wait_for(timeout=5000)
        _replace(repo, CUSTOMER, "type: alert", "type: On Hold")
        notice = page.locator(".fs-preview-errors")
        notice.wait_for(timeout=30000)  # the page reloaded by itself
        assert "The records have 1 error" in notice.inner_text()
        assert page.get_by_text("Moved to a new address").first.is_visible(), "the last good record is still shown"
        notice.get_by_role("link").click()
        page.wait_for_url("**/record-errors/")
        finding = page.locator(".fs-finding").first  # errors before warnings
        assert "records/customers/C-40004/customer.yaml:" in finding.inner_text()
        assert "flags → item 1 → type: found 'On Hold'" in finding.inner_text()  # in words an editor acts on
        assert "did you mean 'on-hold'?" in finding.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        _replace(repo, CUSTOMER, "type: On Hold", "type: alert")
        page.get_by_text("The records have no errors").wait_for(timeout=30000)  # reloaded by itself
        assert page.locator(".fs-finding-error").count() == 0
        assert page.evaluate("window.__violations") == []


def test_a_preview_started_on_records_with_errors_answers_every_request(repo: str) -> None:  # noqa: F811
    _replace(repo, os.path.join("records", "customers", "C-20001", "customer.yaml"), "type: manager", "type: On Hold")
    with _serving(repo) as (port, log):
        base = f"http://127.0.0.1:{port}"
        status, errors = _status(f"{base}/record-errors/")
        assert status == 200 and "records/customers/C-20001/customer.yaml:" in errors
        assert "flags → item 1 → type: found 'On Hold'; expected one of: " in html.unescape(errors)
        assert "did you mean 'on-hold'?" in html.unescape(errors)
        status, home = _status(f"{base}/")
        assert status == 200 and "fs-preview-errors" in home and "record-errors/" in home
        assert _status(f"{base}/customers/C-20001/")[0] == 404  # what cannot be read is not made up
    assert "records/customers/C-20001/customer.yaml:" in log[0] and "Traceback" not in log[0]

