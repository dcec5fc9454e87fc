"""Every command loads only what it uses, and the spelling list is read from its cache after the first time.

Start-up is not timed here (benchmarks/bench_startup.py prints the figures); what
makes it slow is: a library imported by a command that never calls it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from flagsite.cli.main import cli

from .conftest import customer_file

# Run the real entry point in a fresh interpreter, then list what it imported.
PROBE = """
import json, sys
from flagsite.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""

HEAVY = ["pydantic", "yaml", "ruamel", "jinja2", "markupsafe", "mkdocs", "spellchecker", "vaderSentiment", "git", "importlib.metadata"]


def imported_by(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True, env=env)
    return set(json.loads(done.stdout.rsplit("\nMODULES ", 1)[1]))


def loaded(modules: set[str], names: list[str]) -> list[str]:
    return [name for name in names if any(m == name or m.startswith(name + ".") for m in modules)]




def every_command(group: click.Group, prefix: tuple[str, ...] = ()) -> list[list[str]]:
    """``--help`` of the group and of every command under it, so that a command added later is checked too."""
    found = [[*prefix, "--help"]]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += every_command(command, (*prefix, name))
        else:
            found.append([*prefix, name, "--help"])
    return found


HELP = every_command(cli)


@pytest.mark.parametrize("args", HELP, ids=" ".join)
def test_help_loads_no_library(args: list[str]) -> None:
    assert loaded(imported_by(*args), HEAVY) == []


LIBRARY = ["flagsite.git", "flagsite.edit.transaction", "flagsite.scaffold.init", "flagsite.locate", "flagsite.models", "flagsite.config"]


@pytest.mark.parametrize("args", HELP, ids=" ".join)
def test_help_loads_none_of_flagsites_own_library(args: list[str]) -> None:
    assert loaded(imported_by(*args), LIBRARY) == []


def test_one_customers_history_loads_no_orders_or_cross_record_checks(repo: Path) -> None:
    modules = imported_by("--root", str(repo), "history", "C-10042")
    assert loaded(modules, ["flagsite.load.orders", "flagsite.check.repository", "flagsite.catalog", "flagsite.edit.transaction"]) == []


def test_show_loads_no_site_policy_or_history(repo: Path) -> None:
    modules = imported_by("--root", str(repo), "show", "C-10042")
    assert loaded(modules, ["jinja2", "mkdocs", "ruamel", "spellchecker", "vaderSentiment", "git"]) == []
    assert loaded(modules, ["flagsite.render", "flagsite.build", "flagsite.policy", "flagsite.history", "flagsite.export", "flagsite.edit.transaction"]) == []


def test_no_pydantic_plugin_is_looked_for(repo: Path) -> None:
    """Plugins would be shown every record checked; looking for them reads every installed package's metadata."""
    probe = PROBE.replace('print("\\nMODULES "', 'print("\\nPLUGINS", sys.modules["pydantic.plugin._loader"]._plugins)\nprint("\\nMODULES "')
    done = subprocess.run([sys.executable, "-c", probe, "--root", str(repo), "history", "C-10042"], capture_output=True, text=True, check=True,
                          env={k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"})
    assert "\nPLUGINS None\n" in done.stdout


def test_one_customers_history_loads_no_site_editing_or_wording(repo: Path) -> None:
    modules = imported_by("--root", str(repo), "history", "C-10042")
    assert loaded(modules, ["jinja2", "mkdocs", "ruamel", "spellchecker", "vaderSentiment", "git"]) == []
    assert loaded(modules, ["flagsite.render", "flagsite.build", "flagsite.edit.flags", "flagsite.repository"]) == []
    # Old versions are read with the models alone: no configuration, policy rules or export.
    assert loaded(modules, ["flagsite.config", "flagsite.policy", "flagsite.export"]) == []


def test_flag_add_loads_no_site(repo: Path) -> None:
    modules = imported_by("--root", str(repo), "flag", "add", "C-10042", "--type", "manager", "--reason", "Asked to speak with a manager.", "--by", "max")
    assert "type: manager" in customer_file(repo).read_text()
    assert loaded(modules, ["jinja2", "mkdocs", "flagsite.render", "flagsite.build", "flagsite.repository"]) == []


def test_export_formats_and_audiences_are_the_librarys() -> None:
    from flagsite.cli.export import AUDIENCES, FORMATS
    from flagsite.export import RENDERERS, Audience

    assert list(FORMATS) == sorted(RENDERERS)
    assert list(AUDIENCES) == [audience.value for audience in Audience]


def test_spelling_list_is_cached_per_user_and_reads_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spellchecker import SpellChecker

    from flagsite.policy.spelling import english_checker

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    parsed = english_checker()  # the first time: parsed, and written to the cache
    written = list((tmp_path / "cache" / "flagsite").glob("spelling-en-*.marshal"))
    assert len(written) == 1
    cached = english_checker()
    fresh = SpellChecker(language="en", distance=2)
    for checker in (parsed, cached):
        frequency = checker.word_frequency
        assert frequency.dictionary == fresh.word_frequency.dictionary
        assert (frequency.total_words, frequency.unique_words, frequency.longest_word_length, frequency.letters) == (
            fresh.word_frequency.total_words, fresh.word_frequency.unique_words, fresh.word_frequency.longest_word_length, fresh.word_frequency.letters)
        assert checker.candidates("recieved") == fresh.candidates("recieved")
        assert checker.word_usage_frequency("refund") == fresh.word_usage_frequency("refund")


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe9\x00\x00\x00"], ids=["empty", "text", "truncated"])
def test_a_damaged_spelling_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    from flagsite.policy.spelling import english_checker

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    english_checker()
    [cache] = (tmp_path / "cache" / "flagsite").glob("spelling-en-*.marshal")
    cache.write_bytes(damage)
    assert "refund" in english_checker()
    assert cache.stat().st_size > 1_000_000  # written whole again
    assert "refund" in english_checker()


def test_an_unwritable_cache_folder_still_checks_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flagsite.policy.spelling import english_checker

    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    checker = english_checker()
    assert "refund" in checker and "recieved" not in checker


def test_validate_findings_are_the_same_with_the_spelling_cache(repo: Path, tmp_path: Path) -> None:
    note = repo / "records" / "customers" / "C-10042" / "notes" / "2026-06-04-call.yaml"
    note.write_text((repo / "records" / "customers" / "C-10042" / "notes" / "2026-06-03-refund.yaml").read_text()
                    .replace("asked for a refund.", "asked for a refund; recieved the confimation."))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", "from flagsite.cli.main import main; main()", "--root", str(repo), "validate"], capture_output=True, text=True, env=env) for _ in range(2)]
    assert list((tmp_path / "cache" / "flagsite").glob("spelling-en-*.marshal"))
    assert "recieved" in runs[0].stdout and "P302" in runs[0].stdout
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode
