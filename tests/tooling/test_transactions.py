"""Edits are all-or-nothing through kill -9 and Ctrl-C, and concurrent editors never lose an update.

Real ``flagsite`` processes (the installed console script) are killed while a
large ``flag bulk`` runs; the next flagsite command, whatever it is, must leave
every record file exactly as before the bulk or exactly as after it. The
delays are drawn from a seeded generator, so a failure names its case and
repeats. ``FLAGSITE_TEST_PAUSE_BETWEEN_RENAMES`` (a test-only hook) slows the
renames so that a kill lands between them.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flagsite.edit import transaction
from flagsite.edit.transaction import ChangedMeanwhile, write_files
from flagsite.errors import FlagsiteError

from .conftest import Result, add_customer, customer_file, git

CUSTOMERS = 1000  # enough for the bulk's worker processes, and a rename window a kill can hit
SEED = 20261206
PAUSE = "0.001"  # seconds after each rename: the renames take a second or more


def _flagsite() -> str:
    script = shutil.which("flagsite", path=os.path.dirname(sys.executable))
    assert script is not None
    return script


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def flagsite(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_flagsite(), "--root", str(root), *args], capture_output=True, text=True, env=_env(), check=False)


def records(root: Path) -> dict[str, bytes]:
    """Every file under records/ (relative path -> bytes)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "records").rglob("*")) if p.is_file()}


