"""Reporters: findings as text, JSON (SPEC's contract) or GitHub workflow annotations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .controls import json_text, visible
from .findings import Finding, count_of, has_errors


@dataclass(frozen=True)
class ReportRow:
    """One finding as a person reads it: where, code, message, each made visible (no control character obeyed)."""

    where: str
    code: str
    message: str
    severity: str


def report_rows(findings: list[Finding]) -> list[ReportRow]:
    """The findings as rows, for a page that lists them (the preview's errors page)."""
    rows = []
    for f in findings:
        where = f.path if f.line is None else f"{f.path}:{f.line}:{f.column or 1}"
        # A file or key name may hold a line break or a terminal escape: shown, never obeyed.
        rows.append(ReportRow(visible(where), visible(f.code), visible(f.message), f.severity))
    return rows


def report_lines(findings: list[Finding]) -> str:
    """One line per finding, ``path[:line:col]: CODE message``, without the summary line."""
    lines = []
    for row in report_rows(findings):
        tag = "" if row.severity == "error" else f" ({row.severity})"
        lines.append(f"{row.where}: {row.code}{tag} {row.message}")
    return "".join(line + "\n" for line in lines)


def report_text(findings: list[Finding]) -> str:
    errors, warnings, notes = (count_of(findings, severity) for severity in ("error", "warning", "info"))
    summary = "All records are valid." if not findings else f"{errors} error(s), {warnings} warning(s)" + (f", {notes} info line(s)." if notes else ".")
    return report_lines(findings) + summary + "\n"


def report_json(findings: list[Finding]) -> str:
    return json_text({"ok": not has_errors(findings), "findings": [f.as_dict() for f in findings]}, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return visible(text, one_line=False).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def report_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: each finding annotates its line in the pull request."""
    lines = []
    for f in findings:
        properties = [f"file={_escape_property(f.path)}"]
        if f.line is not None:
            properties.append(f"line={f.line}")
            properties.append(f"col={f.column or 1}")
        properties.append(f"title={_escape_property(f.code)}")
        lines.append(f"::{_GITHUB_COMMAND[f.severity]} {','.join(properties)}::{_escape_data(f'{f.code} {f.message}')}")
    return "".join(line + "\n" for line in lines)


REPORTER_BY_NAME: dict[str, Callable[[list[Finding]], str]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
