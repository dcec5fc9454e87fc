"""The site's own search.js, run under node: its words, and what it finds in a rendered index.

The script exports its search (words, plan, matches) when loaded as a module;
fetching and the page are left to the browser tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import flagsite

SCRIPT = Path(flagsite.__file__).parent / "site_templates" / "assets" / "search.js"
SEARCH = "assets/flagsite/search/"
_RUNNER = r"""
const search = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const found = (input.queries || []).map(function (query) {
  const wanted = search.plan(JSON.parse(input.files["manifest.json"]), query);
  const ids = new Set();
  wanted.files.forEach(function (file) {
    JSON.parse(input.files[file] || "[]").forEach(function (entry) {
      if (search.matches(entry, wanted.words, wanted.digits)) ids.add(entry[0]);
    });
  });
  return Array.from(ids).sort();
});
process.stdout.write(JSON.stringify({ words: (input.texts || []).map(search.words),
                                      phoneWords: (input.phones || []).map(search.phoneWords), found: found }));
"""


def _node(data: dict[str, object]) -> dict[str, list[list[str]]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs): the site's search script cannot be run")
    done = subprocess.run([node, "-e", _RUNNER, str(SCRIPT)], input=json.dumps(data), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    found: dict[str, list[list[str]]] = json.loads(done.stdout)
    return found


def node_words(texts: list[str]) -> list[list[str]]:
    """search.js's words of each text."""
    return _node({"texts": texts})["words"]


def node_phone_words(phones: list[str]) -> list[list[str]]:
    """search.js's digit words of each phone number."""
    return _node({"phones": phones})["phoneWords"]


def node_find(pages: dict[str, str], queries: list[str]) -> list[list[str]]:
    """The customer ids search.js finds for each query, from the index among ``pages``."""
    files = {path[len(SEARCH):]: text for path, text in pages.items() if path.startswith(SEARCH)}
    return _node({"files": files, "queries": queries})["found"]
