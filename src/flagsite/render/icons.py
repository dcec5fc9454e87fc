"""Flag icons as inline SVG, drawn from the icon set that ships with the theme.

Icons are inlined so the banner needs no Markdown extension and no network.
An icon name that is not a plain ``set-name`` or is not installed falls back
to a neutral mark rather than failing the build.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re

from markupsafe import Markup

_NAME = re.compile(r"^([a-z0-9]+)-([a-z0-9-]+)$")
_FALLBACK = Markup(
    '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg>'
)


@functools.cache
def _icon_dir() -> str | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(next(iter(spec.submodule_search_locations)), "templates", ".icons")


@functools.cache
def icon_svg(name: str) -> Markup:
    match = _NAME.match(name)
    base = _icon_dir()
    if match is None or base is None:
        return _FALLBACK
    path = os.path.join(base, match.group(1), match.group(2) + ".svg")
    try:
        with open(path, encoding="utf-8") as handle:
            svg = handle.read().strip()
    except OSError:
        return _FALLBACK
    # The file comes from the installed theme, not from records: it is trusted markup.
    return Markup(svg.replace("<svg ", '<svg width="16" height="16" aria-hidden="true" ', 1))
