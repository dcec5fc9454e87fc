"""The web server ``flagsite init`` writes in front of the site, run for real on loopback.

Caddy serves the built demo site with the configuration from ``deploy/caddy/``:
basic authentication for a small team, and ``forward_auth`` to an OpenID Connect
proxy for single sign-on. oauth2-proxy is not packaged here, so a small process
of the test's own answers its ``/oauth2/auth`` question (202 with the session
cookie, 401 without) and serves its sign-in page. Only the test's top-level file
is added: no admin endpoint, and every listener bound to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import site_factory as f
from flagsite.build import build_site
from flagsite.page_security import HEADER_POLICY
from flagsite.scaffold.init import init_repository

CADDY = shutil.which("caddy")
if CADDY is None:
    pytest.skip("Caddy is not installed (apt-get install caddy; .ci/run does); private host tests skipped",
                allow_module_level=True)

PASSWORD = "correct horse battery staple"
SECRET = "TOP-SECRET-OUTSIDE-THE-SITE"
AUTH_SERVICE = """
import http.server, sys

class Auth(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        cookie = self.headers.get("Cookie", "")
        body = b""
        if self.path.startswith("/oauth2/auth"):
            if "_oauth2_proxy=signed-in" in cookie:
                self.send_response(202)
                self.send_header("X-Auth-Request-Email", "anna@example.com")
            elif "_oauth2_proxy=not-staff" in cookie:
                self.send_response(403)
            else:
                self.send_response(401)
        elif self.path.startswith("/oauth2/sign_in"):
            body = b"Sign in with your organisation"
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Auth).serve_forever()
"""


def _wait_until_listening(port: int, process: subprocess.Popen[bytes], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listened on 127.0.0.1:{port}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stderr:
        process.stderr.close()


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """One request with the path sent exactly as written (no clean-up, no redirects followed)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def basic(user: str, password: str) -> dict[str, str]:
    import base64

    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def assert_security_headers(headers: dict[str, str]) -> None:
    assert headers["content-security-policy"] == HEADER_POLICY
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-robots-tag"] == "noindex, nofollow"
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The built demo site, a secret file beside it, and the deploy folder flagsite init writes."""
    base = tmp_path_factory.mktemp("private-host")
    root = f.demo_records(str(base / "records"))
    site = Path(build_site(root, today=f.TODAY, site_dir=str(base / "www" / "site")).site_dir)
    (site.parent / "secret.txt").write_text(SECRET)
    (site / ".env").write_text(SECRET)
    new = base / "new-repository"
    init_repository(str(new))
    deploy = new / "deploy" / "caddy"
    hashed = subprocess.run([str(CADDY), "hash-password", "--plaintext", PASSWORD], capture_output=True, text=True, check=True)
    (deploy / "users.caddy").write_text(f"anna {hashed.stdout.strip()}\n")
    return {"site": site, "deploy": deploy, "base": base}


@contextlib.contextmanager
def _running(port: int, command: list[str], **options: Any) -> Iterator[int]:
    """A real server process, once it listens on ``port``; stopped afterwards."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **options)
    try:
        _wait_until_listening(port, process)
        yield port
    finally:
        _stop(process)


# Global options of the test's own: no admin endpoint, loopback only; for https, Caddy's own CA.
_TEST_OPTIONS = "\tadmin off\n\tdefault_bind 127.0.0.1\n"
_HTTPS_OPTIONS = "\tlocal_certs\n\tskip_install_trust\n\tauto_https disable_redirects\n"


def _caddy(served: dict[str, Path], config: str | Path, *, https: bool = False, **env: str) -> Iterator[int]:
    port = f.free_port()
    work = served["base"] / f"caddy-{port}"
    work.mkdir()
    top = work / "Caddyfile"
    options = _TEST_OPTIONS + (_HTTPS_OPTIONS if https else "")
    top.write_text(f"{{\n{options}}}\n\nimport {served['deploy'] / config}\n")
    environment = dict(os.environ, HOME=str(work), XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
                       FLAGSITE_ADDRESS=f"{'https' if https else 'http'}://127.0.0.1:{port}", FLAGSITE_SITE_DIR=str(served["site"]), **env)
    with _running(port, [str(CADDY), "run", "--config", str(top), "--adapter", "caddyfile"], cwd=work, env=environment):
        yield port


