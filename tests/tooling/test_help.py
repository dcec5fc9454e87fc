"""Every editing and scaffolding command explains itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import Result

COMMANDS = [["flag"], ["flag", "add"], ["flag", "edit"], ["flag", "remove"], ["flag", "bulk"], ["flag", "changes"],
            ["note"], ["note", "new"], ["init"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_command_has_help(run: Callable[..., Result], command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    summary = result.stdout.split("\n\n")[1].strip()
    assert len(summary) > 20, result.stdout
