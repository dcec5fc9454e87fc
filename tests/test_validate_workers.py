"""validate over many customers runs in worker processes: the same findings, in the same order, as one
process; the same output from run to run; and a validate stopped half way leaves nothing behind."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flagsite import repository
from flagsite.repository import load_repository

from .test_example_files import CASES, TODAY, _cases

A_NOTE = CASES / "valid" / "grouped-with-notes-and-orders" / "records" / "customers" / "group-a" / "C-1" / "notes" / "2026-06-03-balance.yaml"
FLAGSITE = [sys.executable, "-c", "from flagsite.cli.main import main; main()"]


def _every_kind_of_error(root: Path) -> Path:
    """One repository holding the records of every invalid example case (each in a group folder of its
    name), with enough valid customers besides for validate to use its worker processes."""
    customers, orders, erased = root / "records" / "customers", root / "records" / "orders", root / "records" / "erased"
    for case in _cases("invalid"):
        if (case / "links.yaml").exists():  # links made for the case would lead elsewhere from here
            continue
        if (case / "records" / "customers").is_dir():
            shutil.copytree(case / "records" / "customers", customers / case.name)
        for csv in sorted((case / "records" / "orders").glob("*.csv")):
            orders.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(csv, orders / f"{case.name}-{csv.name}")
        for erasure in sorted((case / "records" / "erased").glob("*.yaml")):
            erased.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(erasure, erased / erasure.name)
    for i in range(repository.PARALLEL_THRESHOLD):
        folder = customers / "valid" / f"V-{i:04d}"
        folder.mkdir(parents=True)
        (folder / "customer.yaml").write_text(f"id: V-{i:04d}\nname: Valid Customer\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _every_kind_of_error(tmp_path_factory.mktemp("every-kind"))


def test_the_repository_holds_errors_of_every_kind(repo: Path) -> None:
    codes = {finding.code for finding in load_repository(str(repo), today=TODAY, jobs=1).findings}
    assert {"Y001", "Y002", "Y003", "Y007", "S001", "S002", "S003", "S004", "R002", "R005", "R011", "R021"} <= codes
    assert len(codes) >= 30


def test_workers_and_one_process_give_the_same_findings_in_the_same_order(repo: Path) -> None:
    one = load_repository(str(repo), today=TODAY, jobs=1)
    workers = load_repository(str(repo), today=TODAY, jobs=2)
    findings_only = load_repository(str(repo), today=TODAY, jobs=2, keep_records=False)
    assert workers.findings == one.findings
    assert findings_only.findings == one.findings
    assert list(workers.catalog.customers) == list(one.catalog.customers)
    assert workers.catalog.customers == one.catalog.customers


def test_small_repositories_stay_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_workers(*args: object, **kwargs: object) -> None:
        raise AssertionError("worker processes started for a small repository")

    monkeypatch.setattr(repository, "ProcessPoolExecutor", no_workers)
    folder = tmp_path / "records" / "customers" / "C-1"
    folder.mkdir(parents=True)
    (folder / "customer.yaml").write_text("id: C-1\nname: Ann Example\nstatus: dormant\n", encoding="utf-8")
    assert [f.code for f in load_repository(str(tmp_path), today=TODAY, jobs=2).findings] == ["S003"]


def _validate(repo: Path, *args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([*FLAGSITE, "--root", str(repo), "validate", *args], capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize("format_", ["text", "json"])
def test_output_is_the_same_from_run_to_run_and_with_any_number_of_workers(repo: Path, format_: str) -> None:
    one, workers = (_validate(repo, "--format", format_, "--jobs", jobs, seed=seed) for jobs, seed in [("1", "1"), ("2", "2")])
    assert one.returncode == workers.returncode == 1
    assert one.stdout.count("\n" if format_ == "text" else '"code"') > 40
    assert workers.stdout == one.stdout


def _snapshot(root: Path) -> dict[str, str]:
    """Every file and link under root, with a digest of what it holds."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                found[rel] = "link to " + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "folder"
    return found


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            found += [int(child) for child in handle.read().split()]
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.fixture(scope="module")
def larger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A repository that takes validate seconds (stopped while the workers are at it), and its snapshot.

    Large enough that a quiet machine is still at work when the signal comes: one that had finished
    would be ended in the interpreter's shutdown, by the signal's default action, not by flagsite.
    """
    repo = _every_kind_of_error(tmp_path_factory.mktemp("larger"))
    for i in range(8000):
        notes = repo / "records" / "customers" / "more" / f"M-{i:04d}" / "notes"
        notes.mkdir(parents=True)
        (notes.parent / "customer.yaml").write_text(f"id: M-{i:04d}\nname: Ann Example\n", encoding="utf-8")
        (notes / "2026-06-03-balance.yaml").write_bytes(A_NOTE.read_bytes())
    return repo, _snapshot(repo)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: signal.Signals(s).name)
def test_a_validate_stopped_half_way_changes_nothing_and_leaves_no_process(larger: tuple[Path, dict[str, str]], stop: signal.Signals) -> None:
    repo, before = larger
    # Its own process group, as a command run from a terminal: Ctrl-C (SIGINT) reaches the whole group.
    # Python leaves SIGINT ignored when it starts so (a background job): as at a terminal, it is not.
    command = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); " + FLAGSITE[-1]]
    started = subprocess.Popen([*command, "--root", str(repo), "validate", "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 120
        while len(workers) < 2 and started.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            workers = _children(started.pid)
        time.sleep(0.2)  # at work (a signal during a fork is another matter)
        assert started.poll() is None, "validate ended before it was stopped: the repository is too small to stop it half way"
        if stop == signal.SIGINT:
            os.killpg(started.pid, stop)
        else:  # ended by a supervisor: the command alone
            started.send_signal(stop)
        started.communicate(timeout=60)  # also waits for every process holding its output open
    finally:
        if started.poll() is None:
            os.killpg(started.pid, signal.SIGKILL)
    assert started.returncode == (130 if stop == signal.SIGINT else -stop)
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in workers)
    assert _snapshot(repo) == before
