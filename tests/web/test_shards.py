"""The site built beyond one machine: slices of the customer pages, merged, equal a whole build."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

import site_factory as f
from flagsite.cli.main import main
from flagsite.scaffold.init import planned_files
from flagsite.shards import SLICE_MANIFEST, Shard, planned_shards, shard_of

TODAY = f.TODAY.isoformat()
GIT_ENV = {"GIT_AUTHOR_NAME": "Ada Editor", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_COMMITTER_NAME": "Ada Editor",
           "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_AUTHOR_DATE": "2026-06-01T09:00:00+00:00",
           "GIT_COMMITTER_DATE": "2026-06-01T09:00:00+00:00", "GIT_CONFIG_NOSYSTEM": "1"}


class Ran(NamedTuple):
    exit_code: int
    output: str  # standard output and error


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """The real entry point, as a person at the command line meets it."""
    def run_line(*args: str) -> Ran:
        capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main(list(args))
        out, err = capsys.readouterr()
        return Ran(int(done.value.code or 0), out + err)
    return run_line


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV, "HOME": str(root.parent)})


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Customers with notes and orders, committed, so pages carry their history from Git."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the sitemap's dates: the same whichever day each build runs
    root = tmp_path / "repo"
    f.synthetic(str(root), 40, orders_per_customer=1)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Import customers")
    return root


def files_of(site: Path) -> dict[str, bytes]:
    """The site as a web server serves it: hidden files are the builds' own records (which pages they wrote), not the site."""
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*")
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(site).parts)}


def build_slices(run: Callable[..., Ran], repo: Path, count: int, today: str = TODAY) -> list[str]:
    folders = []
    for index in range(1, count + 1):
        folder = str(repo.parent / f"slice-{index}-of-{count}")
        result = run("--root", str(repo), "build", "--today", today, "--shard", f"{index}/{count}", "--site-dir", folder)
        assert result.exit_code == 0, result.output
        assert f"Built slice {index}/{count}" in result.output
        folders.append(folder)
    return folders


def test_the_merged_slices_are_the_site_a_whole_build_writes_file_for_file(run: Callable[..., Ran], repo: Path) -> None:
    whole = repo.parent / "whole"
    assert run("--root", str(repo), "build", "--today", TODAY, "--site-dir", str(whole)).exit_code == 0
    slices = build_slices(run, repo, 3)
    merged = repo.parent / "merged"
    result = run("--root", str(repo), "build", "--today", TODAY, "--merge", *slices, "--site-dir", str(merged))
    assert result.exit_code == 0, result.output
    expected, found = files_of(whole), files_of(merged)
    assert sorted(found) == sorted(expected)
    assert [path for path in expected if found[path] != expected[path]] == []
    again = repo.parent / "again"  # the engine keeps plugin instances: a whole build after a merge is whole again
    assert run("--root", str(repo), "build", "--today", TODAY, "--site-dir", str(again)).exit_code == 0
    assert files_of(again) == expected
    history = expected[os.path.join("customers", "C-10007", "index.html")].decode()
    assert "Import customers" in history and "SO-7-0" in history  # pages really carry history and orders

    pages = [{p for p in files_of(Path(s)) if p.endswith("index.html")} for s in slices]
    assert all(pages) and not (pages[0] & pages[1] or pages[0] & pages[2] or pages[1] & pages[2])
    customer_pages = {p for p in expected if p.startswith("customers" + os.sep) and p.endswith("index.html") and p.count(os.sep) > 1}
    assert set().union(*pages) == customer_pages  # each slice holds customer and order pages only, together all of them
    manifest = json.loads(Path(slices[1], SLICE_MANIFEST).read_text(encoding="utf-8"))
    assert manifest["shard"] == "2/3" and manifest["today"] == TODAY and len(manifest["commit"]) == 40


