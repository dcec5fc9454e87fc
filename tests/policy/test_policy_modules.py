"""The policy modules bind each top-level name once.

Several rules share a module; a second `_DETERMINERS = ...` further down silently replaces the
first for every rule that reads it, and no rule's own test would show which list it got.
"""

from __future__ import annotations

import ast
import collections
import pathlib

import pytest

import flagsite.policy

POLICY = pathlib.Path(flagsite.policy.__file__).parent


def _bound_twice(path: pathlib.Path) -> list[str]:
    bound: collections.Counter[str] = collections.Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        bound.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound[node.name] += 1
    return sorted(name for name, count in bound.items() if count > 1)


@pytest.mark.parametrize("path", sorted(POLICY.glob("*.py")), ids=lambda p: p.name)
def test_no_top_level_name_is_bound_twice(path: pathlib.Path) -> None:
    assert _bound_twice(path) == []
