"""The policy rules through the real command line: `flagsite rules` and `flagsite validate`."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from flagsite.cli.main import cli, main
from flagsite.config import Config
from flagsite.policy.docs import rules_markdown
from flagsite.rules import all_rules
from flagsite.schema import render_schemas

from .conftest import HERE

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_rules_lists_every_rule_with_code_name_and_severity() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for rule in all_rules():
        assert f"{rule.code}  {rule.name}" in result.output
        assert rule.severity in result.output


@pytest.mark.parametrize("key", ["P303", "p303", "customer-quoted-directly"])
def test_rules_code_prints_the_page(key: str) -> None:
    result = run("rules", key)
    assert result.exit_code == 0
    assert result.output.startswith("# P303 customer-quoted-directly")
    for section in ("## What it does", "## Why", "## Example"):
        assert section in result.output


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["rules", "P000"])
    assert done.value.code == 2
    assert "flagsite rules" in capsys.readouterr().err


def test_every_rule_page_has_its_sections() -> None:
    for rule in all_rules():
        for title in ("What it does", "Why", "Example"):
            assert rule.section(title), f"{rule.code} lacks {title}"


def test_docs_rules_md_is_up_to_date() -> None:
    with open(os.path.join(REPO, "docs", "rules.md"), encoding="utf-8") as handle:
        assert handle.read() == rules_markdown(), "regenerate: flagsite rules --markdown > docs/rules.md"


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in render_schemas(Config()).items():
        with open(os.path.join(REPO, "schema", name), encoding="utf-8") as handle:
            assert handle.read() == text, f"regenerate: flagsite schema ({name})"


SEED_BAD = """\
at: 2026-06-03T14:12:00-05:00
author: jdoe
channel: phone
contact:
  name: Customer
reason: Customer called in cuz they want to cancel. They said "Couldn't deal with this crap"
disposition: cancellation
"""


def test_seed_bad_note_is_stopped_with_findings_that_say_what_to_fix(records: Callable[..., str]) -> None:
    root = records(note_files={"2026-06-03-cancel.yaml": SEED_BAD})
    with pytest.raises(SystemExit) as done:
        main(["--root", root, "validate", "--format", "json"])
    assert done.value.code == 1


def test_seed_bad_note_findings(records: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    root = records(note_files={"2026-06-03-cancel.yaml": SEED_BAD})
    with pytest.raises(SystemExit):
        main(["--root", root, "validate", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    found = {(f["code"], f["line"]) for f in report["findings"] if f["code"].startswith("P")}
    # The name, the vague reason, the slang, the quote, the profanity (line 6), the missing resolution.
    assert {("P101", 5), ("P103", 6), ("P301", 6), ("P303", 6), ("P304", 6)} <= found
    assert any(code == "P104" for code, _ in found)
    messages = " ".join(f["message"] for f in report["findings"])
    assert "'cuz' → because" in messages and "'crap'" in messages


def test_demo_records_pass_the_policy_rules(capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    from flagsite.repository import load_repository

    # On the day the demo note was written: its flag's review date lies ahead.
    findings = load_repository(REPO, today=dt.date(2026, 6, 30), jobs=1).findings
    assert [f for f in findings if f.code.startswith("P")] == []


def test_configuration_example_in_the_docs_is_valid(tmp_path: Path) -> None:
    from flagsite.config import load_config
    from flagsite.policy.docs import _CONFIG_EXAMPLE

    block = _CONFIG_EXAMPLE.split("```yaml\n")[1].split("```")[0]
    (tmp_path / "flagsite.yaml").write_text(block, encoding="utf-8")
    config, findings = load_config(str(tmp_path))
    assert findings == []
    assert config.policy.rules["P107"].enabled is False
