"""Write rendered pages out as plain files, for engines that read a docs folder."""

from __future__ import annotations

import os
from collections.abc import Mapping


def write_site(pages: Mapping[str, str], docs_dir: str) -> None:
    for path, content in pages.items():
        target = os.path.join(docs_dir, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
