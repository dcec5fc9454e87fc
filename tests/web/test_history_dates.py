"""The History section's dates in Chromium, on a phone and on a desk: each date on one line.

A date broken at its hyphen ("2026-" above "11-22") reads as two values. The
site is built from a real Git repository whose commits carry long messages and
a merge (so a change shows when it landed too), which squeeze the date column.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from flagsite.build import build_site
from test_browser import _QuietHandler, browser  # noqa: F401 - browser is a fixture

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ViewportSize

SCREENS: dict[str, ViewportSize] = {"phone 360": {"width": 360, "height": 740}, "desk 1280": {"width": 1280, "height": 900}}
CUSTOMER = "id: C-1\nname: Ann Example\ncontacts:\n  emails: [ann@example.com]\n"
FLAG = ("flags:\n  - type: on-hold\n    reason: Invoice INV-7 unpaid for more than 60 days.\n"
        "    created: 2026-06-03\n    created_by: max\n")
LONG = "Put the account on hold until the overdue invoices INV-7, INV-8 and INV-9 are settled by Accounts"


def _git(root: Path, *args: str, date: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Dana Editor-Featherstonehaugh", GIT_AUTHOR_EMAIL="dana@example.com", GIT_AUTHOR_DATE=date,
               GIT_COMMITTER_NAME="Dana Editor-Featherstonehaugh", GIT_COMMITTER_EMAIL="dana@example.com", GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def history_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("history") / "repo"
    folder = root / "records/customers/C-1"
    folder.mkdir(parents=True)
    (folder / "customer.yaml").write_text(CUSTOMER)
    _git(root, "init", "-q", "-b", "main", date="2026-06-03T10:00:00+00:00")
    _git(root, "add", "-A", date="2026-06-03T10:00:00+00:00")
    _git(root, "commit", "-q", "-m", "Add Ann Example", date="2026-06-03T10:00:00+00:00")
    _git(root, "switch", "-q", "-c", "hold", date="2026-06-03T10:00:00+00:00")
    (folder / "customer.yaml").write_text(CUSTOMER + FLAG)
    _git(root, "commit", "-q", "-am", LONG, date="2026-11-21T09:00:00+00:00")
    _git(root, "switch", "-q", "main", date="2026-11-22T09:00:00+00:00")
    _git(root, "merge", "-q", "--no-ff", "-m", "Merge the hold", "hold", date="2026-11-22T09:00:00+00:00")
    site = build_site(str(root)).site_dir
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_history_date_stands_on_one_line(browser: Browser, history_url: str, screen: str) -> None:  # noqa: F811 - the fixture imported above
    context = browser.new_context(viewport=SCREENS[screen])
    opened = context.new_page()
    opened.goto(history_url + "customers/C-1/")
    dates = opened.evaluate(
        """() => [...document.querySelectorAll('#history td.fs-date time')].map(t => ({
            text: t.textContent, lines: t.getClientRects().length,
            height: t.getBoundingClientRect().height, line: parseFloat(getComputedStyle(t).lineHeight) || 0}))"""
    )
    context.close()
    assert len(dates) >= 3, dates  # two written, one landed
    assert "2026-11-22" in [d["text"] for d in dates]
    broken = [d for d in dates if d["lines"] != 1 or (d["line"] and d["height"] > 1.5 * d["line"])]
    assert broken == [], broken