def test_a_merge_refuses_slices_missing_given_twice_or_from_other_records(run: Callable[..., Ran], repo: Path) -> None:
    slices = build_slices(run, repo, 3)
    merge = ("--root", str(repo), "build", "--today", TODAY, "--merge")
    missing = run(*merge, slices[0], slices[2])
    assert missing.exit_code == 1 and "slice(s) 2/3 missing" in missing.output
    twice = run(*merge, slices[0], slices[1], slices[1], slices[2])
    assert twice.exit_code == 1 and "are both slice 2/3" in twice.output
    other_day = run("--root", str(repo), "build", "--today", "2026-11-21", "--merge", *slices)
    assert other_day.exit_code == 1 and f"was built for {TODAY}, this merge for 2026-11-21" in other_day.output
    not_a_slice = run(*merge, str(repo / "records"))
    assert not_a_slice.exit_code == 1 and f"has no {SLICE_MANIFEST}" in not_a_slice.output
    cut_otherwise = build_slices(run, repo, 2)
    assert "cut differently" in run(*merge, slices[0], slices[1], cut_otherwise[1]).output

    f.write_repository(str(repo), [f.customer("C-20001", "Noor Haddad", emails=["noor@example.org"])])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Add a customer")
    moved_on = run(*merge, *slices)
    assert moved_on.exit_code == 1 and "build every slice and the merge from the same commit" in moved_on.output
    assert not (repo / "site").exists()  # refused before anything was written


def test_slice_and_merge_options_are_checked(run: Callable[..., Ran]) -> None:
    assert run("build", "--shard", "0/3").exit_code == 2
    assert "I must be between 1 and N" in run("build", "--shard", "4/3").output
    assert "write I/N" in run("build", "--shard", "two").output
    assert "give one of --shard, --merge and --plan" in run("build", "--shard", "1/2", "--merge", "x").output
    assert "slice folders go with --merge" in run("build", "somewhere").output


def test_a_customer_falls_in_the_same_slice_on_every_machine() -> None:
    """A stable hash of the id (not Python's per-process hash()), so jobs on different machines agree."""
    assert [shard_of(f"C-{10000 + i}", 4) for i in range(8)] == [shard_of(f"C-{10000 + i}", 4) for i in range(8)]
    assert shard_of("C-10042", 4) == 1 and shard_of("C-10042", 7) == 1 and shard_of("C-10043", 7) == 4
    ids = [f"C-{n}" for n in range(2000)]
    counts = [sum(1 for i in ids if Shard(k, 4).holds(i)) for k in range(1, 5)]
    assert sum(counts) == 2000 and min(counts) > 400  # disjoint, complete, and about even


def test_the_plan_follows_shards_above_in_flagsite_yaml(run: Callable[..., Ran], repo: Path) -> None:
    plan = run("--root", str(repo), "build", "--plan")
    assert plan.exit_code == 0 and json.loads(plan.output) == []  # 40 customers: one whole build
    (repo / "flagsite.yaml").write_text("build:\n  shards_above: 15\n", encoding="utf-8")
    assert json.loads(run("--root", str(repo), "build", "--plan").output) == ["1/3", "2/3", "3/3"]
    assert planned_shards(20000, 20000) == [] and len(planned_shards(100_001, 20000)) == 6


def _job_step(workflow: dict[str, Any], job: str, name: str) -> dict[str, Any]:
    return next(step for step in workflow["jobs"][job]["steps"] if step.get("name") == name)