def _caddy_ca(port: int, served: dict[str, Path]) -> str:
    return str(served["base"] / f"caddy-{port}" / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt")


@pytest.fixture(scope="module")
def team(served: dict[str, Path]) -> Iterator[int]:
    yield from _caddy(served, "basic-auth.Caddyfile")


@pytest.fixture(scope="module")
def auth_service() -> Iterator[int]:
    port = f.free_port()
    with _running(port, [sys.executable, "-c", AUTH_SERVICE, str(port)]):
        yield port


@pytest.fixture(scope="module")
def sso(served: dict[str, Path], auth_service: int) -> Iterator[int]:
    yield from _caddy(served, "sso.Caddyfile", FLAGSITE_OAUTH2_PROXY=f"127.0.0.1:{auth_service}")


# -- basic authentication -----------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/customers/C-10042/", "/robots.txt", "/assets/flagsite/search.js"])
@pytest.mark.parametrize("credentials", [None, ("anna", "wrong"), ("mallory", PASSWORD)], ids=["none", "wrong password", "unknown user"])
def test_basic_auth_refuses_without_the_right_credentials(team: int, path: str, credentials: tuple[str, str] | None) -> None:
    status, headers, body = get(team, path, basic(*credentials) if credentials else None)
    assert status == 401
    assert headers["www-authenticate"].startswith("Basic")
    assert body == ""
    assert_security_headers(headers)


def test_basic_auth_serves_every_page_kind_to_a_signed_in_person(team: int) -> None:
    for path, shown in [("/", "fs-search-input"), ("/customers/C-10042/", 'data-flag-type="on-hold"'),
                        ("/workstack/", 'id="workstack"'), ("/dashboards/", "<svg"), ("/customers/C-30003/orders/SO-1/", "fs-banner")]:
        status, headers, body = get(team, path, basic("anna", PASSWORD))
        assert status == 200, path
        assert shown in body, path
        assert_security_headers(headers)
        assert headers["cache-control"] == "no-store"


def test_robots_txt_behind_the_sign_in_disallows_everything(team: int) -> None:
    assert get(team, "/robots.txt", basic("anna", PASSWORD))[2] == "User-agent: *\nDisallow: /\n"


@pytest.mark.parametrize("path", ["/assets/", "/assets/flagsite/", "/assets/flagsite/inline/", "/customers/C-30003/orders/"])
def test_no_directory_is_listed(team: int, path: str) -> None:
    status, _, body = get(team, path, basic("anna", PASSWORD))
    assert status == 404
    assert ".js" not in body and "SO-1" not in body


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                                  "/customers/../../secret.txt", "/customers/%2e%2e/%2e%2e/secret.txt", "/.env", "//../secret.txt"])
def test_paths_out_of_the_site_and_hidden_files_are_refused(team: int, path: str) -> None:
    status, _, body = get(team, path, basic("anna", PASSWORD))
    assert status in (400, 404)
    assert SECRET not in body


# -- single sign-on through forward_auth --------------------------------------------------

def test_sso_sends_a_request_without_a_session_to_sign_in_and_serves_nothing(sso: int) -> None:
    status, headers, body = get(sso, "/customers/C-10042/")
    assert status == 302
    assert headers["location"] == f"/oauth2/sign_in?rd=http://127.0.0.1:{sso}/customers/C-10042/"
    assert "on-hold" not in body and "Erickson" not in body
    assert_security_headers(headers)
    assert get(sso, headers["location"])[2] == "Sign in with your organisation"


def test_sso_serves_the_site_to_a_signed_in_session(sso: int) -> None:
    status, headers, body = get(sso, "/customers/C-10042/", {"Cookie": "_oauth2_proxy=signed-in"})
    assert status == 200 and 'data-flag-type="on-hold"' in body
    assert_security_headers(headers)


def test_sso_passes_on_a_refusal_and_serves_nothing(sso: int) -> None:
    status, _, body = get(sso, "/customers/C-10042/", {"Cookie": "_oauth2_proxy=not-staff"})
    assert status == 403 and "on-hold" not in body


def test_sso_serves_nothing_when_the_sign_in_service_is_down(served: dict[str, Path]) -> None:
    down = f.free_port()  # nothing listens there
    for port in _caddy(served, "sso.Caddyfile", FLAGSITE_OAUTH2_PROXY=f"127.0.0.1:{down}"):
        status, _, body = get(port, "/customers/C-10042/", {"Cookie": "_oauth2_proxy=signed-in"})
        assert status == 502 and "on-hold" not in body


def test_sso_no_directory_listing_nor_traversal(sso: int) -> None:
    signed_in = {"Cookie": "_oauth2_proxy=signed-in"}
    assert get(sso, "/assets/flagsite/", signed_in)[0] == 404
    status, _, body = get(sso, "/assets/..%2f..%2fsecret.txt", signed_in)
    assert status in (400, 404) and SECRET not in body


