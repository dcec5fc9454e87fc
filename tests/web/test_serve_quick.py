"""``flagsite serve`` rebuilds what a saved record changed: real serve processes on real Git repositories.

Each test edits records as an editor saves them and polls the served pages until they
show the change (no timing is asserted). The log says which rebuild ran: "rebuilt N
customer(s)" is the quick one (src/flagsite/live.py), "Building documentation" the
engine's whole build.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
import yaml

import site_factory as f
from test_site_dir import snapshot

TODAY = f.TODAY.isoformat()
# The engine stamps the sitemap with the build's time: fixed, so that two builds can be compared.
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1790000000")
QUICK = re.compile(r"rebuilt (\d+) customer\(s\)")
WHOLE = "Building documentation"


@dataclass
class Served:
    port: int
    log_path: str

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def log(self) -> str:
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def site_dir(self) -> str:
        found = re.search(r"the preview's pages are written in (\S+)", self.log())
        assert found is not None, self.log()
        return found.group(1)

    def quick_rebuilds(self) -> list[int]:
        return [int(count) for count in QUICK.findall(self.log())]

    def whole_builds(self) -> int:
        return self.log().count(WHOLE)


def _status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def _until(check: Callable[[], object], what: str, seconds: float = 120) -> None:
    """Poll ``check()`` until it holds; fail naming ``what`` when it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"never happened: {what}")


def _shows(served: Served, path: str, text: str, *, present: bool = True) -> None:
    _until(lambda: (text in _status(served.url(path))[1]) == present, f"{path} {'shows' if present else 'no longer shows'} {text!r}")


@contextlib.contextmanager
def serving(repo: str, port: int | None = None) -> Iterator[Served]:
    port = port or f.free_port()
    script = shutil.which("flagsite", path=os.path.dirname(sys.executable))
    assert script is not None
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as log:
        server = subprocess.Popen([script, "--root", repo, "serve", "--port", str(port), "--today", TODAY],
                                  stdout=subprocess.DEVNULL, stderr=log, env=ENV)
    served = Served(port, log.name)
    try:
        _until(lambda: _status(served.url(""))[0] == 200 or server.poll() is not None, "the preview came up")
        assert server.poll() is None, served.log()
        yield served
    finally:
        server.terminate()
        server.wait(timeout=30)
        assert "Traceback" not in served.log(), served.log()
        os.remove(log.name)


def _edit(root: str, path: str, old: str, new: str) -> None:
    """Rewrite a record file as an editor saves it."""
    full = os.path.join(root, path)
    with open(full, encoding="utf-8") as handle:
        text = handle.read()
    assert old in text, (path, old)
    with open(full, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))


def _own_template(repo: str, name: str) -> str:
    """Give the repository its own copy of the packaged template ``name``; returns its text."""
    text = resources.files("flagsite").joinpath("site_templates", name).read_text(encoding="utf-8")
    os.makedirs(os.path.join(repo, "site_templates"), exist_ok=True)
    with open(os.path.join(repo, "site_templates", name), "w", encoding="utf-8") as handle:
        handle.write(text)
    return text


@pytest.fixture
def repo(tmp_path: Path, demo_root: str) -> str:
    target = str(tmp_path / "repo")
    shutil.copytree(demo_root, target)
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run(["git", "add", "-A"], cwd=target, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "records"], cwd=target, check=True)
    return target


C40004 = os.path.join("records", "customers", "C-40004", "customer.yaml")
C30003 = os.path.join("records", "customers", "C-30003", "customer.yaml")
C10042_NOTES = os.path.join("records", "customers", "C-10042", "notes")
ORDERS = os.path.join("records", "orders", "orders.csv")


def test_saved_records_show_after_quick_rebuilds_and_the_site_is_the_one_a_fresh_preview_builds(repo: str) -> None:
    with serving(repo) as served:
        whole = served.whole_builds()
        _edit(repo, C40004, "Moved to a new address", "Moved to Lisbon")  # a flag reason: the page and the workstack
        _shows(served, "customers/C-40004/", "Moved to Lisbon")
        _shows(served, "workstack/", "Moved to Lisbon")
        note = f.note("2026-11-02T10:00:00Z", reason="Asked for a copy of the invoice.", resolution=["Sent the invoice by email."])
        with open(os.path.join(repo, C10042_NOTES, "2026-11-02-invoice-copy.yaml"), "w", encoding="utf-8") as handle:
            yaml.safe_dump(note, handle, sort_keys=False)  # a new note
        _shows(served, "customers/C-10042/", "Asked for a copy of the invoice.")
        _edit(repo, C30003, "wei.chen@example.com", "wei.chen@example.org")  # what the customer finder's index holds
        _until(lambda: "wei.chen@example.org" in json.dumps([_status(served.url(f"assets/flagsite/search/t/{key}.json"))[1] for key in ("w", "we", "wei")]),
               "the search index holds the new address")
        os.remove(os.path.join(repo, C10042_NOTES, "2026-11-02-invoice-copy.yaml"))  # a note removed
        _shows(served, "customers/C-10042/", "Asked for a copy of the invoice.", present=False)
        _edit(repo, ORDERS, "SO-1,C-30003,2026-07-01,900.00,USD,shipped", "SO-1,C-30003,2026-07-01,900.00,USD,returned")  # an order row
        _shows(served, "customers/C-30003/orders/SO-1/", "<dd>returned</dd>")
        assert served.quick_rebuilds() == [1, 1, 1, 1, 1], served.log()
        assert served.whole_builds() == whole, "no edit needed the engine's whole build"
        quick = snapshot(served.site_dir())
        port = served.port
    with serving(repo, port) as fresh:  # the same address: every page names it
        whole_site = snapshot(fresh.site_dir())
    # The record of what the pages were made from lists the same things, in the order each build met them.
    record = ".flagsite-pages.json"
    assert json.loads(quick.pop(record)) == json.loads(whole_site.pop(record))
    assert sorted(quick) == sorted(whole_site)
    differ = [path for path in quick if quick[path] != whole_site[path]]
    assert differ == [], differ


