"""Which flags a change adds, changes or removes, by severity: for review before merging.

GitHub's CODEOWNERS matches paths, not content, so it cannot tell a change to
an on-hold flag from a typo fix in a phone number. This compares each
customer.yaml of the working tree with its version at a base commit (one
``git diff`` for the list of files, one ``cat-file`` stream for their old contents) and
names the flags whose type has one of the given severities. The records
workflow uses it to ask for a named reviewer's approval.

A flag is known by its type and creation date; a customer folder that moved
shows its flags as removed and added, which errs on the side of review.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from markupsafe import escape

from ..config import Config
from ..controls import visible
from ..errors import FlagsiteError
from ..git import BlobReader, resolve_commit, run_git, tree_files
from ..layout import CUSTOMER_FILE, CUSTOMERS_DIR
from ..read import load_record

Kind = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class FlagDelta:
    path: str  # the customer.yaml, relative to the records root
    customer: str
    kind: Kind
    type: str
    severity: str
    created: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _flags(raw: bytes | None, path: str) -> dict[tuple[str, str], dict[str, Any]]:
    if raw is None:
        return {}
    data = load_record(raw, path, None).data or {}  # an unreadable file has no flags to compare; validate reports it
    flags = data.get("flags")
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for flag in flags if isinstance(flags, list) else []:
        if isinstance(flag, dict):
            found[(str(flag.get("type", "")), str(flag.get("created", "")))] = flag
    return found


def _customer_id(path: str) -> str:
    return path.removesuffix(f"/{CUSTOMER_FILE}").rsplit("/", 1)[-1]


def changed_customer_files(root: str, base_sha: str) -> list[str]:
    """The customer.yaml files that differ from commit ``base_sha`` (paths relative to ``root``, which may be a sub-folder)."""
    listed = run_git(root, ["diff", "--name-only", "-z", "--relative", "--no-renames", base_sha, "--", CUSTOMERS_DIR]).decode("utf-8", "surrogateescape")
    untracked = run_git(root, ["ls-files", "-z", "--others", "--exclude-standard", "--", CUSTOMERS_DIR]).decode("utf-8", "surrogateescape")
    names = {name for name in (listed + untracked).split("\0") if name.endswith(f"/{CUSTOMER_FILE}")}
    return sorted(names)


def _contents_at(root: str, commit: str, paths: set[str]) -> dict[str, bytes | None]:
    # The whole folder listed at once: thousands of changed paths would not fit on one command line.
    shas = {path: sha for path, sha in tree_files(root, commit, [CUSTOMERS_DIR]).items() if path in paths}
    with BlobReader(root) as blobs:
        blobs.prefetch(shas.values())
        return {path: blobs.read(sha) for path, sha in shas.items()}


def flag_changes(root: str, base: str, config: Config, severities: tuple[str, ...] = ("block",)) -> list[FlagDelta]:
    """The flags of the given severities that differ between ``base`` and the working tree."""
    deltas: list[FlagDelta] = []
    base_sha = resolve_commit(root, base)
    if base_sha is None:
        raise FlagsiteError(f"--base {base!r} is not a commit in this repository; fetch it first (in a workflow: actions/checkout with fetch-depth: 0)")
    paths = changed_customer_files(root, base_sha)
    before = _contents_at(root, base_sha, set(paths)) if paths else {}
    for path in paths:
        old = _flags(before.get(path), path)
        try:
            with open(f"{root}/{path}", "rb") as handle:
                new = _flags(handle.read(), path)
        except FileNotFoundError:
            new = {}
        for key in sorted(old.keys() | new.keys()):
            if old.get(key) == new.get(key):
                continue
            kind: Kind = "added" if key not in old else "removed" if key not in new else "changed"
            flag_type = config.flag_type(key[0])
            severity = flag_type.severity if flag_type else "unknown"
            if severity in severities or (flag_type is None and "block" in severities):  # unknown types: review them
                deltas.append(FlagDelta(path, _customer_id(path), kind, key[0], severity, key[1]))
    return deltas


def _cell(text: str) -> str:
    """Record text in a Markdown table cell: shown as text, never as markup."""
    return str(escape(" ".join(visible(text).split()))).replace("|", "&#124;").replace("`", "&#96;").replace("*", "&#42;").replace("_", "&#95;").replace("[", "&#91;")


def report_markdown(deltas: list[FlagDelta]) -> str:
    if not deltas:
        return "No flag of blocking severity is added, changed or removed.\n"
    lines = ["### Flags of blocking severity in this change", "", "| customer | flag | created | change |", "|---|---|---|---|"]
    for d in deltas:
        lines.append(f"| {_cell(d.customer)} | {_cell(d.type)} ({d.severity}) | {_cell(d.created)} | {d.kind} |")
    return "\n".join(lines) + "\n"


def report_text(deltas: list[FlagDelta]) -> str:
    return "".join(visible(f"{d.path}: {d.kind} {d.type} flag ({d.severity}) created {d.created}") + "\n" for d in deltas)
