"""The catalogue of the policy rules: one stable code, a name, a default severity and a doc page each.

The checks themselves live in ``flagsite.policy`` and are loaded on first use
of the catalogue; the catalogue imports nothing of flagsite, so that the
configuration can check the rule names it is given.

A rule is a generator function decorated with :func:`rule`. Its docstring is
its doc page: a one-line summary, then ``What it does``, ``Why`` and
``Example`` sections (Markdown), which ``flagsite rules CODE`` prints. Codes
never change meaning; a retired rule keeps its code unused.

P1xx: what a note must record (contact, reason, resolution, follow-up, changes).
P2xx: flags and the customer record.  P3xx: wording of any free text.
P9xx: the silencing of findings itself.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

Severity = Literal["error", "warning"]
Target = Literal["note", "customer", "text", "meta"]

# The modules that define rules; imported on first use of the registry.
_RULE_MODULES = (
    "flagsite.policy.contact_rules",
    "flagsite.policy.reason_rules",
    "flagsite.policy.promise_rules",
    "flagsite.policy.change_rules",
    "flagsite.policy.amount_rules",
    "flagsite.policy.preference_rules",
    "flagsite.policy.flag_rules",
    "flagsite.policy.wording",
    "flagsite.policy.meta",
)


@dataclass(frozen=True)
class Hit:
    """What a rule found: where (a location inside the record) and what to do."""

    loc: tuple[str | int, ...]
    message: str
    # At most this severe, whatever the rule's: a reading that can be wrong asks an editor to look, it blocks nothing.
    at_most: Severity | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    target: Target
    check: Callable[..., Iterator[Hit]]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name

    def section(self, title: str) -> str:
        """One section of the doc page ('What it does', 'Why', 'Example')."""
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", self.doc, re.S | re.M)
        return match.group(1).strip() if match else ""


_RULES: dict[str, Rule] = {}
_CODE = re.compile(r"^P[1-9][0-9]{2}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]+$")


def rule(code: str, name: str, severity: Severity, target: Target) -> Callable[[Callable[..., Iterator[Hit]]], Callable[..., Iterator[Hit]]]:
    def register(check: Callable[..., Iterator[Hit]]) -> Callable[..., Iterator[Hit]]:
        if not _CODE.match(code) or not _NAME.match(name):
            raise ValueError(f"bad rule code or name: {code} {name}")
        if code in _RULES or any(r.name == name for r in _RULES.values()):
            raise ValueError(f"rule {code} {name} is defined twice")
        for title in ("What it does", "Why", "Example"):
            if f"## {title}\n" not in ((check.__doc__ and inspect.cleandoc(check.__doc__)) or ""):
                raise ValueError(f"rule {code} needs a '## {title}' section in its docstring")
        _RULES[code] = Rule(code, name, severity, target, check)
        return check

    return register


_LOADED: list[Rule] = []


def all_rules() -> list[Rule]:
    """Every rule, by code."""
    if not _LOADED:
        for module in _RULE_MODULES:
            importlib.import_module(module)
        _LOADED.extend(_RULES[code] for code in sorted(_RULES))
    return list(_LOADED)


# Names a rule had before, still accepted in settings: a code keeps its meaning, a name may grow.
_FORMER_NAMES = {"critical-note-reads-as-preference": "P108"}


def find_rule(key: str) -> Rule | None:
    """A rule by its code (P301, any case) or its name (slang-or-text-speak)."""
    key = _FORMER_NAMES.get(key.strip().lower(), key.strip())
    for candidate in all_rules():
        if candidate.code == key.upper() or candidate.name == key.lower():
            return candidate
    return None


@cache
def _rules_for(target: Target) -> tuple[Rule, ...]:
    return tuple(r for r in all_rules() if r.target == target)


def rules_for(target: Target) -> list[Rule]:
    return list(_rules_for(target))


def describe(value: Any) -> str:
    """A short, quoted rendering of a record value for a message."""
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")
