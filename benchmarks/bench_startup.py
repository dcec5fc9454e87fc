"""How long a command takes from the shell, start-up included, as an editor or a script runs it.

    python benchmarks/bench_startup.py [--repeat N]

Each command runs N times (default 15) as its own process, in a small synthetic
records repository committed to Git; prints the median and fastest wall time and the median CPU time,
and Python's bare start (``python -c pass``) and ``import click`` for reference
(target: every command <= 0.15 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from synthetic import make_repository

# What the installed `flagsite` script runs, through this Python: PYTHONPATH=OTHER/src measures another checkout.
FLAGSITE = [sys.executable, "-c", "from flagsite.cli.main import main; main()"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        make_repository(root, 50)
        subprocess.run([*FLAGSITE, "--root", root, "schema"], check=True, capture_output=True)
        env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@example.com", "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@example.com"}
        for git in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "records"]):
            subprocess.run(["git", *git], cwd=root, check=True, env=env)
        customers = [f"C-{n:06d}" for n in range(args.repeat)]
        cases: list[tuple[str, list[str], list[list[str]] | None]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("python -c 'import click'", [sys.executable, "-c", "import click"], None),
            ("flagsite --help", [*FLAGSITE, "--help"], None),
            ("flagsite flag add --help", [*FLAGSITE, "flag", "add", "--help"], None),
            ("flagsite history ID", [*FLAGSITE, "history"], [[c] for c in customers]),
            ("flagsite show ID", [*FLAGSITE, "show"], [[c] for c in customers]),
            ("flagsite flag add ID ...", [*FLAGSITE, "flag", "add", "--type", "manager", "--reason", "Asked to speak with a manager about the refund.", "--by", "bench"],
             [[c] for c in customers]),
        ]
        print(f"{args.repeat} runs each; Python {sys.version.split()[0]}, {os.cpu_count()} cores")
        print(f"{'command':<28} {'median':>8} {'fastest':>8} {'CPU':>8}")
        for label, command, each in cases:
            walls, cpus = run_times(command, args.repeat, root, each)
            print(f"{label:<28} {statistics.median(walls):>7.3f}s {min(walls):>7.3f}s {statistics.median(cpus):>7.3f}s")


if __name__ == "__main__":
    main()
