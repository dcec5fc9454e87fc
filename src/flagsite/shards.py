"""The site built beyond one machine: disjoint slices of the customer pages, and one merge step.

A customer falls in slice ``shard_of(id, N)``, a stable hash of its id, so the N slices are
disjoint and together complete, whatever order the records come in or which machine builds them.
``flagsite build --shard I/N`` writes only slice I's customer and order pages, each exactly as a
whole build writes it, into a folder of its own with a manifest (``flagsite-slice.json``).
``flagsite build --merge SLICE...`` builds everything else (home, lists, workstack, dashboards,
search, the theme) and copies the slices in, once it has checked that they are all there, once
each, and were built from the same records (the same Git commit) for the same date.

A slice reads only its own customers' folders and history, and checks them in full, the policy
rules included; its manifest carries what it found. The merge reads every record without the
policy rules (half the work of reading them) and takes the policy's findings from the slices,
which between them checked every customer folder: the dashboards show them as a whole build
does. The checks across records are the merge's, and ``flagsite validate``'s.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .catalog import Catalog
from .config import load_config
from .discover import discover
from .errors import FlagsiteError, UsageError
from .findings import Finding, sort_key
from .git import is_git_repository, resolve_commit

SLICE_MANIFEST = "flagsite-slice.json"  # not hidden: artifact uploads leave hidden files out
_MANIFEST_VERSION = 2


@dataclass(frozen=True)
class Shard:
    index: int  # 1 to count
    count: int

    def holds(self, customer_id: str) -> bool:
        return shard_of(customer_id, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_of(customer_id: str, count: int) -> int:
    """The slice (1 to ``count``) a customer's pages fall in: a hash of the id, the same on every machine."""
    digest = hashlib.sha256(customer_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def parse_shard(text: str) -> Shard:
    """``I/N`` with 1 <= I <= N; UsageError saying the form otherwise."""
    index, slash, count = text.partition("/")
    if not slash or not index.strip().isdigit() or not count.strip().isdigit():
        raise UsageError(f"{text!r} is not a slice: write I/N, e.g. 2/4 for the second of four")
    shard = Shard(int(index), int(count))
    if not 1 <= shard.index <= shard.count:
        raise UsageError(f"{text!r} is not a slice: I must be between 1 and N, e.g. 2/4 for the second of four")
    return shard


def planned_shards(customers: int, shards_above: int) -> list[Shard]:
    """The slices a repository of ``customers`` is built in: none (one whole build) up to ``shards_above``,
    else enough that each holds about ``shards_above`` customers or fewer."""
    if customers <= shards_above:
        return []
    count = math.ceil(customers / shards_above)
    return [Shard(index, count) for index in range(1, count + 1)]


def plan_shards(root: str) -> list[Shard]:
    """The slices this repository is built in by CI: its customers against ``build: shards_above`` in flagsite.yaml."""
    customers = sum(1 for folder in discover(root).customers if folder.has_customer_file)
    return planned_shards(customers, load_config(root)[0].build.shards_above)


def records_commit(root: str) -> str | None:
    """The commit the records were read at, which slices and their merge must share; None outside Git."""
    return resolve_commit(root, "HEAD") if is_git_repository(root) else None


@dataclass(frozen=True)
class Slice:
    """A slice folder as its manifest describes it."""

    folder: str
    shard: Shard
    today: str
    commit: str | None
    pages: list[str]  # source pages (customers/<id>/index.md), as the merge expects them
    files: list[str]  # what the folder holds under the site, relative, "/"-separated
    findings: list[Finding]  # what checking the slice's records found (warnings: errors refuse a slice)


def page_output(page: str) -> str:
    """Where the engine writes a generated page: every page is ``<folder>/index.md``."""
    return page[: -len(".md")] + ".html"


def finish_slice(site_dir: str, shard: Shard, catalog: Catalog, pages: Iterable[str], scripts: Iterable[str]) -> None:
    """Keep only the slice's pages and the scripts they load in ``site_dir``, and write its manifest.

    The engine wrote the theme and placeholder pages beside them; the merge writes those.
    """
    pages = sorted(pages)
    keep = {page_output(page) for page in pages} | set(scripts)
    for folder, _dirs, names in os.walk(site_dir, topdown=False):
        for name in names:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, site_dir).replace(os.sep, "/")
            if relative not in keep and not name.startswith("."):
                os.remove(path)
        if folder != site_dir and not os.listdir(folder):
            os.rmdir(folder)
    manifest = {"version": _MANIFEST_VERSION, "shard": str(shard), "today": catalog.today.isoformat(),
                "commit": records_commit(catalog.root), "pages": pages, "files": sorted(keep),
                "findings": [finding.as_dict() for finding in catalog.findings]}
    with open(os.path.join(site_dir, SLICE_MANIFEST), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)


