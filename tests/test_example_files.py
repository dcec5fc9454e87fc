"""Every folder under tests/cases/ is a small records repository and a test.

invalid/<case>/expected.yaml lists the findings validate must report (path,
line, column, code), and no other error may appear; valid/<case>/ must load
with no findings at all. A new case is a new folder: no code to write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from flagsite.codes import CODES
from flagsite.policy.registry import find_rule
from flagsite.repository import load_repository

CASES = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 22)


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case_reports_the_expected_finding(case: Path) -> None:
    expected = yaml.safe_load((case / "expected.yaml").read_text())
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
