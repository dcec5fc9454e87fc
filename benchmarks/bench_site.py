"""Site build benchmark: flagsite's build against the bare engine, search payload, peak memory.

For each size it writes a synthetic records repository, then times
  1. ``flagsite build`` (validate, render, MkDocs with the plugin), and
  2. a bare ``mkdocs build`` of the same rendered pages written out as plain files
     (the same theme and navigation, no plugin): the engine's own floor,
each in a fresh process, and prints the ratio, the peak memory of each, and
what a browser downloads before the first search result. The plugin gives the
theme its pages' HTML without running Markdown (which would not change it);
``--markdown`` also times a build with Markdown run over every page
(``raw_pages: false``), to show the cost of validating and rendering alone.

    python benchmarks/bench_site.py                 # 1,000 and 10,000 customers
    python benchmarks/bench_site.py --sizes 200     # a quick look

Targets: build <= 1.15x the bare engine; first-result payload <= 1 MB at 10,000.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "web"))

import yaml  # noqa: E402

import site_factory  # noqa: E402
from flagsite.build import default_config_path  # noqa: E402
from flagsite.history import site_history  # noqa: E402
from flagsite.mkdocs_plugin import NAV  # noqa: E402
from flagsite.render import SCRIPTS, STYLE, render_site, write_site  # noqa: E402
from flagsite.repository import load_repository  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


# Linux keeps a process's peak memory across fork and exec, so a command started from this (large) process
# would report this process's peak as its own: a small launcher forks it and reports its usage to a file.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
os.write(int(sys.argv[1]), repr((time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status))).encode())
"""


def measured(command: list[str], cwd: str) -> dict[str, float]:
    """Wall seconds, CPU seconds (user + system, its worker processes included) and peak resident MB of one command in a fresh process.

    The peak is the largest of the command's processes, each counted from a floor of the launcher's own (about 10 MB).
    """
    # stderr goes to a file: a pipe nobody reads fills up with the records' warnings and stalls the build.
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as report:
        done = subprocess.run([sys.executable, "-I", "-S", "-c", _LAUNCHER, str(report.fileno()), *command], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=errors, pass_fds=(report.fileno(),), check=False)
        report.seek(0)
        if done.returncode != 0 or not report.read(1):
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode(errors='replace')}")
        report.seek(0)
        seconds, cpu, peak_kb, status = ast.literal_eval(report.read().decode())
        if status != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed (exit {status}):\n{errors.read().decode(errors='replace')}")
    return {"wall_s": seconds, "cpu_s": cpu, "peak_mb": peak_kb / 1024}


def timed(command: list[str], cwd: str) -> tuple[float, float]:
    """(seconds, peak resident MB) of one command in a fresh process."""
    figures = measured(command, cwd)
    return figures["wall_s"], figures["peak_mb"]


