"""``flagsite init DIR``: a new records repository, ready to commit and push.

Everything written comes from files shipped in the package
(``flagsite/defaults/init/``, and the site's ``defaults/mkdocs.yml``), plus
the JSON Schemas generated for the default vocabulary. A folder that already
holds records is refused; other files already there are kept, never
overwritten.

The workflow publishes the site from one branch (``main`` unless told
otherwise), and the repository is made with that branch, so a team's first
push runs the workflow. Git is initialised when the folder is not yet in a
repository; with ``commit`` (``init --git``) the folder must not be in one, and
everything written is the repository's first commit.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from ..errors import FlagsiteError
from ..git import commit_everything, current_branch, git_init, is_git_repository, top_level
from . import DEFAULT_BRANCH

if TYPE_CHECKING:  # a type here: what init writes loads these when it runs, so that its help loads none
    from .install_source import InstallSource

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
DEPLOY_README = "deploy/README.md"
MKDOCS = "mkdocs.yml"
FIRST_COMMIT = "Start the records repository (flagsite init)"
# The workflow's default install, replaced by the source this flagsite came from.
_DEFAULT_PACKAGE = "vars.FLAGSITE_PACKAGE || 'flagsite' }}"
# The branch the shipped files name, where they name it (not the "main line" nor the main-line job).
_BRANCH_WORD = re.compile(r"\bmain\b(?![- ]line)")
# The shipped site configuration speaks as the package's defaults; copied into a repository, it is that repository's own.
_MKDOCS_HEADER = (
    "# flagsite's default site configuration, used when a records repository has no mkdocs.yml.\n"
    "# Copy it to the repository root to change it; keep \"flagsite\" under plugins.\n"
)
_MKDOCS_HEADER_HERE = (
    "# The site's configuration: flagsite build, flagsite serve and mkdocs build read it from here.\n"
    "# Change it as you need; keep \"flagsite\" under plugins (it makes every page from records/).\n"
)


@dataclass
class InitResult:
    root: str
    written: list[str] = field(default_factory=list)  # relative paths
    kept: list[str] = field(default_factory=list)  # already there, left alone
    git_initialised: bool = False
    committed: bool = False  # everything written is the first commit
    package: InstallSource | None = None  # what the written workflow installs
    branch: str = DEFAULT_BRANCH  # the branch the workflow publishes from
    current_branch: str | None = None  # the branch of the repository the files went into, when it was there before


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


def workflow_text(template: bytes, package: InstallSource, branch: str = DEFAULT_BRANCH) -> bytes:
    text = template.decode("utf-8")
    if _DEFAULT_PACKAGE not in text or "branches: [main]" not in text:
        raise AssertionError("the workflow template no longer names its default package and branch")
    quoted = package.requirement.replace("'", "''")  # a string literal inside ${{ }}
    text = text.replace(_DEFAULT_PACKAGE, f"vars.FLAGSITE_PACKAGE || '{quoted}' }}}}")
    return _branch_named(text, branch).encode("utf-8")


def _branch_named(text: str, branch: str) -> str:
    """The shipped text with ``branch`` where it names main (a name git accepts, checked before)."""
    if branch == DEFAULT_BRANCH:
        return text
    text = text.replace("branches: [main]", f"branches: ['{branch}']")
    return _BRANCH_WORD.sub(branch, text)


def mkdocs_text(template: bytes) -> bytes:
    text = template.decode("utf-8")
    if not text.startswith(_MKDOCS_HEADER):
        raise AssertionError("the default mkdocs.yml no longer starts with the header init replaces")
    return (_MKDOCS_HEADER_HERE + text[len(_MKDOCS_HEADER) :]).encode("utf-8")


def _content(rel: str, source: Traversable, package: InstallSource | None, branch: str) -> bytes:
    content = source.read_bytes()
    if rel == WORKFLOW and package is not None:
        return workflow_text(content, package, branch)
    if rel == DEPLOY_README:
        return _branch_named(content.decode("utf-8"), branch).encode("utf-8")
    if rel == MKDOCS:
        return mkdocs_text(content)
    return content


def _enclosing_repository(root: str) -> str | None:
    """The top folder of the Git repository ``root`` would be in (``root`` may not exist yet)."""
    folder = os.path.abspath(root)
    while not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    return top_level(folder)


def init_repository(root: str, package: InstallSource | None = None, *, branch: str = DEFAULT_BRANCH, commit: bool = False) -> InitResult:
    """Write a new records repository in ``root``; ``commit``: make it a new Git repository and commit everything written."""
    if os.path.exists(root) and not os.path.isdir(root):
        raise FlagsiteError(f"{root} is a file; give a folder for the new records repository")
    if _holds_records(root):
        raise FlagsiteError(f"{root} already holds records/; flagsite init starts a new repository and changes nothing here")
    enclosing = _enclosing_repository(root)
    if commit and enclosing is not None:
        raise FlagsiteError(
            f"{root} is inside the Git repository {enclosing}; 'flagsite init --git' makes a new repository, so nothing was "
            "written. Give a folder outside it, or leave out --git to add the files to that repository"
        )
    os.makedirs(root, exist_ok=True)
    result = InitResult(root, branch=branch, current_branch=current_branch(root) if enclosing else None)
    for rel, source in planned_files():
        target = os.path.join(root, *rel.split("/"))
        if os.path.exists(target):
            result.kept.append(rel)
            continue
        if rel == WORKFLOW:
            from .install_source import this_install_source

            result.package = package or this_install_source()
        content = _content(rel, source, result.package, branch)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "xb") as handle:  # x: never replace a file that appeared meanwhile
            handle.write(content)
        result.written.append(rel)
    from ..config import Config
    from ..schema import write_schemas

    for path in write_schemas(os.path.join(root, "schema"), Config()):
        result.written.append(os.path.relpath(path, root).replace(os.sep, "/"))
    if not is_git_repository(root):
        try:
            git_init(root, branch)
        except FlagsiteError as error:
            raise FlagsiteError(f"the files are written, but {error}; run 'git init -b {branch}' there yourself") from error
        result.git_initialised = True
    if commit:
        try:
            commit_everything(root, FIRST_COMMIT)
        except FlagsiteError as error:
            raise FlagsiteError(
                f"the files are written and the repository made, but {error}; commit them yourself (git add -A && git commit)"
            ) from error
        result.committed = True
    return result
