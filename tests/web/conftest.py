"""Fixtures for the site's tests: a small demo repository."""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from site_factory import demo_records


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> str:
    return demo_records(str(tmp_path_factory.mktemp("demo")))