# -- the browser, under the header policy and the page's own ---------------------------------

def test_every_page_kind_behind_caddy_runs_with_nothing_blocked_and_cannot_be_framed(team: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    from test_browser import PAGE_KINDS, REPORT_VIOLATIONS

    site = f"http://127.0.0.1:{team}/"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                             "--disable-background-networking"])
        try:
            context = browser.new_context(http_credentials={"username": "anna", "password": PASSWORD})
            context.add_init_script(REPORT_VIOLATIONS)
            page = context.new_page()
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
            for kind, (path, shown) in PAGE_KINDS.items():
                response = page.goto(site + path)
                assert response is not None and response.headers["content-security-policy"] == HEADER_POLICY, kind
                page.locator(shown).first.wait_for(timeout=5000)
                assert page.evaluate("!document.documentElement.classList.contains('no-js')"), kind
                assert page.evaluate("window.__violations") == [] and console == [], kind
            page.goto(site)
            page.fill("#fs-search-input", "okafor")
            page.locator("a.fs-result").first.wait_for(timeout=5000)
            assert page.evaluate("window.__violations") == [] and console == []

            # Another site that frames a page gets nothing: frame-ancestors, which only the header carries.
            page.set_content(f'<iframe src="{site}customers/C-10042/"></iframe>')
            page.wait_for_timeout(1000)
            framed = page.frames[1]
            assert framed.url in ("chrome-error://chromewebdata/", "about:blank") or "on-hold" not in framed.content()
            assert any("frame-ancestors" in text for text in console)
        finally:
            browser.close()


# -- the workflow's check, against these servers over HTTPS ----------------------------------

OPEN_SITE = "{$FLAGSITE_ADDRESS} {\n\troot * {$FLAGSITE_SITE_DIR}\n\tfile_server\n}\n"


def _check_server(served: dict[str, Path], port: int, tmp_path: Path) -> tuple[dict[str, str], str]:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed (apt-get install curl); GitHub's runners have it")
    from tests.tooling.test_publish_target_step import run_publish_check

    _, _, outputs, summary = run_publish_check(tmp_path, "server", SITE_URL=f"https://127.0.0.1:{port}/",
                                               DESTINATION="deploy@flags.example.com:/srv/flagsite/site/",
                                               CURL_CA_BUNDLE=_caddy_ca(port, served))
    return outputs, summary


def test_the_workflow_publishes_to_the_basic_auth_server(served: dict[str, Path], tmp_path: Path) -> None:
    for port in _caddy(served, "basic-auth.Caddyfile", https=True):
        outputs, summary = _check_server(served, port, tmp_path)
        assert outputs == {"publish": "server"}, summary


def test_the_workflow_publishes_to_the_single_sign_on_server(served: dict[str, Path], auth_service: int, tmp_path: Path) -> None:
    for port in _caddy(served, "sso.Caddyfile", https=True, FLAGSITE_OAUTH2_PROXY=f"127.0.0.1:{auth_service}"):
        outputs, summary = _check_server(served, port, tmp_path)
        assert outputs == {"publish": "server"}, summary


def test_the_workflow_refuses_a_server_that_serves_the_site_without_sign_in(served: dict[str, Path], tmp_path: Path) -> None:
    (served["base"] / "open.Caddyfile").write_text(OPEN_SITE)
    for port in _caddy(served, served["base"] / "open.Caddyfile", https=True):
        outputs, summary = _check_server(served, port, tmp_path)
        assert outputs == {"publish": "", "refused": "true"}
        assert f"https://127.0.0.1:{port}/ answered 200 to a request without sign-in: it is not private" in summary


PROTECTS_ONLY_THE_HOME_PAGE = """{$FLAGSITE_ADDRESS} {
	root * {$FLAGSITE_SITE_DIR}
	@home path /
	basicauth @home {
		import {$FLAGSITE_USERS}
	}
	file_server
}
"""


def test_the_workflow_refuses_a_server_that_guards_only_its_home_page(served: dict[str, Path], tmp_path: Path) -> None:
    """The search index names every customer: a server that leaves it open is not private."""
    (served["base"] / "home-only.Caddyfile").write_text(PROTECTS_ONLY_THE_HOME_PAGE)
    for port in _caddy(served, served["base"] / "home-only.Caddyfile", https=True,
                       FLAGSITE_USERS=str(served["deploy"] / "users.caddy")):
        outputs, summary = _check_server(served, port, tmp_path)
        assert outputs == {"publish": "", "refused": "true"}
        assert f"https://127.0.0.1:{port}/assets/flagsite/search/manifest.json answered 200" in summary
