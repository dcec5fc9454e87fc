"""The benchmark command runs end to end on a small repository and writes its figures as promised.

It times nothing: figures are for people to read (benchmarks/run.py); this only keeps the command working.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import REPO_ROOT


def test_run_writes_medians_and_spreads_of_each_side_beside_its_reference(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "benchmarks" / "run.py"), "--customers", "12", "--commits", "2", "--repeat", "2",
         "--figures", "validate,history,build", "--work", str(tmp_path / "work"), "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["customers"] == 12 and figures["commits"] == 3 and figures["repeat"] == 2
    by_name = {figure["figure"]: figure for figure in figures["figures"]}
    assert set(by_name) == {"validate", "history", "build"}
    build = by_name["build"]["sides"]
    assert {"flagsite build", "bare mkdocs build (Material)"} <= set(build)
    for side in build.values():
        wall = side["wall_s"]
        assert len(wall["runs"]) == 2 and wall["min"] <= wall["q1"] <= wall["median"] <= wall["q3"] <= wall["max"]
        assert side["peak_mb"]["median"] > 0 and side["cpu_s"]["median"] > 0
    assert by_name["build"]["ratio_to_reference"]["bare mkdocs build (Material)"]["wall_s"] > 0
    assert figures["search_before_first_result"]["Material search index KB (fetched whole)"] > 0
    assert "| build | flagsite build |" in done.stdout  # the table, in Markdown
