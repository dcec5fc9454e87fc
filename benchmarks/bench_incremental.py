"""Incremental builds: a second build with nothing changed, a build after one edit, and serve's save-to-page time.

For each size it makes a synthetic repository once (kept under ``--work`` and reused:
10,000 customers take minutes to write), then times, each in a fresh process:
  1. a full ``flagsite build`` into an empty site folder,
  2. the same build again with nothing changed,
  3. a build after one customer's flag reason was edited,
and, with ``flagsite serve`` running, the time from saving an edited flag reason
to the customer's page being served with it (polled every 20 ms), a few times.

``--shared-pages`` measures, in this process, the pages shared by all customers and the
search index (``list_pages()`` and ``search_index()``): made from nothing, made again with
nothing changed, and made again after one customer's flag reason was edited, in CPU seconds
(``time.process_time``), the median of ``--edits`` edits.

    python benchmarks/bench_incremental.py                 # 1,000 and 10,000 customers
    python benchmarks/bench_incremental.py --sizes 200     # a quick look
    python benchmarks/bench_incremental.py --shared-pages  # the shared pages alone

Targets at 10,000 customers: nothing changed <= 3 s; save to page <= 1 s; the shared pages
after one edit <= 0.15 s CPU.
Each measure is a function (``build_seconds``, ``save_to_page_seconds``, ``shared_pages_seconds``)
other scripts can call.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "web"))

import site_factory  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
TODAY = site_factory.TODAY.isoformat()
_REASON = re.compile(r"(reason: Recorded on call )([^\n]*)")


def flagsite_command() -> str:
    return shutil.which("flagsite", path=os.path.dirname(sys.executable)) or "flagsite"


def repository(work: str, size: int) -> str:
    """A synthetic repository of ``size`` customers under ``work``, made once and reused."""
    root = os.path.join(work, f"n{size}", "repo")
    done = os.path.join(work, f"n{size}", "made")
    if not os.path.exists(done):
        shutil.rmtree(os.path.dirname(root), ignore_errors=True)
        site_factory.synthetic(root, size)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True)
        subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-qm", "records"],
                       cwd=root, check=True)
        open(done, "w", encoding="utf-8").close()
    return root


def flagged_customer(root: str) -> tuple[str, str]:
    """(customer id, its customer.yaml) of the first customer with a flag."""
    for folder, _dirs, names in sorted(os.walk(os.path.join(root, "records", "customers"))):
        if "customer.yaml" in names:
            path = os.path.join(folder, "customer.yaml")
            with open(path, encoding="utf-8") as handle:
                if _REASON.search(handle.read()):
                    return os.path.basename(folder), path
    raise SystemExit(f"{root}: no flagged customer")


def edit_flag_reason(path: str, marker: str) -> None:
    """Rewrite the first flag reason of a customer.yaml to end with ``marker``, as an editor saves it."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_REASON.sub(lambda m: f"{m.group(1)}{marker}.", text, count=1))