def leftovers(root: Path) -> list[str]:
    """Staged files anywhere in the repository, and what Git would show of them or of the journal."""
    found = [str(p.relative_to(root)) for p in root.rglob("*.tmp") if ".git" not in p.parts]
    status = git(root, "status", "--porcelain", "--untracked-files=all")
    return found + [line for line in status.splitlines() if line.endswith(".tmp") or ".flagsite" in line]


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A committed repository of many customers, the bulk CSV, and the records before and after it."""
    base = tmp_path_factory.mktemp("large")
    template = base / "template"
    (template / "records" / "customers").mkdir(parents=True)
    for n in range(CUSTOMERS):
        add_customer(template, f"C-{n:05d}", group=f"G-{n // 100:02d}",
                     flags="flags:\n  - type: on-hold   # accounts\n    reason: Invoice unpaid.\n    created: 2026-02-03\n    created_by: max\n")
    env = _env(HOME=str(base), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",  # not the developer's git settings
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "records"]):
        subprocess.run(["git", *args], cwd=template, check=True, env=env, capture_output=True)
    csv_path = base / "bulk.csv"
    with open(csv_path, "w", encoding="utf-8") as handle:
        handle.write("action,customer,type,reason,created,created_by\n")
        handle.writelines(f"add,C-{n:05d},alert,Moved to a new address.,2026-03-01,kim\n" for n in range(CUSTOMERS))
    finished = base / "finished"
    shutil.copytree(template, finished, symlinks=True)
    done = flagsite(finished, "flag", "bulk", str(csv_path))
    assert done.returncode == 0, done.stderr
    after = records(finished)
    before = records(template)
    assert len(after) == len(before) == CUSTOMERS and after != before
    return {"template": template, "csv": csv_path, "before": before, "after": after}


def _wait_for(path: Path, process: subprocess.Popen[bytes], limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not path.exists():
        assert process.poll() is None, f"the bulk ended ({process.returncode}) before {path.name} appeared"
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.002)


# (signal, the moment from which the delay is counted, the state expected when the kill lands in time, the next command)
CASES = [
    (signal.SIGKILL, "journal.json", "before", "validate"),  # while staging: before the commit point
    (signal.SIGKILL, "staged", "after", "show C-00999"),  # between renames: completed by the next command
    (signal.SIGKILL, "staged", "after", "rules"),
    (signal.SIGKILL, "start", None, "validate"),  # anywhere: reading, checking, staging or renaming
    (signal.SIGINT, "journal.json", "before", "rules"),  # Ctrl-C while staging: nothing written
    (signal.SIGINT, "staged", "before", "show C-00001"),  # Ctrl-C between renames: rolled back at once
    (signal.SIGINT, "staged", "before", "validate"),
]


@pytest.mark.parametrize(("number", "case"), list(enumerate(CASES)), ids=[f"{c[0].name}-{c[1]}-{n}" for n, c in enumerate(CASES)])
def test_a_killed_bulk_leaves_the_records_wholly_before_or_wholly_after(large: dict[str, Any], tmp_path: Path, number: int, case: tuple[signal.Signals, str, str | None, str]) -> None:
    kill, moment, expected, command = case
    rng = random.Random(SEED + number)
    root = tmp_path / "repo"
    shutil.copytree(large["template"], root, symlinks=True)
    process = subprocess.Popen(
        [_flagsite(), "--root", str(root), "flag", "bulk", str(large["csv"])],
        env=_env(**{transaction.PAUSE_ENV: PAUSE}), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: a terminal's Ctrl-C reaches the workers too
    )
    if moment == "start":
        time.sleep(rng.uniform(0.2, 3.0))
    else:
        _wait_for(root / ".flagsite" / moment, process)
        time.sleep(rng.uniform(0.0, 0.01 if moment == "journal.json" else 0.8))
    still_running = process.poll() is None
    assert still_running or moment == "start", "the bulk finished before the kill: widen the window"
    if still_running:
        os.killpg(process.pid, kill)
    _out, err = process.communicate(timeout=60)
    if still_running and kill == signal.SIGINT:
        assert process.returncode == 130 and b"Traceback" not in err, err
    # Any command recovers what the bulk left, even one that reads no record.
    after_kill = flagsite(root, *command.split())
    assert after_kill.returncode == 0, after_kill.stdout + after_kill.stderr
    now = records(root)
    state = "before" if now == large["before"] else "after" if now == large["after"] else "mixed"
    assert state != "mixed", f"seed {SEED + number}: {sum(now[p] != large['before'][p] for p in now)} of {CUSTOMERS} files changed"
    if still_running and expected is not None and process.returncode != 0:
        assert state == expected, (after_kill.stderr, process.returncode)
    assert leftovers(root) == []
    assert not (root / ".flagsite" / "journal.json").exists()


def test_recovery_says_what_it_did_and_runs_before_any_command(large: dict[str, Any], tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(large["template"], root, symlinks=True)
    process = subprocess.Popen([_flagsite(), "--root", str(root), "flag", "bulk", str(large["csv"])],
                               env=_env(**{transaction.PAUSE_ENV: PAUSE}), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(root / ".flagsite" / "staged", process)
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    shown = flagsite(root, "show", f"C-{CUSTOMERS - 1:05d}")  # a command that only reads
    assert shown.returncode == 0, shown.stderr
    assert f"finished an edit that was interrupted ({CUSTOMERS} file(s) written)" in shown.stderr
    assert "alert" in shown.stdout and records(root) == large["after"]


def test_concurrent_flag_adds_on_one_customer_never_lose_one(repo: Path) -> None:
    """Each add reads the file inside the lock: none works from a copy another add is replacing."""
    count = 8
    processes = [
        subprocess.Popen([_flagsite(), "--root", str(repo), "flag", "add", "C-10042", "--type", "alert",
                          "--reason", f"Moved house, number {n}.", "--created", f"2026-01-{n + 1:02d}", "--by", "kim"],
                         env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(count)
    ]
    errors = [p.communicate(timeout=120)[1] for p in processes]
    results = [(p.returncode, err) for p, err in zip(processes, errors, strict=True)]
    text = customer_file(repo).read_text()
    for n, (code, err) in enumerate(results):
        if code == 0:
            assert f"Moved house, number {n}." in text, f"add {n} said it succeeded, but its flag is not there"
        else:
            assert "another flagsite edit is running" in err, err
    # Refusals happen only when the machine is so busy that an add waits out the lock's patience.
    assert sum(code == 0 for code, _ in results) >= 2, results
    assert flagsite(repo, "validate").returncode == 0


def test_a_second_editor_is_refused_naming_the_first(large: dict[str, Any], tmp_path: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    shutil.copytree(large["template"], root, symlinks=True)
    process = subprocess.Popen([_flagsite(), "--root", str(root), "flag", "bulk", str(large["csv"])],
                               env=_env(**{transaction.PAUSE_ENV: PAUSE}), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(root / ".flagsite" / "staged", process)
    monkeypatch.setattr(transaction, "LOCK_WAIT", 0.3)
    refused = run("--root", str(root), "flag", "remove", "C-00001", "--type", "on-hold")
    assert process.wait(timeout=120) == 0
    assert refused.exit_code == 1
    assert f"another flagsite edit is running (pid {process.pid}); nothing was written" in refused.stderr
    assert records(root) == large["after"]  # the bulk whole, the refused edit not at all
    assert run("--root", str(root), "flag", "remove", "C-00001", "--type", "on-hold").exit_code == 0


@pytest.mark.parametrize("count", [3, transaction.SYNC_ONE_BY_ONE + 4])  # files synced one by one, and all at once
def test_a_failure_between_renames_puts_every_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    paths = [str(tmp_path / f"f{n:02d}.yaml") for n in range(count)]
    for path in paths[:-1]:
        Path(path).write_bytes(b"old\n")  # the last one is a new file
    real = transaction._put_in_place
    calls = []

    def failing(temp: str, target: str, entry: object) -> None:
        calls.append(target)
        if len(calls) == count - 1:  # no real rename fails on demand for the owner of a temp folder
            raise OSError(28, "No space left on device", target)
        real(temp, target, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(transaction, "_put_in_place", failing)
    with pytest.raises(FlagsiteError, match=r"nothing was written: .*: No space left on device; every file is as it was"):
        write_files(str(tmp_path), dict.fromkeys(paths, b"new\n"))
    assert [Path(p).read_bytes() for p in paths[:-1]] == [b"old\n"] * (count - 1)
    assert sorted(os.listdir(tmp_path)) == sorted([".flagsite", *(os.path.basename(p) for p in paths[:-1])])  # nothing staged left
    assert sorted(os.listdir(tmp_path / ".flagsite")) == [".gitignore", "backup", "lock"]
    assert os.listdir(tmp_path / ".flagsite" / "backup") == []
    monkeypatch.undo()
    write_files(str(tmp_path), dict.fromkeys(paths, b"new\n"))
    assert {Path(p).read_bytes() for p in paths} == {b"new\n"}


def test_the_file_mode_is_kept_and_a_new_file_gets_the_usual_one(tmp_path: Path) -> None:
    kept = tmp_path / "kept.yaml"
    kept.write_bytes(b"old\n")
    kept.chmod(0o640)
    write_files(str(tmp_path), {str(kept): b"new\n", str(tmp_path / "made.yaml"): b"made\n"}, expected={str(tmp_path / "made.yaml"): None})
    assert kept.read_bytes() == b"new\n" and kept.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "made.yaml").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_file_saved_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_bytes(b"read\n")
    b.write_bytes(b"saved by someone else\n")
    with pytest.raises(ChangedMeanwhile, match="nothing was written"):
        write_files(str(tmp_path), {str(a): b"new\n", str(b): b"new\n"}, expected={str(a): b"read\n", str(b): b"read\n"})
    assert a.read_bytes() == b"read\n" and b.read_bytes() == b"saved by someone else\n"
    with pytest.raises(ChangedMeanwhile, match="was created"):
        write_files(str(tmp_path), {str(a): b"new\n"}, expected={str(a): None})


def test_the_journal_folder_is_neither_a_stray_nor_in_git(repo: Path, run: Callable[..., Result]) -> None:
    assert run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Moved house.", "--by", "kim").exit_code == 0
    assert (repo / ".flagsite" / "lock").exists()
    assert git(repo, "status", "--porcelain", "--untracked-files=all").splitlines() == [" M records/customers/C-10042/customer.yaml"]
    assert run("--root", str(repo), "validate").exit_code == 0


@pytest.mark.parametrize("journal", ['{"version": 1, "files": [', '{"files": [{"path": "x"}]}', "[]"])  # cut short, or not flagsite's
def test_an_unreadable_journal_is_reported_not_guessed_at(repo: Path, run: Callable[..., Result], journal: str) -> None:
    (repo / ".flagsite").mkdir()
    (repo / ".flagsite" / "journal.json").write_text(journal)
    before = records(repo)
    checked = run("--root", str(repo), "validate")
    assert checked.exit_code == 0 and "warning: " in checked.stderr and "journal of an interrupted edit cannot be read" in checked.stderr
    refused = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Moved house.", "--by", "kim")
    assert refused.exit_code == 1 and "journal of an interrupted edit cannot be read" in refused.stderr
    assert "Traceback" not in refused.stderr and records(repo) == before
