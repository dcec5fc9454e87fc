"""The Jinja2 environment for site pages: autoescaped, every value made inert text.

Record text is untrusted. Autoescape turns markup into text; ``finalize``
also turns line breaks into character references, so a page is one raw HTML
block with no blank line that Markdown could split, and drops control
characters that Markdown uses for its own placeholders.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib import resources
from typing import Any

from jinja2 import BaseLoader, BytecodeCache, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

TEMPLATES_FOLDER = "site_templates"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def inert(value: Any) -> Any:
    """Escape one template value and keep it on one line of HTML."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    text = str(escape(value))
    if "\n" in text or "\r" in text:
        text = text.replace("\n", "&#10;").replace("\r", "")
    if not text.isprintable():
        text = _CONTROL.sub("", text)
    return Markup(text)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory, so that a live preview compiles each template once, not on every rebuild.

    Jinja2 checks each template's source against what was compiled, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


def make_environment(root: str | None = None, bytecode_cache: BytecodeCache | None = None) -> Environment:
    """Templates from the repository's ``site_templates/`` first, then the package's."""
    loaders: list[BaseLoader] = []
    if root is not None and os.path.isdir(os.path.join(root, TEMPLATES_FOLDER)):
        loaders.append(FileSystemLoader(os.path.join(root, TEMPLATES_FOLDER)))
    loaders.append(PackageLoader("flagsite", TEMPLATES_FOLDER))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        finalize=inert,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache,
    )


def template_digest(root: str | None = None) -> str:
    """A digest of every template a site is rendered with: the package's and the repository's own."""
    digest = hashlib.sha256()
    folders = [str(resources.files("flagsite").joinpath(TEMPLATES_FOLDER))]
    if root is not None:
        folders.append(os.path.join(root, TEMPLATES_FOLDER))
    for top in folders:
        for folder, dirs, names in os.walk(top):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, top).encode() + b"\0")
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


def one_block(html: str) -> str:
    """Drop blank lines and indentation: Markdown must see a single raw HTML block."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
