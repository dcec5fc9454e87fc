"""Work over many records shows a bar on a terminal, and nothing in a CI log, a pipe or a file."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from flagsite.progress import MIN_ITEMS

from .conftest import add_customer, customer_file, git

COMMAND = [sys.executable, "-c", "from flagsite.cli.main import main; main()"]


def run_on_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run with standard error on a pseudo-terminal (as in a shell); its output, and standard output apart."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal's size, as a shell's has
    with subprocess.Popen([*COMMAND, *args], stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL, env=env) as child:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed when the command ends (EIO)
                break
            if not chunk:
                break
            seen += chunk
        out = child.stdout.read() if child.stdout else b""
        code = child.wait()
    os.close(leader)
    return code, out.decode(), seen.decode("utf-8", "replace")


@pytest.fixture
def many(repo: Path) -> Path:
    """The repository with enough customers for a bar, and enough commits of C-10042 for one in its history."""
    for n in range(MIN_ITEMS):
        add_customer(repo, f"C-2{n:04d}")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "many customers")
    # Commits that each add a comment to C-10042's record, in one fast-import stream: each continues from the one before.
    record = customer_file(repo).read_bytes()
    stream = "".join(
        f"commit refs/heads/main\ncommitter T <t@example.invalid> {1_780_000_000 + n} +0000\ndata 2\nn\n{'from refs/heads/main^0' if n == 0 else ''}\n"
        f"M 100644 inline records/customers/C-10042/customer.yaml\ndata {len(record) + len(f'# {n}')}\n{record.decode()}# {n}\n"
        for n in range(MIN_ITEMS))
    branch = git(repo, "branch", "--show-current").strip()
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=stream.replace("refs/heads/main", f"refs/heads/{branch}").encode(), check=True)
    return repo


def without_ci() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "CI"}


def test_validate_shows_a_bar_on_a_terminal_and_prints_the_same_findings(many: Path) -> None:
    code, out, terminal = run_on_terminal(["--root", str(many), "validate"], without_ci())
    piped = subprocess.run([*COMMAND, "--root", str(many), "validate"], capture_output=True, text=True, env=without_ci())
    assert "reading" in terminal and f"/{MIN_ITEMS + 1}" in terminal and "customer" in terminal
    assert (code, out) == (piped.returncode, piped.stdout)  # the findings are not touched by the bar
    assert piped.stderr == ""  # a pipe gets no bar


def test_history_shows_a_bar_on_a_terminal(many: Path) -> None:
    code, out, terminal = run_on_terminal(["--root", str(many), "history", "C-10042"], without_ci())
    assert code == 0 and "C-10042" in out
    # Counted over the customer's own commits (its first and the ones that edit it), not the whole history.
    assert "history" in terminal and "commit" in terminal and f"/{MIN_ITEMS + 1}" in terminal


@pytest.mark.parametrize("ci", ["true"])
def test_no_bar_in_ci(many: Path, ci: str) -> None:
    for args in (["validate"], ["history", "C-10042"]):
        code, out, terminal = run_on_terminal(["--root", str(many), *args], {**without_ci(), "CI": ci})
        assert code == 0 and out
        assert terminal == "", terminal


def test_few_records_show_no_bar(repo: Path) -> None:
    code, _, terminal = run_on_terminal(["--root", str(repo), "validate"], without_ci())
    assert code == 0 and terminal == ""