def bare_project(root: str, target: str, *, with_history: bool = False, plugins: list[str] | None = None) -> dict[str, str]:
    """The rendered pages as plain files, with the default configuration minus the plugin; returns the pages.

    ``with_history``: the pages carry each customer's history from Git, as ``flagsite build`` of a Git repository does.
    ``plugins``: the engine's own plugins to enable (``["search"]`` for Material's search index).
    """
    result = load_repository(root, today=site_factory.TODAY)
    history = (site_history(root, result.catalog) or None) if with_history else None
    pages = render_site(result.catalog, history)
    write_site(pages, os.path.join(target, "docs"))
    with open(default_config_path(), encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    config.update(plugins=plugins or [], nav=NAV, extra_css=[STYLE], extra_javascript=list(SCRIPTS), not_in_nav="/customers/*/\n")
    with open(os.path.join(target, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle)
    return pages


def first_result_payload(site: str) -> tuple[int, int, int]:
    """(search data, whole home page with its assets, largest shard) in bytes, for the worst shard."""
    search = os.path.join(site, "assets", "flagsite", "search")
    shards = [os.path.join(d, n) for d, _, names in os.walk(search) for n in names if n != "manifest.json"]
    largest = max(os.path.getsize(p) for p in shards)
    data = os.path.getsize(os.path.join(search, "manifest.json")) + largest
    data += os.path.getsize(os.path.join(site, "assets", "flagsite", "search.js"))
    with open(os.path.join(site, "index.html"), encoding="utf-8") as handle:
        home = handle.read()
    assets = set(re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"?#:]+)[^"]*"', home))
    page = len(home.encode()) + sum(os.path.getsize(os.path.join(site, a)) for a in assets if os.path.isfile(os.path.join(site, a)))
    return data, page + os.path.getsize(os.path.join(search, "manifest.json")) + largest, largest


def run(size: int, work: str, notes: int, with_markdown: bool) -> dict[str, float]:
    base = os.path.join(work, f"n{size}")
    shutil.rmtree(base, ignore_errors=True)
    root = os.path.join(base, "repo")
    start = time.perf_counter()
    site_factory.synthetic(root, size, notes_per_customer=notes)
    generated = time.perf_counter() - start
    flagsite = shutil.which("flagsite", path=os.path.dirname(sys.executable)) or "flagsite"
    mkdocs = shutil.which("mkdocs", path=os.path.dirname(sys.executable)) or "mkdocs"
    ours, ours_mb = timed([flagsite, "--root", root, "build", "--today", site_factory.TODAY.isoformat()], base)
    slow = 0.0
    if with_markdown:
        config = {"site_name": "bench", "theme": {"name": "material"}, "docs_dir": "docs", "site_dir": "site-md",
                  "plugins": [{"flagsite": {"raw_pages": False}}]}
        os.makedirs(os.path.join(root, "docs"), exist_ok=True)
        with open(os.path.join(root, "mkdocs.yml"), "w", encoding="utf-8") as handle:
            yaml.safe_dump(config, handle)
        slow, _ = timed([flagsite, "--root", root, "build", "--today", site_factory.TODAY.isoformat()], base)
        os.remove(os.path.join(root, "mkdocs.yml"))
    bare = os.path.join(base, "bare")
    bare_project(root, bare)
    floor, floor_mb = timed([mkdocs, "build", "--site-dir", os.path.join(bare, "site")], bare)
    data, whole, largest = first_result_payload(os.path.join(root, "site"))
    pages = sum(1 for _d, _s, names in os.walk(os.path.join(root, "site")) for n in names if n == "index.html")
    with open(os.path.join(root, "site", "assets", "flagsite", "search", "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    return {"size": size, "pages": pages, "generated": generated, "ours": ours, "floor": floor, "ratio": ours / floor, "slow": slow,
            "ours_mb": ours_mb, "floor_mb": floor_mb, "data_kb": data / 1024, "whole_kb": whole / 1024,
            "largest_kb": largest / 1024, "shards": len(manifest["keys"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--notes", type=int, default=3, help="notes per customer")
    parser.add_argument("--markdown", action="store_true", help="also time a build that runs Markdown over every page")
    parser.add_argument("--work", default=os.path.join(HERE, "..", ".bench", "site"))
    args = parser.parse_args()
    print(f"{'customers':>9} {'pages':>6} {'flagsite':>9} {'bare mkdocs':>11} {'ratio':>6} {'peak MB ours/bare':>18} "
          f"{'search data KB':>14} {'home+search KB':>14} {'largest shard KB':>16}")
    for size in args.sizes:
        r = run(size, os.path.abspath(args.work), args.notes, args.markdown)
        print(f"{r['size']:>9} {r['pages']:>6} {r['ours']:>8.1f}s {r['floor']:>10.1f}s {r['ratio']:>5.2f}x "
              f"{r['ours_mb']:>8.0f} / {r['floor_mb']:<7.0f} {r['data_kb']:>14.1f} {r['whole_kb']:>14.1f} {r['largest_kb']:>16.1f}",
              flush=True)
        if r["slow"]:
            print(f"{'':>9} with Markdown over every page: {r['slow']:.1f}s, {r['slow'] / r['floor']:.2f}x the bare engine", flush=True)
    print("ratio = flagsite build (validate + render + MkDocs) / bare mkdocs build of the same pages; target <= 1.15x")
    print("search data = search.js + manifest + the largest shard; home+search = also the home page and every asset it loads")


if __name__ == "__main__":
    main()
