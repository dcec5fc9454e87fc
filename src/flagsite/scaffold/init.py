"""``flagsite init DIR``: a new records repository, ready to commit and push.

Everything written comes from files shipped in the package
(``flagsite/defaults/init/``, and the site's ``defaults/mkdocs.yml``), plus
the JSON Schemas generated for the default vocabulary. A folder that already
holds records is refused; other files already there are kept, never
overwritten. Git is initialised when the folder is not yet in a repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable

from ..config import Config
from ..errors import FlagsiteError
from ..git import git_init, is_git_repository
from ..schema import write_schemas
from .install_source import InstallSource, this_install_source

# Package file (under defaults/init/) -> where it goes in the new repository.
INIT_FILES: dict[str, str] = {
    "flagsite.yaml": "flagsite.yaml",
    "workflow.yml": ".github/workflows/flagsite.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "CODEOWNERS": ".github/CODEOWNERS",
    "gitignore": ".gitignore",
    "docs-README.txt": "docs/README.txt",  # MkDocs refuses to build without its docs folder
}
EXAMPLE_RECORDS = "records"
DEPLOY = "deploy"  # a web server with sign-in in front of the built site
WORKFLOW = ".github/workflows/flagsite.yml"
# The workflow's default install, replaced by the source this flagsite came from.
_DEFAULT_PACKAGE = "vars.FLAGSITE_PACKAGE || 'flagsite' }}"


@dataclass
class InitResult:
    root: str
    written: list[str] = field(default_factory=list)  # relative paths
    kept: list[str] = field(default_factory=list)  # already there, left alone
    git_initialised: bool = False
    package: InstallSource | None = None  # what the written workflow installs


def _defaults() -> Traversable:
    return files("flagsite") / "defaults"


def _walk(node: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    found = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        rel = f"{prefix}/{child.name}"
        found += _walk(child, rel) if child.is_dir() else [(rel, child)]
    return found


def planned_files() -> list[tuple[str, Traversable]]:
    """(path in the new repository, package file) for everything init copies."""
    init = _defaults() / "init"
    plan = [(target, init / source) for source, target in INIT_FILES.items()]
    plan += _walk(init / EXAMPLE_RECORDS, EXAMPLE_RECORDS)
    plan += _walk(init / DEPLOY, DEPLOY)
    mkdocs = _defaults() / "mkdocs.yml"
    if mkdocs.is_file():  # the site's default configuration, when this build ships one
        plan.append(("mkdocs.yml", mkdocs))
    return plan


def _holds_records(root: str) -> bool:
    records = os.path.join(root, EXAMPLE_RECORDS)
    if not os.path.isdir(records):
        return False
    with os.scandir(records) as entries:
        return any(entries)


def workflow_text(template: bytes, package: InstallSource) -> bytes:
    text = template.decode("utf-8")
    if _DEFAULT_PACKAGE not in text:
        raise AssertionError("the workflow template no longer names its default package")
    quoted = package.requirement.replace("'", "''")  # a string literal inside ${{ }}
    return text.replace(_DEFAULT_PACKAGE, f"vars.FLAGSITE_PACKAGE || '{quoted}' }}}}").encode("utf-8")


def init_repository(root: str, package: InstallSource | None = None) -> InitResult:
    if os.path.exists(root) and not os.path.isdir(root):
        raise FlagsiteError(f"{root} is a file; give a folder for the new records repository")
    if _holds_records(root):
        raise FlagsiteError(f"{root} already holds records/; flagsite init starts a new repository and changes nothing here")
    os.makedirs(root, exist_ok=True)
    result = InitResult(root)
    for rel, source in planned_files():
        target = os.path.join(root, *rel.split("/"))
        if os.path.exists(target):
            result.kept.append(rel)
            continue
        content = source.read_bytes()
        if rel == WORKFLOW:
            result.package = package or this_install_source()
            content = workflow_text(content, result.package)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "xb") as handle:  # x: never replace a file that appeared meanwhile
            handle.write(content)
        result.written.append(rel)
    for path in write_schemas(os.path.join(root, "schema"), Config()):
        result.written.append(os.path.relpath(path, root).replace(os.sep, "/"))
    if not is_git_repository(root):
        try:
            git_init(root)
        except FlagsiteError as error:
            raise FlagsiteError(f"the files are written, but {error}; run 'git init' there yourself") from error
        result.git_initialised = True
    return result
