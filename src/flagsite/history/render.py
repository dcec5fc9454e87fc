"""History and diffs in words, for people and for pull-request comments."""

from __future__ import annotations

import re

from ..export.escape import markdown_text as md
from .diff import CustomerDiff, sentence
from .timeline import CommitChanges


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    """Commit messages and names are untrusted too: no terminal escapes."""
    return _CONTROL.sub("\ufffd", text)


def history_text(customer_id: str, commits: list[CommitChanges]) -> str:
    lines = [f"History of {customer_id}: {len(commits)} commit(s), newest first.", ""]
    for commit in commits:
        lines.append(_clean(f"{commit.sha[:12]}  {commit.date}  {commit.author} <{commit.email}>"))
        lines += [f"    {_clean(line)}" for line in commit.message.splitlines() or [""]]
        lines += [f"    - {change.words}" for change in commit.changes]
        lines.append("")
    return "\n".join(lines)


def diff_text(diffs: list[CustomerDiff], labels: dict[str, str]) -> str:
    if not diffs:
        return "No customer records changed.\n"
    return "".join(f"{sentence(change, d.customer_id, labels)}\n" for d in diffs for change in d.changes)


def diff_markdown(diffs: list[CustomerDiff], labels: dict[str, str], base: str) -> str:
    """A pull-request comment: one heading per customer, record text escaped to stay text."""
    lines = [f"### Record changes against `{base[:12]}`", ""]
    if not diffs:
        lines.append("No customer records changed.")
    for d in diffs:
        lines += [f"#### {md(d.customer_id)}", ""]
        lines += [f"- {md(sentence(change, d.customer_id, labels))}" for change in d.changes]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