def test_a_record_broken_while_previewing_is_listed_and_the_last_good_page_stays(repo: str) -> None:
    with serving(repo) as served:
        _edit(repo, C40004, "type: alert", "type: On Hold")
        _shows(served, "record-errors/", "records/customers/C-40004/customer.yaml:")
        status, page = _status(served.url("customers/C-40004/"))
        assert status == 200 and "Moved to a new address" in page and "fs-preview-errors" in page
        _edit(repo, C40004, "Moved to a new address", "Moved to Porto")  # still broken: the last good record stays
        _until(lambda: len(served.quick_rebuilds()) == 1, "a quick rebuild of the list of errors")
        assert "Moved to Porto" not in _status(served.url("customers/C-40004/"))[1]
        _edit(repo, C40004, "type: On Hold", "type: alert")
        _shows(served, "record-errors/", "The records have no errors")
        _shows(served, "customers/C-40004/", "Moved to Porto")
        assert "fs-preview-errors" not in _status(served.url("customers/C-40004/"))[1]


def test_a_template_or_configuration_change_rebuilds_every_page(repo: str) -> None:
    _own_template(repo, "customer.html")
    with serving(repo) as served:
        whole = served.whole_builds()
        _edit(repo, os.path.join("site_templates", "customer.html"), "<h2>Notes</h2>", "<h2>Notes on file</h2>")
        for customer_id in ("C-10042", "C-20001", "C-30003", "C-40004"):
            _shows(served, f"customers/{customer_id}/", "Notes on file")
        assert "P108" in _status(served.url("record-errors/"))[1]
        with open(os.path.join(repo, "flagsite.yaml"), "w", encoding="utf-8") as handle:
            yaml.safe_dump({"policy": {"rules": {"P108": {"enabled": False}}}}, handle)
        _shows(served, "record-errors/", "P108", present=False)
        assert served.whole_builds() == whole + 2 and served.quick_rebuilds() == []


def test_a_customer_folder_added_and_one_removed_are_served(repo: str) -> None:
    with serving(repo) as served:
        added = f.customer("C-50005", "Ingrid Berg", emails=["ingrid@example.org"],
                           flags=[f.flag("important", "Chairs the friends' association.", created=f.TODAY)])
        f.write_repository(repo, [added])
        _shows(served, "customers/C-50005/", "Chairs the friends&#39; association.")
        _shows(served, "customers/", "C-50005")
        assert _status(served.url("customers/C-30003/orders/SO-1/"))[0] == 200
        shutil.rmtree(os.path.join(repo, "records", "customers", "C-30003"))
        with open(os.path.join(repo, "records", "orders", "orders.csv"), encoding="utf-8") as handle:
            rows = [line for line in handle if ",C-30003," not in line]
        with open(os.path.join(repo, "records", "orders", "orders.csv"), "w", encoding="utf-8") as handle:
            handle.writelines(rows)
        _until(lambda: _status(served.url("customers/C-30003/"))[0] == 404, "the removed customer's page is gone")
        assert _status(served.url("customers/C-30003/orders/SO-1/"))[0] == 404
        _shows(served, "customers/", "C-30003", present=False)
        _shows(served, "customers/", "C-50005")


def test_a_failed_rebuild_leaves_every_page_of_the_last_site_and_the_next_one_writes_them_again(repo: str) -> None:
    order_page = _own_template(repo, "order.html")
    templates = os.path.join(repo, "site_templates")
    with serving(repo) as served:
        order = served.url("customers/C-30003/orders/SO-1/")
        assert _status(order)[0] == 200
        with open(os.path.join(templates, "order.html"), "a", encoding="utf-8") as handle:
            handle.write("{{ no_such_value }}\n")  # every order page now stops the build
        _until(lambda: "the preview could not be rebuilt ('no_such_value' is undefined)" in served.log(), "the rebuild failed")
        assert _status(order)[0] == 200, "the last site keeps its order pages"
        with open(os.path.join(templates, "order.html"), "w", encoding="utf-8") as handle:
            handle.write(order_page.replace("</h1>", " of record</h1>", 1))
        _shows(served, "customers/C-30003/orders/SO-1/", "of record</h1>")
        _edit(repo, C30003, "wei.chen@example.com", "wei.chen@example.org")  # the same pages, once the failure is over
        _until(lambda: len(served.quick_rebuilds()) == 1, "a quick rebuild")
        status, page = _status(order)
        assert status == 200 and "of record</h1>" in page
