"""Request paths the live preview refuses before MkDocs' server sees them.

MkDocs' development server opens whatever file a path names: a NUL (``/%00``)
makes ``open`` raise and the server logs a traceback; bytes that are not UTF-8
are dropped silently, so ``/%ff`` serves the home page. A path that is not a
plain page address gets a plain 400, with nothing logged but the request line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

MAX_PATH = 1024  # far longer than any page address of the site
_CONTROL = re.compile("[\x00-\x1f\x7f]")

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def refusal(path_info: str) -> str | None:
    """Why a request path is refused (for the 400 answer), or None for a plain page address."""
    if len(path_info) > MAX_PATH:
        return "the path is too long"
    try:
        # WSGI hands the path over as bytes read as Latin-1.
        path = path_info.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return "the path is not UTF-8"
    if _CONTROL.search(path):
        return "the path holds a control character"
    if any(part in (".", "..") for part in path.split("/")) or "\\" in path:
        return "the path leaves the site"
    return None


def refuse_bad_paths(app: WsgiApp) -> WsgiApp:
    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        why = refusal(environ.get("PATH_INFO", ""))
        if why is None:
            return app(environ, start_response)
        body = f"400 Bad Request: {why}\n".encode()
        start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    return guarded
