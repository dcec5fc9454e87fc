"""The code type-checks: mypy --strict over src/flagsite and tests, with the settings in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import REPO_ROOT


def test_mypy_finds_no_errors() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install '.[test]'")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(REPO_ROOT / ".mypy_cache")],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
