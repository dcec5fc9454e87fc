"""Findings: every problem in the records, as data.

A finding names the file (relative to the records repository root, POSIX
separators), a 1-based line and column where it has a position, a stable code
and a message that says what to do. Reporters print them; nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]  # info: context for an error, never a problem of its own


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int | None
    column: int | None
    code: str
    message: str
    severity: Severity = "error"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def sort_key(finding: Finding) -> tuple[str, int, int, str, str]:
    return (finding.path, finding.line or 0, finding.column or 0, finding.code, finding.message)


def count_of(findings: list[Finding], severity: Severity) -> int:
    return sum(1 for f in findings if f.severity == severity)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