def test_the_workflow_plans_builds_each_slice_and_merges_them_as_its_steps_say(repo: Path, tmp_path: Path) -> None:
    """The plan, slice and build steps of the workflow init writes, run as the workflow runs them (bash -e), with the
    real flagsite: what one job uploads the next downloads, as actions/upload-artifact and download-artifact would."""
    workflow = yaml.safe_load(dict(planned_files())[".github/workflows/flagsite.yml"].read_text())
    (repo / "flagsite.yaml").write_text("build:\n  shards_above: 15\n", encoding="utf-8")
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}

    def step(job: str, name: str, cwd: Path, **env: str) -> dict[str, str]:
        outputs = tmp_path / f"{job}-output"
        outputs.unlink(missing_ok=True)
        done = subprocess.run(["bash", "-e", "-c", _job_step(workflow, job, name)["run"]], cwd=cwd, capture_output=True, text=True,
                              env={**environment, "GITHUB_OUTPUT": str(outputs), **env}, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        return dict(line.split("=", 1) for line in outputs.read_text().splitlines()) if outputs.exists() else {}

    plan = step("validate", "Plan the build", repo)
    slices = json.loads(plan["slices"])
    assert slices == ["1/3", "2/3", "3/3"] and plan["today"] == dt.datetime.now(dt.UTC).date().isoformat()
    assert workflow["jobs"]["build-slice"]["strategy"]["matrix"]["slice"] == "${{ fromJSON(needs.validate.outputs.slices) }}"
    assert "needs.build-slice.result == 'success'" in workflow["jobs"]["build"]["if"]
    for index, slice_ in enumerate(slices):  # each job has its own checkout; the artifacts are gathered in slices/
        checkout = tmp_path / f"job-{index}"
        shutil.copytree(repo, checkout)
        step("build-slice", "Build one slice of the customer pages", checkout, SLICE=slice_, TODAY=TODAY)
        shutil.copytree(checkout / "slice", repo / "slices" / f"site-slice-{index}")
    step("build", "Build the site", repo, TODAY=TODAY)
    merged = files_of(repo / "site")
    whole = repo.parent / "whole"
    subprocess.run(["flagsite", "--root", str(repo), "build", "--today", TODAY, "--site-dir", str(whole)], env=environment, check=True, capture_output=True)
    assert merged == files_of(whole)


_READ: list[str] | None = None  # while a test records them: the paths the process opens or lists


def _record_reads(event: str, args: tuple[Any, ...]) -> None:
    if _READ is not None and event in ("open", "os.scandir", "os.listdir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _READ.append(os.path.abspath(os.fsdecode(args[0])))


sys.addaudithook(_record_reads)  # hooks cannot be removed: this one records only while _READ is a list


def test_a_slice_reads_only_its_own_customers_folders_and_history(run: Callable[..., Ran], repo: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file and folder a slice opens under records/customers/ is its customers', and so is every version of a
    record it reads from Git; another slice's broken record is left to validate and the merge, which refuse it."""
    global _READ
    customers = repo / "records" / "customers"
    folders = {path.parent.name: path.parent for path in customers.rglob("customer.yaml")}
    for folder in folders.values():  # a second commit that changes every customer, so each one's history reads versions
        record = folder / "customer.yaml"
        record.write_text(record.read_text(encoding="utf-8").replace("Prefers contact by email.", "Prefers contact by post."), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Contact by post")
    ours = {name for name in folders if Shard(1, 2).holds(name)}
    broken = folders[min(set(folders) - ours)] / "customer.yaml"
    broken.write_text("id: [not closed\n", encoding="utf-8")  # another slice's, uncommitted

    from flagsite.git.blobs import BlobReader
    versions_read: list[str] = []
    read_blob = BlobReader.read

    def read_and_record(self: BlobReader, sha: str | None, path: str | None = None) -> bytes | None:
        versions_read.append(path or "")
        return read_blob(self, sha, path)

    monkeypatch.setattr(BlobReader, "read", read_and_record)
    _READ = []
    try:
        slice_ = run("--root", str(repo), "build", "--today", TODAY, "--shard", "1/2", "--site-dir", str(repo.parent / "slice-1"))
        read = [path for path in _READ if path.startswith(str(customers) + os.sep)]
    finally:
        _READ = None
    assert slice_.exit_code == 0, slice_.output
    assert f"the pages of {len(ours)} customer(s)" in slice_.output

    def customer_of(path: str) -> str | None:  # of a path in the repository, or from its top
        return next((part for part in (repo / path).relative_to(customers).parts if part in folders), None)

    opened = {customer_of(path) for path in read}
    assert opened - {None} == ours  # each of its customers read, no other one (None: the folder that groups them)
    assert all(customer_of(path) in ours for path in versions_read if path)
    assert {customer_of(path) for path in versions_read} == ours  # each history compared its versions

    refused = [run("--root", str(repo), "build", "--today", TODAY, "--site-dir", str(repo.parent / "whole")),
               run("--root", str(repo), "build", "--today", TODAY, "--merge", str(repo.parent / "slice-1"))]
    assert all(result.exit_code == 1 and str(broken.relative_to(repo)) in result.output for result in refused)
