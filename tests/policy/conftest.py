"""A throw-away records repository for policy tests: one customer, notes added per test."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flagsite.findings import Finding
from flagsite.repository import load_repository

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.date(2026, 6, 30)
BASE_CUSTOMER = """\
id: C-1
name: Alexander Erickson
status: active
flags:
  - type: on-hold
    reason: Invoices INV-2031 and INV-2044 unpaid for more than 60 days.
    guidance: Take no new orders.
    created: 2026-06-03
    created_by: max
    review_by: 2026-09-03
"""

Validate = Callable[..., list[Finding]]


@pytest.fixture
def records(tmp_path: Path) -> Callable[..., str]:
    """Write a repository: records(note_files={name: text}, customer=text, config=text) -> root."""

    def write(note_files: dict[str, str] | None = None, customer: str = BASE_CUSTOMER, config: str | None = None) -> str:
        folder = tmp_path / "records" / "customers" / "C-1"
        if folder.exists():
            shutil.rmtree(folder)
        (folder / "notes").mkdir(parents=True)
        (folder / "customer.yaml").write_text(customer, encoding="utf-8")
        for name, text in (note_files or {}).items():
            (folder / "notes" / name).write_text(text, encoding="utf-8")
        if config is not None:
            (tmp_path / "flagsite.yaml").write_text(config, encoding="utf-8")
        return str(tmp_path)

    return write


@pytest.fixture
def validate(records: Callable[..., str]) -> Validate:
    def run(**kwargs: Any) -> list[Finding]:
        return load_repository(records(**kwargs), today=TODAY, jobs=1).findings

    return run