def read_slice(folder: str) -> Slice:
    path = os.path.join(folder, SLICE_MANIFEST)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if data["version"] != _MANIFEST_VERSION:
            raise ValueError(f"written by another version of flagsite (manifest version {data['version']})")
        findings = [Finding(str(f["path"]), f["line"], f["column"], str(f["code"]), str(f["message"]), f["severity"]) for f in data["findings"]]
        return Slice(folder, parse_shard(str(data["shard"])), str(data["today"]), data["commit"], list(data["pages"]), list(data["files"]), findings)
    except FileNotFoundError as error:
        raise FlagsiteError(f"{folder} is not a slice: it has no {SLICE_MANIFEST}; build one with flagsite build --shard I/N") from error
    except (OSError, ValueError, KeyError, TypeError, UsageError) as error:
        raise FlagsiteError(f"{path} cannot be read ({error}); build that slice again with flagsite build --shard I/N") from error


def check_slices(folders: Sequence[str], catalog: Catalog, expected_pages: Iterable[str]) -> list[Slice]:
    """The slices, once they are shown to be every slice of one build of these records, for this date."""
    if not folders:
        raise UsageError("--merge needs the slice folders, e.g. flagsite build --merge slices/*")
    slices = [read_slice(folder) for folder in folders]
    count = slices[0].shard.count
    if any(s.shard.count != count for s in slices):
        raise FlagsiteError("the slices were cut differently: " + ", ".join(f"{s.folder} is {s.shard}" for s in slices) + "; build every slice with the same N")
    by_index: dict[int, Slice] = {}
    for s in slices:
        if s.shard.index in by_index:
            raise FlagsiteError(f"{by_index[s.shard.index].folder} and {s.folder} are both slice {s.shard}; give each slice once")
        by_index[s.shard.index] = s
    missing = [f"{index}/{count}" for index in range(1, count + 1) if index not in by_index]
    if missing:
        raise FlagsiteError(f"slice(s) {', '.join(missing)} missing: the merge needs all {count}")
    today, commit = catalog.today.isoformat(), records_commit(catalog.root)
    for s in slices:
        if s.today != today:
            raise FlagsiteError(f"{s.folder} was built for {s.today}, this merge for {today}; give every step the same --today")
        if s.commit != commit:
            raise FlagsiteError(f"{s.folder} was built from commit {s.commit or '(not in Git)'}, these records are at {commit or '(not in Git)'}; "
                                "build every slice and the merge from the same commit")
    expected = set(expected_pages)
    found: dict[str, str] = {}
    for s in slices:
        for page in s.pages:
            if page in found:
                raise FlagsiteError(f"{page} is in both {found[page]} and {s.folder}; build the slices again from one commit")
            found[page] = s.folder
    if set(found) != expected:
        absent, extra = sorted(expected - set(found)), sorted(set(found) - expected)
        detail = (f"{len(absent)} page(s) missing, e.g. {absent[0]}" if absent else "") + ("; " if absent and extra else "") + \
                 (f"{len(extra)} page(s) of no customer here, e.g. {extra[0]}" if extra else "")
        raise FlagsiteError(f"the slices do not hold these records' customer pages ({detail}); build them again from these records")
    return [by_index[index] for index in range(1, count + 1)]


def with_slices_findings(findings: Iterable[Finding], slices: Iterable[Slice]) -> list[Finding]:
    """The merge's own findings and the slices' (the policy's, which the merge does not check again), each once, in order."""
    every = set(findings)
    for s in slices:
        every.update(s.findings)
    return sorted(every, key=sort_key)


def copy_slices(slices: Iterable[Slice], site_dir: str) -> None:
    """Copy each slice's files into the merged site; a script two slices share must be the same file."""
    for s in slices:
        for relative in s.files:
            source = os.path.join(s.folder, *relative.split("/"))
            target = os.path.join(site_dir, *relative.split("/"))
            if os.path.exists(target):
                if _same_file(source, target):
                    continue
                raise FlagsiteError(f"{relative} differs between {s.folder} and the rest of the site; build every part from one commit with one flagsite")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                shutil.copyfile(source, target)
            except OSError as error:
                raise FlagsiteError(f"cannot copy {source} into the site: {error.strerror}; build that slice again") from error


def _same_file(one: str, other: str) -> bool:
    with open(one, "rb") as a, open(other, "rb") as b:
        return a.read() == b.read()


def default_slice_dir(root: str, shard: Shard) -> str:
    return os.path.join(root, f"site-{shard.index}-of-{shard.count}")
