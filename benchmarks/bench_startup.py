"""How long a command takes from the shell, start-up included, as an editor or a script runs it.

    python benchmarks/bench_startup.py [--repeat N] [--sizes 1000,10000] [--work DIR]

For the demo records (``records/`` of this checkout) and for each size of a
synthetic repository (grouped customers, made once under ``--work`` and reused:
10,000 customers take minutes to write), in a Git clone with a few commits on top
(flag edits and a customer regrouped, so history has moves to follow), each
command runs N times (default 9) as its own process, on a different customer
each time. Prints the median and fastest wall time and the median CPU time (the
command's own cost on a busy machine), beside Python's bare start (``python -c
pass``), ``import click`` and a bare ``git log`` of one customer's folder.
Target: every command <= 0.15 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench_incremental  # noqa: E402

# What the installed `flagsite` script runs, through this Python: PYTHONPATH=OTHER/src measures another checkout.
FLAGSITE = [sys.executable, "-c", "from flagsite.cli.main import main; main()"]
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@example.com", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "b@example.com"}
REASON = "Asked to speak with a manager about the refund."


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_times(command: list[str], repeat: int, cwd: str, each: list[list[str]] | None = None) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run (CPU tells the command's own cost on a busy machine)."""
    walls, cpus = [], []
    for n in range(repeat):
        args = command + (each[n] if each else [])
        cpu, start = children_cpu(), time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu)
    return walls, cpus


def git(root: str, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=GIT_ENV).stdout


def customer_folders(root: str) -> dict[str, str]:
    """Customer id -> its folder relative to root, for every folder holding a customer.yaml."""
    found = {}
    for folder, dirs, names in os.walk(os.path.join(root, "records", "customers")):
        if "customer.yaml" in names:
            found[os.path.basename(folder)] = os.path.relpath(folder, root)
            dirs.clear()
    return found


def with_history(source: str, work: str, label: str, picked: list[str]) -> tuple[str, dict[str, str]]:
    """A clone of ``source`` (a Git repository) with a commit per picked customer and one customer regrouped."""
    clone = os.path.join(work, label)
    subprocess.run(["git", "clone", "-q", "--local", source, clone], check=True)
    folders = customer_folders(clone)
    for customer in picked:
        path = os.path.join(clone, folders[customer], "customer.yaml")
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("# reviewed\n")
        git(clone, "commit", "-qam", f"Review {customer}")
    moved = picked[0]
    target = os.path.join("records", "customers", "regrouped", moved)
    os.makedirs(os.path.join(clone, os.path.dirname(target)), exist_ok=True)
    git(clone, "mv", folders[moved], target)
    deeper = target.count("/") - folders[moved].count("/")
    for folder, _dirs, names in os.walk(os.path.join(clone, target)):
        for name in names:  # each file's $schema= link, relative to it, one level further from schema/ per level deeper
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text.replace("$schema=../", "$schema=" + "../" * deeper + "../", 1))
    git(clone, "commit", "-qam", f"Regroup {moved}")
    return clone, customer_folders(clone)


def demo_repository(work: str) -> str:
    """The demo records of this checkout, committed as a repository of their own."""
    root = os.path.join(work, "demo-source")
    checkout = os.path.dirname(HERE)
    shutil.copytree(os.path.join(checkout, "records"), os.path.join(root, "records"))
    if os.path.exists(os.path.join(checkout, "flagsite.yaml")):
        shutil.copy(os.path.join(checkout, "flagsite.yaml"), root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "records")
    return root


def measure(label: str, root: str, folders: dict[str, str], picked: list[str], repeat: int) -> None:
    per_run = [[customer] for customer in (picked * repeat)[:repeat]]
    cases: list[tuple[str, list[str], list[list[str]] | None]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], None),
        ("python -c 'import click'", [sys.executable, "-c", "import click"], None),
        ("git log -- <one customer>", ["git", "log", "--raw", "-M", "--format=%H"], [["--", folders[c]] for (c,) in per_run]),
        ("flagsite --help", [*FLAGSITE, "--help"], None),
        ("flagsite flag add --help", [*FLAGSITE, "flag", "add", "--help"], None),
        ("flagsite history ID", [*FLAGSITE, "history"], per_run),
        ("flagsite show ID", [*FLAGSITE, "show"], per_run),
        ("flagsite flag add ID ...", [*FLAGSITE, "flag", "add", "--type", "manager", "--reason", REASON, "--by", "bench"], per_run),
    ]
    print(f"\n{label}: {len(folders)} customers, {git(root, 'rev-list', '--count', 'HEAD').strip()} commits")
    print(f"{'command':<28} {'median':>8} {'fastest':>8} {'CPU':>8}")
    for name, command, each in cases:
        walls, cpus = run_times(command, repeat, root, each)
        print(f"{name:<28} {statistics.median(walls):>7.3f}s {min(walls):>7.3f}s {statistics.median(cpus):>7.3f}s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--sizes", default="1000,10000", help="customers in each synthetic repository, comma-separated")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "flagsite-bench"),
                        help="where the synthetic repositories are kept between runs")
    args = parser.parse_args()
    print(f"{args.repeat} runs each; Python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as scratch:
        sources = [("demo records", demo_repository(scratch))]
        sources += [(f"{int(size):,} customers", bench_incremental.repository(args.work, int(size))) for size in args.sizes.split(",") if size]
        for label, source in sources:
            ids = sorted(customer_folders(source))
            # Customers spread over the repository, one per run.
            picked = [ids[(n * len(ids)) // args.repeat] for n in range(min(args.repeat, len(ids)))]
            clone, folders = with_history(source, scratch, label.replace(" ", "-").replace(",", ""), picked)
            measure(label, clone, folders, picked, args.repeat)


if __name__ == "__main__":
    main()
