"""The customer-visible record (and the reviewer's labelled one), per SPEC "What is factual"."""

from __future__ import annotations

from collections.abc import Callable

from .disclose import Audience, Disclosed, Withheld, disclose
from .render_html import render_html
from .render_json import render_json, to_data
from .render_markdown import render_markdown

RENDERERS: dict[str, Callable[[Disclosed], str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
}

__all__ = ["RENDERERS", "Audience", "Disclosed", "Withheld", "disclose", "to_data"]
