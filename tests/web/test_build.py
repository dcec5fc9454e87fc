"""flagsite build / mkdocs build: real builds of real repositories in temporary folders."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from click.testing import CliRunner, Result

import site_factory as f
from flagsite.cli.main import cli, main
from flagsite.render import SCRIPTS, STYLE, render_site, write_site
from flagsite.repository import load_repository

if TYPE_CHECKING:
    from playwright.sync_api import Page, ViewportSize

TODAY = f.TODAY.isoformat()


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def repo(tmp_path: Path, demo_root: str) -> str:
    target = str(tmp_path / "repo")
    shutil.copytree(demo_root, target)
    return target


def test_build_without_configuration_writes_the_site_into_root_site(repo: str) -> None:
    result = run("--root", repo, "build", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "4 customer(s)" in result.output
    page = os.path.join(repo, "site", "customers", "C-10042", "index.html")
    with open(page, encoding="utf-8") as handle:
        html = handle.read()
    assert 'data-flag-type="on-hold"' in html and "assets/flagsite/flagsite.css" in html
    for name in ("index.html", "workstack/index.html", "dashboards/index.html", "assets/flagsite/search/manifest.json"):
        assert os.path.exists(os.path.join(repo, "site", name)), name


_FROM_ANOTHER_HOST = re.compile(r'<(?:link|script)\b[^>]*\b(?:href|src)="(?:https?:)?//[^"]*"')


@pytest.mark.parametrize("config", ["packaged default", "this repository's mkdocs.yml"])
def test_no_page_loads_anything_from_another_host(repo: str, config: str) -> None:
    """The site is internal and may run offline: no fonts, styles or scripts from a CDN."""
    if config != "packaged default":
        project = os.path.join(os.path.dirname(__file__), "..", "..")
        shutil.copy(os.path.join(project, "mkdocs.yml"), os.path.join(repo, "mkdocs.yml"))
        os.makedirs(os.path.join(repo, "site_docs"))
    assert run("--root", repo, "build", "--today", TODAY).exit_code == 0
    found = []
    for folder, _dirs, names in os.walk(os.path.join(repo, "site")):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    found += _FROM_ANOTHER_HOST.findall(handle.read())
    assert found == []


def test_customer_pages_stay_out_of_the_navigation(repo: str) -> None:
    assert run("--root", repo, "build", "--today", TODAY).exit_code == 0
    with open(os.path.join(repo, "site", "workstack", "index.html"), encoding="utf-8") as handle:
        html = handle.read()
    nav_links = re.findall(r'<a href="([^"]*)" class="md-(?:nav|tabs)__link', html)
    assert {"../dashboards/", "../customers/"} <= set(nav_links)
    assert not [link for link in nav_links if "C-" in link]


def test_records_with_errors_are_refused_naming_file_line_and_column(repo: str, tmp_path: Path) -> None:
    path = os.path.join(repo, "records", "customers", "C-40004", "customer.yaml")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("type: alert", "type: no-such-type"))
    result = run("--root", repo, "build", "--today", TODAY)
    assert result.exit_code == 1
    assert "records/customers/C-40004/customer.yaml:" in result.output and "R005" in result.output
    assert "not built" in result.output
    assert not os.path.exists(os.path.join(repo, "site"))


def test_build_refusal_exit_status_through_main(repo: str) -> None:
    with open(os.path.join(repo, "records", "customers", "C-30003", "customer.yaml"), "a", encoding="utf-8") as handle:
        handle.write("unknown_key: 1\n")
    script = shutil.which("flagsite", path=os.path.dirname(sys.executable))
    assert script is not None
    done = subprocess.run([script, "--root", repo, "build"], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "C-30003/customer.yaml:" in done.stderr


def test_own_mkdocs_yml_is_used_and_mkdocs_build_runs_the_plugin(repo: str) -> None:
    config = {"site_name": "Box office", "theme": {"name": "material"}, "docs_dir": "pages",
              "plugins": [{"flagsite": {"today": TODAY}}], "watch": ["records"]}
    os.makedirs(os.path.join(repo, "pages"))
    with open(os.path.join(repo, "pages", "index.md"), "w", encoding="utf-8") as handle:
        handle.write("# Our own front page\n")
    with open(os.path.join(repo, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle)
    mkdocs = shutil.which("mkdocs", path=os.path.dirname(sys.executable))
    assert mkdocs is not None
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([mkdocs, "build", "--strict"], cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    with open(os.path.join(repo, "site", "index.html"), encoding="utf-8") as handle:
        assert "Our own front page" in handle.read()
    with open(os.path.join(repo, "site", "customers", "C-20001", "index.html"), encoding="utf-8") as handle:
        assert 'data-flag-type="manager"' in handle.read()


def test_mkdocs_build_with_the_plugin_refuses_bad_records(repo: str) -> None:
    with open(os.path.join(repo, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump({"site_name": "x", "docs_dir": "pages", "plugins": ["flagsite"]}, handle)
    os.makedirs(os.path.join(repo, "pages"))
    with open(os.path.join(repo, "records", "customers", "C-30003", "customer.yaml"), "a", encoding="utf-8") as handle:
        handle.write("unknown_key: 1\n")
    mkdocs = shutil.which("mkdocs", path=os.path.dirname(sys.executable))
    assert mkdocs is not None
    done = subprocess.run([mkdocs, "build"], cwd=repo, capture_output=True, text=True, check=False,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert done.returncode != 0
    assert "C-30003/customer.yaml:" in done.stderr and "not built" in done.stderr


def test_own_mkdocs_yml_without_the_plugin_is_a_clear_error(repo: str, capsys: pytest.CaptureFixture[str]) -> None:
    os.makedirs(os.path.join(repo, "docs"))
    with open(os.path.join(repo, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump({"site_name": "x", "plugins": ["search"]}, handle)
    with pytest.raises(SystemExit) as stopped:
        main(["--root", repo, "build"])
    assert stopped.value.code == 1
    assert "does not enable the flagsite plugin" in capsys.readouterr().err


def test_repository_templates_override_the_packaged_ones(repo: str) -> None:
    os.makedirs(os.path.join(repo, "site_templates"))
    with open(os.path.join(repo, "site_templates", "home.html"), "w", encoding="utf-8") as handle:
        handle.write("<div class=\"own-home\">Box office desk: {{ catalog.customers|length }} customers</div>\n")
    assert run("--root", repo, "build", "--today", TODAY).exit_code == 0
    with open(os.path.join(repo, "site", "index.html"), encoding="utf-8") as handle:
        assert "Box office desk: 4 customers" in handle.read()


def test_generated_pages_also_build_with_zensical(demo_root: str, tmp_path: Path) -> None:
    zensical = shutil.which("zensical", path=os.path.dirname(sys.executable)) or shutil.which("zensical")
    if zensical is None:
        pytest.skip("zensical is not installed (pip install -e '.[test]')")
    result = load_repository(demo_root, today=f.TODAY)
    project = tmp_path / "zensical"
    write_site(render_site(result.catalog), str(project / "docs"))
    with open(project / "mkdocs.yml", "w", encoding="utf-8") as handle:
        yaml.safe_dump({"site_name": "Customer flags", "theme": {"name": "material"}, "extra_css": [STYLE],
                        "extra_javascript": list(SCRIPTS)}, handle)
    done = subprocess.run([zensical, "build"], cwd=project, capture_output=True, text=True, check=False,
                          env=dict(os.environ, NO_COLOR="1"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Warning" not in done.stdout + done.stderr, done.stdout  # e.g. a broken anchor
    with open(project / "site" / "customers" / "C-10042" / "index.html", encoding="utf-8") as handle:
        html = handle.read()
    assert 'data-flag-type="on-hold"' in html and "fs-sev-block" in html
    assert html.index('class="fs-banner') < html.index('class="fs-name')
    assert (project / "site" / "assets" / "flagsite" / "search" / "manifest.json").exists()


def _fetch(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode())
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 120, server: subprocess.Popen[bytes] | None = None) -> bool:
    """Whether ``url`` shows ``text`` within ``seconds``: long, as a build takes ten times longer on a loaded machine.

    Gives up at once when ``server`` has ended, so that a preview that failed is not waited for.
    """
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (server is None or server.poll() is None):
        if text in _fetch(url):
            return True
        time.sleep(0.3)
    return False


@contextlib.contextmanager
def _serving(repo: str) -> Iterator[tuple[int, list[str]]]:
    """A real ``flagsite serve`` of ``repo``, up: yields its port, then its log once stopped."""
    port = f.free_port()
    script = shutil.which("flagsite", path=os.path.dirname(sys.executable))
    assert script is not None
    log: list[str] = []
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a pipe read only at the end could fill and stall the server
        server = subprocess.Popen([script, "--root", repo, "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=errors, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        try:
            up = _wait_for(f"http://127.0.0.1:{port}/customers/C-40004/", "Moved to a new address", server=server)
            assert up, f"the preview did not come up (exit status {server.poll()})"
            yield port, log
        finally:
            server.terminate()
            server.wait(timeout=60)
            errors.seek(0)
            log.append(errors.read().decode("utf-8", "replace"))


def test_serve_rebuilds_when_a_record_changes(repo: str) -> None:
    with _serving(repo) as (port, _):
        url = f"http://127.0.0.1:{port}/customers/C-40004/"
        path = os.path.join(repo, "records", "customers", "C-40004", "customer.yaml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace("Moved to a new address", "Moved abroad"))
        assert _wait_for(url, "Moved abroad"), "the preview did not rebuild after the record changed"


@contextlib.contextmanager
def _preview_in_browser(repo: str, viewport: ViewportSize | None = None) -> Iterator[tuple[int, Page]]:
    """A real ``flagsite serve`` of ``repo`` and a Chromium page that records policy violations: yields (port, page)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    from test_browser import REPORT_VIOLATIONS

    with _serving(repo) as (port, _), sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                             "--disable-background-networking"])
        try:
            page = browser.new_page(viewport=viewport) if viewport else browser.new_page()
            page.add_init_script(REPORT_VIOLATIONS)
            yield port, page
        finally:
            browser.close()


