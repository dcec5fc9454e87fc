"""What an outline may leave for a person to write, and what a value given on the command line broke.

An outline holds ``TODO`` values (and ``todo`` for an unchosen vocabulary
name) that validate reports until a person writes them, and the rules about
what a record must say fire on what is not written yet. Every other error is
one that a value passed on the command line caused: the outline is not written.
"""

from __future__ import annotations

from ..check.placeholders import TODO
from ..errors import RecordsHaveErrors
from ..findings import Finding

UNCHOSEN = "todo"  # a vocabulary name that is in no vocabulary: validate reports it


def errors_beyond_todos(findings: list[Finding], text: str) -> list[Finding]:
    lines = text.splitlines()
    return [f for f in findings if f.severity == "error" and not _left_on_purpose(f, lines)]


def _left_on_purpose(finding: Finding, lines: list[str]) -> bool:
    if finding.line is None or not 0 < finding.line <= len(lines):
        return False
    line = lines[finding.line - 1]
    return TODO in line or f": {UNCHOSEN}" in line


def refuse_broken_outline(findings: list[Finding], text: str, what: str) -> None:
    """Stop the command, writing nothing, when a value given broke the outline of ``what`` (a note, a customer)."""
    broken = errors_beyond_todos(findings, text)
    if broken:
        raise RecordsHaveErrors(f"nothing was written; a value given does not fit {what}:", broken)
