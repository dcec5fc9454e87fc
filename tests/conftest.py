from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import Phase, settings

REPO_ROOT = Path(__file__).resolve().parent.parent


def installed_flagsite() -> str:
    """The flagsite script installed beside the interpreter running the tests, so a test runs this
    checkout's command, not whichever 'flagsite' comes first on PATH (another environment's, or a
    version manager's shim); PATH only where the script is not beside it."""
    beside = Path(sys.executable).parent / "flagsite"
    return str(beside) if beside.exists() else shutil.which("flagsite") or str(beside)

# Property and fuzz tests: the same examples on every run in CI (a failure reproduces
# anywhere, and no example database is kept); HYPOTHESIS_PROFILE=deep explores ten
# times as many, new ones on each run, for a fuzzing session by hand.
# The explain phase reruns a failing example many times over to say which lines only failures ran:
# minutes on a slow fuzz test, for a hint the shrunk example gives anyway.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink])
settings.register_profile("deep", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _home_is_a_temp_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's own home (git config, caches)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