def test_serve_reloads_the_open_page_under_its_policy_when_a_record_changes(repo: str) -> None:
    """The preview's live reload is an inline script: its page's policy allows that one script by hash."""
    with _preview_in_browser(repo) as (port, page):
        page.goto(f"http://127.0.0.1:{port}/customers/C-40004/")
        page.get_by_text("Moved to a new address").first.wait_for(timeout=5000)
        path = os.path.join(repo, "records", "customers", "C-40004", "customer.yaml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace("Moved to a new address", "Moved abroad"))
        page.get_by_text("Moved abroad").first.wait_for(timeout=30000)  # no reload by the test: the page's own
        assert page.evaluate("window.__violations") == []


def test_serve_answers_any_request_path_plainly_and_never_with_a_traceback(repo: str) -> None:
    import http.client

    with _serving(repo) as (port, log):
        answers = {}
        for path in ["/%00", "/customers/%00/", "/..%2f..%2fetc/passwd", "/../../etc/passwd", "/%ff", "/customers/%c3%28/",
                     "/" + "a" * 5000, "/%1b]0;PWNED%07", "/no-such-page/"]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            answers[path[:40]] = (response.status, response.read())
            connection.close()
    assert all(status in (400, 404) for status, _ in answers.values()), answers
    assert all(b"Traceback" not in body for _, body in answers.values())
    assert answers["/%00"][0] == 400 and answers["/%ff"][0] == 400
    assert "Traceback" not in log[0] and "Internal Server Error" not in log[0], log


def test_zero_configuration_build_works_from_the_wheel(demo_root: str, tmp_path: Path) -> None:
    """Defaults, templates and assets ship inside the wheel, not only in a source checkout."""
    project = os.path.join(os.path.dirname(__file__), "..", "..")
    wheels, target = tmp_path / "wheels", tmp_path / "installed"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), project], check=True,
                   capture_output=True)
    (wheel,) = wheels.glob("flagsite-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True)
    repo = tmp_path / "repo"
    shutil.copytree(demo_root, repo)
    code = ("import flagsite, sys; assert flagsite.__file__.startswith(sys.argv[1]), flagsite.__file__; "
            "from flagsite.cli.main import main; main(['--root', sys.argv[2], 'build'])")
    env = dict(os.environ, PYTHONPATH=str(target), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-c", code, str(target), str(repo)], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert (repo / "site" / "assets" / "flagsite" / "search.js").exists()
    assert 'data-flag-type="on-hold"' in (repo / "site" / "customers" / "C-10042" / "index.html").read_text(encoding="utf-8")


def test_build_adds_the_history_it_is_given(repo: str) -> None:
    from flagsite.build import build_site

    history = {"C-20001": [{"sha": "0123456789abcdef", "date": "2026-07-01T09:00:00+00:00", "author": "anna",
                            "message": "Refer C-20001 to a manager", "changes": ["customer.yaml: flags[0] added"]}]}
    build_site(repo, today=f.TODAY, history=history)
    with open(os.path.join(repo, "site", "customers", "C-20001", "index.html"), encoding="utf-8") as handle:
        html = handle.read()
    assert 'id="history"' in html and "Refer C-20001 to a manager" in html and "0123456789" in html


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", re.IGNORECASE)


def test_every_page_carries_the_policy_and_no_inline_script(repo: str) -> None:
    """A hand-written page too: the theme's inline scripts become files the policy allows."""
    from flagsite.page_security import META_POLICY

    os.makedirs(os.path.join(repo, "docs"), exist_ok=True)
    with open(os.path.join(repo, "docs", "guide.md"), "w", encoding="utf-8") as handle:
        handle.write("# How staff use the flags\n\nRead the banner first.\n")
    assert "script-src 'self'" in META_POLICY and "unsafe-inline" not in META_POLICY
    assert run("--root", repo, "build", "--today", TODAY).exit_code == 0
    site = os.path.join(repo, "site")
    pages = 0
    for folder, _dirs, names in os.walk(site):
        for name in (n for n in names if n.endswith(".html")):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                html = handle.read()
            where = os.path.relpath(os.path.join(folder, name), site)
            head = html[: html.index("</head>")]
            assert f'<meta http-equiv="Content-Security-Policy" content="{META_POLICY}">' in head, where
            assert '<meta name="robots" content="noindex, nofollow">' in head, where
            assert '<meta name="referrer" content="no-referrer">' in head, where
            assert _INLINE_SCRIPT.findall(html) == [], where
            for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', html):
                local = os.path.join(site, src.lstrip("/")) if src.startswith("/") else os.path.join(folder, src)
                assert os.path.isfile(os.path.normpath(local)), f"{where}: {src} is not in the site"
            pages += 1
    assert pages >= 8 and os.path.exists(os.path.join(site, "guide", "index.html"))
    with open(os.path.join(site, "robots.txt"), encoding="utf-8") as handle:
        assert handle.read() == "User-agent: *\nDisallow: /\n"


def test_a_script_in_a_page_s_own_content_stays_inline_where_the_policy_blocks_it(repo: str) -> None:
    """Only the theme's scripts become files: one that reached a page's body is never let through."""
    os.makedirs(os.path.join(repo, "docs"), exist_ok=True)
    with open(os.path.join(repo, "docs", "guide.md"), "w", encoding="utf-8") as handle:
        handle.write("# Guide\n\n<script>window.__injected = 1</script>\n")
    assert run("--root", repo, "build", "--today", TODAY).exit_code == 0
    with open(os.path.join(repo, "site", "guide", "index.html"), encoding="utf-8") as handle:
        html = handle.read()
    assert "<script>window.__injected = 1</script>" in html
    moved = os.path.join(repo, "site", "assets", "flagsite", "inline")
    for name in os.listdir(moved):
        with open(os.path.join(moved, name), encoding="utf-8") as handle:
            assert "__injected" not in handle.read()


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
                                            ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("staff.example.org", False)])
