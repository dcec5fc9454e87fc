"""What every page of the staff site carries so that a browser keeps it to itself.

The site holds every customer's contacts and notes written for staff alone, so
each page tells the browser: run scripts from this site only and none inline
(the Content-Security-Policy), send no referrer to any link it follows, and
tell search engines to stay away. The theme writes a few small inline scripts
of its own; they are moved to files named by their content, so the policy
needs neither ``'unsafe-inline'`` nor per-page hashes, and a web server can
send the very same policy as a header (``deploy/caddy/`` does).
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url, is_error_template

CONTENT_SECURITY_POLICY: tuple[str, ...] = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",  # the theme's icons are SVG data URLs in its stylesheet
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)
# Browsers ignore frame-ancestors in a <meta> policy (and say so on the console):
# only the web server's header can forbid framing.
HEADER_ONLY_POLICY: tuple[str, ...] = ("frame-ancestors 'none'",)
META_POLICY = "; ".join(CONTENT_SECURITY_POLICY)
HEADER_POLICY = "; ".join(CONTENT_SECURITY_POLICY + HEADER_ONLY_POLICY)

ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
MOVED_SCRIPTS = "assets/flagsite/inline"  # where the theme's inline scripts go, one file each

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*)?>(?P<code>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

HEAD_TAGS = (
    f'<meta http-equiv="Content-Security-Policy" content="{META_POLICY}">'
    '<meta name="robots" content="noindex, nofollow">'
    '<meta name="referrer" content="no-referrer">'
)


def site_root_url(page_url: str, site_url: str | None) -> str:
    """The site's root as a link from a page at ``page_url`` (``customers/C-1/``, ``404.html``)."""
    if is_error_template(page_url):
        # The 404 page is served at any address: MkDocs links it from the server's root.
        return urlsplit(site_url or "/").path
    return get_relative_url(".", page_url)


def harden_page(html: str, root_url: str, moved: dict[str, str], content: str = "") -> str:
    """``html`` with the policy first in its head and each of the theme's inline scripts moved to a file.

    ``root_url`` leads from the page to the site's root; each moved script is
    added to ``moved`` as {path under the site: code}. A ``<script>`` holding
    data (``type="application/json"``) is not run by the browser and stays.
    ``content`` is the page's own body (from its Markdown, or from the records):
    a script in it is never moved, so the policy blocks it, whatever let it in.
    """
    body_start = html.find(content) if content else -1
    body_end = body_start + len(content) if body_start >= 0 else -1

    def move(match: re.Match[str]) -> str:
        attrs = match.group("attrs") or ""
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind.group(1).lower() if kind else "") not in _SCRIPT_TYPES:
            return match.group(0)
        if body_start <= match.start() < body_end:
            return match.group(0)
        code = match.group("code")
        path = f"{MOVED_SCRIPTS}/{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
        moved[path] = code
        return f'<script{attrs} src="{root_url.rstrip("/")}/{path}"></script>'

    html = _SCRIPT.sub(move, html)
    head = _HEAD.search(html)
    if head is None:
        return html
    return html[: head.end()] + HEAD_TAGS + html[head.end():]


def allow_reload_script(html: bytes) -> bytes:
    """A page of the live preview with its reload script, the one inline script the preview adds, allowed by its hash.

    ``mkdocs serve`` writes that script into each page it serves, with the page's own
    numbers in it; the built site never has it, so only the preview's copy of the policy
    names it.
    """
    start = html.rfind(b"<script>")
    end = html.find(b"</script>", start)
    if start < 0 or end < 0:
        return html
    code = html[start + len(b"<script>"): end]
    digest = base64.b64encode(hashlib.sha256(code).digest()).decode()
    allowed = META_POLICY.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'")
    return html.replace(f'content="{META_POLICY}"'.encode(), f'content="{allowed}"'.encode(), 1)
