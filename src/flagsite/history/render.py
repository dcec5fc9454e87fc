"""History and diffs in words, for people and for pull-request comments."""

from __future__ import annotations

from ..controls import visible
from ..export.escape import markdown_text as md
from .diff import CustomerDiff, sentence
from .timeline import CommitChanges


def history_text(customer_id: str, commits: list[CommitChanges]) -> str:
    lines = [f"History of {customer_id}: {len(commits)} commit(s), newest first.", ""]
    for commit in commits:
        # Commit messages, names and record text are untrusted: shown, never obeyed.
        lines.append(visible(f"{commit.sha[:12]}  {commit.date}  {commit.author} <{commit.email}>"))
        lines += [f"    {visible(line)}" for line in commit.message.split("\n") or [""]]
        lines += [f"    - {visible(change.words)}" for change in commit.changes]
        lines.append("")
    return "\n".join(lines)


def diff_text(diffs: list[CustomerDiff], labels: dict[str, str]) -> str:
    if not diffs:
        return "No customer records changed.\n"
    return "".join(f"{visible(sentence(change, d.customer_id, labels))}\n" for d in diffs for change in d.changes)


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