def test_only_loopback_counts_as_this_machine_alone(host: str, loopback: bool) -> None:
    from flagsite.build import is_loopback

    assert is_loopback(host) is loopback


def _serve(repo: str, host: str, port: int) -> subprocess.CompletedProcess[str]:
    script = shutil.which("flagsite", path=os.path.dirname(sys.executable))
    assert script is not None
    return subprocess.run([script, "--root", repo, "serve", "--host", host, "--port", str(port)], capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def test_serve_off_loopback_says_it_has_no_sign_in(repo: str) -> None:
    """192.0.2.1 is a documentation address no machine has: the warning comes first, then a clear refusal."""
    done = _serve(repo, "192.0.2.1", f.free_port())
    assert done.returncode == 1, done.stderr
    warning, refusal = done.stderr.splitlines()[:2]
    assert warning.startswith("WARNING: 192.0.2.1 is not loopback") and "NO sign-in" in warning
    assert refusal.startswith("flagsite: cannot listen on 192.0.2.1:") and "choose another --host or --port" in refusal
    assert "Traceback" not in done.stderr and "bug" not in done.stderr


def test_serve_on_loopback_says_it_is_for_this_machine_and_refuses_a_port_in_use(repo: str) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _serve(repo, "127.0.0.1", port)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"Preview for this machine only, without sign-in: http://127.0.0.1:{port}/"
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in done.stderr and "WARNING" not in done.stderr
