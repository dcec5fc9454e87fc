"""Where each page lives, and relative links between pages.

Every page is ``<folder>/index.md`` so it works with and without directory
URLs. Customer ids are safe path segments by schema; order ids are free text,
so they are made safe and kept unique with a short hash.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

HOME = ""
WORKSTACK = "workstack"
DASHBOARDS = "dashboards"
CUSTOMERS = "customers"
RECORD_ERRORS = "record-errors"  # flagsite serve only: what stops the records from building
ASSETS = "assets/flagsite"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def customer_folder(customer_id: str) -> str:
    return f"{CUSTOMERS}/{customer_id}"


def order_folder(customer_id: str, order_id: str) -> str:
    safe = _UNSAFE.sub("-", order_id).strip(".-")[:60] or "order"
    if safe != order_id:
        safe += "-" + hashlib.sha1(order_id.encode()).hexdigest()[:8]
    return f"{customer_folder(customer_id)}/orders/{safe}"


def page_path(folder: str) -> str:
    return f"{folder}/index.md" if folder else "index.md"


class Linker:
    """Relative URLs from one page's folder to another page or asset."""

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls

    def page(self, from_folder: str, to_folder: str, anchor: str = "") -> str:
        rel = posixpath.relpath(to_folder or ".", from_folder or ".")
        url = "" if rel == "." else rel + "/"
        if not self.directory_urls:
            url += "index.html"
        elif not url:
            url = "./"
        return url + (f"#{anchor}" if anchor else "")

    def asset(self, from_folder: str, asset_path: str) -> str:
        # A page's URL is its folder with directory URLs, and the folder's index.html without.
        return posixpath.relpath(asset_path, from_folder or ".")
