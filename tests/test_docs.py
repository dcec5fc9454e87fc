"""The README and the command line say the same thing."""

from __future__ import annotations

import re

import click

from flagsite.cli.main import cli

from .conftest import REPO_ROOT


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        found.append((full, command))
        if isinstance(command, click.Group):
            found += _commands(command, full + " ")
    return found


def test_every_command_has_help_text_and_a_row_in_the_readme() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in _commands(cli):
        assert (command.help or "").strip(), f"flagsite {name} has no help text"
        if not isinstance(command, click.Group):
            assert f"flagsite {name}" in readme.replace("\\|", "|") or _listed_with_siblings(name, readme), f"flagsite {name} is not in README.md"


def _listed_with_siblings(name: str, readme: str) -> bool:
    """`flagsite flag add|edit|remove` documents three commands in one row."""
    if " " not in name:
        return False
    group, sub = name.rsplit(" ", 1)
    for line in readme.replace("\\|", "|").splitlines():
        marker = f"flagsite {group} "
        if marker in line:
            words = line.split(marker, 1)[1].split(" ", 1)[0]
            if sub in words.split("|"):
                return True
    return False


def test_readme_quick_start_is_two_commands_that_ci_runs() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("\n", 1)[1].strip() for block in start.split("```sh")[1:]]
    commands = [block.split("```", 1)[0].strip() for block in blocks]
    assert len(commands) == 2
    assert "flagsite build" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_test_the_security_pages_name_exists() -> None:
    """SECURITY.md and docs/deploy.md say which tests hold each guarantee: those tests must be there."""
    for doc in ("SECURITY.md", "docs/deploy.md"):
        named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?", (REPO_ROOT / doc).read_text(encoding="utf-8"))
        assert named, f"{doc} names no test"
        for path, name in named:
            assert (REPO_ROOT / path).is_file(), f"{doc} names {path}, which does not exist"
            if name:
                assert f"def {name}(" in (REPO_ROOT / path).read_text(encoding="utf-8"), f"{doc} names {path}::{name}"