def build_seconds(root: str, site: str) -> float:
    """Wall-clock seconds of one ``flagsite build`` into ``site``, in a fresh process."""
    start = time.perf_counter()
    subprocess.run([flagsite_command(), "--root", root, "build", "--today", TODAY, "--site-dir", site],
                   env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def free_port() -> int:
    """A port on this machine that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_text(url: str) -> str:
    """The page at ``url``, or "" while it cannot be had (the server starting or rebuilding)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, text: str, seconds: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in page_text(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used (Linux): what a rebuild costs, whatever else the machine runs."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def save_to_page_seconds(root: str, edits: int = 3, timeout: float = 600, cpu: list[float] | None = None) -> list[float]:
    """With ``flagsite serve`` running on ``root``: seconds from saving an edited flag reason to its page served with it.

    ``cpu``, when given, receives the CPU seconds the server spent on each edit.
    """
    customer_id, path = flagged_customer(root)
    port = free_port()
    url = f"http://127.0.0.1:{port}/customers/{customer_id}/"
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen([flagsite_command(), "--root", root, "serve", "--port", str(port), "--today", TODAY],
                                  env=ENV, stdout=log, stderr=log)
        try:
            if _wait_for(url, customer_id, timeout) is None:
                log.seek(0)
                raise SystemExit(f"serve did not start:\n{log.read().decode(errors='replace')[-2000:]}")
            times = []
            for number in range(edits):
                time.sleep(1.5)  # the watcher's own settling time is not the edit's
                marker = f"edited-{number}-{time.time_ns()}"
                used = _cpu_seconds(server.pid)
                edit_flag_reason(path, marker)
                seconds = _wait_for(url, marker, timeout)
                if seconds is None:
                    raise SystemExit(f"the edit {marker} did not reach {url} within {timeout} s")
                times.append(seconds)
                if cpu is not None:
                    cpu.append(_cpu_seconds(server.pid) - used)
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(original)


def shared_pages_seconds(root: str, edits: int = 3) -> tuple[float, float, float]:
    """CPU seconds of ``list_pages()`` and ``search_index()``: from nothing, with nothing changed, after one edit (median)."""
    from flagsite.render.environment import MemoryBytecodeCache
    from flagsite.render.shared_pages import SharedPages
    from flagsite.render.site import SiteRenderer
    from flagsite.repository import ReadCache, load_repository

    # As serve and build keep them: the records read, the templates compiled, the shared pages.
    cache, compiled, shared = ReadCache(), MemoryBytecodeCache(), SharedPages()

    def render() -> float:
        result = load_repository(root, today=site_factory.TODAY, cache=cache)
        renderer = SiteRenderer(result.catalog, shared=shared, folder_keys=result.folder_keys, bytecode_cache=compiled)
        start = time.process_time()
        renderer.list_pages()
        renderer.search_index()
        return time.process_time() - start

    cold = render()
    unchanged = render()
    _customer, path = flagged_customer(root)
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    try:
        one_edit = []
        for number in range(edits):
            edit_flag_reason(path, f"edited-{number}-{time.time_ns()}")
            one_edit.append(render())
    finally:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
    return cold, unchanged, statistics.median(one_edit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", default=os.path.join(HERE, "..", ".bench", "incremental"))
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--shared-pages", action="store_true", help="list_pages() and search_index() alone, in CPU seconds")
    args = parser.parse_args()
    if args.shared_pages:
        print(f"{'customers':>9} {'from nothing':>12} {'unchanged':>9} {'one edit':>8}   (CPU seconds of list_pages + search_index)")
        for size in args.sizes:
            cold, unchanged, one_edit = shared_pages_seconds(repository(os.path.abspath(args.work), size), args.edits)
            print(f"{size:>9} {cold:>11.3f}s {unchanged:>8.3f}s {one_edit:>7.3f}s", flush=True)
        return
    print(f"{'customers':>9} {'full build':>10} {'unchanged':>9} {'one edit':>8} {'serve: save to page (median, max)':>34}")
    for size in args.sizes:
        root = repository(os.path.abspath(args.work), size)
        site = os.path.join(os.path.dirname(root), "site")
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(os.path.join(root, ".flagsite", "build-cache"), ignore_errors=True)
        full = build_seconds(root, site)
        unchanged = build_seconds(root, site)
        _customer, path = flagged_customer(root)
        with open(path, encoding="utf-8") as handle:
            original = handle.read()
        edit_flag_reason(path, f"edited-{time.time_ns()}")
        try:
            one_edit = build_seconds(root, site)
        finally:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(original)
        cpu: list[float] = []
        served = save_to_page_seconds(root, args.edits, cpu=cpu)
        print(f"{size:>9} {full:>9.1f}s {unchanged:>8.1f}s {one_edit:>7.1f}s "
              f"{statistics.median(served):>25.2f}s, {max(served):.2f}s (server CPU {statistics.median(cpu):.2f}s)", flush=True)
    print("each build in a fresh process; serve: from the file saved to the page served with the change,")
    print("and the CPU time the server spent on it (what it would take on an idle machine)")


if __name__ == "__main__":
    main()
