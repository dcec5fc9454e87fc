"""flagsite init: a new records repository that validates clean, with its configuration and workflow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from flagsite.config import Config, load_config
from flagsite.rule_settings import PolicySettings
from flagsite.scaffold.init import planned_files

from .conftest import Result, git


def test_init_writes_a_repository_that_validates_clean(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "new-records"
    result = run("init", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"initialised a Git repository in {target}" in result.stdout
    for path in ("flagsite.yaml", ".github/workflows/flagsite.yml", ".pre-commit-config.yaml", ".github/CODEOWNERS", ".gitignore",
                 "records/customers/C-00001/customer.yaml", "records/customers/C-00001/notes/2024-01-15-delivery-address.yaml",
                 "schema/customer.schema.json", "schema/note.schema.json"):
        assert (target / path).is_file(), path
        assert f"wrote {path}" in result.stdout
    assert git(target, "rev-parse", "--is-inside-work-tree").strip() == "true"
    check = run("--root", str(target), "validate")
    assert (check.exit_code, check.stdout) == (0, "All records are valid.\n")


def test_init_writes_a_repository_that_builds_from_a_fresh_clone(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "new-records"
    run("init", str(target))
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Start the records")
    clone = tmp_path / "clone"  # what the workflow checks out: only what Git keeps
    git(tmp_path, "clone", "-q", str(target), str(clone))
    result = run("--root", str(clone), "build")
    assert result.exit_code == 0, result.stderr
    assert (clone / "site" / "customers" / "C-00001" / "index.html").is_file()
    assert not (clone / "site" / "README.txt").exists()


def test_example_records_point_at_the_written_schemas(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "r"
    run("init", str(target))
    for record in (target / "records").rglob("*.yaml"):
        first = record.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), record
        schema = (record.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file() and schema.parent == (target / "schema").resolve(), record


def test_the_written_configuration_is_exactly_the_defaults(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "r"
    run("init", str(target))
    config, findings = load_config(str(target))
    assert findings == []
    assert config == Config()
    text = (target / "flagsite.yaml").read_text()
    # Every setting written out; privacy: as a commented example, so no reply goes out with its placeholder answers.
    assert all(key in yaml.safe_load(text) or f"\n# {key}:\n" in text for key in Config.model_fields)
    assert "privacy" not in yaml.safe_load(text)
    assert text.count("\n# ") >= 5  # and explained
    assert all(f"#   {key}:" in text for key in PolicySettings.model_fields)  # the policy settings too, by example


def test_init_refuses_a_folder_with_records_and_keeps_other_files(tmp_path: Path, run: Callable[..., Result]) -> None:
    existing = tmp_path / "has-records"
    (existing / "records" / "customers").mkdir(parents=True)
    (existing / "records" / "customers" / "keep.txt").write_text("mine")
    refused = run("init", str(existing))
    assert refused.exit_code == 1 and "already holds records/" in refused.stderr
    assert sorted(p.name for p in existing.rglob("*")) == ["customers", "keep.txt", "records"]

    partial = tmp_path / "has-config"
    partial.mkdir()
    (partial / "flagsite.yaml").write_text("missteps_days: 30\n")
    git(partial, "init", "-q")
    result = run("init", str(partial))
    assert result.exit_code == 0, result.stderr
    assert "kept flagsite.yaml (already there)" in result.stdout
    assert "initialised a Git repository" not in result.stdout
    assert (partial / "flagsite.yaml").read_text() == "missteps_days: 30\n"


def test_init_inside_an_existing_repository_does_not_nest_one(tmp_path: Path, run: Callable[..., Result]) -> None:
    git(tmp_path, "init", "-q")
    result = run("init", str(tmp_path / "sub"))
    assert result.exit_code == 0 and "initialised" not in result.stdout
    assert not (tmp_path / "sub" / ".git").exists()


def test_init_copies_the_site_configuration_when_the_package_ships_one(tmp_path: Path, run: Callable[..., Result]) -> None:
    shipped = [rel for rel, _ in planned_files()]
    run("init", str(tmp_path / "r"))
    assert ("mkdocs.yml" in shipped) == (tmp_path / "r" / "mkdocs.yml").is_file()


def test_the_pre_commit_hook_and_workflows_are_well_formed() -> None:
    root = Path(__file__).resolve().parents[2]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
    assert hooks == [{
        "id": "flagsite-validate", "name": "flagsite validate", "description": hooks[0]["description"],
        "entry": "flagsite validate", "language": "python", "pass_filenames": False, "files": r"^(records/|flagsite\.yaml$)",
    }]
    ci = yaml.safe_load((root / ".github/workflows/ci.yml").read_text())
    assert set(ci[True]) >= {"push", "pull_request"}
    assert any(step.get("run") == "bash .ci/run" for step in ci["jobs"]["test"]["steps"])
    template = next(source for rel, source in planned_files() if rel == ".github/workflows/flagsite.yml")
    workflow = yaml.safe_load(template.read_text())
    runs = "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    assert "flagsite validate --format github" in runs and "flagsite build" in runs
    assert "flagsite diff --help" in runs and "GITHUB_STEP_SUMMARY" in runs
    assert "flagsite flag changes --base" in runs
    assert workflow["jobs"]["deploy-pages"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_pre_commit_config_runs_flagsite_validate_on_records(tmp_path: Path, run: Callable[..., Result]) -> None:
    run("init", str(tmp_path / "r"))
    config = yaml.safe_load((tmp_path / "r" / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]["hooks"][0]
    assert (hook["id"], hook["entry"], hook["pass_filenames"]) == ("flagsite-validate", "flagsite validate", False)


def test_init_writes_the_private_host_configuration_and_keeps_its_accounts_out_of_git(tmp_path: Path, run: Callable[..., Result]) -> None:
    target = tmp_path / "r"
    result = run("init", str(target))
    for path in ("deploy/README.md", "deploy/caddy/flagsite.caddy", "deploy/caddy/basic-auth.Caddyfile",
                 "deploy/caddy/sso.Caddyfile", "deploy/caddy/users.caddy.example", "deploy/caddy/oauth2-proxy.cfg"):
        assert f"wrote {path}" in result.stdout, path
    assert "published nowhere until you choose a private place" in result.stdout
    (target / "deploy" / "caddy" / "users.caddy").write_text("anna $2a$14$x\n")
    assert git(target, "check-ignore", "deploy/caddy/users.caddy").strip() == "deploy/caddy/users.caddy"
