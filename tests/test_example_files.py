"""Every folder under tests/cases/ is a small records repository and a test.

invalid/<case>/expected.yaml lists the findings validate must report (path,
line, column, code), and no other error may appear; valid/<case>/ must load
with no findings at all. A new case is a new folder: no code to write.

A case about symbolic links lists them in links.yaml (link: target) and they
are made in a copy of the case: an sdist cannot carry a link, it copies the
file linked to, or leaves out a link to nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
import yaml

from flagsite.codes import CODES
from flagsite.repository import load_repository
from flagsite.rules import find_rule

CASES = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 22)


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


def with_links(case: Path, tmp_path: Path) -> Path:
    """The case as it is, or a copy with the links of its links.yaml made."""
    links = case / "links.yaml"
    if not links.exists():
        return case
    copy = tmp_path / case.name
    shutil.copytree(case, copy)
    for link, target in yaml.safe_load(links.read_text()).items():
        (copy / link).parent.mkdir(parents=True, exist_ok=True)  # Git keeps no empty folder
        os.symlink(target, copy / link)
    return copy


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case_reports_the_expected_finding(case: Path, tmp_path: Path) -> None:
    expected = yaml.safe_load((case / "expected.yaml").read_text())
    case = with_links(case, tmp_path)
    result = load_repository(str(case), today=TODAY, jobs=1)
    got = [
        {"path": f.path, "line": f.line, "column": f.column, "code": f.code}
        for f in result.findings
        if f.severity == "error"
    ]
    assert got == expected
    assert not result.ok
    for finding in result.findings:
        assert finding.code in CODES or find_rule(finding.code) is not None


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case_has_no_findings(case: Path) -> None:
    result = load_repository(str(case), today=TODAY, jobs=1)
    assert result.findings == []
    assert result.catalog.customers
