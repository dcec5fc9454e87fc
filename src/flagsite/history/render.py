"""History and diffs in words, for people and for pull-request comments."""

from __future__ import annotations

from ..controls import visible
from .customer import DatedChanges
from .diff import CustomerDiff, sentence
from .timeline import CommitChanges

DATES_EXPLAINED = (
    "Dates: 'written' is when the change was authored; 'landed' is when it reached the main line "
    "(the committer date of the main-line commit that brought it in), the time show --as-of and export --as-of go by."
)


def when(written: str, landed: str) -> str:
    """Both dates where they differ, one where they agree."""
    if not landed or landed == written:
        return f"written and landed {written}" if landed else f"written {written}"
    return f"written {written}, landed {landed}"


def history_text(customer_id: str, commits: list[CommitChanges]) -> str:
    lines = [f"History of {customer_id}: {len(commits)} commit(s), newest first.", DATES_EXPLAINED, ""]
    for commit in commits:
        # Commit messages, names and record text are untrusted: shown, never obeyed.
        lines.append(visible(f"{commit.sha[:12]}  {when(commit.date, commit.landed)}  {commit.author} <{commit.email}>"))
        lines += [f"    {visible(line)}" for line in commit.message.split("\n") or [""]]
        lines += [f"    - {visible(change.words)}" for change in commit.changes]
        lines.append("")
    return "\n".join(lines)


def change_log_text(customer_id: str, log: list[DatedChanges]) -> str:
    """The customer's change log: their factual data only, no names of staff, no commit messages."""
    lines = [f"Changes to the record of {customer_id}, newest first.", DATES_EXPLAINED, ""]
    for entry in log:
        lines.append(when(entry.written, entry.landed))
        lines += [f"    - {visible(change.words)}" for change in entry.changes]
        lines.append("")
    return "\n".join(lines)


def diff_text(diffs: list[CustomerDiff], labels: dict[str, str]) -> str:
    if not diffs:
        return "No customer records changed.\n"
    return "".join(f"{visible(sentence(change, d.customer_id, labels))}\n" for d in diffs for change in d.changes)


def diff_markdown(diffs: list[CustomerDiff], labels: dict[str, str], base: str) -> str:
    """A pull-request comment: one heading per customer, record text escaped to stay text."""
    from ..export.escape import markdown_text as md  # the export package: loaded by this comment alone

    lines = [f"### Record changes against `{base[:12]}`", ""]
    if not diffs:
        lines.append("No customer records changed.")
    for d in diffs:
        lines += [f"#### {md(d.customer_id)}", ""]
        lines += [f"- {md(sentence(change, d.customer_id, labels))}" for change in d.changes]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
