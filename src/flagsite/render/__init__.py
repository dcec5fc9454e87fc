"""Render validated records into site pages and assets, independent of the engine."""

from __future__ import annotations

from .site import SCRIPTS, STYLE, render_site
from .write import write_site

__all__ = ["SCRIPTS", "STYLE", "render_site", "write_site"]
